ALTER TABLE notification
    DROP COLUMN creator_id;

