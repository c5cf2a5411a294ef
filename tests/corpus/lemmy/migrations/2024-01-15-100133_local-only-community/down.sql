ALTER TABLE community
    DROP COLUMN visibility;

DROP TYPE community_visibility;

