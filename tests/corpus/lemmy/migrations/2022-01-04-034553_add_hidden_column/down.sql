ALTER TABLE community
    DROP COLUMN hidden;

DROP TABLE mod_hide_community;

