ALTER TABLE local_site
    DROP COLUMN reports_email_admins;

