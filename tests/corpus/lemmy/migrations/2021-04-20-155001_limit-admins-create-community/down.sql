ALTER TABLE site
    DROP COLUMN community_creation_admin_only;

