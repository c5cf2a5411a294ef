ALTER TABLE local_user
    ADD COLUMN infinite_scroll_enabled boolean DEFAULT FALSE NOT NULL;

