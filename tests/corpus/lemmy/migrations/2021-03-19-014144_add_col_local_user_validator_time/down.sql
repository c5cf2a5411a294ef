ALTER TABLE local_user
    DROP COLUMN validator_time;

