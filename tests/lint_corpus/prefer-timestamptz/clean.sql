-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
CREATE TABLE events (id BIGINT PRIMARY KEY, at TIMESTAMPTZ NOT NULL, at2 timestamp with time zone, timestamp TEXT, d DATE DEFAULT CAST(now() AS timestamp));
