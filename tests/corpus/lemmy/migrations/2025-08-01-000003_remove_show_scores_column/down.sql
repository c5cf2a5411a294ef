ALTER TABLE local_user
    ADD COLUMN show_scores boolean NOT NULL DEFAULT TRUE;

