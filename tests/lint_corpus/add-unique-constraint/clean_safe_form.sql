-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;
