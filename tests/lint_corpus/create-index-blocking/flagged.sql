-- backend: postgres
-- run_in_transaction: true
-- expect: create-index-blocking
SET lock_timeout = '5s';
CREATE INDEX ix_users_email ON users (email);
