DROP TABLE community_community_follow;

