DROP INDEX IF EXISTS index_version_downloads_by_date;
DROP INDEX IF EXISTS index_recent_crate_downloads_by_downloads;
