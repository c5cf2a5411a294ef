-- backend: postgres
-- run_in_transaction: true
-- expect: missing-lock-timeout
ALTER TABLE users ADD COLUMN nickname TEXT;
ALTER TABLE users ADD COLUMN bio TEXT;
