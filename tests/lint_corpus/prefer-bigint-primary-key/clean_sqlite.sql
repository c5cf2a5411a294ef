-- backend: sqlite
-- run_in_transaction: true
-- expect: none
CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT);
