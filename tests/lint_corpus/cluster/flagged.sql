-- backend: postgres
-- run_in_transaction: true
-- expect: cluster
SET lock_timeout = '5s';
CLUSTER users USING users_pkey;
