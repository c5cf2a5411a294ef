-- backend: sqlite
-- run_in_transaction: true
-- expect: none
CREATE INDEX ix_users_email ON users (email);
