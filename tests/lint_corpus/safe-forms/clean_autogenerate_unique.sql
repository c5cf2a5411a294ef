-- backend: postgres
-- run_in_transaction: false
-- expect: none
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email;
RESET lock_timeout;
