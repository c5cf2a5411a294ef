DROP TABLE post_read;

DROP TABLE post_saved;

DROP TABLE post_like;

DROP TABLE post;

