-- backend: postgres
-- run_in_transaction: false
-- expect: none
SET lock_timeout = '3s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_email ON users (email);
