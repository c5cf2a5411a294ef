//! Faults in the middle of a run: a killed process or a dropped connection must leave
//! the database at the previous revision (transactional backends) or clearly marked
//! (MySQL/MariaDB); a full disk or a read-only directory must leave no partial files.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use cargo_migrate::backend::Backend;
use common::{stderr, TestDb, Workspace};
use predicates::prelude::*;

backend_tests!(sigkill_mid_migration_leaves_a_known_state);

fn slow_statement(backend: Backend, seconds: u32) -> String {
    match backend {
        Backend::Postgres => format!("SELECT pg_sleep({seconds});"),
        Backend::Mysql => format!("SELECT SLEEP({seconds});"),
        // A recursive count that keeps SQLite busy for seconds.
        Backend::Sqlite => "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000000) SELECT count(*) FROM c;".into(),
    }
}

/// 0001, then 0002 which creates a table, stalls on the slow statement, and would
/// create another.
fn chain_with_a_long_migration(db: &TestDb, seconds: u32) -> Workspace {
    let ws = Workspace::new();
    ws.migration(1, "first", "CREATE TABLE first_t (id INTEGER PRIMARY KEY);\n", "DROP TABLE first_t;\n");
    let up =
        format!("CREATE TABLE half_done (id INTEGER PRIMARY KEY);\n{}\nCREATE TABLE never (id INTEGER PRIMARY KEY);\n", slow_statement(db.backend, seconds));
    ws.migration(2, "long", &up, "DROP TABLE never;\nDROP TABLE half_done;\n");
    ws
}

fn spawn_upgrade(ws: &Workspace, db: &TestDb) -> std::process::Child {
    Command::new(assert_cmd::cargo::cargo_bin("cargo-migrate"))
        .args(["migrate", "upgrade"])
        .current_dir(ws.path())
        .env("DATABASE_URL", db.url())
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// After 0002 was interrupted: the database is exactly at 0001 (transactional DDL)
/// or 0002 is marked as failed part-way and refused until resolved (MySQL); either
/// way a rerun then completes.
fn interrupted_0002_recovers(ws: &Workspace, db: &TestDb) {
    assert_eq!(db.applied_versions(), ["0001"], "the interrupted migration must not be recorded");
    if db.backend.transactional_ddl() {
        assert!(!db.has_table("half_done"), "an interrupted transaction must roll back");
        // The rerun completes (after the server notices the dead session, on PostgreSQL).
        ws.write("migrations/0002_long/up.sql", "CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nCREATE TABLE never (id INTEGER PRIMARY KEY);\n");
        ws.cmd(db).arg("upgrade").assert().success();
    } else {
        assert!(db.has_table("half_done"));
        ws.cmd(db)
            .arg("upgrade")
            .assert()
            .code(1)
            .stderr(predicate::str::contains("0002_long failed part-way").and(predicate::str::contains("upgrade started")));
        db.exec("DROP TABLE half_done");
        ws.cmd(db).args(["resolve", "0002", "--rolled-back"]).assert().success();
        ws.write("migrations/0002_long/up.sql", "CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nCREATE TABLE never (id INTEGER PRIMARY KEY);\n");
        ws.cmd(db).arg("upgrade").timeout(Duration::from_secs(30)).assert().success();
    }
    assert_eq!(db.applied_versions(), ["0001", "0002"]);
    assert!(db.has_table("never"));
}

fn sigkill_mid_migration_leaves_a_known_state(db: TestDb) {
    let ws = chain_with_a_long_migration(&db, 3);
    let mut child = spawn_upgrade(&ws, &db);
    std::thread::sleep(Duration::from_millis(1500));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    interrupted_0002_recovers(&ws, &db);
}

/// The server ends the session running a migration (an administrator's
/// `pg_terminate_backend` or `KILL`, a failover): the run fails naming the
/// migration and the lost connection, and leaves what a killed process leaves.
fn dropped_connection_mid_migration_is_explained(db: TestDb) {
    let ws = chain_with_a_long_migration(&db, 20);
    let child = spawn_upgrade(&ws, &db);
    let (find, kill) = match db.backend {
        Backend::Postgres => (
            "SELECT CAST(pid AS TEXT) AS value FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%pg_sleep%'",
            "SELECT pg_terminate_backend({})",
        ),
        _ => ("SELECT CAST(id AS CHAR) AS value FROM information_schema.processlist WHERE db = DATABASE() AND id <> CONNECTION_ID() AND info LIKE '%SLEEP(%'", "KILL {}"),
    };
    let started = Instant::now();
    let session = loop {
        if let Some(id) = db.texts(find).into_iter().next() {
            break id;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "the migration never started");
        std::thread::sleep(Duration::from_millis(50));
    };
    db.exec(&kill.replace("{}", &session));
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("upgrade of 0002_long failed"), "the failed migration is named:\n{err}");
    assert!(err.contains("database: connection lost: "), "the cause is given:\n{err}");
    if db.backend.transactional_ddl() {
        assert!(err.contains("nothing from it was kept") && err.contains("statement: not identified"), "no statement is blamed at random:\n{err}");
    } else {
        assert!(err.contains("statement 2: SELECT SLEEP(20)") && err.contains("statement 1 ran (line 1)"), "{err}");
    }
    assert!(started.elapsed() < Duration::from_secs(15), "it fails when the session ends, not when the statement would have");
    interrupted_0002_recovers(&ws, &db);
}

server_tests!(dropped_connection: dropped_connection_mid_migration_is_explained);

/// A failure that does not happen again when the file is replayed statement by
/// statement (a deadlock, a timeout) names no statement at random. A PostgreSQL
/// sequence is not rolled back, so this one divides by zero only on its first run.
#[test]
fn a_failure_that_does_not_recur_blames_no_statement() {
    let Some(db) = TestDb::new(Backend::Postgres) else { return };
    let ws = Workspace::new();
    ws.migration(1, "sequence", "CREATE SEQUENCE once;\n", "DROP SEQUENCE once;\n");
    ws.migration(2, "flaky", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\nSELECT 1 / (nextval('once') - 1);\n", "DROP TABLE t2;\n");
    let out = ws.cmd(&db).arg("upgrade").assert().code(3).get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("upgrade of 0002_flaky failed; nothing from it was kept"), "{err}");
    assert!(err.contains("--> ") && err.contains("0002_flaky/up.sql\n"), "no line is claimed:\n{err}");
    assert!(err.contains("statement: not identified: replayed statement by statement, it did not fail again"), "{err}");
    assert!(err.contains("division by zero"), "the database's own message is kept:\n{err}");
    assert_eq!(db.applied_versions(), ["0001"]);
    ws.cmd(&db).arg("upgrade").assert().success();
}

/// Runs `cargo migrate ARGS` with the workspace's migrations directory on a small
/// file system of its own: a tmpfs in a private mount namespace (`unshare`, no
/// privileges needed). `setup` (shell, `$M` is the directory) fills it or makes it
/// read-only first. Returns the run and a copy of the directory as the run left it.
fn on_a_small_file_system(ws: &Workspace, setup: &str, args: &[&str]) -> (Output, tempfile::TempDir) {
    let stage = tempfile::tempdir().unwrap();
    let after = tempfile::tempdir().unwrap();
    copy_dir(&ws.migrations(), stage.path());
    let script = format!(
        "set -e\nM=\"$1\"; STAGE=\"$2\"; AFTER=\"$3\"; shift 3\nmount -t tmpfs -o size=256k tmpfs \"$M\"\ncp -a \"$STAGE\"/. \"$M\"/\n{setup}\nset +e\n\"$@\"; rc=$?\nrm -f \"$M/.filler\" 2>/dev/null\ncp -a \"$M\"/. \"$AFTER\"/\nexit $rc\n"
    );
    let out = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "sh", "-c", &script, "sh"])
        .arg(ws.migrations())
        .arg(stage.path())
        .arg(after.path())
        .arg(assert_cmd::cargo::cargo_bin("cargo-migrate"))
        .arg("migrate")
        .args(args)
        .current_dir(ws.path())
        .env("NO_COLOR", "1")
        .env_remove("DATABASE_URL")
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .expect("unshare (util-linux) runs");
    (out, after)
}

fn copy_dir(from: &Path, to: &Path) {
    let status = Command::new("cp").arg("-a").arg(format!("{}/.", from.display())).arg(to).status().unwrap();
    assert!(status.success());
}

/// Every file under `dir` with a digest of its bytes, `.filler` aside.
fn tree(dir: &Path) -> Vec<(String, String)> {
    use sha2::Digest;
    let mut out: Vec<(String, String)> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name() != ".filler")
        .map(|e| {
            let digest = if e.file_type().is_file() { format!("{:x}", sha2::Sha256::digest(std::fs::read(e.path()).unwrap())) } else { "<dir>".into() };
            (e.path().strip_prefix(dir).unwrap().display().to_string(), digest)
        })
        .collect();
    out.sort();
    out
}

/// A workspace with one model, one migration and the snapshot `revision` keeps.
fn workspace_with_snapshot() -> Workspace {
    let ws = Workspace::new();
    // The dialect to write SQL in; nothing connects.
    ws.write("Cargo.toml", &format!("{}database_url = \"sqlite://dev.sqlite3\"\n", ws.read("Cargo.toml")));
    ws.write(
        "crates/db/src/lib.rs",
        &format!(
            "diesel::table! {{\n    users (id) {{\n        id -> Int4,\n{}    }}\n}}\n",
            (0..400).map(|i| format!("        column_{i} -> Nullable<Text>,\n")).collect::<String>()
        ),
    );
    ws.bare_cmd().args(["revision", "--autogenerate", "-m", "create users"]).assert().success();
    assert!(std::fs::metadata(ws.migrations().join("schema_snapshot.json")).unwrap().len() > 8 * 4096);
    ws.write("crates/db/src/lib.rs", &ws.read("crates/db/src/lib.rs").replace("id -> Int4,", "id -> Int4,\n        email -> Nullable<Text>,"));
    ws
}

#[test]
fn a_full_disk_during_revision_leaves_no_partial_files() {
    let ws = workspace_with_snapshot();
    let before = tree(&ws.migrations());
    // Nothing left: the first file of the new migration cannot be written.
    let (out, after) =
        on_a_small_file_system(&ws, "dd if=/dev/zero of=\"$M/.filler\" bs=4k 2>/dev/null || true", &["revision", "--autogenerate", "-m", "add email"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("up.sql: No space left on device"), "{}", stderr(&out));
    assert_eq!(tree(after.path()), before, "no partial migration, temporary file or lock is left");

    // Room for the three small migration files (a page each) but not for the new
    // snapshot of 400 columns: the migration written first is taken back.
    let fill = "avail=$(df -k --output=avail \"$M\" | tail -n 1)\ndd if=/dev/zero of=\"$M/.filler\" bs=4k count=$((avail / 4 - 4)) 2>/dev/null";
    let (out, after) = on_a_small_file_system(&ws, fill, &["revision", "--autogenerate", "-m", "add email"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("schema_snapshot.json") && stderr(&out).contains("No space left on device"), "{}", stderr(&out));
    assert_eq!(tree(after.path()), before, "no partial migration, snapshot, temporary file or lock is left");

    // With room, the same command succeeds: the failures above were the disk's.
    ws.bare_cmd().args(["revision", "--autogenerate", "-m", "add email"]).assert().success();
    ws.bare_cmd().arg("check").assert().success();
}

#[test]
fn a_read_only_migrations_directory_refuses_revision_cleanly() {
    let ws = workspace_with_snapshot();
    let before = tree(&ws.migrations());
    let (out, after) = on_a_small_file_system(&ws, "mount -o remount,ro \"$M\"", &["revision", "--autogenerate", "-m", "add email"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("Read-only file system"), "{}", stderr(&out));
    assert_eq!(tree(after.path()), before);
}
