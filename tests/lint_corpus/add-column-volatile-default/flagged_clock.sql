-- backend: postgres
-- run_in_transaction: true
-- expect: add-column-volatile-default, prefer-timestamptz
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN seen_at TIMESTAMP DEFAULT clock_timestamp();
