ALTER TABLE comment
    DROP COLUMN distinguished;

