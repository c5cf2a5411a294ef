DROP VIEW user_mention_mview;

