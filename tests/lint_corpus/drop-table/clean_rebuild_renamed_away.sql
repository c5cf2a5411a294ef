-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
-- The other order: the old table renamed away, a new one made under its name.
ALTER TABLE users RENAME TO old_users;
CREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT NOT NULL);
INSERT INTO users (id, email) SELECT id, email FROM old_users;
DROP TABLE old_users;
