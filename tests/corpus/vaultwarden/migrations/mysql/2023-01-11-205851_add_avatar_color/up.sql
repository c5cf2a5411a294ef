ALTER TABLE users
ADD COLUMN avatar_color VARCHAR(7);
