ALTER TABLE local_site
    ADD COLUMN disable_email_notifications bool NOT NULL DEFAULT FALSE;

