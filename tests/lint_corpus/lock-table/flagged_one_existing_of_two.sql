-- backend: postgres
-- run_in_transaction: true
-- expect: lock-table
SET lock_timeout = '5s';
CREATE TABLE staging (id BIGINT PRIMARY KEY);
LOCK staging, users IN SHARE MODE;
