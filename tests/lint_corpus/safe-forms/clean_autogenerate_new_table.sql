-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
CREATE TABLE t (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    n INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    CONSTRAINT ck_t CHECK (n > 0)
);
CREATE INDEX ix_t_name ON t (name);
ALTER TABLE t ADD CONSTRAINT fk_t_user_id_users FOREIGN KEY (user_id) REFERENCES users (id);
RESET lock_timeout;
