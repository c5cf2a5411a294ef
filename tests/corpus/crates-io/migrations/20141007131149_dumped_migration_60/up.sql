CREATE INDEX index_version_authors_version_id
                           ON version_authors (version_id);