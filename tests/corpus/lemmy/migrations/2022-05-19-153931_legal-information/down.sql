ALTER TABLE site
    DROP COLUMN legal_information;

