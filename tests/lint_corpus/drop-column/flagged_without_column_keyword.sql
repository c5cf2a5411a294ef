-- backend: postgres
-- run_in_transaction: true
-- expect: drop-column
SET lock_timeout = '5s';
ALTER TABLE users DROP phone;
