-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE users ADD COLUMN note TEXT DEFAULT 'random()';
ALTER TABLE users ADD COLUMN token UUID;
ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();
CREATE TABLE t (id BIGINT PRIMARY KEY);
ALTER TABLE t ADD COLUMN token UUID NOT NULL DEFAULT gen_random_uuid();
