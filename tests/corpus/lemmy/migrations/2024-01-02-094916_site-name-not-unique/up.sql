ALTER TABLE site
    DROP CONSTRAINT site_name_key;

