-- backend: postgres
-- run_in_transaction: true
-- expect: none
SELECT set_config('lock_timeout', '2s', false);
ALTER TABLE users ADD COLUMN nickname TEXT;
