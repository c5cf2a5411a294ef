//! The SQLite dialect against a real database: rendered SQL applied, the schema
//! introspected back and compared (through `comparable`) with the models.

mod common;

use cargo_migrate::backend::Backend;
use cargo_migrate::dialect::connection::Connection;
use cargo_migrate::dialect::introspect::{comparable, introspect};
use cargo_migrate::dialect::render::sqlite::render;
use cargo_migrate::schema::diff::Op;
use cargo_migrate::schema::model::{Action, Check, Column, EnumType, ForeignKey, Index, Schema, Source, SqlType, Table, UniqueConstraint};
use common::{TestDb, Workspace};

fn src() -> Source {
    Source { file: "models.rs".into(), line: 1 }
}

fn col(name: &str, sql_type: SqlType) -> Column {
    Column { name: name.into(), sql_type, nullable: true, max_length: None, default: None, auto_increment: false, renamed_from: None, doc: None }
}

fn not_null(mut c: Column) -> Column {
    c.nullable = false;
    c
}

fn id() -> Column {
    Column { auto_increment: true, ..not_null(col("id", SqlType::Integer)) }
}

fn table(name: &str, columns: Vec<Column>, pk: &[&str]) -> Table {
    Table {
        name: name.into(),
        schema: None,
        columns,
        primary_key: pk.iter().map(|s| s.to_string()).collect(),
        indexes: vec![],
        uniques: vec![],
        foreign_keys: vec![],
        checks: vec![],
        renamed_from: None,
        doc: Some("doc".into()),
        source: src(),
    }
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn fk(name: &str, cols: &[&str], ref_table: &str, ref_cols: &[&str], on_delete: Option<Action>) -> ForeignKey {
    ForeignKey { name: name.into(), columns: strings(cols), ref_table: ref_table.into(), ref_columns: strings(ref_cols), on_delete, on_update: None }
}

fn schema(tables: Vec<Table>, enums: Vec<EnumType>) -> Schema {
    Schema {
        tables: tables.into_iter().map(|t| (t.qualified_name(), t)).collect(),
        enums: enums.into_iter().map(|e| (e.qualified_name(), e)).collect(),
        unmanaged: vec![],
    }
}

/// Every type SQLite declares, every constraint kind, a composite key, a
/// self-reference, a reference cycle, a keyword and an upper-case name.
fn full_schema() -> Schema {
    let mut kinds = table(
        "kinds",
        vec![
            id(),
            col("small", SqlType::SmallInt),
            not_null(col("big", SqlType::BigInt)),
            col("tiny", SqlType::TinyInt),
            col("ubig", SqlType::Unsigned(Box::new(SqlType::BigInt))),
            col("f", SqlType::Float),
            col("d", SqlType::Double),
            col("n", SqlType::Numeric),
            Column { default: Some("TRUE".into()), ..not_null(col("b", SqlType::Bool)) },
            Column { default: Some("'it''s'".into()), ..col("t", SqlType::Text) },
            Column { max_length: Some(100), ..not_null(col("v", SqlType::Varchar)) },
            Column { max_length: Some(2), ..col("ch", SqlType::Char) },
            col("bin", SqlType::Binary),
            col("dt", SqlType::Date),
            col("tm", SqlType::Time),
            Column { default: Some("now()".into()), ..not_null(col("ts", SqlType::Timestamp)) },
            col("tstz", SqlType::Timestamptz),
            col("dtm", SqlType::Datetime),
            col("j", SqlType::Json),
            col("jb", SqlType::Jsonb),
            col("u", SqlType::Uuid),
            col("mood", SqlType::Custom { name: "mood".into() }),
            Column { default: Some("1 + 2".into()), ..col("expr", SqlType::Integer) },
            col("Label", SqlType::Text),
        ],
        &["id"],
    );
    kinds.checks = vec![Check { name: "ck_kinds_small".into(), expr: "small >= 0 AND small < 1000".into() }];
    kinds.uniques = vec![UniqueConstraint { name: "uq_kinds_v".into(), columns: strings(&["v"]) }];
    kinds.indexes = vec![Index { name: "ix_kinds_big_tiny".into(), columns: strings(&["big", "tiny"]), unique: false }];

    let mut users = table(
        "users",
        vec![
            id(),
            Column { max_length: Some(255), ..not_null(col("email", SqlType::Varchar)) },
            col("manager_id", SqlType::Integer),
            col("team_id", SqlType::Integer),
        ],
        &["id"],
    );
    users.uniques = vec![UniqueConstraint { name: "uq_users_email".into(), columns: strings(&["email"]) }];
    users.foreign_keys = vec![
        fk("fk_users_manager_id_users", &["manager_id"], "users", &["id"], Some(Action::SetNull)),
        ForeignKey { on_update: Some(Action::Cascade), ..fk("fk_users_team_id_teams", &["team_id"], "teams", &["id"], Some(Action::Restrict)) },
    ];

    let mut teams = table("teams", vec![id(), not_null(col("name", SqlType::Text)), col("lead_id", SqlType::Integer)], &["id"]);
    teams.foreign_keys = vec![fk("fk_teams_lead_id_users", &["lead_id"], "users", &["id"], Some(Action::NoAction))];
    teams.checks = vec![Check { name: "ck_teams_name".into(), expr: "length(name) > 0".into() }];

    // `group` is a keyword; a composite unique and key; a text primary key.
    let groups = table("group", vec![not_null(col("code", SqlType::Text)), not_null(col("tenant", SqlType::Integer))], &["code", "tenant"]);
    let mut members = table(
        "memberships",
        vec![
            not_null(col("user_id", SqlType::BigInt)),
            not_null(col("code", SqlType::Text)),
            not_null(col("tenant", SqlType::Integer)),
            col("role", SqlType::Text),
        ],
        &["user_id", "code"],
    );
    members.foreign_keys = vec![
        fk("fk_memberships_user_id_users", &["user_id"], "users", &["id"], Some(Action::Cascade)),
        fk("fk_memberships_code_tenant_group", &["code", "tenant"], "group", &["code", "tenant"], Some(Action::Cascade)),
    ];
    members.uniques = vec![UniqueConstraint { name: "uq_memberships_role_user_id".into(), columns: strings(&["role", "user_id"]) }];
    members.indexes = vec![Index { name: "ix_memberships_tenant".into(), columns: strings(&["tenant"]), unique: false }];

    let mood = EnumType { name: "mood".into(), schema: None, variants: strings(&["happy", "sad"]), source: src() };
    schema(vec![kinds, users, teams, groups, members], vec![mood])
}

/// The ops creating `s` from nothing, in the diff's order.
fn create_ops(s: &Schema) -> Vec<Op> {
    let mut ops: Vec<Op> = s.enums.values().map(|e| Op::CreateEnum { enum_type: e.clone() }).collect();
    for t in s.tables.values() {
        ops.push(Op::CreateTable { table: t.clone() });
    }
    for (name, t) in &s.tables {
        ops.extend(t.indexes.iter().map(|i| Op::CreateIndex { table: name.clone(), index: i.clone() }));
    }
    for (name, t) in &s.tables {
        ops.extend(t.foreign_keys.iter().map(|f| Op::AddForeignKey { table: name.clone(), fk: f.clone() }));
    }
    ops
}

/// The ops dropping everything in `s`, in the diff's order.
fn drop_ops(s: &Schema) -> Vec<Op> {
    let mut ops = Vec::new();
    for (name, t) in &s.tables {
        ops.extend(t.foreign_keys.iter().map(|f| Op::DropForeignKey { table: name.clone(), fk: f.clone() }));
    }
    for (name, t) in &s.tables {
        ops.extend(t.indexes.iter().map(|i| Op::DropIndex { table: name.clone(), index: i.clone() }));
    }
    ops.extend(s.tables.values().map(|t| Op::DropTable { table: t.clone() }));
    ops.extend(s.enums.values().map(|e| Op::DropEnum { enum_type: e.clone() }));
    ops
}

fn apply(conn: &mut Connection, ops: &[Op], old: &Schema, new: &Schema) -> String {
    let r = render(ops, old, new);
    conn.batch_execute(&r.sql).unwrap_or_else(|e| panic!("{e}\n---\n{}", r.sql));
    r.sql
}

fn assert_db_is(conn: &mut Connection, expected: &Schema, sql: &str) {
    let got = introspect(conn, &[]).unwrap();
    assert_eq!(comparable(&got, Backend::Sqlite), comparable(expected, Backend::Sqlite), "after:\n{sql}");
}

fn sqlite() -> TestDb {
    TestDb::new(Backend::Sqlite).expect("SQLite needs no server")
}

#[test]
fn creates_introspects_and_drops_every_feature() {
    let db = sqlite();
    let mut conn = db.connect();
    let s = full_schema();
    let sql = apply(&mut conn, &create_ops(&s), &Schema::default(), &s);
    assert!(sql.contains("id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL"), "{sql}");
    assert!(sql.contains("CREATE TABLE \"group\""), "{sql}");
    assert_db_is(&mut conn, &s, &sql);
    // comparable is idempotent.
    let once = comparable(&s, Backend::Sqlite);
    assert_eq!(comparable(&once, Backend::Sqlite), once);

    let sql = apply(&mut conn, &drop_ops(&s), &s, &Schema::default());
    assert_db_is(&mut conn, &Schema::default(), &sql);
    assert!(db.texts("SELECT name AS value FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").is_empty());
}

#[test]
fn introspection_names_unnamed_constraints_like_the_registry() {
    let db = sqlite();
    db.exec(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, age INT CHECK (age >= 0));\n\
         CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users ON DELETE CASCADE, slug TEXT, UNIQUE (user_id, slug));\n\
         CREATE UNIQUE INDEX ux_posts_slug ON posts (slug);\n\
         CREATE INDEX ix_posts_user_id ON posts (user_id);\n\
         CREATE TABLE __diesel_schema_migrations (version TEXT PRIMARY KEY);",
    );
    let s = introspect(&mut db.connect(), &[]).unwrap();
    assert_eq!(s.tables.keys().collect::<Vec<_>>(), ["posts", "users"]);
    let users = &s.tables["users"];
    assert!(users.columns[0].auto_increment && !users.columns[0].nullable);
    assert_eq!(users.uniques, vec![UniqueConstraint { name: "uq_users_email".into(), columns: strings(&["email"]) }]);
    assert_eq!(users.checks, vec![Check { name: "ck_users".into(), expr: "age >= 0".into() }]);
    let posts = &s.tables["posts"];
    assert_eq!(posts.foreign_keys, vec![fk("fk_posts_user_id_users", &["user_id"], "users", &["id"], Some(Action::Cascade))]);
    assert_eq!(
        posts.uniques,
        vec![
            UniqueConstraint { name: "uq_posts_user_id_slug".into(), columns: strings(&["user_id", "slug"]) },
            UniqueConstraint { name: "ux_posts_slug".into(), columns: strings(&["slug"]) },
        ]
    );
    assert_eq!(posts.indexes, vec![Index { name: "ix_posts_user_id".into(), columns: strings(&["user_id"]), unique: false }]);
}

#[test]
fn introspection_reports_database_errors() {
    let db = sqlite();
    std::fs::write(db.url(), "this is not a database, but a text file of some length ".repeat(40)).unwrap();
    let err = introspect(&mut db.connect(), &[]).unwrap_err().to_string();
    assert!(err.starts_with("database error while introspecting"), "{err}");
}

/// The two-table base of the alteration tests, with rows in both.
fn base() -> Schema {
    let users = table("users", vec![id(), Column { max_length: Some(50), ..not_null(col("email", SqlType::Varchar)) }, col("age", SqlType::Integer)], &["id"]);
    let mut posts = table("posts", vec![id(), not_null(col("user_id", SqlType::Integer)), col("title", SqlType::Text)], &["id"]);
    posts.foreign_keys = vec![fk("fk_posts_user_id_users", &["user_id"], "users", &["id"], Some(Action::Cascade))];
    posts.indexes = vec![Index { name: "ix_posts_user_id".into(), columns: strings(&["user_id"]), unique: false }];
    schema(vec![users, posts], vec![])
}

/// Applies `up` to the base (with rows), checks the result, applies `down`, checks
/// the base came back, and that no row was lost on the way.
fn round_trip(changed: &Schema, up: Vec<Op>, down: Vec<Op>) -> (String, String) {
    let db = sqlite();
    let mut conn = db.connect();
    let b = base();
    apply(&mut conn, &create_ops(&b), &Schema::default(), &b);
    db.exec("INSERT INTO users (email, age) VALUES ('a@x', 30), ('b@x', NULL); INSERT INTO posts (user_id, title) VALUES (1, 'p1'), (1, 'p2'), (2, 'p3');");
    let up_sql = apply(&mut conn, &up, &b, changed);
    assert_db_is(&mut conn, changed, &up_sql);
    let count = |db: &TestDb, t: &str| db.texts(&format!("SELECT COUNT(*) AS value FROM {t}"))[0].clone();
    let users_now = changed.tables.keys().find(|k| *k != "posts").unwrap().clone();
    assert_eq!((count(&db, &users_now), count(&db, "posts")), ("2".to_string(), "3".to_string()), "rows lost by:\n{up_sql}");
    let down_sql = apply(&mut conn, &down, changed, &b);
    assert_db_is(&mut conn, &b, &down_sql);
    assert_eq!((count(&db, "users"), count(&db, "posts")), ("2".to_string(), "3".to_string()), "rows lost by:\n{down_sql}");
    assert_eq!(db.texts("SELECT foreign_keys AS value FROM pragma_foreign_keys")[0], "1", "foreign keys are back on");
    (up_sql, down_sql)
}

#[test]
fn add_and_drop_a_nullable_column_in_place() {
    let mut changed = base();
    let phone = Column { max_length: Some(20), ..col("phone", SqlType::Varchar) };
    changed.tables.get_mut("users").unwrap().columns.push(phone.clone());
    let (up, down) = round_trip(
        &changed,
        vec![Op::AddColumn { table: "users".into(), column: phone.clone() }],
        vec![Op::DropColumn { table: "users".into(), column: phone }],
    );
    assert_eq!(up, "ALTER TABLE users ADD COLUMN phone VARCHAR(20);\n");
    assert!(down.ends_with("ALTER TABLE users DROP COLUMN phone;\n"), "{down}");
}

#[test]
fn not_null_column_with_backfill_rebuilds_once() {
    let mut changed = base();
    let nick = not_null(col("nick", SqlType::Text));
    changed.tables.get_mut("users").unwrap().columns.push(nick.clone());
    let (up, _) = round_trip(
        &changed,
        vec![
            Op::AddColumn { table: "users".into(), column: Column { nullable: true, ..nick.clone() } },
            Op::Backfill { table: "users".into(), column: "nick".into(), value: "'anon'".into() },
            Op::AlterColumn { table: "users".into(), old: Column { nullable: true, ..nick.clone() }, new: nick.clone() },
        ],
        vec![Op::DropColumn { table: "users".into(), column: nick }],
    );
    assert_eq!(up.matches("CREATE TABLE _new_users").count(), 1, "{up}");
    assert!(up.contains("SELECT id, email, age, 'anon' FROM users;"), "{up}");
}

#[test]
fn alter_a_column_type_and_nullability() {
    let mut changed = base();
    let old = changed.tables["users"].columns[1].clone();
    let new = Column { sql_type: SqlType::Text, max_length: None, nullable: true, default: Some("'none'".into()), ..old.clone() };
    changed.tables.get_mut("users").unwrap().columns[1] = new.clone();
    round_trip(
        &changed,
        vec![Op::AlterColumn { table: "users".into(), old: old.clone(), new: new.clone() }],
        vec![Op::AlterColumn { table: "users".into(), old: new, new: old }],
    );
}

#[test]
fn rename_a_column_and_a_table() {
    let mut changed = base();
    let mut users = changed.tables.remove("users").unwrap();
    users.name = "people".into();
    users.columns[1].name = "mail".into();
    changed.tables.insert("people".into(), users);
    let posts = changed.tables.get_mut("posts").unwrap();
    posts.foreign_keys[0].ref_table = "people".into();
    let (up, down) = round_trip(
        &changed,
        vec![
            Op::RenameTable { from: "users".into(), to: "people".into() },
            Op::RenameColumn { table: "people".into(), from: "email".into(), to: "mail".into() },
        ],
        vec![
            Op::RenameTable { from: "people".into(), to: "users".into() },
            Op::RenameColumn { table: "users".into(), from: "mail".into(), to: "email".into() },
        ],
    );
    assert_eq!(up, "ALTER TABLE users RENAME TO people;\n\nALTER TABLE people RENAME COLUMN email TO mail;\n");
    assert!(down.starts_with("ALTER TABLE people RENAME TO users;"), "{down}");
}

#[test]
fn add_and_drop_an_index() {
    let mut changed = base();
    let ix = Index { name: "ix_users_age".into(), columns: strings(&["age"]), unique: false };
    changed.tables.get_mut("users").unwrap().indexes.push(ix.clone());
    let (up, down) =
        round_trip(&changed, vec![Op::CreateIndex { table: "users".into(), index: ix.clone() }], vec![Op::DropIndex { table: "users".into(), index: ix }]);
    assert_eq!(
        (up.as_str(), down.as_str()),
        (
            "CREATE INDEX ix_users_age ON users (age);\n",
            "-- DANGER: drops index ix_users_age on users: queries that used it get slower\nDROP INDEX ix_users_age;\n"
        )
    );
}

#[test]
fn add_and_drop_a_unique_constraint() {
    let mut changed = base();
    let uq = UniqueConstraint { name: "uq_users_email".into(), columns: strings(&["email"]) };
    changed.tables.get_mut("users").unwrap().uniques.push(uq.clone());
    round_trip(&changed, vec![Op::AddUnique { table: "users".into(), unique: uq.clone() }], vec![Op::DropUnique { table: "users".into(), unique: uq }]);
}

#[test]
fn add_and_drop_a_check_and_a_foreign_key() {
    let mut changed = base();
    let ck = Check { name: "ck_users_age".into(), expr: "age IS NULL OR age >= 0".into() };
    let f = fk("fk_users_id_users", &["id"], "users", &["id"], Some(Action::Cascade));
    let users = changed.tables.get_mut("users").unwrap();
    users.checks.push(ck.clone());
    users.foreign_keys.push(f.clone());
    let (up, _) = round_trip(
        &changed,
        vec![Op::AddCheck { table: "users".into(), check: ck.clone() }, Op::AddForeignKey { table: "users".into(), fk: f.clone() }],
        vec![Op::DropForeignKey { table: "users".into(), fk: f }, Op::DropCheck { table: "users".into(), check: ck }],
    );
    assert_eq!(up.matches("CREATE TABLE _new_users").count(), 1, "one rebuild for both: {up}");
}

#[test]
fn change_the_primary_key_and_drop_an_indexed_column() {
    let mut changed = base();
    let posts = changed.tables.get_mut("posts").unwrap();
    let title = posts.columns.remove(2);
    posts.columns[0].auto_increment = false;
    posts.primary_key = strings(&["id", "user_id"]);
    let ix = posts.indexes.remove(0);
    let new_id = posts.columns[0].clone();
    let old_pk = strings(&["id"]);
    round_trip(
        &changed,
        vec![
            Op::DropIndex { table: "posts".into(), index: ix.clone() },
            Op::AlterPrimaryKey { table: "posts".into(), old: old_pk.clone(), new: strings(&["id", "user_id"]) },
            Op::AlterColumn { table: "posts".into(), old: id(), new: new_id },
            Op::DropColumn { table: "posts".into(), column: title.clone() },
        ],
        vec![
            Op::AddColumn { table: "posts".into(), column: title },
            Op::AlterColumn { table: "posts".into(), old: changed_id(), new: id() },
            Op::AlterPrimaryKey { table: "posts".into(), old: strings(&["id", "user_id"]), new: old_pk },
            Op::CreateIndex { table: "posts".into(), index: ix },
        ],
    );
}

fn changed_id() -> Column {
    Column { auto_increment: false, ..id() }
}

// --- through the real binary -------------------------------------------------------------

/// A migration directory holding `up`/`down` rendered for SQLite, with the
/// `run_in_transaction` the renderer asked for.
fn write_migration(ws: &Workspace, n: u32, slug: &str, up: &cargo_migrate::dialect::render::Rendered, down: &str) {
    let name = ws.migration(n, slug, &up.sql, down);
    if !up.run_in_transaction {
        let meta = ws.read(&format!("migrations/{name}/metadata.toml")).replace("run_in_transaction = true", "run_in_transaction = false");
        ws.write(&format!("migrations/{name}/metadata.toml"), &meta);
    }
}

#[test]
fn rebuilding_a_parent_keeps_cascading_children_and_fails_atomically() {
    let db = sqlite();
    let ws = Workspace::new();
    let b = base();
    let create = render(&create_ops(&b), &Schema::default(), &b);
    assert!(create.run_in_transaction);
    ws.migration(
        1,
        "create",
        &format!("{}\nINSERT INTO users (email, age) VALUES ('a@x', 30), ('b@x', NULL);\nINSERT INTO posts (user_id, title) VALUES (1, 'p1'), (1, 'p2'), (2, 'p3');\n", create.sql),
        "DROP TABLE posts;\nDROP TABLE users;\n",
    );
    // Rebuild the parent `users` (posts reference it ON DELETE CASCADE).
    let mut changed = base();
    let ck = Check { name: "ck_users_email".into(), expr: "email LIKE '%@%'".into() };
    changed.tables.get_mut("users").unwrap().checks.push(ck.clone());
    let up = render(&[Op::AddCheck { table: "users".into(), check: ck.clone() }], &b, &changed);
    assert!(!up.run_in_transaction && up.sql.starts_with("-- Foreign keys off"), "{}", up.sql);
    let down = render(&[Op::DropCheck { table: "users".into(), check: ck }], &changed, &b);
    write_migration(&ws, 2, "check_email", &up, &down.sql);
    // The bundled SQLite is built with SQLITE_DEFAULT_FOREIGN_KEYS=1: a plain DROP TABLE would cascade.
    assert_eq!(db.texts("SELECT foreign_keys AS value FROM pragma_foreign_keys"), ["1"]);
    ws.cmd(&db).arg("upgrade").assert().success();
    assert_eq!(db.texts("SELECT COUNT(*) AS value FROM posts"), ["3"], "children survive the parent's rebuild");
    assert!(db.texts("SELECT sql AS value FROM sqlite_master WHERE name = 'users'")[0].contains("ck_users_email"));

    // A rebuild that fails part-way (a NULL age cannot become NOT NULL) leaves nothing behind.
    let old_age = changed.tables["users"].columns[2].clone();
    let mut stricter = changed.clone();
    stricter.tables.get_mut("users").unwrap().columns[2].nullable = false;
    let new_age = stricter.tables["users"].columns[2].clone();
    let up = render(&[Op::AlterColumn { table: "users".into(), old: old_age, new: new_age }], &changed, &stricter);
    write_migration(&ws, 3, "age_not_null", &up, "SELECT 1;\n");
    let out = ws.cmd(&db).arg("upgrade").assert().failure().get_output().clone();
    let err = common::stderr(&out);
    assert!(err.contains("NOT NULL constraint failed: _new_users.age"), "{err}");
    let tables = db.texts("SELECT name AS value FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name");
    assert_eq!(tables, ["posts", "sqlite_sequence", "users"], "no half-built table left");
    assert_eq!(db.texts("SELECT COUNT(*) AS value FROM users"), ["2"]);
    assert_eq!(db.texts("SELECT COUNT(*) AS value FROM posts"), ["3"]);
    assert!(db.texts("SELECT sql AS value FROM sqlite_master WHERE name = 'users'")[0].contains("age INTEGER,"), "users unchanged");
    assert_eq!(db.applied_versions(), ["0001", "0002"]);
    // SQLite rolled the rebuild's own transaction back: nothing stayed, so the report
    // says so and nothing is marked (no `resolve` needed).
    assert!(err.contains("nothing from it stayed") && !err.contains("part of it stayed"), "{err}");
    assert!(db.texts("SELECT version AS value FROM __cargo_migrate_applied WHERE version = '0003'").is_empty());
    ws.cmd(&db).args(["upgrade", "0002"]).assert().success();
}

#[test]
fn a_rebuild_that_breaks_a_reference_is_refused() {
    let db = sqlite();
    let mut conn = db.connect();
    let b = base();
    apply(&mut conn, &create_ops(&b), &Schema::default(), &b);
    db.exec("INSERT INTO users (email) VALUES ('a@x'); INSERT INTO posts (user_id) VALUES (1);");
    // Re-point posts.user_id at a column that holds no such value: the final check fails.
    let mut changed = base();
    let posts = changed.tables.get_mut("posts").unwrap();
    let old_fk = posts.foreign_keys[0].clone();
    let new_fk = ForeignKey { ref_columns: strings(&["age"]), ..old_fk.clone() };
    posts.foreign_keys[0] = new_fk.clone();
    changed.tables.get_mut("users").unwrap().uniques.push(UniqueConstraint { name: "uq_users_age".into(), columns: strings(&["age"]) });
    let r = render(
        &[
            Op::DropForeignKey { table: "posts".into(), fk: old_fk },
            Op::AddUnique { table: "users".into(), unique: UniqueConstraint { name: "uq_users_age".into(), columns: strings(&["age"]) } },
            Op::AddForeignKey { table: "posts".into(), fk: new_fk },
        ],
        &b,
        &changed,
    );
    let err = conn.batch_execute(&r.sql).unwrap_err().to_string();
    assert!(err.contains("foreign_key_violations"), "{err}");
}

/// The annotated fixture models (every annotation, PostgreSQL-only types, enums,
/// schema-qualified tables) round-trip through SQLite.
#[test]
fn fixture_models_round_trip() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut models = cargo_migrate::schema::registry::load(root, &["tests/fixtures/models/crates".to_string()]).unwrap_or_else(|e| panic!("{e}"));
    // The fixture is written for PostgreSQL: SQLite resolves functions at CREATE time.
    for t in models.tables.values_mut() {
        for c in &mut t.checks {
            c.expr = c.expr.replace("char_length(", "length(");
        }
        for c in &mut t.columns {
            if c.default.as_deref() == Some("gen_random_uuid()") {
                c.default = Some("lower(hex(randomblob(16)))".into());
            }
        }
    }
    let db = sqlite();
    let mut conn = db.connect();
    let sql = apply(&mut conn, &create_ops(&models), &Schema::default(), &models);
    assert_db_is(&mut conn, &models, &sql);
    let sql = apply(&mut conn, &drop_ops(&models), &models, &Schema::default());
    assert_db_is(&mut conn, &Schema::default(), &sql);
}
