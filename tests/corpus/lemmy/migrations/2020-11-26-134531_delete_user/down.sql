ALTER TABLE user_
    DROP COLUMN deleted;

