//! Adoption of real public Diesel projects (`tests/corpus/`, each with its source and
//! licence in `SOURCE.md`): a database built by replaying the project's migrations
//! with Diesel's own harness is adopted; then nothing is out of sync, nothing is
//! pending for the old or the new migrations, autogenerate finds no change, and a
//! fresh database built from the adopted chain has the same schema.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use cargo_migrate::backend::Backend;
use common::{copy_tree, diesel_pending as pending, diesel_run, stderr, stdout, TestDb, Workspace};
use predicates::prelude::*;

fn corpus(project: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(project)
}

/// The project as its developers have it: its own `diesel.toml` (plus, where the
/// project picks a directory per backend at build time, the `[migrations_directory]`
/// diesel_cli would be given), its migrations, and its print-schema file where
/// `diesel.toml` says it is.
struct Project {
    ws: Workspace,
    migrations: PathBuf,
    schema_file: PathBuf,
}

fn project(name: &str, migrations_sub: &str, schema: &str, extra_diesel_toml: &str) -> Project {
    let src = corpus(name);
    let ws = Workspace { dir: tempfile::Builder::new().prefix(&format!("cm-corpus-{name}-")).tempdir().unwrap() };
    ws.write("Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n");
    ws.write("src/lib.rs", "");
    let diesel_toml = std::fs::read_to_string(src.join("diesel.toml")).unwrap();
    ws.write("diesel.toml", &format!("{diesel_toml}\n{extra_diesel_toml}"));
    let d = cargo_migrate::project::diesel_toml::parse(&ws.read("diesel.toml"), &ws.path().join("diesel.toml")).unwrap();
    let migrations = d.migrations_dir.clone().unwrap_or_else(|| ws.path().join("migrations"));
    copy_tree(&src.join("migrations").join(migrations_sub), &migrations);
    let schema_file = d.schema_files[0].clone();
    std::fs::create_dir_all(schema_file.parent().unwrap()).unwrap();
    std::fs::copy(src.join(schema), &schema_file).unwrap();
    Project { ws, migrations, schema_file }
}

/// The database's schema as its own tools print it, the state tables aside (Diesel's
/// is created by Diesel's harness in one and by us in the other, spelled differently).
fn schema_dump(db: &TestDb) -> String {
    let dump = raw_schema_dump(db);
    if let Ok(dir) = std::env::var("CARGO_MIGRATE_DUMP_DIR") {
        std::fs::write(Path::new(&dir).join(format!("{}.sql", db.name().replace('/', "_"))), &dump).unwrap();
    }
    dump
}

fn raw_schema_dump(db: &TestDb) -> String {
    match db.backend {
        Backend::Sqlite => db
            .texts("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') AS value FROM sqlite_master WHERE name NOT LIKE '%cargo_migrate%' AND name NOT LIKE '%diesel_schema_migrations%' ORDER BY type, name")
            .join("\n"),
        Backend::Postgres => {
            let o = Command::new("pg_dump").args(["--schema-only", "--no-owner", "--no-privileges", "-h", "127.0.0.1", "-U", "postgres", db.name()]).output().unwrap();
            assert!(o.status.success(), "{}", stderr(&o));
            // `\restrict KEY` lines carry a random key per dump (pg_dump 15.14 on).
            let text: String = stdout(&o).lines().filter(|l| !l.starts_with("\\restrict") && !l.starts_with("\\unrestrict")).map(|l| format!("{l}\n")).collect();
            text.split("\n\n").filter(|block| !block.contains("__cargo_migrate") && !block.contains("__diesel_schema_migrations")).collect::<Vec<_>>().join("\n\n")
        }
        Backend::Mysql => {
            let o = Command::new("mysqldump").args(["--no-data", "--skip-comments", "--skip-dump-date", "-h", "127.0.0.1", "-uroot", db.name()]).output().unwrap();
            assert!(o.status.success(), "{}", stderr(&o));
            let text = stdout(&o);
            let no_counter = regex_lite_replace_auto_increment(&text);
            no_counter.split(";\n").filter(|s| !s.contains("__cargo_migrate") && !s.contains("__diesel_schema_migrations")).collect::<Vec<_>>().join(";\n")
        }
    }
}

/// `AUTO_INCREMENT=N` counts rows ever inserted, not schema.
fn regex_lite_replace_auto_increment(text: &str) -> String {
    text.split(' ').filter(|w| !w.starts_with("AUTO_INCREMENT=")).collect::<Vec<_>>().join(" ")
}

/// The whole path for one project on one backend. `session` as for `diesel_run`; a
/// project that needs one is not replayed into a fresh database by `cargo migrate`,
/// which opens its own connections.
///
/// `unstated`: how many differences between the database and the project's own
/// models no annotation can state (a hand-maintained `schema.rs` that says `Text` for
/// `CHAR(36)`, a nullability that disagrees). `adopt --db` must warn about each, and
/// `check --db` must then report the drift rather than say "ok"; with none, the
/// adopted project must be exactly in sync and a model change must round-trip.
fn adopt_round_trip(db: &TestDb, p: &Project, expected: usize, session: Option<&str>, unstated: usize) {
    let dir = &p.migrations;
    assert_eq!(diesel_run(db, dir, session), expected, "replaying with Diesel's harness");
    let before_adoption = tempfile::tempdir().unwrap();
    copy_tree(dir, before_adoption.path());
    let schema_before = std::fs::read_to_string(&p.schema_file).unwrap();

    let o = p.ws.cmd(db).args(["adopt", "--db"]).output().unwrap();
    assert!(o.status.success(), "adopt --db:\n{}{}", stdout(&o), stderr(&o));
    // Only annotation lines were added to the models.
    let schema_after = std::fs::read_to_string(&p.schema_file).unwrap();
    let added: Vec<&str> = diff_added_lines(&schema_before, &schema_after);
    assert!(added.iter().all(|l| l.trim_start().starts_with("/// @")), "adopt changed more than annotations: {added:?}");

    let warned = stderr(&o).matches("no annotation can say it").count();
    assert_eq!(warned, unstated, "adopt --db warnings:\n{}", stderr(&o));

    let o = p.ws.cmd(db).args(["check", "--db"]).output().unwrap();
    if unstated == 0 {
        assert!(o.status.success(), "check --db after adopt:\n{}{}", stdout(&o), stderr(&o));
        let o = p.ws.cmd(db).args(["revision", "--autogenerate", "--db", "-m", "nothing"]).output().unwrap();
        assert!(o.status.success() && stderr(&o).contains("no changes"), "autogenerate --db after adopt:\n{}{}", stdout(&o), stderr(&o));
    } else {
        assert_eq!(o.status.code(), Some(1), "check --db must not say ok over drift it was warned about:\n{}", stdout(&o));
        assert!(stdout(&o).contains("[db-drift]"), "{}", stdout(&o));
    }
    p.ws.cmd(db).arg("upgrade").assert().success().stderr(predicate::str::contains("nothing to apply"));
    assert!(pending(db, before_adoption.path()).is_empty(), "the binary built before adoption sees pending migrations");
    assert!(pending(db, dir).is_empty(), "the binary built after adoption sees pending migrations");

    if unstated == 0 {
        model_change_round_trips(db, p);
    }
    if session.is_some() {
        return;
    }
    // A fresh database from the adopted chain: the same schema.
    let fresh = TestDb::new(db.backend).unwrap();
    let o = p.ws.cmd(&fresh).arg("upgrade").output().unwrap();
    assert!(o.status.success(), "upgrade of a fresh database:\n{}", stderr(&o));
    assert_eq!(schema_dump(&fresh), schema_dump(db), "a database built by cargo migrate differs from the one Diesel built");
}

/// A column added to the first table of the models goes through the whole cycle on
/// the adopted chain: autogenerate against the database, upgrade, check, roll back.
fn model_change_round_trips(db: &TestDb, p: &Project) {
    let models = std::fs::read_to_string(&p.schema_file).unwrap();
    let snapshot_file = p.migrations.join("schema_snapshot.json");
    let snapshot = std::fs::read(&snapshot_file).unwrap();
    let header = models.lines().position(|l| l.trim_end().ends_with(") {") && l.contains(" (")).expect("a table! header");
    let indent: String = models.lines().nth(header).unwrap().chars().take_while(|c| c.is_whitespace()).collect();
    let mut lines: Vec<&str> = models.lines().collect();
    let column = format!("{indent}    cm_probe -> Nullable<Text>,");
    lines.insert(header + 1, &column);
    std::fs::write(&p.schema_file, lines.join("\n") + "\n").unwrap();
    let o = p.ws.cmd(db).args(["revision", "--autogenerate", "--db", "-m", "probe"]).output().unwrap();
    assert!(o.status.success(), "autogenerate of a new column:\n{}{}", stdout(&o), stderr(&o));
    let o = p.ws.cmd(db).arg("upgrade").output().unwrap();
    assert!(o.status.success(), "upgrade with the new column:\n{}", stderr(&o));
    let o = p.ws.cmd(db).args(["check", "--db"]).output().unwrap();
    assert!(o.status.success(), "check --db with the new column:\n{}{}", stdout(&o), stderr(&o));
    let o = p.ws.cmd(db).args(["downgrade", "-1"]).output().unwrap();
    assert!(o.status.success(), "downgrade of the new column:\n{}", stderr(&o));
    std::fs::write(&p.schema_file, models).unwrap();
    let probe = p.migrations.read_dir().unwrap().map(|e| e.unwrap().path()).find(|d| d.to_string_lossy().ends_with("_probe")).unwrap();
    std::fs::remove_dir_all(probe).unwrap();
    std::fs::write(&snapshot_file, snapshot).unwrap();
    let o = p.ws.cmd(db).args(["check", "--db"]).output().unwrap();
    assert!(o.status.success(), "check --db back at the adopted head:\n{}{}", stdout(&o), stderr(&o));
}

/// Lines of `new` that `old` lacks, in order (the edit only inserts lines).
fn diff_added_lines<'a>(old: &str, new: &'a str) -> Vec<&'a str> {
    let mut old_lines = old.lines().peekable();
    let mut added = Vec::new();
    for line in new.lines() {
        if old_lines.peek() == Some(&line) {
            old_lines.next();
        } else {
            added.push(line);
        }
    }
    assert!(old_lines.next().is_none(), "a line of the models was removed or changed");
    added
}

#[test]
fn crates_io_on_postgres() {
    let Some(db) = TestDb::new(Backend::Postgres) else { return };
    let p = project("crates-io", "", "schema.rs", "");
    adopt_round_trip(&db, &p, 285, None, 0);
}

#[test]
fn bkmr_on_sqlite_with_fts5_and_triggers() {
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let p = project("bkmr", "", "schema.rs", "");
    adopt_round_trip(&db, &p, 7, None, 0);
}

/// vaultwarden keeps its `schema.rs` files by hand (one `table!` form for every
/// backend): on MariaDB they say `Text` for its `CHAR(36)` keys, and on SQLite one
/// nullability and one `joinable!` disagree with the database. Each such difference is
/// one warning of `adopt --db` and stays drift.
const UNSTATED_MYSQL: usize = 92;
const UNSTATED_SQLITE: usize = 2;

#[cfg(feature = "mysql")]
#[test]
fn vaultwarden_on_mariadb() {
    let Some(db) = TestDb::new(Backend::Mysql) else { return };
    let p = project("vaultwarden", "mysql", "schema/mysql.rs", "[migrations_directory]\ndir = \"migrations/mysql\"\n");
    adopt_round_trip(&db, &p, 51, Some("SET FOREIGN_KEY_CHECKS = 0"), UNSTATED_MYSQL);
}

#[test]
fn vaultwarden_on_sqlite() {
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let p = project("vaultwarden", "sqlite", "schema/sqlite.rs", "[migrations_directory]\ndir = \"migrations/sqlite\"\n");
    adopt_round_trip(&db, &p, 52, None, UNSTATED_SQLITE);
}

/// Offline, on the largest history: `adopt` renames 342 migrations in Diesel's order
/// (names with `-0000`, out-of-range times), and `--dry-run` first changes nothing.
#[test]
fn lemmy_offline_plan_follows_diesel_order() {
    let p = project("lemmy", "", "schema.rs", "");
    let names = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    };
    let before = names(&p.migrations);
    let o = p.ws.bare_cmd().args(["adopt", "--dry-run", "--format", "json"]).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(names(&p.migrations), before);
    let plan: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let moves = plan["moves"].as_array().unwrap();
    assert_eq!(moves.len(), 342);
    // Diesel's order: versions compared as strings.
    let versions: Vec<&str> = moves.iter().map(|m| m["diesel_version"].as_str().unwrap()).collect();
    let mut sorted = versions.clone();
    sorted.sort();
    assert_eq!(versions, sorted);
    assert_eq!(moves[0]["to"], "0001_diesel_initial_setup");
}
