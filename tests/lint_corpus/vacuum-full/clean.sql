-- backend: postgres
-- run_in_transaction: false
-- expect: none
SET lock_timeout = '5s';
VACUUM ANALYZE users;
VACUUM (VERBOSE) users;
