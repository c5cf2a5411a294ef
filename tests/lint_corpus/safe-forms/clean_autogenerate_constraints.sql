-- backend: postgres
-- run_in_transaction: false
-- expect: none
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT ck_users_age CHECK (age >= 0) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT ck_users_age;
ALTER TABLE users ADD CONSTRAINT fk_users_age_orgs FOREIGN KEY (age) REFERENCES orgs (id) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT fk_users_age_orgs;
RESET lock_timeout;
