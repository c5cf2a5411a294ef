ALTER TABLE person_aggregates
    DROP COLUMN published;

