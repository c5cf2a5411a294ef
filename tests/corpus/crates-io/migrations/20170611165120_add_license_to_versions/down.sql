ALTER TABLE versions DROP COLUMN license;
