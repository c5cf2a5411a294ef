-- backend: mysql
-- run_in_transaction: true
-- expect: mysql-online-ddl
ALTER TABLE users ADD INDEX ix_users_email (email);
