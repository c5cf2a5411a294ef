DROP TABLE person_content_combined, person_saved_combined;

