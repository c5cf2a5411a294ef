-- backend: postgres
-- run_in_transaction: true
-- expect: drop-index-blocking
SET lock_timeout = '5s';
DROP INDEX IF EXISTS ix_users_email;
