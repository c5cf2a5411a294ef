ALTER TABLE local_site
    DROP COLUMN disallow_nsfw_content;

