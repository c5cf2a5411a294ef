ALTER TABLE mod_remove_community
    ADD COLUMN expires timestamptz;

