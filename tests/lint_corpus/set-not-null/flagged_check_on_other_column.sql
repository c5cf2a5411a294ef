-- backend: postgres
-- run_in_transaction: true
-- expect: set-not-null
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_phone_nn CHECK (phone IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_phone_nn;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
