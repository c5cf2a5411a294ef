-- backend: postgres
-- run_in_transaction: false
-- expect: none
CREATE TABLE tags (id BIGINT PRIMARY KEY, name TEXT);
CREATE INDEX ix_tags ON tags (name);
INSERT INTO tags (name) VALUES ('ALTER TABLE users');
CREATE INDEX CONCURRENTLY ix_users_email ON users (email);
