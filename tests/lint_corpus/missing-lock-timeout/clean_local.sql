-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN nickname TEXT;
