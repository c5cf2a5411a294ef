-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
ALTER TABLE follows ADD CONSTRAINT follows_pkey PRIMARY KEY USING INDEX follows_pkey_idx;
