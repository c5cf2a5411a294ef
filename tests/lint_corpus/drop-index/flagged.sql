-- backend: postgres
-- run_in_transaction: false
-- expect: drop-index
SET lock_timeout = '5s';
DROP INDEX CONCURRENTLY ix_users_email;
