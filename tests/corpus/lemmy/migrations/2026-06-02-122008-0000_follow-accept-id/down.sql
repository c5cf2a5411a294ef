ALTER TABLE community_actions
    DROP COLUMN follow_activity_id;

