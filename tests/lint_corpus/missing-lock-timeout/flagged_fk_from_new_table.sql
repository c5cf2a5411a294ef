-- backend: postgres
-- run_in_transaction: true
-- expect: missing-lock-timeout
CREATE TABLE posts (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL);
ALTER TABLE posts ADD CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
