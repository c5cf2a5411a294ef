-- backend: postgres
-- run_in_transaction: true
-- expect: constraint-without-not-valid
SET lock_timeout = '5s';
ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
