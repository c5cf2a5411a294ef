-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
-- DANGER: makes users.age NOT NULL; fails if a row holds NULL
ALTER TABLE users ADD CONSTRAINT ck_users_age_not_null CHECK (age IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT ck_users_age_not_null;
ALTER TABLE users ALTER COLUMN age SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT ck_users_age_not_null;
RESET lock_timeout;
