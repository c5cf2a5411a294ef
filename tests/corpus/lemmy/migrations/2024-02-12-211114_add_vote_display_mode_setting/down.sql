DROP TABLE local_user_vote_display_mode;

