-- Reverts 0004: add phone to users

-- DANGER: drops column users.phone and its data
ALTER TABLE users DROP COLUMN phone;
