ALTER TABLE site
    DROP COLUMN default_post_listing_type;

