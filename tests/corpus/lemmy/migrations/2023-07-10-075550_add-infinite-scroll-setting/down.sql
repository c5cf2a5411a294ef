ALTER TABLE local_user
    DROP COLUMN infinite_scroll_enabled;

