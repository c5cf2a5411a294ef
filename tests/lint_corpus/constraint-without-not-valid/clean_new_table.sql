-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
CREATE TABLE posts (id BIGINT PRIMARY KEY, user_id BIGINT);
ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
