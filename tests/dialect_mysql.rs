//! The MySQL/MariaDB dialect against a real server: render the operations the diff
//! computes, apply them, introspect, and compare (as MySQL stores things) with the
//! models; then the mirror. Every test has a database of its own.

mod common;

use cargo_migrate::backend::Backend;
use cargo_migrate::dialect::introspect::{comparable, introspect};
use cargo_migrate::dialect::render::render;
use cargo_migrate::schema::diff::{diff, Op, Renames};
use cargo_migrate::schema::model::*;
use common::TestDb;

fn col(name: &str, sql_type: SqlType) -> Column {
    Column::new(name, sql_type)
}

fn null(mut c: Column) -> Column {
    c.nullable = true;
    c
}

fn len(mut c: Column, n: u32) -> Column {
    c.max_length = Some(n);
    c
}

fn default(mut c: Column, d: &str) -> Column {
    c.default = Some(d.into());
    c
}

fn serial(name: &str, t: SqlType) -> Column {
    let mut c = col(name, t);
    c.auto_increment = true;
    c
}

fn table(name: &str, columns: Vec<Column>, pk: &[&str]) -> Table {
    Table::new(name, columns, pk)
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn fk(name: &str, cols: &[&str], ref_table: &str, ref_cols: &[&str], on_delete: Option<Action>, on_update: Option<Action>) -> ForeignKey {
    ForeignKey { name: name.into(), columns: strings(cols), ref_table: ref_table.into(), ref_columns: strings(ref_cols), on_delete, on_update }
}

fn index(name: &str, cols: &[&str]) -> Index {
    Index { name: name.into(), columns: strings(cols), unique: false }
}

fn unique(name: &str, cols: &[&str]) -> UniqueConstraint {
    UniqueConstraint { name: name.into(), columns: strings(cols) }
}

fn check(name: &str, expr: &str) -> Check {
    Check { name: name.into(), expr: expr.into() }
}

fn mood(variants: &[&str]) -> EnumType {
    EnumType { name: "mood".into(), schema: None, variants: strings(variants), source: Source { file: "models.rs".into(), line: 1 } }
}

fn schema(tables: Vec<Table>, enums: Vec<EnumType>) -> Schema {
    Schema {
        tables: tables.into_iter().map(|t| (t.qualified_name(), t)).collect(),
        enums: enums.into_iter().map(|e| (e.qualified_name(), e)).collect(),
        unmanaged: vec![],
    }
}

/// Every type the models can name, every constraint kind, a composite key, a
/// self-referencing key, two tables referencing each other, awkward names.
fn full() -> Schema {
    let mut tenants = table(
        "tenants",
        vec![
            serial("id", SqlType::Integer),
            len(col("slug", SqlType::Varchar), 64),
            col("name", SqlType::Text),
            null(col("parent_id", SqlType::Integer)),
            null(col("owner_id", SqlType::BigInt)),
        ],
        &["id"],
    );
    tenants.uniques.push(unique("uq_tenants_slug", &["slug"]));
    tenants.foreign_keys.push(fk("fk_tenants_parent_id_tenants", &["parent_id"], "tenants", &["id"], Some(Action::SetNull), None));
    tenants.foreign_keys.push(fk("fk_tenants_owner_id_users", &["owner_id"], "users", &["id"], Some(Action::Restrict), Some(Action::NoAction)));

    let mut users = table(
        "users",
        vec![
            serial("id", SqlType::BigInt),
            len(col("email", SqlType::Varchar), 255),
            default(len(col("status", SqlType::Varchar), 20), "'active'"),
            null(col("tenant_id", SqlType::Integer)),
            null(col("age", SqlType::SmallInt)),
            default(col("tiny", SqlType::TinyInt), "0"),
            col("karma", SqlType::Unsigned(Box::new(SqlType::Integer))),
            default(col("flag", SqlType::Bool), "false"),
            default(col("ratio", SqlType::Float), "1.5"),
            col("precise", SqlType::Double),
            null(default(col("amount", SqlType::Numeric), "0")),
            null(col("bio", SqlType::Text)),
            null(col("avatar", SqlType::Binary)),
            len(col("secret", SqlType::Binary), 16),
            col("born", SqlType::Date),
            null(col("wakes", SqlType::Time)),
            default(col("created_at", SqlType::Timestamp), "CURRENT_TIMESTAMP"),
            null(col("seen", SqlType::Datetime)),
            null(col("meta", SqlType::Json)),
            default(col("prefs", SqlType::Jsonb), "'{}'"),
            default(col("public_id", SqlType::Uuid), "gen_random_uuid()"),
            null(col("ip", SqlType::Inet)),
            null(col("net", SqlType::Cidr)),
            null(col("mac", SqlType::MacAddr)),
            null(col("mood", SqlType::Custom { name: "mood".into() })),
            len(col("code", SqlType::Char), 2),
            null(col("letter", SqlType::CChar)),
            null(col("nick", SqlType::Citext)),
            null(col("tags", SqlType::Array(Box::new(SqlType::Text)))),
            null(col("span", SqlType::Interval)),
            null(col("during", SqlType::Range(Box::new(SqlType::Timestamp)))),
            null(col("updated_at", SqlType::Timestamptz)),
            null(col("price", SqlType::Money)),
            null(col("ref_oid", SqlType::Oid)),
            null(col("Order", SqlType::Integer)),
            null(col("key", SqlType::Varchar)),
        ],
        &["id"],
    );
    users.uniques.push(unique("uq_users_email", &["email"]));
    users.uniques.push(unique("uq_users_bio_tenant", &["bio", "tenant_id"]));
    users.indexes.push(index("ix_users_status", &["status"]));
    users.indexes.push(index("ix_users_Order_key", &["Order", "key"]));
    users.foreign_keys.push(fk("fk_users_tenant_id_tenants", &["tenant_id"], "tenants", &["id"], Some(Action::Cascade), Some(Action::Cascade)));
    users.checks.push(check("ck_users_age", "age >= 0"));
    users.checks.push(check("ck_users_status", "CHAR_LENGTH(status) > 2 AND status <> 'Zz'"));

    let mut memberships = table(
        "memberships",
        vec![col("user_id", SqlType::BigInt), col("tenant_id", SqlType::Integer), default(col("position", SqlType::SmallInt), "0")],
        &["user_id", "tenant_id"],
    );
    // user_id is covered by the primary key; tenant_id gets InnoDB's own index.
    memberships.foreign_keys.push(fk("fk_memberships_user_id_users", &["user_id"], "users", &["id"], Some(Action::Cascade), None));
    memberships.foreign_keys.push(fk("fk_memberships_tenant_id_tenants", &["tenant_id"], "tenants", &["id"], None, None));
    memberships.checks.push(check("ck_memberships_position", "(position >= 0)"));

    let mut group = table("Group", vec![len(col("code", SqlType::Varchar), 10), col("select", SqlType::Text)], &["code"]);
    group.indexes.push(index("ix_group_select", &["select"]));

    schema(vec![tenants, users, memberships, group], vec![mood(&["happy", "sad", "so-so", "it's"])])
}

fn live(db: &TestDb) -> Schema {
    comparable(&introspect(&mut db.connect(), &[]).unwrap_or_else(|e| panic!("{e}")), Backend::Mysql)
}

/// Renders and applies `old -> new`, checks the database now equals `new`;
/// returns the SQL for failure messages.
fn migrate(db: &TestDb, old: &Schema, new: &Schema, renames: &Renames) -> String {
    let ops = diff(old, new, renames);
    assert!(!ops.is_empty(), "no operations for a change");
    let sql = render(Backend::Mysql, &ops, old, new).sql;
    db.connect().batch_execute(&sql).unwrap_or_else(|e| panic!("{e}\n--- SQL\n{sql}"));
    assert_eq!(live(db), comparable(new, Backend::Mysql), "after\n{sql}");
    sql
}

fn mysql() -> Option<TestDb> {
    TestDb::new(Backend::Mysql)
}

#[test]
fn full_schema_round_trips_and_drops_to_nothing() {
    let Some(db) = mysql() else { return };
    let empty = Schema::default();
    let up = migrate(&db, &empty, &full(), &Renames::default());
    assert!(up.contains("id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY"), "{up}");
    assert!(up.contains("CONSTRAINT uq_users_bio_tenant UNIQUE (bio(255), tenant_id)"), "{up}");
    // Nothing left to do, seen from the database.
    assert_eq!(diff(&live(&db), &comparable(&full(), Backend::Mysql), &Renames::default()), vec![]);
    // Rows survive nothing here, but the schema must be usable.
    db.exec("INSERT INTO tenants (slug, name) VALUES ('acme', 'Acme')");
    db.exec("INSERT INTO users (email, karma, precise, secret, born, code) VALUES ('a@b.c', 1, 2.5, 'k', '2000-01-01', 'de')");
    assert_eq!(db.texts("SELECT CAST(CONCAT(status, ' ', flag, ' ', prefs, ' ', CHAR_LENGTH(public_id)) AS CHAR) AS value FROM users"), ["active 0 {} 36"]);

    migrate(&db, &full(), &empty, &Renames::default());
    assert_eq!(introspect(&mut db.connect(), &[]).unwrap(), Schema::default());
    assert!(db.texts("SELECT CAST(INDEX_NAME AS CHAR) AS value FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()").is_empty());
}

#[test]
fn introspection_reads_hand_written_mariadb_ddl() {
    let Some(db) = mysql() else { return };
    db.exec(
        "CREATE TABLE parents (id INT AUTO_INCREMENT PRIMARY KEY);
         CREATE TABLE kids (
            id INT NOT NULL,
            parent_id INT,
            doc JSON,
            note VARCHAR(30) DEFAULT 'it''s',
            on_off BOOL NOT NULL DEFAULT TRUE,
            kind ENUM('a', 'b') NOT NULL DEFAULT 'a',
            PRIMARY KEY (id),
            CONSTRAINT ck_kids_id CHECK (`id` > 0),
            FOREIGN KEY (parent_id) REFERENCES parents (id) ON DELETE NO ACTION
         );
         CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY);",
    );
    let s = introspect(&mut db.connect(), &[]).unwrap();
    assert_eq!(s.tables.keys().collect::<Vec<_>>(), ["kids", "parents"], "state tables are left out");
    let kids = &s.tables["kids"];
    let doc = kids.column("doc").unwrap();
    assert_eq!(doc.sql_type, SqlType::Json, "LONGTEXT + json_valid is JSON");
    assert_eq!(kids.checks.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["ck_kids_id"], "the json_valid check is not a model check");
    assert_eq!(kids.column("note").unwrap().default.as_deref(), Some("'it''s'"));
    assert_eq!((&kids.column("on_off").unwrap().sql_type, kids.column("on_off").unwrap().default.as_deref()), (&SqlType::Bool, Some("1")));
    assert_eq!(kids.column("parent_id").unwrap().default, None, "MariaDB's text NULL is no default");
    assert_eq!(kids.column("kind").unwrap().sql_type, SqlType::Custom { name: "kids_kind_enum".into() });
    assert_eq!(s.enums["kids_kind_enum"].variants, ["a", "b"]);
    assert!(s.tables["parents"].columns[0].auto_increment);
    let fk = &kids.foreign_keys[0];
    assert_eq!((fk.columns.as_slice(), fk.ref_table.as_str(), fk.on_delete, fk.on_update), (&["parent_id".to_string()][..], "parents", None, None));
    assert!(kids.indexes.is_empty(), "InnoDB's index for the foreign key is not a model index: {:?}", kids.indexes);
}

#[test]
fn introspection_errors_are_typed() {
    let Some(db) = mysql() else { return };
    // A connection without a current database cannot be introspected.
    let mut conn = db.connect();
    let mut name = db.texts("SELECT DATABASE() AS value");
    conn.batch_execute(&format!("DROP DATABASE {}", name.remove(0))).unwrap();
    let err = introspect(&mut conn, &[]).unwrap_err();
    assert!(matches!(err, cargo_migrate::Error::Database { .. }), "{err}");
    assert!(err.to_string().contains("introspecting"), "{err}");
}

/// A smaller schema the alterations start from, with a row in every table.
fn base() -> Schema {
    let mut authors = table("authors", vec![serial("id", SqlType::Integer), len(col("name", SqlType::Varchar), 50), null(col("bio", SqlType::Text))], &["id"]);
    authors.checks.push(check("ck_authors_name", "name <> ''"));
    let mut posts = table(
        "posts",
        vec![
            serial("id", SqlType::Integer),
            col("author_id", SqlType::Integer),
            len(col("title", SqlType::Varchar), 100),
            null(col("mood", SqlType::Custom { name: "mood".into() })),
            null(col("rank", SqlType::Integer)),
        ],
        &["id"],
    );
    posts.foreign_keys.push(fk("fk_posts_author_id_authors", &["author_id"], "authors", &["id"], Some(Action::Cascade), None));
    posts.uniques.push(unique("uq_posts_title", &["title"]));
    let tags = table("tags", vec![col("post_id", SqlType::Integer), len(col("tag", SqlType::Varchar), 30)], &["post_id", "tag"]);
    schema(vec![authors, posts, tags], vec![mood(&["happy", "sad"])])
}

fn seed(db: &TestDb) {
    db.exec("INSERT INTO authors (name) VALUES ('Ada'); INSERT INTO posts (author_id, title, mood, `rank`) VALUES (1, 'Hello', 'sad', 3); INSERT INTO tags VALUES (1, 'x');");
}

fn edit(f: impl FnOnce(&mut Schema)) -> Schema {
    let mut s = base();
    f(&mut s);
    s
}

fn t<'a>(s: &'a mut Schema, name: &str) -> &'a mut Table {
    s.tables.get_mut(name).unwrap()
}

#[test]
fn alterations_and_their_mirrors() {
    let Some(db) = mysql() else { return };
    migrate(&db, &Schema::default(), &base(), &Renames::default());
    seed(&db);
    let none = Renames::default();
    let cases: Vec<(&str, Schema, Renames)> = vec![
        ("add a nullable column mid-table", edit(|s| t(s, "posts").columns.insert(2, null(len(col("subtitle", SqlType::Varchar), 80)))), none.clone()),
        ("add a NOT NULL column without default (backfill)", edit(|s| t(s, "authors").columns.push(len(col("handle", SqlType::Varchar), 40))), none.clone()),
        (
            "drop a column",
            edit(|s| {
                t(s, "authors").columns.retain(|c| c.name != "bio");
            }),
            none.clone(),
        ),
        (
            "alter a column: wider, NOT NULL, default",
            edit(|s| {
                let c = &mut t(s, "posts").columns[4];
                c.sql_type = SqlType::BigInt;
                c.nullable = false;
                c.default = Some("0".into());
            }),
            none.clone(),
        ),
        (
            "alter a varchar length and a text to varchar",
            edit(|s| {
                t(s, "authors").columns[1].max_length = Some(120);
                t(s, "authors").columns[2] = null(len(col("bio", SqlType::Varchar), 500));
            }),
            none.clone(),
        ),
        (
            "rename a column",
            edit(|s| {
                t(s, "posts").columns[2].name = "headline".into();
                t(s, "posts").uniques[0].columns = strings(&["headline"]);
            }),
            {
                let mut r = Renames::default();
                r.columns.insert(("posts".into(), "title".into()), "headline".into());
                r
            },
        ),
        (
            "rename a referenced table",
            edit(|s| {
                let mut a = s.tables.remove("authors").unwrap();
                a.name = "writers".into();
                s.tables.insert("writers".into(), a);
                t(s, "posts").foreign_keys[0].ref_table = "writers".into();
            }),
            {
                let mut r = Renames::default();
                r.tables.insert("authors".into(), "writers".into());
                r
            },
        ),
        ("add an index covering the foreign key", edit(|s| t(s, "posts").indexes.push(index("ix_posts_author_rank", &["author_id", "rank"]))), none.clone()),
        ("add an index on text", edit(|s| t(s, "authors").indexes.push(index("ix_authors_bio", &["bio"]))), none.clone()),
        (
            "drop a unique, add one on text",
            edit(|s| {
                t(s, "posts").uniques.clear();
                t(s, "authors").uniques.push(unique("uq_authors_bio", &["bio"]));
            }),
            none.clone(),
        ),
        ("drop a foreign key", edit(|s| t(s, "posts").foreign_keys.clear()), none.clone()),
        (
            "add a foreign key with actions",
            edit(|s| t(s, "tags").foreign_keys.push(fk("fk_tags_post_id_posts", &["post_id"], "posts", &["id"], Some(Action::Cascade), Some(Action::Cascade)))),
            none.clone(),
        ),
        (
            "change a foreign key's action",
            edit(|s| {
                let fk = &mut t(s, "posts").foreign_keys[0];
                fk.on_delete = None;
                fk.on_update = Some(Action::Cascade);
            }),
            none.clone(),
        ),
        (
            "add and drop checks",
            edit(|s| {
                t(s, "authors").checks = vec![check("ck_authors_len", "CHAR_LENGTH(name) < 40")];
            }),
            none.clone(),
        ),
        (
            "change a composite primary key",
            edit(|s| {
                let tags = t(s, "tags");
                tags.primary_key = strings(&["tag", "post_id"]);
            }),
            none.clone(),
        ),
        (
            "key a table by a new auto-increment id",
            edit(|s| {
                let tags = t(s, "tags");
                tags.columns.insert(0, serial("id", SqlType::Integer));
                tags.primary_key = strings(&["id"]);
            }),
            none.clone(),
        ),
        (
            "add an enum label",
            edit(|s| {
                s.enums.insert("mood".into(), mood(&["happy", "sad", "so-so"]));
            }),
            none.clone(),
        ),
        (
            "add a table referencing two others",
            edit(|s| {
                let mut likes = table("likes", vec![col("post_id", SqlType::Integer), col("author_id", SqlType::Integer)], &["post_id", "author_id"]);
                likes.foreign_keys.push(fk("fk_likes_post_id_posts", &["post_id"], "posts", &["id"], None, None));
                likes.foreign_keys.push(fk("fk_likes_author_id_authors", &["author_id"], "authors", &["id"], None, None));
                s.tables.insert("likes".into(), likes);
            }),
            none.clone(),
        ),
    ];
    for (what, new, renames) in cases {
        let up = migrate(&db, &base(), &new, &renames);
        let down = std::panic::catch_unwind(|| migrate(&db, &new, &base(), &renames.inverse()));
        assert!(down.is_ok(), "`{what}`: the mirror failed; up.sql was\n{up}");
        assert_eq!(db.texts("SELECT CAST(COUNT(*) AS CHAR) AS value FROM posts"), ["1"], "`{what}` lost rows");
    }
}

#[test]
fn mariadb_json_columns_renamed_and_retyped() {
    let Some(db) = mysql() else { return };
    let with_json = edit(|s| t(s, "authors").columns.push(null(col("meta", SqlType::Json))));
    migrate(&db, &Schema::default(), &with_json, &Renames::default());
    let renamed = edit(|s| t(s, "authors").columns.push(null(col("info", SqlType::Json))));
    let mut r = Renames::default();
    r.columns.insert(("authors".into(), "meta".into()), "info".into());
    migrate(&db, &with_json, &renamed, &r);
    let text = edit(|s| t(s, "authors").columns.push(null(col("info", SqlType::Text))));
    migrate(&db, &renamed, &text, &Renames::default());
    migrate(&db, &text, &renamed, &Renames::default());
    migrate(&db, &renamed, &with_json, &r.inverse());
}

/// `--db`: both sides through `comparable`, enum names included.
#[test]
fn enum_label_changes_against_the_live_database() {
    let Some(db) = mysql() else { return };
    migrate(&db, &Schema::default(), &base(), &Renames::default());
    seed(&db);
    let more = edit(|s| {
        s.enums.insert("mood".into(), mood(&["happy", "sad", "so-so"]));
    });
    let (old, new) = (live(&db), comparable(&more, Backend::Mysql));
    let ops = diff(&old, &new, &Renames::default());
    assert!(matches!(ops.as_slice(), [Op::AlterEnum { .. }]), "{ops:?}");
    migrate(&db, &old, &new, &Renames::default());
    assert_eq!(db.texts("SELECT CAST(mood AS CHAR) AS value FROM posts"), ["sad"]);
}

#[test]
fn dropping_the_index_a_kept_foreign_key_uses() {
    let Some(db) = mysql() else { return };
    let with_index = edit(|s| t(s, "posts").indexes.push(index("ix_posts_author_title", &["author_id", "title"])));
    migrate(&db, &Schema::default(), &with_index, &Renames::default());
    seed(&db);
    let ops = diff(&with_index, &base(), &Renames::default());
    assert!(matches!(ops.as_slice(), [Op::DropIndex { .. }]), "{ops:?}");
    let sql = migrate(&db, &with_index, &base(), &Renames::default());
    assert!(sql.contains("ADD INDEX fk_posts_author_id_authors (author_id)"), "{sql}");
    // And the foreign key can be dropped cleanly afterwards, its index with it.
    let no_fk = edit(|s| t(s, "posts").foreign_keys.clear());
    migrate(&db, &base(), &no_fk, &Renames::default());
    let left = db.texts("SELECT CAST(INDEX_NAME AS CHAR) AS value FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'posts' AND INDEX_NAME LIKE 'fk%'");
    assert!(left.is_empty(), "{left:?}");
}

/// The annotated fixture models, as the registry reads them (PostgreSQL-flavoured
/// types and defaults included), minus the tables of another database.
#[test]
fn fixture_models_round_trip() {
    let Some(db) = mysql() else { return };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/models");
    let mut models = cargo_migrate::schema::registry::load(&root, &["crates/*/src".to_string()]).unwrap_or_else(|e| panic!("{e}"));
    models.tables.retain(|_, t| t.schema.is_none());
    assert!(models.tables.len() >= 4, "{:?}", models.tables.keys());
    let up = migrate(&db, &Schema::default(), &models, &Renames::default());
    assert!(up.contains("ENUM('happy', 'sad', 'so-so')"), "{up}");
    migrate(&db, &models, &Schema::default(), &Renames::default());
    assert_eq!(introspect(&mut db.connect(), &[]).unwrap(), Schema::default());
}
