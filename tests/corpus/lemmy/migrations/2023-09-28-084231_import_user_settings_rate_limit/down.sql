ALTER TABLE local_site_rate_limit
    DROP COLUMN import_user_settings;

ALTER TABLE local_site_rate_limit
    DROP COLUMN import_user_settings_per_second;

