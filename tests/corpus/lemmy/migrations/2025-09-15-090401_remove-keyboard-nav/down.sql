ALTER TABLE local_user
    ADD COLUMN enable_keyboard_navigation boolean NOT NULL DEFAULT FALSE;

