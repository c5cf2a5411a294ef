-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
CREATE TABLE tags (id BIGINT PRIMARY KEY, name TEXT NOT NULL CHECK (char_length(name) <= 100), note VARCHAR, v TEXT DEFAULT 'varchar(10)');
