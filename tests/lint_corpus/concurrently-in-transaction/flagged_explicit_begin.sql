-- backend: postgres
-- run_in_transaction: false
-- expect: concurrently-in-transaction
SET lock_timeout = '5s';
BEGIN;
CREATE INDEX CONCURRENTLY ix_users_email ON users (email);
COMMIT;
CREATE INDEX CONCURRENTLY ix_users_name ON users (name);
