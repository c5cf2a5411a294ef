ALTER TABLE local_site
    ADD COLUMN federation_debug boolean DEFAULT FALSE NOT NULL;

