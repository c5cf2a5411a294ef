-- backend: postgres
-- run_in_transaction: false
-- expect: drop-index
SET lock_timeout = '5s';
DROP INDEX CONCURRENTLY IF EXISTS ix_users_email;
