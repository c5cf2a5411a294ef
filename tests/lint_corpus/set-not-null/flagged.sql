-- backend: postgres
-- run_in_transaction: true
-- expect: set-not-null
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
