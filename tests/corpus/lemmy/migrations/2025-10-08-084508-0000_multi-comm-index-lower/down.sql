DROP INDEX idx_multi_community_lower_actor_id;

