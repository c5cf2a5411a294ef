//! `cargo migrate adopt`: a project diesel_cli built (diesel.toml, timestamp-named
//! migrations, a print-schema `schema.rs`, a database Diesel migrated) becomes a chain,
//! and every database keeps working for binaries built before and after.

mod common;

use std::path::{Path, PathBuf};

use cargo_migrate::backend::Backend;
use common::{copy_tree, diesel_pending as pending, stderr, stdout, TestDb, Workspace};
use predicates::prelude::*;

backend_tests!(
    a_diesel_database_is_recognised_then_translated_and_both_binaries_agree,
    adopt_db_translates_at_once_and_a_fresh_database_gets_the_same_schema,
    a_database_diesel_left_behind_is_upgraded_under_both_names,
    a_version_from_elsewhere_is_explained_never_answered_with_downgrade_base,
);

const OLD_VERSIONS: [&str; 4] = ["00000000000000", "20190322170700", "20200501120000", "20210101000000"];

fn id_column(db: &TestDb) -> &'static str {
    match db.backend {
        Backend::Sqlite => "id INTEGER PRIMARY KEY",
        Backend::Postgres => "id SERIAL PRIMARY KEY",
        Backend::Mysql => "id INTEGER AUTO_INCREMENT PRIMARY KEY",
    }
}

/// A project as diesel_cli leaves it: `diesel.toml` pointing at a non-default
/// migrations directory and at `src/schema.rs`, no `[…metadata.migrate]`, migrations
/// named both ways diesel_cli has named them, one without `metadata.toml`, one whose
/// `metadata.toml` lacks `run_in_transaction` (Diesel reads: no transaction), and a
/// README that is not a migration.
fn diesel_project(db: &TestDb) -> Workspace {
    let ws = Workspace { dir: tempfile::Builder::new().prefix("cm-diesel-").tempdir().unwrap() };
    ws.write("Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n");
    ws.write("src/lib.rs", "pub mod schema;\n");
    ws.write(
        "diesel.toml",
        "# For documentation on how to configure this file,\n# see https://diesel.rs/guides/configuring-diesel-cli\n\n[print_schema]\nfile = \"src/schema.rs\"\n\
         custom_type_derives = [\"diesel::query_builder::QueryId\", \"Clone\"]\n\n[migrations_directory]\ndir = \"db/migrations\"\n",
    );
    let id = id_column(db);
    let m = "db/migrations";
    ws.write(&format!("{m}/.keep"), "");
    ws.write(&format!("{m}/README.md"), "Migrations are written by hand.\n");
    ws.write(
        &format!("{m}/00000000000000_diesel_initial_setup/up.sql"),
        &format!("-- Diesel's setup migration\nCREATE TABLE app_settings ({id}, name TEXT NOT NULL);\n"),
    );
    ws.write(&format!("{m}/00000000000000_diesel_initial_setup/down.sql"), "DROP TABLE app_settings;\n");
    ws.write(&format!("{m}/2019-03-22-170700_create_users/up.sql"), &format!("CREATE TABLE users ({id}, email TEXT NOT NULL);\n"));
    ws.write(&format!("{m}/2019-03-22-170700_create_users/down.sql"), "DROP TABLE users;\n");
    ws.write(&format!("{m}/2020-05-01-120000_add_name/up.sql"), "ALTER TABLE users ADD COLUMN name TEXT;\n");
    ws.write(&format!("{m}/2020-05-01-120000_add_name/down.sql"), "ALTER TABLE users DROP COLUMN name;\n");
    ws.write(&format!("{m}/2020-05-01-120000_add_name/metadata.toml"), "# added by hand\n");
    ws.write(&format!("{m}/20210101000000_create_posts/up.sql"), &format!("CREATE TABLE posts ({id}, user_id INTEGER NOT NULL, title TEXT NOT NULL);\n"));
    ws.write(&format!("{m}/20210101000000_create_posts/down.sql"), "DROP TABLE posts;\n");
    ws.write(
        "src/schema.rs",
        "// @generated automatically by Diesel CLI.\n\ndiesel::table! {\n    app_settings (id) {\n        id -> Int4,\n        name -> Text,\n    }\n}\n\n\
         diesel::table! {\n    posts (id) {\n        id -> Int4,\n        user_id -> Int4,\n        title -> Text,\n    }\n}\n\n\
         diesel::table! {\n    users (id) {\n        id -> Int4,\n        email -> Text,\n        name -> Nullable<Text>,\n    }\n}\n\n\
         diesel::allow_tables_to_appear_in_same_query!(app_settings, posts, users,);\n",
    );
    ws
}

fn migrations_dir(ws: &Workspace) -> PathBuf {
    ws.path().join("db/migrations")
}

/// Every path and its bytes under `dir`, `target/` aside (caches).
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
        if rel.starts_with("target") {
            continue;
        }
        let bytes = if e.file_type().is_file() { std::fs::read(e.path()).unwrap() } else { vec![] };
        out.push((rel, bytes));
    }
    out
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

fn with_new(old: &[&str], new: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = old.iter().chain(new).map(|s| s.to_string()).collect();
    v.sort();
    v
}

fn a_diesel_database_is_recognised_then_translated_and_both_binaries_agree(db: TestDb) {
    let ws = diesel_project(&db);
    let dir = migrations_dir(&ws);
    assert_eq!(common::diesel_run(&db, &dir, None), 4);
    // The application binary built before the adoption keeps embedding these.
    let before_adoption = tempfile::tempdir().unwrap();
    copy_tree(&dir, before_adoption.path());

    // Before adoption nothing pretends to be in sync, and nothing advises a rollback.
    ws.cmd(&db)
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("4 migration(s)").and(predicate::str::contains("db/migrations")).and(predicate::str::contains("cargo migrate adopt")));
    let o = ws.cmd(&db).arg("upgrade").output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("cargo migrate adopt") && !stderr(&o).contains("downgrade"), "{}", stderr(&o));

    // --dry-run prints the plan and changes no byte.
    let untouched = tree(ws.path());
    let o = ws.cmd(&db).args(["adopt", "--dry-run"]).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let plan = stdout(&o);
    for line in [
        "00000000000000_diesel_initial_setup -> 0001_diesel_initial_setup",
        "2019-03-22-170700_create_users -> 0002_create_users",
        "2020-05-01-120000_add_name -> 0003_add_name  (diesel_version 20200501120000, run_in_transaction = false)",
        "20210101000000_create_posts -> 0004_create_posts",
        "README.md: not a migration, left as it is",
    ] {
        assert!(plan.contains(line), "missing `{line}` in:\n{plan}");
    }
    assert!(plan.contains("package.metadata.migrate") && plan.contains("src/schema.rs"), "{plan}");
    assert_eq!(tree(ws.path()), untouched, "--dry-run changed files");

    ws.cmd(&db).arg("adopt").assert().success().stderr(predicate::str::contains("diesel print-schema"));
    assert_eq!(
        names(&dir),
        [".keep", "0001_diesel_initial_setup", "0002_create_users", "0003_add_name", "0004_create_posts", "README.md", "schema_snapshot.json"]
    );
    assert_eq!(ws.read("db/migrations/0002_create_users/up.sql"), ws_read(before_adoption.path(), "2019-03-22-170700_create_users/up.sql"));
    let meta = ws.read("db/migrations/0003_add_name/metadata.toml");
    assert!(meta.starts_with("revises = \"0002\"\ndiesel_version = \"20200501120000\"\ncreated = \"2020-05-01T12:00:00Z\"\n"), "{meta}");
    assert!(meta.contains("# added by hand\n") && meta.contains("run_in_transaction = false\n"), "{meta}");
    let manifest = ws.read("Cargo.toml");
    assert!(
        manifest.contains("[package.metadata.migrate]") && manifest.contains("\"src/schema.rs\"") && manifest.contains("migrations = \"db/migrations\""),
        "{manifest}"
    );

    // Every command that connects recognises the database before anything is written to it.
    ws.cmd(&db).arg("current").assert().success().stdout(predicate::str::contains("0004_create_posts (head)"));
    ws.cmd(&db)
        .args(["history", "-i"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0003 -> 0004 (head) (current)").and(predicate::str::contains("unknown").not()));
    ws.cmd(&db).args(["check", "--db"]).assert().success();
    assert_eq!(db.applied_versions(), with_new(&OLD_VERSIONS, &[]));

    // The first guarded write records the new versions beside the old ones.
    ws.cmd(&db).arg("upgrade").assert().success().stderr(predicate::str::contains("nothing to apply"));
    assert_eq!(db.applied_versions(), with_new(&OLD_VERSIONS, &["0001", "0002", "0003", "0004"]));
    // An application built before the adoption and one built after both see nothing pending.
    assert!(pending(&db, before_adoption.path()).is_empty());
    assert!(pending(&db, &dir).is_empty());
    for db_flag in [&[][..], &["--db"][..]] {
        ws.cmd(&db).args(["revision", "--autogenerate", "-m", "nothing"]).args(db_flag).assert().success().stderr(predicate::str::contains("no changes"));
    }
    assert!(!dir.join("0005_nothing").exists());

    // A model change round-trips on the adopted chain.
    let schema = ws.read("src/schema.rs").replace("        name -> Nullable<Text>,\n", "        name -> Nullable<Text>,\n        phone -> Nullable<Text>,\n");
    ws.write("src/schema.rs", &schema);
    ws.cmd(&db).args(["revision", "--autogenerate", "-m", "add phone"]).assert().success();
    assert!(dir.join("0005_add_phone/up.sql").is_file());
    ws.cmd(&db).arg("upgrade").assert().success();
    assert!(db.columns("users").contains(&"phone".to_string()));
    ws.cmd(&db).args(["check", "--db"]).assert().success();
    assert!(pending(&db, before_adoption.path()).is_empty());
    ws.cmd(&db).args(["downgrade", "-1"]).assert().success();
    assert!(!db.columns("users").contains(&"phone".to_string()));

    // Rolling back an adopted migration removes both of its rows: to either binary it is pending again.
    ws.cmd(&db).args(["downgrade", "-1"]).assert().success();
    assert!(!db.has_table("posts"));
    assert_eq!(pending(&db, before_adoption.path()), ["20210101000000"]);
    assert_eq!(pending(&db, &dir), ["0004", "0005"]);
    ws.cmd(&db).arg("upgrade").assert().success();
    assert_eq!(db.applied_versions(), with_new(&OLD_VERSIONS, &["0001", "0002", "0003", "0004", "0005"]));
    assert!(pending(&db, before_adoption.path()).is_empty() && pending(&db, &dir).is_empty());
}

fn ws_read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap()
}

fn adopt_db_translates_at_once_and_a_fresh_database_gets_the_same_schema(db: TestDb) {
    let ws = diesel_project(&db);
    let dir = migrations_dir(&ws);
    let before_adoption = tempfile::tempdir().unwrap();
    copy_tree(&dir, before_adoption.path());
    common::diesel_run(&db, &dir, None);
    let o = ws.cmd(&db).args(["adopt", "--db", "--dry-run"]).output().unwrap();
    assert!(o.status.success() && stdout(&o).contains("database: 4 applied Diesel version(s) recognised"), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(db.applied_versions(), with_new(&OLD_VERSIONS, &[]));
    ws.cmd(&db).args(["adopt", "--db"]).assert().success();
    assert_eq!(db.applied_versions(), with_new(&OLD_VERSIONS, &["0001", "0002", "0003", "0004"]));
    assert!(pending(&db, before_adoption.path()).is_empty() && pending(&db, &dir).is_empty());
    // A rerun finds the work done.
    ws.cmd(&db).args(["adopt", "--db"]).assert().success().stdout(predicate::str::contains("already a chain of 4 adopted migration(s)"));
    ws.cmd(&db).args(["check", "--db"]).assert().success();

    // A database created from the adopted chain has the same tables and columns.
    let fresh = TestDb::new(db.backend).unwrap();
    ws.cmd(&fresh).arg("upgrade").assert().success();
    for t in ["app_settings", "users", "posts"] {
        assert_eq!(fresh.columns(t), db.columns(t), "{t}");
    }
    ws.cmd(&fresh).args(["check", "--db"]).assert().success();
    // … and Diesel's old name for each migration, so an old binary started against it runs nothing.
    assert!(pending(&fresh, before_adoption.path()).is_empty());
}

fn a_database_diesel_left_behind_is_upgraded_under_both_names(db: TestDb) {
    let ws = diesel_project(&db);
    let dir = migrations_dir(&ws);
    let before_adoption = tempfile::tempdir().unwrap();
    copy_tree(&dir, before_adoption.path());
    // This environment's database was last migrated before create_posts existed.
    let held_back = tempfile::tempdir().unwrap();
    copy_tree(&dir, held_back.path());
    std::fs::remove_dir_all(held_back.path().join("20210101000000_create_posts")).unwrap();
    assert_eq!(common::diesel_run(&db, held_back.path(), None), 3);
    ws.cmd(&db).arg("adopt").assert().success();
    ws.cmd(&db).arg("current").assert().success().stdout(predicate::str::contains("0003_add_name"));
    ws.cmd(&db).arg("upgrade").assert().success().stderr(predicate::str::contains("0004_create_posts"));
    assert_eq!(db.applied_versions(), with_new(&OLD_VERSIONS, &["0001", "0002", "0003", "0004"]));
    assert!(pending(&db, before_adoption.path()).is_empty() && pending(&db, &dir).is_empty());
}

fn a_version_from_elsewhere_is_explained_never_answered_with_downgrade_base(db: TestDb) {
    let ws = diesel_project(&db);
    let dir = migrations_dir(&ws);
    common::diesel_run(&db, &dir, None);
    ws.cmd(&db).arg("adopt").assert().success();
    db.exec("INSERT INTO __diesel_schema_migrations (version) VALUES ('20991231000000')");
    let o = ws.cmd(&db).arg("upgrade").output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("20991231000000") && e.contains("cargo migrate adopt") && !e.contains("downgrade base"), "{e}");
    let o = ws.cmd(&db).args(["check", "--db"]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("[db-unknown] the database lists Diesel version 20991231000000") && out.contains("never roll back to `base`"), "{out}");
}

/// `adopt --db --dry-run` names the versions of the database that no migration has
/// (it was migrated from another directory) before anything is renamed.
#[test]
fn adopt_db_names_versions_no_migration_has() {
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let ws = diesel_project(&db);
    common::diesel_run(&db, &migrations_dir(&ws), None);
    db.exec("INSERT INTO __diesel_schema_migrations (version) VALUES ('20991231000000')");
    let o = ws.cmd(&db).args(["adopt", "--db", "--dry-run"]).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("database: 4 applied Diesel version(s) recognised"), "{}", stdout(&o));
    assert!(stderr(&o).contains("the database lists 1 version(s) that no migration here has: 20991231000000"), "{}", stderr(&o));
}

#[test]
fn without_a_table_diesel_toml_decides_and_init_copies_it() {
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let ws = diesel_project(&db);
    // The directory diesel.toml names does not exist: an error naming it, never "ok: 0".
    std::fs::rename(migrations_dir(&ws), ws.path().join("elsewhere")).unwrap();
    ws.cmd(&db).arg("check").assert().code(1).stdout(predicate::str::contains("db/migrations` does not exist").and(predicate::str::contains("ok:").not()));
    ws.cmd(&db).arg("upgrade").assert().code(1).stderr(predicate::str::contains("does not exist"));
    std::fs::rename(ws.path().join("elsewhere"), migrations_dir(&ws)).unwrap();
    // init writes the table from diesel.toml.
    ws.bare_cmd().arg("init").assert().success().stdout(predicate::str::contains("src/schema.rs"));
    let manifest = ws.read("Cargo.toml");
    assert!(manifest.contains("models = [\"src/schema.rs\"]") && manifest.contains("migrations = \"db/migrations\""), "{manifest}");
}

#[test]
fn what_adopt_refuses_it_refuses_before_changing_anything() {
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let ws = diesel_project(&db);
    let dir = migrations_dir(&ws);
    // Two directories with one Diesel version: Diesel would silently run one of them.
    ws.write("db/migrations/2021-01-01-000000_also_posts/up.sql", "SELECT 1;\n");
    let untouched = tree(ws.path());
    ws.bare_cmd().arg("adopt").assert().code(1).stderr(predicate::str::contains("same Diesel version 20210101000000"));
    assert_eq!(tree(ws.path()), untouched);
    std::fs::remove_dir_all(dir.join("2021-01-01-000000_also_posts")).unwrap();
    // Models that do not load: nothing renamed, the error names the file and line.
    ws.write("src/schema.rs", "diesel::table! { users (id) { id -> } }\n");
    let untouched = tree(ws.path());
    ws.bare_cmd().arg("adopt").assert().code(2).stderr(predicate::str::contains("src/schema.rs:1"));
    assert_eq!(tree(ws.path()), untouched);
}

/// `adopt` killed at any moment leaves the old layout or the new one, never a mix,
/// and the next run finishes the work. The kill times are spread over how long a
/// whole run takes on this machine, measured first.
#[test]
fn an_adopt_killed_part_way_leaves_one_layout_and_a_rerun_finishes() {
    const EXTRA: usize = 400;
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let project = || {
        let ws = diesel_project(&db);
        for n in 0..EXTRA {
            ws.write(&format!("db/migrations/2022{:04}120000_m{n}/up.sql", 101 + n), "SELECT 1;\n");
            ws.write(&format!("db/migrations/2022{:04}120000_m{n}/down.sql", 101 + n), "SELECT 1;\n");
        }
        ws
    };
    let adopt = |ws: &Workspace| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cargo-migrate"))
            .args(["migrate", "adopt"])
            .current_dir(ws.path())
            .env("NO_COLOR", "1")
            .env_remove("CARGO_TARGET_DIR")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let total = EXTRA + 4;
    let whole = {
        let ws = project();
        let started = std::time::Instant::now();
        assert!(adopt(&ws).wait().unwrap().success());
        started.elapsed()
    };
    let mut seen = Vec::new();
    for tenth in [1u32, 3, 5, 7, 9] {
        let ws = project();
        let dir = migrations_dir(&ws);
        let mut child = adopt(&ws);
        std::thread::sleep(whole * tenth / 10);
        let _ = child.kill();
        child.wait().unwrap();
        let listing = names(&dir);
        let numbered = listing.iter().filter(|n| cargo_migrate::migrations::chain::parse_dir_name(n).is_some_and(|(d, _)| d.len() == 4)).count();
        let diesel = listing.iter().filter(|n| n.starts_with("20") || n.starts_with("0000000")).count();
        assert!(numbered == 0 && diesel == total || numbered == total && diesel == 0, "killed at {tenth}/10 of {whole:?}: {numbered} renamed, {diesel} not");
        seen.push(if numbered == 0 { "old" } else { "new" });
        ws.bare_cmd().arg("adopt").assert().success();
        assert_eq!(cargo_migrate::migrations::chain::load(&dir).unwrap().len(), total);
        // No working copy is left beside the directory.
        let leftovers: Vec<String> = names(&ws.path().join("db")).into_iter().filter(|n| n.starts_with('.')).collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
    eprintln!("a whole run took {whole:?}; layouts left by the kills: {seen:?}");
}
