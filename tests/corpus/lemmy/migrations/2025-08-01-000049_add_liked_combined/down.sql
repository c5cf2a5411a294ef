DROP TABLE person_liked_combined;

