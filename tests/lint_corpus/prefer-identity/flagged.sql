-- backend: postgres
-- run_in_transaction: true
-- expect: prefer-identity, prefer-bigint-primary-key
SET lock_timeout = '5s';
CREATE TABLE tags (
    id SERIAL PRIMARY KEY,
    name TEXT NOT NULL
);
