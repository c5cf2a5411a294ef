ALTER TABLE private_message
    DROP COLUMN removed;

