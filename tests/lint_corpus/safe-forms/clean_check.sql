-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '3s';
ALTER TABLE users ADD CONSTRAINT ck_users_age CHECK (age >= 0) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT ck_users_age;
