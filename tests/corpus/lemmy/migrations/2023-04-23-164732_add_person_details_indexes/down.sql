DROP INDEX idx_person_lower_name;

DROP INDEX idx_community_lower_name;

DROP INDEX idx_community_moderator_published;

DROP INDEX idx_community_moderator_community;

DROP INDEX idx_community_moderator_person;

DROP INDEX idx_comment_saved_comment;

DROP INDEX idx_comment_saved_person;

DROP INDEX idx_community_block_community;

DROP INDEX idx_community_block_person;

DROP INDEX idx_community_follower_community;

DROP INDEX idx_community_follower_person;

DROP INDEX idx_person_block_person;

DROP INDEX idx_person_block_target;

DROP INDEX idx_post_language;

DROP INDEX idx_comment_language;

DROP INDEX idx_person_aggregates_person;

DROP INDEX idx_person_post_aggregates_post;

DROP INDEX idx_person_post_aggregates_person;

DROP INDEX idx_comment_reply_comment;

DROP INDEX idx_comment_reply_recipient;

DROP INDEX idx_comment_reply_published;

