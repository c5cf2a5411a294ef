-- backend: postgres
-- run_in_transaction: true
-- expect: missing-lock-timeout
CREATE TABLE posts (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users (id));
