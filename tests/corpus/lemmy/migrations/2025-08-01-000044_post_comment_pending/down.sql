ALTER TABLE post
    DROP COLUMN federation_pending;

ALTER TABLE comment
    DROP COLUMN federation_pending;

