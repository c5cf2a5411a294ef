ALTER TABLE community
    DROP COLUMN moderators_url;

ALTER TABLE community
    DROP COLUMN featured_url;

