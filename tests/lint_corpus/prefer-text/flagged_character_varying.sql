-- backend: postgres
-- run_in_transaction: true
-- expect: prefer-text
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN handle character varying(40);
