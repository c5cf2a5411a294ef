-- backend: postgres
-- run_in_transaction: true
-- expect: constraint-without-not-valid
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);
