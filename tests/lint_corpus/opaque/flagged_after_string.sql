-- backend: postgres
-- run_in_transaction: true
-- expect: drop-column
SET lock_timeout = '5s';
INSERT INTO notes (body) VALUES ('it''s -- not a comment');
ALTER TABLE users DROP COLUMN a;
