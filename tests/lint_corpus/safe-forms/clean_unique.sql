-- backend: postgres
-- run_in_transaction: false
-- expect: none
SET lock_timeout = '3s';
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
