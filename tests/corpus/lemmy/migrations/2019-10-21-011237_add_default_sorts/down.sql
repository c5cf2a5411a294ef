ALTER TABLE user_
    DROP COLUMN default_sort_type;

ALTER TABLE user_
    DROP COLUMN default_listing_type;

