-- backend: postgres
-- run_in_transaction: true
-- expect: add-not-null-without-default
SET lock_timeout = '5s';
alter table users add column age integer not null;
