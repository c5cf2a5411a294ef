-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
CREATE TABLE tags (id BIGINT PRIMARY KEY, n INTEGER);
CREATE TABLE tag_links (a INTEGER, b INTEGER, PRIMARY KEY (a, b));
