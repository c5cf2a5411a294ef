DROP INDEX idx_person_admin;

CREATE INDEX idx_person_admin ON person (admin);

