-- backend: postgres
-- run_in_transaction: false
-- expect: none
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY ix_users_email ON users (email);
RESET lock_timeout;
