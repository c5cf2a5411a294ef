ALTER TABLE local_site RENAME COLUMN suggested_multi_community_id TO suggested_communities;

