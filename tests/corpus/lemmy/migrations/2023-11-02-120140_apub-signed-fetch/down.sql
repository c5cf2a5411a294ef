ALTER TABLE local_site
    DROP COLUMN federation_signed_fetch;

