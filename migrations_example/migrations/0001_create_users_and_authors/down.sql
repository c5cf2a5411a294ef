DROP TABLE authors;
DROP INDEX ix_users_status;
DROP TABLE users;
