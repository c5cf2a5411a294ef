-- backend: postgres
-- run_in_transaction: true
-- expect: prefer-timestamptz, prefer-timestamptz
SET lock_timeout = '5s';
CREATE TABLE events (id BIGINT PRIMARY KEY, at TIMESTAMP NOT NULL, at2 timestamp(3) without time zone);
