-- backend: postgres
-- run_in_transaction: false
-- expect: none
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN nickname TEXT;
COMMIT;
