-- backend: mysql
-- run_in_transaction: true
-- expect: rename
RENAME TABLE users TO accounts;
