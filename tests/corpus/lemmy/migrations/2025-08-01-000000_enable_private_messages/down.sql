ALTER TABLE local_user
    DROP COLUMN enable_private_messages;

