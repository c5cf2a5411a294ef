DROP TABLE admin_purge_person;

DROP TABLE admin_purge_community;

DROP TABLE admin_purge_post;

DROP TABLE admin_purge_comment;

