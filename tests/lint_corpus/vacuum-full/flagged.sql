-- backend: postgres
-- run_in_transaction: false
-- expect: vacuum-full
SET lock_timeout = '5s';
VACUUM FULL users;
