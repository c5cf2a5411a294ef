ALTER TABLE site
    DROP COLUMN actor_id,
    DROP COLUMN last_refreshed_at,
    DROP COLUMN inbox_url,
    DROP COLUMN private_key,
    DROP COLUMN public_key;

