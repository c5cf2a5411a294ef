DROP TABLE post_tag;

DROP TABLE tag;

