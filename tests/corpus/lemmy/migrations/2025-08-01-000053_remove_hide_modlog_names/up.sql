ALTER TABLE local_site
    DROP COLUMN hide_modlog_mod_names;

