-- backend: sqlite
-- run_in_transaction: true
-- expect: drop-table
DROP TABLE users;
