-- backend: postgres
-- run_in_transaction: true
-- expect: prefer-text
SET lock_timeout = '5s';
CREATE TABLE tags (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);
