-- backend: mysql
-- run_in_transaction: true
-- expect: none
ALTER TABLE users ADD INDEX ix_users_email (email), ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE users ADD COLUMN nickname VARCHAR(40) NULL, ALGORITHM=INSTANT;
CREATE INDEX ix_users_name ON users (name) ALGORITHM=INPLACE LOCK=NONE;
CREATE TABLE tags (id BIGINT PRIMARY KEY, name TEXT);
ALTER TABLE tags ADD INDEX ix_tags_name (name);
ALTER TABLE users ADD FULLTEXT INDEX ft_bio (bio);
