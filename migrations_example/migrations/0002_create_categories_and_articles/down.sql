DROP INDEX ix_articles_author_id_published_at;
DROP TABLE articles;
DROP TABLE categories;
