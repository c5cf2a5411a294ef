-- backend: postgres
-- run_in_transaction: false
-- expect: missing-lock-timeout
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN nickname TEXT;
