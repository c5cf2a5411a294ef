ALTER TABLE community
    DROP COLUMN random_number;

DROP FUNCTION random_smallint;

