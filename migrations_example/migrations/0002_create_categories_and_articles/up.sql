-- create categories and articles
-- revision 0002, revises 0001, created 2026-11-24T09:39:47Z

CREATE TABLE categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    parent_id INTEGER,
    CONSTRAINT uq_categories_slug UNIQUE (slug),
    CONSTRAINT fk_categories_parent_id_categories FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE SET NULL
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    author_id INTEGER NOT NULL,
    category_id INTEGER,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    published_at TIMESTAMP,
    CONSTRAINT fk_articles_author_id_authors FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE,
    CONSTRAINT fk_articles_category_id_categories FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE SET NULL
);

CREATE INDEX ix_articles_author_id_published_at ON articles (author_id, published_at);
