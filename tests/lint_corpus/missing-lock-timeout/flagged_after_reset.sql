-- backend: postgres
-- run_in_transaction: true
-- expect: missing-lock-timeout
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname TEXT;
RESET lock_timeout;
ALTER TABLE users ADD COLUMN bio TEXT;
