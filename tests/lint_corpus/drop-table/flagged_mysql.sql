-- backend: mysql
-- run_in_transaction: true
-- expect: drop-table
DROP TABLE IF EXISTS users;
