-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
CREATE TABLE tags (id BIGINT PRIMARY KEY, name TEXT);
CREATE INDEX ix_tags_name ON tags (name);
