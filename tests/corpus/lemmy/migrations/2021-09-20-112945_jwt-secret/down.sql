DROP TABLE secret;

DROP EXTENSION pgcrypto;

