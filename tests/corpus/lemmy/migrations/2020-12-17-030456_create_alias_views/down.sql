DROP VIEW user_alias_1, user_alias_2, comment_alias_1;

