-- backend: postgres
-- run_in_transaction: true
-- expect: alter-column-type
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN age TYPE BIGINT;
