-- backend: postgres
-- run_in_transaction: true
-- expect: add-column-volatile-default
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN shard INT NOT NULL DEFAULT (random() * 10)::int;
