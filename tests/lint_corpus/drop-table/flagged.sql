-- backend: postgres
-- run_in_transaction: true
-- expect: drop-table
SET lock_timeout = '5s';
DROP TABLE users;
