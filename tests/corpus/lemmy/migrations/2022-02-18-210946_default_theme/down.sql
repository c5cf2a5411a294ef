ALTER TABLE site
    DROP COLUMN default_theme;

