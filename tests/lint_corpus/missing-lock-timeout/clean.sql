-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout TO '2s';
ALTER TABLE users ADD COLUMN nickname TEXT;
