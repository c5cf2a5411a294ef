-- backend: postgres
-- run_in_transaction: true
-- expect: add-column-volatile-default
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN token UUID NOT NULL DEFAULT gen_random_uuid();
