-- backend: sqlite
-- run_in_transaction: true
-- expect: drop-table
-- A new table renamed onto another name than the one dropped: the drop stays a drop.
CREATE TABLE new_users (id INTEGER PRIMARY KEY);
DROP TABLE users;
ALTER TABLE new_users RENAME TO accounts;
