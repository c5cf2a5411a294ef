ALTER TABLE community
    DROP COLUMN local_removed;

