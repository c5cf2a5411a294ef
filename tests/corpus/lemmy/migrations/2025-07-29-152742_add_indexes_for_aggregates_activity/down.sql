DROP INDEX idx_post_published, idx_post_like_published, idx_comment_like_published;

