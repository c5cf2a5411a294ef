ALTER TABLE community
    DROP COLUMN category_id;

DROP TABLE category;

