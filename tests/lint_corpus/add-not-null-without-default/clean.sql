-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN age INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN nickname TEXT;
CREATE TABLE tags (id BIGINT PRIMARY KEY);
ALTER TABLE tags ADD COLUMN name TEXT NOT NULL;
