-- backend: postgres
-- run_in_transaction: false
-- expect: none
SET lock_timeout = '5s';
CREATE UNIQUE INDEX CONCURRENTLY ix_users_email ON users (email);
REINDEX TABLE CONCURRENTLY users;
