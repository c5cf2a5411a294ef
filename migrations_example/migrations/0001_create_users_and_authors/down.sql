-- Reverts 0001: create users and authors

-- DANGER: drops table authors and every row in it
DROP TABLE authors;

-- DANGER: drops table users and every row in it
DROP TABLE users;
