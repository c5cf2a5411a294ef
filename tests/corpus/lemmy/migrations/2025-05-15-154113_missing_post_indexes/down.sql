DROP INDEX idx_post_read_post;

DROP INDEX idx_post_hide_post;

DROP INDEX idx_post_saved_post;

