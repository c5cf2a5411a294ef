-- backend: postgres
-- run_in_transaction: true
-- expect: constraint-without-not-valid
SET lock_timeout = '5s';
ALTER TABLE posts ADD COLUMN editor_id BIGINT REFERENCES users (id);
