ALTER TABLE user_
    ADD COLUMN lang varchar(20) DEFAULT 'browser' NOT NULL;

