-- This file should undo anything in `up.sql`
DROP TABLE local_site_url_blocklist;

