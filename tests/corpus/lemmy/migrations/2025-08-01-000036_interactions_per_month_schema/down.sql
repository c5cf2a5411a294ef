ALTER TABLE community_aggregates
    DROP COLUMN interactions_month;

