-- backend: postgres
-- run_in_transaction: true
-- expect: rename
SET lock_timeout = '5s';
ALTER TABLE users RENAME TO accounts;
