-- backend: postgres
-- run_in_transaction: true
-- expect: alter-column-type
SET lock_timeout = '5s';
ALTER TABLE users ALTER age SET DATA TYPE bigint USING age::bigint;
