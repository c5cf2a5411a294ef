-- backend: mysql
-- run_in_transaction: true
-- expect: mysql-online-ddl
CREATE INDEX ix_users_email ON users (email);
