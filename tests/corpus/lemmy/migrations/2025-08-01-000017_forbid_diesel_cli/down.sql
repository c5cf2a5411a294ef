DROP FUNCTION forbid_diesel_cli CASCADE;

