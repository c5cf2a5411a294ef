-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
SELECT 'CLUSTER users';
CREATE TABLE cluster (id BIGINT PRIMARY KEY);
