-- backend: mysql
-- run_in_transaction: true
-- expect: mysql-online-ddl
ALTER TABLE users ADD COLUMN nickname VARCHAR(40) NULL;
