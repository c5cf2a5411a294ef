DROP TABLE password_reset_request;

