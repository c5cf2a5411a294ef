-- backend: mysql
-- run_in_transaction: true
-- expect: rename
ALTER TABLE users CHANGE COLUMN `key` akey TEXT;
