ALTER TABLE person_actions
    DROP COLUMN noted_at,
    DROP COLUMN note;

