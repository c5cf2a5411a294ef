ALTER TABLE user_
    DROP COLUMN theme;

