ALTER TABLE local_site
    DROP COLUMN disable_email_notifications;

