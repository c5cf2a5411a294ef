ALTER TABLE local_site
    DROP COLUMN default_sort_type;

