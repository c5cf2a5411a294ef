//! Faults in the middle of a run: a killed process must leave the database at the
//! previous revision (transactional backends) or clearly marked (MySQL/MariaDB).

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use cargo_migrate::database_url::Backend;
use common::{TestDb, Workspace};
use predicates::prelude::*;

backend_tests!(sigkill_mid_migration_leaves_a_known_state);

fn slow_statement(backend: Backend) -> &'static str {
    match backend {
        Backend::Postgres => "SELECT pg_sleep(3);",
        Backend::Mysql => "SELECT SLEEP(3);",
        // A recursive count that keeps SQLite busy for seconds.
        Backend::Sqlite => "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000000) SELECT count(*) FROM c;",
    }
}

fn sigkill_mid_migration_leaves_a_known_state(db: TestDb) {
    let ws = Workspace::new();
    ws.migration(1, "first", "CREATE TABLE first_t (id INTEGER PRIMARY KEY);\n", "DROP TABLE first_t;\n");
    let up = format!("CREATE TABLE half_done (id INTEGER PRIMARY KEY);\n{}\nCREATE TABLE never (id INTEGER PRIMARY KEY);\n", slow_statement(db.backend));
    ws.migration(2, "long", &up, "DROP TABLE never;\nDROP TABLE half_done;\n");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("cargo-migrate"))
        .args(["migrate", "upgrade"])
        .current_dir(ws.path())
        .env("DATABASE_URL", db.url())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    assert_eq!(db.applied_versions(), ["0001"], "the killed migration must not be recorded");
    if db.backend.transactional_ddl() {
        assert!(!db.has_table("half_done"), "a killed transaction must roll back");
        // The rerun completes (after the server notices the dead session, on PostgreSQL).
        ws.write("migrations/0002_long/up.sql", "CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nCREATE TABLE never (id INTEGER PRIMARY KEY);\n");
        ws.cmd(&db).arg("upgrade").assert().success();
        assert_eq!(db.applied_versions(), ["0001", "0002"]);
    } else {
        assert!(db.has_table("half_done"));
        ws.cmd(&db)
            .arg("upgrade")
            .assert()
            .code(1)
            .stderr(predicate::str::contains("0002_long failed part-way").and(predicate::str::contains("upgrade started")));
        db.exec("DROP TABLE half_done");
        ws.cmd(&db).args(["resolve", "0002", "--rolled-back"]).assert().success();
        ws.cmd(&db).arg("upgrade").timeout(Duration::from_secs(30)).assert().success();
        assert_eq!(db.applied_versions(), ["0001", "0002"]);
    }
}

#[test]
fn a_link_outside_the_migrations_directory_is_refused() {
    let ws = Workspace::new();
    ws.migration(1, "first", "SELECT 1;\n", "SELECT 1;\n");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("up.sql"), "DROP TABLE users;\n").unwrap();
    std::fs::write(outside.path().join("down.sql"), "").unwrap();
    std::os::unix::fs::symlink(outside.path(), ws.migrations().join("0002_evil")).unwrap();
    let db = TestDb::new(Backend::Sqlite).unwrap();
    ws.cmd(&db).arg("upgrade").assert().code(1).stderr(predicate::str::contains("0002_evil` is a link to").and(predicate::str::contains("outside the migrations directory")));
    assert!(db.applied_versions().is_empty());
}

#[test]
fn unterminated_sql_is_refused_before_anything_runs() {
    let ws = Workspace::new();
    ws.migration(1, "broken", "CREATE TABLE a (id INTEGER PRIMARY KEY);\nINSERT INTO a VALUES ('oops);\n", "DROP TABLE a;\n");
    let db = TestDb::new(Backend::Sqlite).unwrap();
    ws.cmd(&db).arg("upgrade").assert().code(1).stderr(predicate::str::contains("0001_broken/up.sql").and(predicate::str::contains("unterminated")).and(predicate::str::contains("nothing was run")));
    assert!(!db.has_table("a"));
}
