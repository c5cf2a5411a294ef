ALTER TABLE local_user
    DROP COLUMN auto_mark_fetched_posts_as_read;

