-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_pk;
CREATE TABLE users_new (id BIGINT PRIMARY KEY);
ALTER TABLE users_new RENAME TO users_v2;
ALTER TABLE users_v2 ADD COLUMN email TEXT NOT NULL;
ALTER INDEX ix_a RENAME TO ix_b;
