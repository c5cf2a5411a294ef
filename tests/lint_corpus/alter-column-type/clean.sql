-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
CREATE TABLE t (id BIGINT PRIMARY KEY, n INT);
ALTER TABLE t ALTER COLUMN n TYPE BIGINT;
ALTER TABLE users ALTER COLUMN age SET DEFAULT 0;
