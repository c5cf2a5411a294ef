ALTER TABLE private_message
    DROP COLUMN deleted_by_recipient;

