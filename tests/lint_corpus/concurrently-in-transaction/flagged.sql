-- backend: postgres
-- run_in_transaction: true
-- expect: concurrently-in-transaction
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY ix_users_email ON users (email);
