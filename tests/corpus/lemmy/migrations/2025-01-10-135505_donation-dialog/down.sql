ALTER TABLE local_user
    DROP COLUMN last_donation_notification;

