-- backend: postgres
-- run_in_transaction: true
-- expect: rename, drop-table
SET lock_timeout = '5s';
ALTER TABLE users RENAME TO old_users;
CREATE TABLE accounts (id BIGINT PRIMARY KEY);
DROP TABLE old_users;
