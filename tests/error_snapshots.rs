//! The full text of every distinct error (and warning) the apply engine prints,
//! compared exactly with `tests/snapshots/errors/*.txt`, so a change to a message is
//! reviewed rather than accidental. Temporary paths, database names, timestamps and
//! durations are normalised. After an intended change, run with `UPDATE_SNAPSHOTS=1`
//! and review the diff of the snapshot files.

mod common;

use std::path::Path;

use cargo_migrate::backend::Backend;
use common::{stderr, TestDb, Workspace};

/// `2026-11-29T18:10:49Z` (and offsets) → `[time]`.
fn normalise_times(text: &str) -> String {
    let b = text.as_bytes();
    let shape = b"dddd-dd-ddTdd:dd:dd";
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let fits = i + shape.len() <= b.len() && shape.iter().zip(&b[i..]).all(|(s, c)| if *s == b'd' { c.is_ascii_digit() } else { s == c });
        if fits {
            out.push_str("[time]");
            i += shape.len();
            if b.get(i) == Some(&b'Z') {
                i += 1;
            }
        } else {
            let ch = text[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// `(12 ms)` → `([n] ms)`.
fn normalise_durations(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(" ms)") {
        let head = &rest[..at];
        let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && head[..head.len() - digits].ends_with('(') {
            out.push_str(&head[..head.len() - digits]);
            out.push_str("[n] ms)");
        } else {
            out.push_str(&rest[..at + 4]);
        }
        rest = &rest[at + 4..];
    }
    out.push_str(rest);
    out
}

fn normalise(text: &str, ws: &Workspace, db: Option<&TestDb>) -> String {
    let mut t = text.replace(&ws.path().display().to_string(), "[ws]");
    if let Some(db) = db.filter(|db| !db.name().is_empty()) {
        t = t.replace(db.name(), "[db]");
    }
    normalise_durations(&normalise_times(&t))
}

fn snapshot(name: &str, text: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/errors").join(format!("{name}.txt"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("no snapshot {}; run with UPDATE_SNAPSHOTS=1 and review it", path.display()));
    if expected != text {
        std::fs::write(path.with_extension("txt.new"), text).unwrap();
        panic!("{} changed (new text in {}.new):\n--- expected\n{expected}\n--- actual\n{text}", path.display(), path.display());
    }
}

/// Runs `args`, expecting exit `code`, and snapshots the normalised stderr.
fn run(ws: &Workspace, db: &TestDb, name: &str, args: &[&str], code: i32) {
    let out = ws.cmd(db).args(args).assert().code(code).get_output().clone();
    snapshot(name, &normalise(&stderr(&out), ws, Some(db)));
}

fn no_transaction(ws: &Workspace, name: &str) {
    let meta = ws.read(&format!("migrations/{name}/metadata.toml")).replace("run_in_transaction = true", "run_in_transaction = false");
    ws.write(&format!("migrations/{name}/metadata.toml"), &meta);
}

fn sqlite() -> (Workspace, TestDb) {
    let ws = Workspace::new();
    ws.migration(1, "users", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n", "DROP TABLE users;\n");
    (ws, TestDb::new(Backend::Sqlite).unwrap())
}

#[test]
fn migration_failed_in_its_transaction() {
    let (ws, db) = sqlite();
    ws.migration(
        2,
        "broken",
        "-- a table, then a typo\nCREATE TABLE tags (id INTEGER PRIMARY KEY);\n\nINSERT INTO no_such_table VALUES (1);\n",
        "DROP TABLE tags;\n",
    );
    run(&ws, &db, "migration_failed_in_its_transaction", &["upgrade"], 3);
}

#[test]
fn statement_less_files() {
    let (ws, db) = sqlite();
    ws.migration(2, "irreversible", "CREATE TABLE kept (id INTEGER PRIMARY KEY);\n", "-- This file should undo anything in `up.sql`\n");
    ws.cmd(&db).arg("upgrade").assert().success();
    run(&ws, &db, "no_statements_down_strict", &["downgrade", "-1", "--strict"], 1);
    run(&ws, &db, "no_statements_down_warning", &["downgrade", "-1"], 0);
    // The no-op downgrade left its table; take it away so 0002 applies again.
    db.exec("DROP TABLE kept");
    ws.migration(3, "forgotten", "-- forgot to write it\n", "SELECT 1;\n");
    run(&ws, &db, "no_statements_up", &["upgrade"], 0);
}

#[test]
fn own_transaction_rolled_back() {
    let (ws, db) = sqlite();
    let name = ws.migration(
        2,
        "rebuild_users",
        "PRAGMA foreign_keys = OFF;\nBEGIN;\nCREATE TABLE users_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\nINSERT INTO users_new SELECT id, nme FROM users;\nDROP TABLE users;\nALTER TABLE users_new RENAME TO users;\nCOMMIT;\nPRAGMA foreign_keys = ON;\n",
        "SELECT 1;\n",
    );
    no_transaction(&ws, &name);
    run(&ws, &db, "own_transaction_rolled_back", &["upgrade"], 3);
}

#[test]
fn non_transactional_failures() {
    let (ws, db) = sqlite();
    let name = ws.migration(2, "two_tables", "INSERT INTO no_such_table VALUES (1);\n", "SELECT 1;\n");
    no_transaction(&ws, &name);
    run(&ws, &db, "first_statement_failed_nothing_stayed", &["upgrade"], 3);
    ws.write(
        &format!("migrations/{name}/up.sql"),
        "CREATE TABLE a (id INTEGER PRIMARY KEY);\nCREATE TABLE b (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n",
    );
    run(&ws, &db, "part_of_it_stayed", &["upgrade"], 3);
    run(&ws, &db, "refused_while_marked", &["upgrade"], 1);
    run(&ws, &db, "resolve_unknown_mark", &["resolve", "0001", "--applied"], 2);
    db.exec("CREATE TABLE no_such_table (id INTEGER)");
    db.exec("INSERT INTO no_such_table VALUES (1)");
    run(&ws, &db, "resolve_applied_after_upgrade", &["resolve", "0002", "--applied"], 0);
    // A failed downgrade, undone by hand, then resolved as applied.
    ws.write(&format!("migrations/{name}/down.sql"), "DROP TABLE b;\nDROP TABLE nope;\nDROP TABLE a;\n");
    run(&ws, &db, "part_of_a_downgrade_stayed", &["downgrade", "-1"], 3);
    db.exec("CREATE TABLE b (id INTEGER PRIMARY KEY)");
    run(&ws, &db, "resolve_applied_after_downgrade", &["resolve", "0002", "--applied"], 0);
    run(&ws, &db, "part_of_a_downgrade_stayed_again", &["downgrade", "-1"], 3);
    db.exec("DROP TABLE a");
    run(&ws, &db, "resolve_rolled_back_after_downgrade", &["resolve", "0002", "--rolled-back"], 0);
}

/// SQLite checks a deferred foreign key at COMMIT (foreign keys are on in the bundled build).
#[test]
fn commit_failed() {
    let (ws, db) = sqlite();
    ws.migration(
        2,
        "child",
        "CREATE TABLE child (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED);\nINSERT INTO child VALUES (1, 42);\n",
        "DROP TABLE child;\n",
    );
    run(&ws, &db, "commit_failed", &["upgrade"], 3);
    assert!(!db.has_table("child"), "nothing of it was kept");
    assert_eq!(db.applied_versions(), ["0001"]);
}

#[test]
fn state_table_write_refused_by_a_trigger() {
    let (ws, db) = sqlite();
    ws.migration(2, "second", "CREATE TABLE second_t (id INTEGER PRIMARY KEY);\n", "DROP TABLE second_t;\n");
    ws.cmd(&db).args(["upgrade", "0001"]).assert().success();
    db.exec("CREATE TRIGGER guard BEFORE INSERT ON __diesel_schema_migrations BEGIN SELECT RAISE(ABORT, 'migrations must be managed using cargo migrate instead of diesel CLI'); END");
    run(&ws, &db, "state_table_write_refused", &["upgrade"], 3);
}

/// A non-transactional migration's mark is written before it runs; when that write
/// fails, none of the migration is run.
#[test]
fn mark_write_refused() {
    let (ws, db) = sqlite();
    let name = ws.migration(2, "second", "CREATE TABLE second_t (id INTEGER PRIMARY KEY);\n", "DROP TABLE second_t;\n");
    no_transaction(&ws, &name);
    ws.cmd(&db).args(["upgrade", "0001"]).assert().success();
    db.exec("CREATE TRIGGER guard BEFORE INSERT ON __cargo_migrate_applied BEGIN SELECT RAISE(ABORT, 'read-only for deploys'); END");
    run(&ws, &db, "mark_write_refused", &["upgrade"], 3);
    assert!(!db.has_table("second_t"), "none of it ran");
}

#[test]
fn refusals_before_anything_runs() {
    let (ws, db) = sqlite();
    ws.migration(2, "second", "CREATE TABLE second_t (id INTEGER PRIMARY KEY);\n", "DROP TABLE second_t;\n");
    ws.cmd(&db).args(["upgrade", "0001"]).assert().success();
    ws.write("migrations/0002_second/up.sql", "CREATE TABLE second_t (id INTEGER PRIMARY KEY, note TEXT DEFAULT 'unterminated);\n");
    run(&ws, &db, "unterminated_string", &["upgrade"], 1);
    ws.write("migrations/0002_second/up.sql", "CREATE TABLE second_t (id INTEGER PRIMARY KEY);\n\0\n");
    run(&ws, &db, "nul_byte", &["upgrade"], 1);
    ws.write("migrations/0002_second/up.sql", "CREATE TABLE second_t (id INTEGER PRIMARY KEY);\n");
    ws.write("migrations/0001_users/up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n");
    run(&ws, &db, "edited_after_applied", &["upgrade"], 1);
    ws.write("migrations/0001_users/up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n");
    let out = ws.cmd(&db).env("ENVIRONMENT", "production").arg("upgrade").assert().code(1).get_output().clone();
    snapshot("production_guard", &normalise(&stderr(&out), &ws, None));
    db.exec("INSERT INTO __diesel_schema_migrations (version) VALUES ('0007')");
    run(&ws, &db, "orphan_without_a_copy", &["upgrade"], 1);
    run(&ws, &db, "cannot_roll_back_without_a_copy", &["downgrade", "-1"], 1);
    db.exec("DELETE FROM __diesel_schema_migrations WHERE version = '0007'");
    db.exec("INSERT INTO __diesel_schema_migrations (version) VALUES ('20200101000000')");
    run(&ws, &db, "diesel_era_version", &["upgrade"], 1);
}

#[test]
fn no_database_url() {
    let ws = Workspace::new();
    let out = ws.bare_cmd().arg("current").assert().code(2).get_output().clone();
    snapshot("no_database_url", &normalise(&stderr(&out), &ws, None));
}

#[test]
fn postgres_full_diagnostic() {
    let Some(db) = TestDb::new(Backend::Postgres) else { return };
    let ws = Workspace::new();
    ws.migration(1, "t", "CREATE TABLE t (id INTEGER PRIMARY KEY);\n", "DROP TABLE t;\n");
    let name = ws.migration(2, "call", "-- calls a function that is not there\nINSERT INTO t VALUES (1);\nSELECT\n    f(1);\n", "SELECT 1;\n");
    run(&ws, &db, "postgres_hint_and_position", &["upgrade"], 3);
    ws.write(&format!("migrations/{name}/up.sql"), "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (1);\n");
    run(&ws, &db, "postgres_detail", &["upgrade"], 3);
    // A deferred constraint fails at COMMIT: no statement is to blame.
    ws.write(
        &format!("migrations/{name}/up.sql"),
        "CREATE TABLE child (id INTEGER PRIMARY KEY, t_id INTEGER REFERENCES t (id) DEFERRABLE INITIALLY DEFERRED);\nINSERT INTO child VALUES (1, 42);\n",
    );
    run(&ws, &db, "postgres_commit_failed", &["upgrade"], 3);
    no_transaction(&ws, &name);
    ws.write(&format!("migrations/{name}/up.sql"), "CREATE INDEX CONCURRENTLY ix_t ON t (id);\n\nSELECT  g(2);\n");
    run(&ws, &db, "postgres_non_transactional_partial", &["upgrade"], 3);
    ws.write(&format!("migrations/{name}/up.sql"), "SELECT  g(2);\n");
    db.exec("DROP INDEX ix_t; DELETE FROM __cargo_migrate_applied WHERE version = '0002'");
    run(&ws, &db, "postgres_non_transactional_first_statement", &["upgrade"], 3);
}

/// A failure that does not recur on the statement-by-statement replay (a PostgreSQL
/// sequence is not rolled back, so this divides by zero only once).
#[test]
fn postgres_did_not_recur() {
    let Some(db) = TestDb::new(Backend::Postgres) else { return };
    let ws = Workspace::new();
    ws.migration(1, "sequence", "CREATE SEQUENCE once;\n", "DROP SEQUENCE once;\n");
    ws.migration(2, "flaky", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\nSELECT 1 / (nextval('once') - 1);\n", "DROP TABLE t2;\n");
    run(&ws, &db, "postgres_did_not_recur", &["upgrade"], 3);
}

#[cfg(feature = "mysql")]
#[test]
fn mysql_partial() {
    let Some(db) = TestDb::new(Backend::Mysql) else { return };
    let ws = Workspace::new();
    ws.migration(1, "t", "CREATE TABLE t (id INTEGER PRIMARY KEY);\n", "DROP TABLE t;\n");
    ws.migration(2, "broken", "CREATE TABLE tags (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n", "DROP TABLE tags;\n");
    run(&ws, &db, "mysql_part_of_it_stayed", &["upgrade"], 3);
}

/// `2561` in `pid 2561` → `[pid]` and the holder's `since …)` → `since [time])`: the
/// server's process number and the lock's age change every run.
fn normalise_pids(text: &str) -> String {
    let text = match (text.find("since "), text.find("since ").and_then(|at| text[at..].find(')').map(|end| at + end))) {
        (Some(at), Some(end)) => format!("{}since [time]{}", &text[..at], &text[end..]),
        _ => text.to_string(),
    };
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("pid ") {
        out.push_str(&rest[..at + 4]);
        rest = &rest[at + 4..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            out.push_str("[pid]");
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn lock_timeout() {
    let Some(db) = TestDb::new(Backend::Postgres) else { return };
    let ws = Workspace::new();
    ws.migration(1, "users", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n", "DROP TABLE users;\n");
    ws.write("Cargo.toml", "[workspace]\nmembers = [\"crates/db\"]\n\n[workspace.metadata.migrate]\nlock_timeout = 1\n");
    let mut holder = db.connect();
    holder.batch_execute("SELECT pg_advisory_lock(7161130671072438631)").unwrap();
    let out = ws.cmd(&db).arg("upgrade").assert().code(1).get_output().clone();
    snapshot("lock_timeout", &normalise_pids(&normalise(&stderr(&out), &ws, Some(&db))));
}

/// What `adopt` refuses, each before it changes anything.
#[test]
fn adopt_refusals() {
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let ws = Workspace::new();
    std::fs::remove_dir_all(ws.migrations()).unwrap();
    ws.write("crates/db/src/schema.rs", "diesel::table! {\n    users (id) {\n        id -> Int4,\n    }\n}\n");
    run(&ws, &db, "adopt_missing_directory", &["adopt"], 1);
    std::fs::create_dir(ws.migrations()).unwrap();
    run(&ws, &db, "adopt_empty_directory", &["adopt"], 1);
    ws.write("migrations/_unversioned/up.sql", "SELECT 1;\n");
    run(&ws, &db, "adopt_no_version", &["adopt"], 1);
    std::fs::remove_dir_all(ws.migrations().join("_unversioned")).unwrap();
    ws.migration(1, "ours", "SELECT 1;\n", "SELECT 1;\n");
    run(&ws, &db, "adopt_a_chain_of_our_own", &["adopt"], 1);
    std::fs::remove_dir_all(ws.migrations().join("0001_ours")).unwrap();
    ws.write("migrations/20200101000000_a/up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
    ws.write("migrations/2020-01-01-000000_b/up.sql", "SELECT 1;\n");
    run(&ws, &db, "adopt_duplicate_diesel_version", &["adopt"], 1);
    std::fs::remove_dir_all(ws.migrations().join("2020-01-01-000000_b")).unwrap();
    ws.write("migrations/0001_numbered/up.sql", "SELECT 1;\n");
    run(&ws, &db, "adopt_mixed_layout", &["adopt"], 1);
    std::fs::remove_dir_all(ws.migrations().join("0001_numbered")).unwrap();
    // A database that has not applied the newest Diesel migration cannot describe the models.
    run(&ws, &db, "adopt_db_behind", &["adopt", "--db"], 1);
    // Without adopting, every command says what the directory is.
    run(&ws, &db, "diesel_named_directory", &["upgrade"], 1);
}

/// The zero-downtime keys, misconfigured: named with what they accept, before any
/// revision is written.
#[test]
fn zero_downtime_config_refused() {
    let (ws, db) = sqlite();
    let manifest = ws.read("Cargo.toml");
    ws.write("Cargo.toml", &format!("{manifest}ddl_lock_timeout = \"5 seconds\"\n"));
    run(&ws, &db, "ddl_lock_timeout_not_a_duration", &["revision", "-m", "x"], 2);
    ws.write("Cargo.toml", &format!("{manifest}zero_downtime = \"yes\"\n"));
    run(&ws, &db, "zero_downtime_not_a_bool", &["revision", "-m", "x"], 2);
    assert_eq!(std::fs::read_dir(ws.migrations()).unwrap().count(), 1, "nothing was written");
}
