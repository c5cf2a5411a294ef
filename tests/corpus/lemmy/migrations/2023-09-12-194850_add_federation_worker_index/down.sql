DROP INDEX idx_person_local_instance;

