-- backend: postgres
-- run_in_transaction: true
-- expect: concurrently-in-transaction
SET lock_timeout = '5s';
REINDEX INDEX CONCURRENTLY ix_users_email;
