-- backend: mysql
-- run_in_transaction: true
-- expect: none
CREATE TABLE tags (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);
