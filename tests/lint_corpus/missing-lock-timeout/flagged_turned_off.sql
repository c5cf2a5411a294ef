-- backend: postgres
-- run_in_transaction: true
-- expect: missing-lock-timeout
SET lock_timeout = 0;
ALTER TABLE users ADD COLUMN nickname TEXT;
