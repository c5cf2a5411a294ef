-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
CREATE TABLE follows (user_id BIGINT, crate_id BIGINT);
ALTER TABLE follows ADD PRIMARY KEY (user_id, crate_id);
