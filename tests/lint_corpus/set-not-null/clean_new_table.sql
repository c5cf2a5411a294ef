-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
CREATE TABLE tags (id BIGINT PRIMARY KEY, name TEXT);
ALTER TABLE tags ALTER COLUMN name SET NOT NULL;
