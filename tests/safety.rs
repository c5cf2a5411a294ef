//! Issue 13: autogenerate and drift are safe on real schemas. What the models cannot
//! describe is never touched, every loss is marked, and models that fail to load
//! are never "ok".

mod common;

use cargo_migrate::backend::Backend;
use cargo_migrate::dialect::render::render;
use cargo_migrate::schema::diff::{diff, Op, Renames};
use cargo_migrate::schema::model::{Action, Check, Column, EnumType, ForeignKey, Index, Schema, Source, SqlType, Table, UniqueConstraint};
use common::{stderr, stdout, TestDb, Workspace};

const MODELS: &str = "crates/db/src/schema.rs";

/// A table that has one of everything that can be lost.
fn full() -> Schema {
    let mut users = Table::new(
        "users",
        vec![
            Column { auto_increment: true, ..Column::new("id", SqlType::Integer) },
            Column { max_length: Some(255), ..Column::new("email", SqlType::Varchar) },
            Column { default: Some("'active'".into()), ..Column::new("status", SqlType::Text) },
            Column::new("karma", SqlType::BigInt),
            Column::new("mood", SqlType::Custom { name: "mood".into() }),
        ],
        &["id"],
    );
    users.indexes.push(Index { name: "ix_users_status".into(), columns: vec!["status".into()], unique: false });
    users.indexes.push(Index { name: "ux_users_karma".into(), columns: vec!["karma".into()], unique: true });
    users.uniques.push(UniqueConstraint { name: "uq_users_email".into(), columns: vec!["email".into()] });
    users.checks.push(Check { name: "ck_users_karma".into(), expr: "karma >= 0".into() });
    let mut posts = Table::new(
        "posts",
        vec![
            Column { auto_increment: true, ..Column::new("id", SqlType::Integer) },
            Column::new("user_id", SqlType::Integer),
            Column::new("body", SqlType::Text),
        ],
        &["id"],
    );
    posts.foreign_keys.push(ForeignKey {
        name: "fk_posts_user_id_users".into(),
        columns: vec!["user_id".into()],
        ref_table: "users".into(),
        ref_columns: vec!["id".into()],
        on_delete: Some(Action::Cascade),
        on_update: None,
    });
    let audit = Table::new("audit", vec![Column { auto_increment: true, ..Column::new("id", SqlType::Integer) }], &["id"]);
    let mut s = Schema::default();
    for t in [users, posts, audit] {
        s.tables.insert(t.name.clone(), t);
    }
    s.enums.insert("mood".into(), EnumType { name: "mood".into(), schema: None, variants: vec!["happy".into(), "sad".into()], source: Source::none() });
    s
}

/// Each kind of loss once: a table, a column, an index, a unique index, a unique
/// constraint, a check, a foreign key action, a default, a narrowing, an enum label.
fn reduced() -> Schema {
    let mut s = full();
    s.tables.remove("audit");
    let users = s.tables.get_mut("users").unwrap();
    users.indexes.clear();
    users.uniques.clear();
    users.checks.clear();
    users.columns.retain(|c| c.name != "karma");
    users.columns[1].max_length = Some(100);
    users.columns[2].default = None;
    s.tables.get_mut("posts").unwrap().foreign_keys[0].on_delete = None;
    s.enums.get_mut("mood").unwrap().variants = vec!["happy".into()];
    s
}

/// Every operation that drops or narrows something renders with a `-- DANGER:`
/// line saying so, on every backend, and the ops that lose nothing carry none.
#[test]
fn every_dropping_statement_carries_danger() {
    let (old, new) = (full(), reduced());
    let ops = diff(&old, &new, &Renames::default());
    let losing = |op: &Op| {
        matches!(
            op,
            Op::DropTable { .. }
                | Op::DropColumn { .. }
                | Op::DropIndex { .. }
                | Op::DropUnique { .. }
                | Op::DropCheck { .. }
                | Op::DropForeignKey { .. }
                | Op::DropEnum { .. }
        ) || matches!(op, Op::AlterColumn { old, new, .. } if old.default.is_some() && new.default.is_none() || new.max_length < old.max_length)
            || matches!(op, Op::AlterEnum { old, new } if old.variants.iter().any(|v| !new.variants.contains(v)))
    };
    let kinds: Vec<&Op> = ops.iter().filter(|o| losing(o)).collect();
    assert!(kinds.len() >= 10, "{ops:#?}");
    for op in &ops {
        assert_eq!(op.danger().is_some(), losing(op), "{op:?}");
    }
    for backend in [Backend::Postgres, Backend::Mysql, Backend::Sqlite] {
        let r = render(backend, &ops, &old, &new);
        for op in ops.iter().filter(|o| losing(o)) {
            // MySQL keeps enum labels per column and SQLite none at all.
            if backend != Backend::Postgres && matches!(op, Op::AlterEnum { .. } | Op::DropEnum { .. }) {
                continue;
            }
            let danger = op.danger().unwrap();
            assert!(r.sql.contains(&format!("-- DANGER: {danger}")), "{backend:?}: no DANGER line for {op:?}\n{}", r.sql);
            assert!(r.warnings.contains(&danger), "{backend:?}: no warning for {op:?}");
        }
        // And no `DROP` statement outside a block that opens with a DANGER line
        // (a SQLite rebuild's DROP TABLE of the copied table is the one exception).
        for block in r.sql.split("\n\n") {
            let statements: Vec<&str> = block.lines().filter(|l| !l.starts_with("--")).collect();
            let drops = statements.iter().any(|l| l.trim_start().to_uppercase().starts_with("DROP ") || l.to_uppercase().contains(" DROP "));
            let rebuild = block.contains("-- rebuild ");
            let fk_check = block.contains("_cargo_migrate_fk_check");
            if drops && !rebuild && !fk_check {
                assert!(block.starts_with("-- DANGER:"), "{backend:?}: a drop without DANGER:\n{block}");
            }
        }
    }
}

/// A unique index is dropped with DROP INDEX, a unique constraint with DROP
/// CONSTRAINT (PostgreSQL rejects the other way round).
#[test]
fn unique_indexes_and_unique_constraints_drop_their_own_way_on_postgres() {
    let (old, new) = (full(), reduced());
    let ops: Vec<Op> = diff(&old, &new, &Renames::default()).into_iter().filter(|o| matches!(o, Op::DropIndex { .. } | Op::DropUnique { .. })).collect();
    let sql = render(Backend::Postgres, &ops, &old, &new).sql;
    assert!(sql.contains("DROP INDEX ux_users_karma;"), "{sql}");
    assert!(sql.contains("ALTER TABLE users DROP CONSTRAINT uq_users_email;"), "{sql}");
    assert!(!sql.contains("DROP CONSTRAINT ux_users_karma"), "{sql}");
}

fn ws_with(models: &str) -> Workspace {
    let ws = Workspace::new();
    ws.write(MODELS, models);
    ws
}

#[test]
fn fail_on_danger_writes_nothing_and_exits_1() {
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let ws = ws_with("diesel::table! { users (id) { id -> Integer, name -> Text, } }\n");
    ws.cmd(&db).args(["revision", "--autogenerate", "-m", "create users"]).assert().success();
    ws.write(MODELS, "diesel::table! { users (id) { id -> Integer, } }\n");
    let out = ws.cmd(&db).args(["revision", "--autogenerate", "--fail-on-danger", "-m", "drop name"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("drops column users.name and its data") && stderr(&out).contains("--fail-on-danger"), "{}", stderr(&out));
    assert!(!ws.migrations().join("0002_drop_name").exists());
    // Without the flag the same change is written, marked.
    ws.cmd(&db).args(["revision", "--autogenerate", "-m", "drop name"]).assert().success();
    assert!(ws.read("migrations/0002_drop_name/up.sql").contains("-- DANGER: drops column users.name and its data"));
    // A change that loses nothing passes the flag.
    ws.write(MODELS, "diesel::table! { users (id) { id -> Integer, bio -> Nullable<Text>, } }\n");
    ws.cmd(&db).args(["revision", "--autogenerate", "--fail-on-danger", "-m", "add bio"]).assert().success();
}

/// Issue 13: `check --db` printed "ok" with exit 0 when the models failed to load.
#[test]
fn models_that_fail_to_load_are_never_ok() {
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let ws = ws_with("diesel::table! { users (id) { id -> Integer, } }\n");
    ws.cmd(&db).args(["revision", "--autogenerate", "-m", "create users"]).assert().success();
    ws.cmd(&db).args(["upgrade", "head"]).assert().success();
    ws.cmd(&db).args(["check", "--db"]).assert().success();
    ws.write(MODELS, "use diesel_full_text_search::Tsvectr;\ndiesel::table! { users (id) { id -> Integer, search -> Tsvectr, } }\n");
    for args in [&["check"][..], &["check", "--db"][..]] {
        let out = ws.cmd(&db).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}{}", stdout(&out), stderr(&out));
        assert!(stdout(&out).contains("crates/db/src/schema.rs:2:") && stdout(&out).contains("unknown SQL type `Tsvectr`"), "{args:?}: {}", stdout(&out));
        assert!(!stdout(&out).contains("ok:"), "{}", stdout(&out));
    }
    let out = ws.cmd(&db).args(["revision", "--autogenerate", "--db", "-m", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("unknown SQL type `Tsvectr`"), "{}", stderr(&out));

    // No snapshot yet: `check` still loads the models.
    let ws = ws_with("diesel::table! { users (id) { id -> Nope, } }\n");
    let out = ws.bare_cmd().args(["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("[models]"), "{}", stdout(&out));
}

/// Extension types imported from their crates are types, and the `types` key maps
/// any other crate's.
#[test]
fn extension_and_mapped_types_resolve() {
    let ws = ws_with(
        "use diesel_full_text_search::Tsvector;\nuse diesel_ltree::sql_types::Ltree;\nuse my_crate::Color;\n\
         diesel::table! { docs (id) { id -> Integer, search -> Tsvector, path -> Nullable<Ltree>, shade -> Color, } }\n",
    );
    let out = ws.bare_cmd().args(["models", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "Color is unknown without the mapping: {}", stdout(&out));
    assert!(stderr(&out).contains("unknown SQL type `Color`"), "{}", stderr(&out));
    let manifest = ws.read("Cargo.toml") + "\n[workspace.metadata.migrate.types]\nColor = \"color\"\n";
    ws.write("Cargo.toml", &manifest);
    let out = ws.bare_cmd().args(["models", "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for t in ["tsvector", "ltree", "color"] {
        assert!(text.contains(t), "{t}: {text}");
    }
}

/// A SQLite table rebuild keeps the FTS5 triggers, the view and the expression index
/// attached to the table, and the FTS5 table and its shadow tables are never diffed.
#[test]
fn a_sqlite_rebuild_keeps_triggers_views_and_indexes_and_fts_is_left_alone() {
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let ws = Workspace::new();
    ws.migration(
        1,
        "create_posts",
        "CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body VARCHAR(200) NOT NULL, created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX posts_title_lower ON posts (lower(title));
CREATE VIEW post_titles AS SELECT id, title FROM posts;
CREATE VIRTUAL TABLE posts_fts USING fts5(title, body, content='posts', content_rowid='id');
CREATE TRIGGER posts_ai AFTER INSERT ON posts BEGIN INSERT INTO posts_fts (rowid, title, body) VALUES (new.id, new.title, new.body); END;
CREATE TRIGGER posts_ad AFTER DELETE ON posts BEGIN INSERT INTO posts_fts (posts_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); END;
CREATE TRIGGER posts_au AFTER UPDATE ON posts BEGIN INSERT INTO posts_fts (posts_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); INSERT INTO posts_fts (rowid, title, body) VALUES (new.id, new.title, new.body); END;
",
        "DROP TABLE posts_fts;\nDROP VIEW post_titles;\nDROP TABLE posts;\n",
    );
    ws.cmd(&db).args(["upgrade", "head"]).assert().success();
    db.exec("INSERT INTO posts (title, body) VALUES ('hello', 'world')");
    // Models as `diesel print-schema` writes them: VARCHAR and DATETIME read as Text
    // and Timestamp, the FTS5 table and the view declared with `table!`.
    let models = "diesel::table! {\n    posts (id) {\n        id -> Integer,\n        title -> Text,\n        body -> Text,\n        /// @default CURRENT_TIMESTAMP\n        created_at -> Timestamp,\n    }\n}\n\
                  diesel::table! {\n    posts_fts (rowid) {\n        rowid -> Integer,\n        title -> Nullable<Binary>,\n        body -> Nullable<Binary>,\n    }\n}\n\
                  diesel::table! {\n    post_titles (id) {\n        id -> Integer,\n        title -> Text,\n    }\n}\n";
    ws.write(MODELS, models);
    let out = ws.cmd(&db).args(["check", "--db", "-v"]).output().unwrap();
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    for listed in [
        "not managed: view post_titles",
        "not managed: virtual table posts_fts",
        "not managed: shadow table posts_fts_data",
        "not managed: trigger posts_ai on posts",
        "not managed: expression index posts_title_lower on posts",
    ] {
        assert!(stderr(&out).contains(listed), "{listed}: {}", stderr(&out));
    }
    let out = ws.cmd(&db).args(["check", "--db", "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["ok"], true, "{json}");
    assert!(json["unmanaged"].as_array().unwrap().iter().any(|u| u["kind"] == "virtual_table" && u["name"] == "posts_fts"), "{json}");
    let out = ws.cmd(&db).args(["revision", "--autogenerate", "--db", "-m", "nothing"]).output().unwrap();
    assert!(out.status.success() && stderr(&out).contains("no changes"), "{}{}", stdout(&out), stderr(&out));

    // A change SQLite rebuilds the table for.
    ws.write(MODELS, &models.replace("        body -> Text,\n", "        body -> Nullable<Text>,\n"));
    let out = ws.cmd(&db).args(["revision", "--autogenerate", "--db", "-m", "body optional"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let up = ws.read("migrations/0002_body_optional/up.sql");
    assert!(up.contains("-- rebuild posts") && up.contains("CREATE TRIGGER posts_ai"), "{up}");
    assert!(!up.contains("posts_fts_") && !up.contains("CREATE TABLE posts_fts"), "{up}");
    let out = ws.cmd(&db).args(["upgrade", "head"]).output().unwrap();
    assert!(out.status.success(), "{}\n{up}", stderr(&out));
    let kept = db.texts("SELECT name AS value FROM sqlite_master WHERE type IN ('trigger', 'view', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name");
    assert_eq!(kept, ["post_titles", "posts_ad", "posts_ai", "posts_au", "posts_title_lower"], "{up}");
    // The triggers still work, and the rows survived.
    db.exec("INSERT INTO posts (title, body) VALUES ('second', NULL)");
    assert_eq!(db.texts("SELECT CAST(COUNT(*) AS TEXT) AS value FROM posts_fts WHERE posts_fts MATCH 'hello OR second'"), ["2"]);
    assert_eq!(db.texts("SELECT CAST(COUNT(*) AS TEXT) AS value FROM post_titles"), ["2"]);
    // Down again: the rebuild back keeps them too.
    let out = ws.cmd(&db).args(["downgrade", "-1"]).output().unwrap();
    assert!(
        !out.status.success()
            || db.texts("SELECT name AS value FROM sqlite_master WHERE type = 'trigger' ORDER BY name") == ["posts_ad", "posts_ai", "posts_au"],
        "{}",
        stderr(&out)
    );
}

/// Offline (from the snapshot) a rebuild cannot know the table's triggers: the
/// migration refuses to run instead of dropping them, and the same change generated
/// with `--db` keeps them.
#[test]
fn an_offline_sqlite_rebuild_refuses_to_lose_an_unknown_trigger() {
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let ws = ws_with("diesel::table! {\n    notes (id) {\n        id -> Integer,\n        body -> Text,\n        edited -> Integer,\n    }\n}\n");
    ws.cmd(&db).args(["revision", "--autogenerate", "-m", "create notes"]).assert().success();
    ws.migration(
        2,
        "touch_trigger",
        "CREATE TRIGGER notes_touch AFTER UPDATE OF body ON notes BEGIN UPDATE notes SET edited = 1 WHERE id = new.id; END;\n",
        "DROP TRIGGER notes_touch;\n",
    );
    // A hand-written migration records the models as they are as the snapshot.
    std::fs::write(
        ws.migrations().join("schema_snapshot.json"),
        ws.read("migrations/schema_snapshot.json").replace("\"revision\": \"0001\"", "\"revision\": \"0002\""),
    )
    .unwrap();
    ws.cmd(&db).args(["upgrade", "head"]).assert().success();
    ws.write(MODELS, "diesel::table! {\n    notes (id) {\n        id -> Integer,\n        body -> Nullable<Text>,\n        edited -> Integer,\n    }\n}\n");
    let out = ws.cmd(&db).args(["revision", "--autogenerate", "-m", "body optional"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = ws.cmd(&db).args(["upgrade", "head"]).output().unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("triggers_views_or_indexes_would_be_lost"), "{}", stderr(&out));
    assert_eq!(db.texts("SELECT name AS value FROM sqlite_master WHERE type = 'trigger'"), ["notes_touch"]);

    // It ran in its own transaction, which rolled back whole: nothing stayed, so no
    // failed-part-way mark is left to resolve.
    ws.cmd(&db).args(["resolve", "0003", "--rolled-back"]).assert().code(2).stderr(predicates::str::contains("has no failed-part-way mark"));
    std::fs::remove_dir_all(ws.migrations().join("0003_body_optional")).unwrap();
    let out = ws.cmd(&db).args(["revision", "--autogenerate", "--db", "-m", "body optional"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = ws.cmd(&db).args(["upgrade", "head"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(db.texts("SELECT name AS value FROM sqlite_master WHERE type = 'trigger'"), ["notes_touch"]);
    db.exec("INSERT INTO notes (body, edited) VALUES ('a', 0); UPDATE notes SET body = 'b'");
    assert_eq!(db.texts("SELECT CAST(edited AS TEXT) AS value FROM notes"), ["1"]);
}

/// A `table!` later marked `@unmanaged` (or matched by `ignore`) leaves the offline
/// diff and `check`: the snapshot still has it as a table, and that is no reason to
/// drop it.
#[test]
fn marking_a_table_unmanaged_or_ignored_drops_nothing_offline() {
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let tables = "diesel::table! {\n    users (id) {\n        id -> Integer,\n    }\n}\ndiesel::table! {\n    recent_users (id) {\n        id -> Integer,\n    }\n}\ndiesel::table! {\n    legacy_audit (id) {\n        id -> Integer,\n    }\n}\n";
    let ws = ws_with(tables);
    ws.cmd(&db).args(["revision", "--autogenerate", "-m", "first"]).assert().success();
    ws.write(
        MODELS,
        &tables
            .replace("    recent_users (id) {", "    /// @unmanaged\n    recent_users (id) {")
            .replace("diesel::table! {\n    legacy_audit (id) {\n        id -> Integer,\n    }\n}\n", ""),
    );
    let manifest = ws.read("Cargo.toml");
    ws.write("Cargo.toml", &manifest.replace("migrations = \"migrations\"\n", "migrations = \"migrations\"\nignore = [\"legacy_*\"]\n"));
    let out = ws.cmd(&db).args(["revision", "--autogenerate", "-m", "nothing"]).output().unwrap();
    assert!(out.status.success() && stderr(&out).contains("no changes"), "{}{}", stdout(&out), stderr(&out));
    let out = ws.cmd(&db).args(["check"]).output().unwrap();
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    // Without `ignore`, legacy_audit leaving the models is a drop (refused here).
    ws.write("Cargo.toml", &manifest);
    let out = ws.cmd(&db).args(["revision", "--autogenerate", "--fail-on-danger", "-m", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("drops table legacy_audit") && !stderr(&out).contains("recent_users"), "{}", stderr(&out));
}
