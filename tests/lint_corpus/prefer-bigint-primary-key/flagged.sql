-- backend: postgres
-- run_in_transaction: true
-- expect: prefer-bigint-primary-key
SET lock_timeout = '5s';
CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT);
