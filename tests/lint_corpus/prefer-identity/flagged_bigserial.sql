-- backend: postgres
-- run_in_transaction: true
-- expect: prefer-identity
SET lock_timeout = '5s';
CREATE TABLE tags (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL);
