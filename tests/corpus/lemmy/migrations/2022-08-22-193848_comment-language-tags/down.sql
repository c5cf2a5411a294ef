ALTER TABLE comment
    DROP COLUMN language_id;

