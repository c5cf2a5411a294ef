ALTER TABLE person
    DROP CONSTRAINT person_name_instance_unique;

