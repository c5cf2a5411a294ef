-- backend: mysql
-- run_in_transaction: true
-- expect: alter-column-type
ALTER TABLE users MODIFY COLUMN age BIGINT;
