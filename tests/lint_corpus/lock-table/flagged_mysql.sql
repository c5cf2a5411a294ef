-- backend: mysql
-- run_in_transaction: true
-- expect: lock-table
LOCK TABLES users WRITE;
