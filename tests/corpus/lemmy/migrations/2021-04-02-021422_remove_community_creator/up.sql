-- Drop the column
ALTER TABLE community
    DROP COLUMN creator_id;

