DROP TABLE comment_saved;

DROP TABLE comment_like;

DROP TABLE comment;

