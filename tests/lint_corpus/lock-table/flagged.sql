-- backend: postgres
-- run_in_transaction: true
-- expect: lock-table
SET lock_timeout = '5s';
LOCK TABLE users IN ACCESS EXCLUSIVE MODE;
