-- Reverts 0002: create categories and articles

-- DANGER: drops table articles and every row in it
DROP TABLE articles;

-- DANGER: drops table categories and every row in it
DROP TABLE categories;
