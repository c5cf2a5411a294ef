ALTER TABLE modlog
    DROP COLUMN child_count;

