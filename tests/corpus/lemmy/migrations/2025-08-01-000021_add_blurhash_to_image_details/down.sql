ALTER TABLE image_details
    DROP COLUMN blurhash;

