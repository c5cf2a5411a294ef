-- backend: postgres
-- run_in_transaction: true
-- expect: prefer-bigint-primary-key
SET lock_timeout = '5s';
CREATE TABLE tags (
    id int4 NOT NULL,
    name TEXT,
    CONSTRAINT tags_pkey PRIMARY KEY (id)
);
