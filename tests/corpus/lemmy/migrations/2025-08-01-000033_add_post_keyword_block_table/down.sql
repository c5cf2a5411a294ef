DROP TABLE local_user_keyword_block;

