//! The model annotator behind `adopt --db`, end to end on real SQLite, PostgreSQL and
//! MariaDB: a database built by hand-written SQL has indexes, uniques, defaults,
//! foreign key actions, checks, enum labels (PostgreSQL) and objects the models
//! cannot describe (views, expression indexes, triggers); the models are a bare
//! `schema.rs` as `diesel print-schema` writes it. After `plan` + `write`, the
//! reloaded models diffed against the same database give no operation, and a
//! deliberate change of the annotated models gives exactly that change.

mod common;

use cargo_migrate::backend::Backend;
use cargo_migrate::dialect::annotate::{plan, PlanOptions};
use cargo_migrate::dialect::introspect::{introspect, live_and_models};
use cargo_migrate::schema::diff::{diff, Op, Renames};
use common::{TestDb, Workspace};

const SCHEMA_RS: &str = "crates/db/src/schema.rs";

fn setup(db: &TestDb) -> (&'static str, &'static str) {
    match db.backend {
        Backend::Postgres => (
            "CREATE TYPE mood AS ENUM ('happy', 'so so');
CREATE TABLE users (id SERIAL PRIMARY KEY, email VARCHAR(255) NOT NULL CONSTRAINT users_email_key UNIQUE, name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active', mood mood NOT NULL DEFAULT 'happy', created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX users_name_status_idx ON users (name, status);
CREATE UNIQUE INDEX users_name_key ON users (name);
CREATE TABLE posts (id SERIAL PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  likes INTEGER NOT NULL DEFAULT 0 CONSTRAINT posts_likes_check CHECK (likes >= 0), title TEXT NOT NULL, search TSVECTOR);
CREATE INDEX posts_title_lower ON posts (lower(title));
CREATE INDEX posts_popular ON posts (likes) WHERE likes > 100;
CREATE TABLE profiles (user_id INTEGER PRIMARY KEY REFERENCES users (id), bio TEXT);
CREATE VIEW post_titles AS SELECT id, title FROM posts;
CREATE MATERIALIZED VIEW post_counts AS SELECT user_id, count(*) AS n FROM posts GROUP BY user_id;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.likes := NEW.likes; RETURN NEW; END $$;
CREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION touch();
",
            "// @generated automatically by Diesel CLI.

pub mod sql_types {
    #[derive(diesel::query_builder::QueryId, Clone, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = \"mood\"))]
    pub struct Mood;

    #[derive(diesel::query_builder::QueryId, Clone, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = \"tsvector\", schema = \"pg_catalog\"))]
    pub struct Tsvector;
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::Mood;

    users (id) {
        id -> Int4,
        #[max_length = 255]
        email -> Varchar,
        name -> Text,
        status -> Text,
        mood -> Mood,
        created_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::Tsvector;

    posts (id) {
        id -> Int4,
        user_id -> Int4,
        likes -> Int4,
        title -> Text,
        search -> Nullable<Tsvector>,
    }
}

diesel::table! {
    profiles (user_id) {
        user_id -> Int4,
        bio -> Nullable<Text>,
    }
}

diesel::table! {
    post_counts (user_id) {
        user_id -> Int4,
        n -> Nullable<Int8>,
    }
}

diesel::joinable!(posts -> users (user_id));
diesel::joinable!(profiles -> users (user_id));
diesel::joinable!(post_counts -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(users, posts, profiles, post_counts);
",
        ),
        Backend::Mysql => (
            "CREATE TABLE users (id INTEGER AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL, name VARCHAR(100) NOT NULL,
  status VARCHAR(20) NOT NULL DEFAULT 'active', kind ENUM('plain', 'admin') NOT NULL, UNIQUE KEY users_email_key (email), KEY users_name_status_idx (name, status));
CREATE TABLE posts (id INTEGER AUTO_INCREMENT PRIMARY KEY, user_id INTEGER NOT NULL, likes INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT posts_likes_check CHECK (likes >= 0), CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);
CREATE TABLE profiles (user_id INTEGER PRIMARY KEY, bio TEXT, CONSTRAINT profiles_user_fk FOREIGN KEY (user_id) REFERENCES users (id));
CREATE VIEW post_likes AS SELECT id, likes FROM posts;
CREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW SET NEW.likes = NEW.likes;
",
            "pub mod sql_types {
    #[derive(diesel::sql_types::SqlType)]
    #[diesel(mysql_type(name = \"Enum\"))]
    pub struct UsersKindEnum;
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::UsersKindEnum;

    users (id) {
        id -> Integer,
        #[max_length = 255]
        email -> Varchar,
        #[max_length = 100]
        name -> Varchar,
        #[max_length = 20]
        status -> Varchar,
        #[max_length = 5]
        kind -> UsersKindEnum,
    }
}

diesel::table! {
    posts (id) {
        id -> Integer,
        user_id -> Integer,
        likes -> Integer,
    }
}

diesel::table! {
    profiles (user_id) {
        user_id -> Integer,
        bio -> Nullable<Text>,
    }
}

diesel::table! {
    post_likes (id) {
        id -> Integer,
        likes -> Integer,
    }
}

diesel::joinable!(posts -> users (user_id));
diesel::joinable!(profiles -> users (user_id));
",
        ),
        Backend::Sqlite => (
            "CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email VARCHAR(255) NOT NULL UNIQUE, name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active', created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX users_name_status_idx ON users (name, status);
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  likes INTEGER NOT NULL DEFAULT 0 CHECK (likes >= 0), title TEXT NOT NULL);
CREATE INDEX posts_title_lower ON posts (lower(title));
CREATE VIEW post_titles AS SELECT id, title FROM posts;
CREATE VIRTUAL TABLE posts_fts USING fts5(title, content='posts', content_rowid='id');
CREATE TRIGGER posts_ai AFTER INSERT ON posts BEGIN INSERT INTO posts_fts (rowid, title) VALUES (new.id, new.title); END;
",
            "diesel::table! {
    users (id) {
        id -> Integer,
        email -> Text,
        name -> Text,
        status -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    posts (id) {
        id -> Integer,
        user_id -> Integer,
        likes -> Integer,
        title -> Text,
    }
}

diesel::table! {
    posts_fts (rowid) {
        rowid -> Integer,
        title -> Nullable<Binary>,
        posts_fts -> Nullable<Binary>,
        rank -> Nullable<Binary>,
    }
}

diesel::joinable!(posts -> users (user_id));
",
        ),
    }
}

fn ops(db: &TestDb, ws: &Workspace) -> Vec<Op> {
    let models = cargo_migrate::schema::registry::load(ws.path(), &["crates/db/src".to_string()]).unwrap_or_else(|e| panic!("{e}"));
    let (live, models) = live_and_models(&mut db.connect(), &models, &[]).unwrap();
    diff(&live, &models, &Renames::default())
}

fn annotated_print_schema_models_diff_clean(db: TestDb) {
    let (ddl, schema_rs) = setup(&db);
    db.exec(ddl);
    let ws = Workspace::new();
    ws.write(SCHEMA_RS, schema_rs);
    let before = ops(&db, &ws);
    assert!(!before.is_empty(), "{:?}: the bare models should differ from the database", db.backend);
    assert!(
        before.iter().all(|op| !matches!(op, Op::CreateTable { .. } | Op::DropTable { .. })),
        "views and virtual tables are never created or dropped: {before:#?}"
    );

    let live = introspect(&mut db.connect(), &[]).unwrap();
    let plan = plan(ws.path(), &["crates/db/src".to_string()], &live, db.backend, &PlanOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let descriptions = plan.descriptions();
    let expected: &[&str] = match db.backend {
        Backend::Postgres => &[
            "type mood: @enum happy, 'so so'",
            "users: @index users_name_status_idx (name, status)",
            "users.email: @unique users_email_key",
            "users.name: @unique_index users_name_key",
            "users.status: @default 'active'",
            "users.mood: @default 'happy'",
            "users.created_at: @default CURRENT_TIMESTAMP",
            "posts: @check posts_likes_check (likes >= 0)",
            "posts.likes: @default 0",
            "posts.user_id: @references users(id) on delete cascade",
            "post_counts: @unmanaged (materialized view)",
        ],
        Backend::Mysql => &[
            "type users_kind_enum: @enum plain, admin",
            "users: @index users_name_status_idx (name, status)",
            "users.email: @unique users_email_key",
            "users.status: @default 'active'",
            "posts: @check posts_likes_check (`likes` >= 0)",
            "posts.likes: @default 0",
            "posts.user_id: @references users(id) on delete cascade",
            "post_likes: @unmanaged (view)",
        ],
        Backend::Sqlite => &[
            "users: @index users_name_status_idx (name, status)",
            "users.email: @unique uq_users_email",
            "users.status: @default 'active'",
            "users.created_at: @default CURRENT_TIMESTAMP",
            "posts: @check ck_posts (likes >= 0)",
            "posts.likes: @default 0",
            "posts.user_id: @references users(id) on delete cascade",
            "posts_fts: @unmanaged (virtual table)",
        ],
    };
    let mut sorted_got = descriptions.clone();
    sorted_got.sort();
    let mut sorted_want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    sorted_want.sort();
    assert_eq!(sorted_got, sorted_want, "{:?}", db.backend);
    assert!(plan.unstated.is_empty(), "{:?}", plan.unstated);

    let original = ws.read(SCHEMA_RS);
    plan.write().unwrap();
    let annotated = ws.read(SCHEMA_RS);
    // Only annotation lines were added.
    let kept: String = annotated.split_inclusive('\n').filter(|l| !l.trim_start().starts_with("/// @")).collect();
    assert_eq!(kept, original);

    let after = ops(&db, &ws);
    assert_eq!(after, vec![], "{:?}: after annotating:\n{annotated}", db.backend);

    // A deliberate change of the annotated models is exactly that change.
    ws.write(SCHEMA_RS, &annotated.replacen("        /// @default 'active'\n", "", 1));
    let changed = ops(&db, &ws);
    assert!(
        matches!(changed.as_slice(), [Op::AlterColumn { table, old, new }] if table == "users" && old.default.is_some() && new.default.is_none()),
        "{changed:#?}"
    );
}

backend_tests!(annotated_print_schema_models_diff_clean);
