ALTER TABLE multi_community
    DROP COLUMN sidebar;

