-- backend: postgres
-- run_in_transaction: false
-- expect: none
SET lock_timeout = '5s';
REINDEX TABLE CONCURRENTLY users;
REINDEX (VERBOSE) INDEX CONCURRENTLY users_pkey;
