DROP INDEX index_crates_name_tgrm;
DROP EXTENSION pg_trgm;
