-- backend: postgres
-- run_in_transaction: true
-- expect: add-primary-key
SET lock_timeout = '5s';
ALTER TABLE follows ADD PRIMARY KEY (user_id, crate_id);
