-- backend: sqlite
-- run_in_transaction: true
-- expect: none
-- SQLite's table rebuild: the rows are copied, the drop loses nothing.
CREATE TABLE new_users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
INSERT INTO new_users (id, email) SELECT id, email FROM users;
DROP TABLE users;
ALTER TABLE new_users RENAME TO users;
