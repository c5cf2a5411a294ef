DROP VIEW user_mention_view;

DROP TABLE user_mention;

