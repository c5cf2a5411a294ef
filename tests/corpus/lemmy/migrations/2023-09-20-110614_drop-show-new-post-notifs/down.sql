ALTER TABLE local_user
    ADD COLUMN show_new_post_notifs boolean NOT NULL DEFAULT FALSE;

