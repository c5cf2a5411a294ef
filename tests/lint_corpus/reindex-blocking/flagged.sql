-- backend: postgres
-- run_in_transaction: true
-- expect: reindex-blocking
SET lock_timeout = '5s';
REINDEX TABLE users;
