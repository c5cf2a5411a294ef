ALTER TABLE local_user
    ADD COLUMN show_scores boolean DEFAULT TRUE NOT NULL;

