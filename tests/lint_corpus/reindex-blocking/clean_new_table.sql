-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
CREATE TABLE staging (id BIGINT PRIMARY KEY, name TEXT);
CREATE INDEX ix_staging_name ON staging (name);
REINDEX TABLE staging;
REINDEX INDEX ix_staging_name;
