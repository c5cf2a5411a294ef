-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
CREATE TABLE staging (id BIGINT PRIMARY KEY);
LOCK TABLE staging IN ACCESS EXCLUSIVE MODE;
