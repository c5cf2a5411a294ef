ALTER TABLE mod_lock_post
    DROP COLUMN reason;

