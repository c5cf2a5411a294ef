-- create posts
-- revision 0003, revises 0002, created 2026-11-24T09:39:47Z

CREATE TABLE posts (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    user_id INTEGER NOT NULL,
    body TEXT NOT NULL,
    likes INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ck_posts_likes CHECK (likes >= 0),
    CONSTRAINT fk_posts_user_id_users FOREIGN KEY (user_id) REFERENCES users (id)
);
