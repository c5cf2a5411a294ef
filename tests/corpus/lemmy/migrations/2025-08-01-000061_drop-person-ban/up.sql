DROP TABLE person_ban;

