DROP INDEX idx_post_aggregates_comments;

