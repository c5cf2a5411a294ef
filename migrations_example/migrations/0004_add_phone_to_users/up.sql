-- add phone to users
-- revision 0004, revises 0003, created 2026-11-24T09:39:47Z

ALTER TABLE users ADD COLUMN phone TEXT;
