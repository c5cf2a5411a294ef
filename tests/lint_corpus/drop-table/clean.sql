-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '5s';
-- DROP TABLE users;
/* DROP TABLE users; */
INSERT INTO audit (note) VALUES ('DROP TABLE users');
CREATE TABLE scratch (id BIGINT PRIMARY KEY);
DROP TABLE scratch;
