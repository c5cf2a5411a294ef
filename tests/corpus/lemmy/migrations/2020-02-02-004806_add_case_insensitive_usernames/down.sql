DROP INDEX idx_user_name_lower;

DROP INDEX idx_user_email_lower;

