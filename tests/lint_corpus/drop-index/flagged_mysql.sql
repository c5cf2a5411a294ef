-- backend: mysql
-- run_in_transaction: true
-- expect: drop-index
ALTER TABLE users DROP INDEX ix_users_email, ALGORITHM=INPLACE, LOCK=NONE;
