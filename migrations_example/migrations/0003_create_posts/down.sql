-- Reverts 0003: create posts

-- DANGER: drops table posts and every row in it
DROP TABLE posts;
