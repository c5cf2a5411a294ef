-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
CREATE TABLE tmp (id BIGINT PRIMARY KEY, email TEXT);
CREATE INDEX ix_tmp ON tmp (email);
DROP INDEX ix_tmp;
-- DROP INDEX ix_users_email;
