-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
SELECT * FROM users WHERE id = 1 FOR UPDATE;
COMMENT ON TABLE users IS 'LOCK TABLE users';
