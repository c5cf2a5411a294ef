//! The PostgreSQL dialect against a real server: SQL rendered from schema
//! operations is applied, the database introspected, and the result must equal
//! the models once both sides are folded by `comparable`. Each test has a
//! database of its own (`TestDb`), dropped afterwards.

mod common;

use std::path::Path;

use cargo_migrate::backend::Backend;
use cargo_migrate::dialect::connection::Connection;
use cargo_migrate::dialect::introspect::{comparable, introspect};
use cargo_migrate::dialect::render::postgres::render;
use cargo_migrate::schema::diff::{self, Op, Renames};
use cargo_migrate::schema::model::{Action, Check, Column, EnumType, ForeignKey, Index, Schema, Source, SqlType, Table, UniqueConstraint};
use common::TestDb;

const PG: Backend = Backend::Postgres;

fn col(name: &str, sql_type: SqlType) -> Column {
    Column::new(name, sql_type)
}

fn null(name: &str, sql_type: SqlType) -> Column {
    Column { nullable: true, ..col(name, sql_type) }
}

fn table(name: &str, columns: Vec<Column>, pk: &[&str]) -> Table {
    Table::new(name, columns, pk)
}

fn fk(name: &str, cols: &[&str], ref_table: &str, ref_cols: &[&str], on_delete: Option<Action>, on_update: Option<Action>) -> ForeignKey {
    ForeignKey {
        name: name.into(),
        columns: cols.iter().map(|s| s.to_string()).collect(),
        ref_table: ref_table.into(),
        ref_columns: ref_cols.iter().map(|s| s.to_string()).collect(),
        on_delete,
        on_update,
    }
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn boxed(t: SqlType) -> Box<SqlType> {
    Box::new(t)
}

fn schema_of(tables: Vec<Table>, enums: Vec<EnumType>) -> Schema {
    Schema {
        tables: tables.into_iter().map(|t| (t.qualified_name(), t)).collect(),
        enums: enums.into_iter().map(|e| (e.qualified_name(), e)).collect(),
        unmanaged: vec![],
    }
}

/// Every type PostgreSQL supports (and the ones it folds), every constraint kind,
/// a composite key, a self-reference, a reference cycle and a second schema.
fn everything() -> Schema {
    use SqlType::*;
    let mut kinds = table(
        "kinds",
        vec![
            Column { auto_increment: true, ..col("id", BigInt) },
            col("small", SmallInt),
            null("tiny", TinyInt),
            null("u8", Unsigned(boxed(TinyInt))),
            null("u16", Unsigned(boxed(SmallInt))),
            null("u32", Unsigned(boxed(Integer))),
            null("u64", Unsigned(boxed(BigInt))),
            Column { default: Some("1.5".into()), ..col("f", Float) },
            null("d", Double),
            Column { default: Some("0".into()), ..col("n", Numeric) },
            Column { default: Some("false".into()), ..col("b", Bool) },
            Column { default: Some("'it''s'".into()), ..col("t", Text) },
            Column { max_length: Some(80), default: Some("'active'".into()), ..col("status", Varchar) },
            null("unbounded", Varchar),
            Column { max_length: Some(3), ..null("code", Char) },
            null("one", Char),
            null("flag", CChar),
            null("ci", Citext),
            null("bytes", Binary),
            Column { default: Some("CURRENT_DATE".into()), ..null("day", Date) },
            null("clock", Time),
            Column { default: Some("now()".into()), ..col("at", Timestamp) },
            Column { default: Some("CURRENT_TIMESTAMP".into()), ..null("at_tz", Timestamptz) },
            null("dt", Datetime),
            Column { default: Some("interval '1 day'".into()), ..null("span", Interval) },
            Column { default: Some("gen_random_uuid()".into()), ..col("uid", Uuid) },
            null("j", Json),
            Column { default: Some("'{}'".into()), ..col("jb", Jsonb) },
            Column { default: Some("'{}'".into()), ..col("tags", Array(boxed(Text))) },
            Column { max_length: Some(20), ..null("labels", Array(boxed(Varchar))) },
            null("ints", Array(boxed(Integer))),
            null("r4", Range(boxed(Integer))),
            null("r8", Range(boxed(BigInt))),
            null("rn", Range(boxed(Numeric))),
            null("rts", Range(boxed(Timestamp))),
            null("rtz", Range(boxed(Timestamptz))),
            null("rd", Range(boxed(Date))),
            null("mr", Multirange(boxed(Integer))),
            null("ip", Inet),
            null("net", Cidr),
            null("mac", MacAddr),
            null("mac8", MacAddr8),
            null("cash", Money),
            null("o", Oid),
            null("lsn", PgLsn),
            Column { default: Some("'happy'".into()), ..col("mood", Custom { name: "mood".into() }) },
            null("moods", Array(boxed(Custom { name: "mood".into() }))),
            Column { default: Some("-1".into()), ..col("neg", Integer) },
            null("User", Text),
            null("order", Integer),
        ],
        &["id"],
    );
    kinds.uniques = vec![
        UniqueConstraint { name: "uq_kinds_status_small".into(), columns: strings(&["status", "small"]) },
        UniqueConstraint { name: "uq_kinds_uid".into(), columns: strings(&["uid"]) },
    ];
    kinds.checks = vec![
        Check { name: "ck_kinds_small".into(), expr: "small >= 0 AND small < 1000".into() },
        Check { name: "ck_kinds_status".into(), expr: "status IN ('active', 'gone')".into() },
        Check { name: "ck_kinds_span".into(), expr: "neg BETWEEN -10 AND 100".into() },
    ];
    kinds.indexes = vec![
        Index { name: "ix_kinds_at".into(), columns: strings(&["at"]), unique: false },
        Index { name: "ix_kinds_order_user".into(), columns: strings(&["order", "User"]), unique: false },
    ];

    let mut categories = table("categories", vec![Column { auto_increment: true, ..col("id", Integer) }, null("parent_id", Integer)], &["id"]);
    categories.foreign_keys = vec![fk("fk_categories_parent_id_categories", &["parent_id"], "categories", &["id"], Some(Action::SetNull), None)];

    // A cycle: each references the other.
    let mut authors = table("authors", vec![Column { auto_increment: true, ..col("id", Integer) }, null("best_book_id", Integer)], &["id"]);
    authors.foreign_keys = vec![fk("fk_authors_best_book_id_books", &["best_book_id"], "books", &["id"], None, None)];
    let mut books =
        table("books", vec![Column { auto_increment: true, ..col("id", Integer) }, col("author_id", Integer), null("category_id", Integer)], &["id"]);
    books.foreign_keys = vec![
        fk("fk_books_author_id_authors", &["author_id"], "authors", &["id"], Some(Action::Cascade), Some(Action::Cascade)),
        fk("fk_books_category_id_categories", &["category_id"], "categories", &["id"], Some(Action::Restrict), Some(Action::NoAction)),
    ];

    // Composite key in another schema, referencing across schemas.
    let mut lines = Table {
        schema: Some("billing".into()),
        ..table(
            "lines",
            vec![col("book_id", Integer), col("line_no", SmallInt), Column { default: Some("0".into()), ..col("qty", Integer) }],
            &["book_id", "line_no"],
        )
    };
    lines.foreign_keys = vec![fk("fk_lines_book_id_books", &["book_id"], "books", &["id"], Some(Action::SetDefault), None)];
    lines.checks = vec![Check { name: "ck_lines_qty".into(), expr: "qty >= 0".into() }];
    let mut notes =
        Table { schema: Some("billing".into()), ..table("notes", vec![col("book_id", Integer), col("line_no", SmallInt), null("body", Text)], &[]) };
    notes.foreign_keys = vec![fk("fk_notes_lines", &["book_id", "line_no"], "billing.lines", &["book_id", "line_no"], Some(Action::Cascade), None)];

    let mood = EnumType { name: "mood".into(), schema: None, variants: strings(&["happy", "sad", "so-so"]), source: Source::none() };
    schema_of(vec![kinds, categories, authors, books, lines, notes], vec![mood])
}

fn kinds(s: &mut Schema) -> &mut Table {
    s.tables.get_mut("kinds").unwrap()
}

fn schemas_of(s: &Schema) -> Vec<String> {
    let mut v: Vec<String> = s.tables.values().filter_map(|t| t.schema.clone()).collect();
    v.sort();
    v.dedup();
    v
}

/// Renders `diff(from, to)`, applies it and checks the database now looks like `to`.
fn migrate(conn: &mut Connection, from: &Schema, to: &Schema, renames: &Renames, schemas: &[String]) -> String {
    let ops = diff::diff(from, to, renames);
    let sql = render(&ops, from, to).sql;
    conn.batch_execute(&sql).unwrap_or_else(|e| panic!("{e}\n--- SQL:\n{sql}"));
    let got = introspect(conn, schemas).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(comparable(&got, PG), comparable(to, PG), "--- SQL:\n{sql}");
    sql
}

/// Creates `schema` from nothing, checks it, drops it all and checks the database is empty.
fn round_trip(db: &TestDb, schema: &Schema) {
    let mut conn = db.connect();
    let schemas = schemas_of(schema);
    let empty = Schema::default();
    let up = migrate(&mut conn, &empty, schema, &Renames::default(), &schemas);
    assert!(up.contains("CREATE TABLE"));
    let down = migrate(&mut conn, schema, &empty, &Renames::default(), &schemas);
    assert!(down.contains("DROP TABLE"));
    assert_eq!(introspect(&mut conn, &schemas).unwrap(), Schema::default());
}

#[test]
fn every_type_and_constraint_round_trips() {
    let Some(db) = TestDb::new(PG) else { return };
    round_trip(&db, &everything());
}

#[test]
fn annotated_fixture_models_round_trip() {
    let Some(db) = TestDb::new(PG) else { return };
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/models");
    let models = cargo_migrate::schema::registry::load(&base, &strings(&["crates/*/src/models"])).unwrap_or_else(|e| panic!("{e}"));
    round_trip(&db, &models);
}

#[test]
fn the_same_schema_twice_needs_no_operations() {
    let Some(db) = TestDb::new(PG) else { return };
    let mut conn = db.connect();
    let schema = everything();
    let schemas = schemas_of(&schema);
    migrate(&mut conn, &Schema::default(), &schema, &Renames::default(), &schemas);
    // What `check --db` does: the introspected schema against the models.
    let live = comparable(&introspect(&mut conn, &schemas).unwrap(), PG);
    let ops = diff::diff(&live, &comparable(&schema, PG), &Renames::default());
    assert!(ops.is_empty(), "{ops:#?}");
}

/// Applies each change and its mirror, checking the database after each step.
#[test]
fn alterations_and_their_mirrors() {
    let Some(db) = TestDb::new(PG) else { return };
    let mut conn = db.connect();
    let base = everything();
    let schemas = schemas_of(&base);
    migrate(&mut conn, &Schema::default(), &base, &Renames::default(), &schemas);

    let change = |f: &dyn Fn(&mut Schema)| {
        let mut s = base.clone();
        f(&mut s);
        s
    };
    let no_renames = Renames::default();
    let steps: Vec<(&str, Schema, Renames)> = vec![
        ("add nullable column", change(&|s| kinds(s).columns.push(null("extra", SqlType::Text))), no_renames.clone()),
        ("add NOT NULL column (backfill)", change(&|s| kinds(s).columns.push(col("required", SqlType::Integer))), no_renames.clone()),
        // The last column: PostgreSQL re-adds a column at the end, so the mirror of
        // dropping a middle column cannot restore the column order.
        (
            "drop column (and its index)",
            change(&|s| {
                kinds(s).columns.retain(|c| c.name != "order");
                kinds(s).indexes.retain(|i| i.name != "ix_kinds_order_user");
            }),
            no_renames.clone(),
        ),
        (
            "alter column type, nullability, default",
            change(&|s| {
                let c = kinds(s).columns.iter_mut().find(|c| c.name == "small").unwrap();
                c.sql_type = SqlType::BigInt;
                c.default = Some("7".into());
                let c = kinds(s).columns.iter_mut().find(|c| c.name == "status").unwrap();
                c.max_length = Some(200);
                c.nullable = true;
            }),
            no_renames.clone(),
        ),
        (
            "add and drop index",
            change(&|s| {
                kinds(s).indexes.retain(|i| i.name != "ix_kinds_at");
                kinds(s).indexes.push(Index { name: "ix_kinds_b_n".into(), columns: strings(&["b", "n"]), unique: false });
            }),
            no_renames.clone(),
        ),
        (
            "add and drop unique",
            change(&|s| {
                kinds(s).uniques.retain(|u| u.name != "uq_kinds_uid");
                kinds(s).uniques.push(UniqueConstraint { name: "uq_kinds_t".into(), columns: strings(&["t"]) });
            }),
            no_renames.clone(),
        ),
        (
            "add and drop check",
            change(&|s| {
                kinds(s).checks.retain(|c| c.name != "ck_kinds_span");
                kinds(s).checks.push(Check { name: "ck_kinds_neg".into(), expr: "neg < 0 OR neg > 10".into() });
            }),
            no_renames.clone(),
        ),
        (
            "add and drop foreign key",
            change(&|s| {
                s.tables.get_mut("books").unwrap().foreign_keys.retain(|f| f.name != "fk_books_category_id_categories");
                kinds(s).foreign_keys.push(fk("fk_kinds_order_categories", &["order"], "categories", &["id"], Some(Action::SetNull), None));
            }),
            no_renames.clone(),
        ),
        (
            "change a primary key",
            change(&|s| {
                s.tables.get_mut("billing.notes").unwrap().primary_key = strings(&["book_id", "line_no"]);
                s.tables.get_mut("categories").unwrap().primary_key = vec![];
                s.tables.get_mut("categories").unwrap().columns[0].auto_increment = false;
                s.tables.get_mut("categories").unwrap().foreign_keys.clear();
                s.tables.get_mut("books").unwrap().foreign_keys.retain(|f| f.name != "fk_books_category_id_categories");
            }),
            no_renames.clone(),
        ),
        (
            "add enum labels",
            change(&|s| s.enums.get_mut("mood").unwrap().variants = strings(&["calm", "happy", "meh", "sad", "so-so", "angry"])),
            no_renames.clone(),
        ),
        ("remove an enum label", change(&|s| s.enums.get_mut("mood").unwrap().variants = strings(&["happy", "so-so"])), no_renames.clone()),
        (
            "add enum and column using it",
            change(&|s| {
                s.enums.insert("size".into(), EnumType { name: "size".into(), schema: None, variants: strings(&["s", "m"]), source: Source::none() });
                kinds(s).columns.push(null("size", SqlType::Custom { name: "size".into() }));
            }),
            no_renames.clone(),
        ),
    ];
    for (what, target, renames) in &steps {
        eprintln!("step: {what}");
        migrate(&mut conn, &base, target, renames, &schemas);
        migrate(&mut conn, target, &base, &renames.inverse(), &schemas);
    }

    // Renames: a column and a table (the FKs that point at it follow).
    let mut renamed = base.clone();
    let mut cats = renamed.tables.remove("categories").unwrap();
    cats.name = "sections".into();
    cats.foreign_keys[0].ref_table = "sections".into();
    cats.columns[1].name = "parent_section_id".into();
    cats.foreign_keys[0].columns = strings(&["parent_section_id"]);
    renamed.tables.insert("sections".into(), cats);
    renamed.tables.get_mut("books").unwrap().foreign_keys[1].ref_table = "sections".into();
    let mut renames = Renames::default();
    renames.tables.insert("categories".into(), "sections".into());
    renames.columns.insert(("sections".into(), "parent_id".into()), "parent_section_id".into());
    let up = migrate(&mut conn, &base, &renamed, &renames, &schemas);
    assert!(up.contains("ALTER TABLE categories RENAME TO sections;"), "{up}");
    assert!(!up.contains("DROP TABLE"), "{up}");
    // The primary key was renamed along, so a key change after the rename works.
    let mut rekeyed = renamed.clone();
    // (No key at all: the diff alters columns before keys, so a key over a column
    // made nullable cannot be dropped in the same step.)
    rekeyed.tables.get_mut("sections").unwrap().primary_key = vec![];
    rekeyed.tables.get_mut("sections").unwrap().foreign_keys.clear();
    rekeyed.tables.get_mut("books").unwrap().foreign_keys.retain(|f| f.name != "fk_books_category_id_categories");
    migrate(&mut conn, &renamed, &rekeyed, &Renames::default(), &schemas);
    migrate(&mut conn, &rekeyed, &renamed, &Renames::default(), &schemas);
    migrate(&mut conn, &renamed, &base, &renames.inverse(), &schemas);

    // And everything goes away again.
    migrate(&mut conn, &base, &Schema::default(), &Renames::default(), &schemas);
}

#[test]
fn introspection_reads_serial_identity_and_what_the_server_rewrites() {
    let Some(db) = TestDb::new(PG) else { return };
    db.exec(
        "CREATE TYPE \"Mood\" AS ENUM ('a', 'b');
         CREATE TABLE t (
             id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
             s BIGSERIAL,
             status VARCHAR(10) NOT NULL DEFAULT 'x',
             m \"Mood\",
             likes INTEGER CHECK (likes >= 0)
         );
         CREATE UNIQUE INDEX t_status_key ON t (status);
         CREATE INDEX t_expr ON t (lower(status));
         CREATE TABLE __cargo_migrate_state (x INTEGER);",
    );
    let mut conn = db.connect();
    let s = introspect(&mut conn, &[]).unwrap();
    assert_eq!(s.tables.keys().collect::<Vec<_>>(), ["t"]);
    let t = &s.tables["t"];
    assert!(t.columns[0].auto_increment && t.columns[0].default.is_none());
    assert!(t.columns[1].auto_increment && t.columns[1].default.is_none());
    assert_eq!(t.columns[2].default.as_deref(), Some("'x'::character varying"));
    assert_eq!(t.columns[3].sql_type, SqlType::Custom { name: "Mood".into() });
    assert_eq!(t.checks[0].name, "t_likes_check");
    assert_eq!(comparable(&s, PG).tables["t"].checks[0].expr, "likes >= 0");
    // A bare unique index stays an index (issue 13: it was read as a constraint and
    // dropped with DROP CONSTRAINT, which PostgreSQL refuses).
    assert!(t.uniques.is_empty(), "{:?}", t.uniques);
    assert_eq!(t.indexes.iter().map(|i| (i.name.as_str(), i.unique)).collect::<Vec<_>>(), [("t_status_key", true)]);
    // The expression index is read, as something the models cannot describe.
    assert_eq!(s.unmanaged.iter().map(ToString::to_string).collect::<Vec<_>>(), ["expression index t_expr on t"]);
    assert_eq!(s.enums["Mood"].variants, ["a", "b"]);
}

#[test]
fn introspection_failure_is_a_database_error() {
    let Some(db) = TestDb::new(PG) else { return };
    let mut conn = db.connect();
    conn.batch_execute("BEGIN; SELECT 1/0;").unwrap_err();
    // The transaction is aborted: every catalog query fails.
    let err = introspect(&mut conn, &[]).unwrap_err();
    assert!(err.to_string().contains("database error while introspecting tables"), "{err}");
}

#[test]
fn unknown_op_targets_render_without_panicking() {
    // Ops naming tables absent from both schemas still render qualified names.
    let sql = render(
        &[Op::DropIndex { table: "x.y".into(), index: Index { name: "i".into(), columns: vec![], unique: false } }],
        &Schema::default(),
        &Schema::default(),
    )
    .sql;
    assert_eq!(sql, "-- DANGER: drops index i on x.y: queries that used it get slower\nDROP INDEX x.i;\n");
}
