-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
-- ALTER TABLE users DROP COLUMN a; CREATE INDEX ix ON users (a);
/* VACUUM FULL users; LOCK TABLE users; /* nested */ REINDEX TABLE users; */
INSERT INTO notes (body) VALUES ('ALTER TABLE users ALTER COLUMN a SET NOT NULL; -- not a comment'), (E'DROP TABLE users\'s');
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    ALTER TABLE users DROP COLUMN a;
    EXECUTE 'CREATE INDEX ix ON users (a)';
    RETURN NEW;
END
$$;
DO $body$ BEGIN ALTER TABLE users RENAME COLUMN a TO b; DROP TABLE users; END $body$;
SELECT "DROP TABLE users" FROM t;
