-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
CREATE TABLE tags (id BIGINT PRIMARY KEY, name TEXT);
ALTER TABLE tags DROP COLUMN name;
ALTER TABLE users DROP CONSTRAINT users_phone_check;
ALTER TABLE users ALTER COLUMN phone DROP DEFAULT;
COMMENT ON COLUMN users.phone IS 'ALTER TABLE users DROP COLUMN phone';
