//! Many app replicas run `upgrade head` at once in a deploy: each migration must be
//! applied exactly once and every process must succeed.

mod common;

use std::process::{Command, Stdio};

use common::{TestDb, Workspace};

backend_tests!(eight_processes_upgrade_at_once, upgrade_races_downgrade);

/// Every migration appends a row to `runs`, so a double application shows up as a
/// duplicate row (and as a failed `CREATE TABLE`).
fn chain_with_run_log(ws: &Workspace, n: u32) {
    ws.migration(1, "run_log", "CREATE TABLE runs (migration INTEGER NOT NULL);\nINSERT INTO runs (migration) VALUES (1);\n", "DROP TABLE runs;\n");
    for i in 2..=n {
        ws.migration(
            i,
            &format!("step_{i}"),
            &format!("CREATE TABLE t{i} (id INTEGER PRIMARY KEY);\nINSERT INTO runs (migration) VALUES ({i});\n"),
            &format!("DROP TABLE t{i};\nDELETE FROM runs WHERE migration = {i};\n"),
        );
    }
}

fn spawn(ws: &Workspace, db: &TestDb, args: &[&str]) -> std::process::Child {
    Command::new(assert_cmd::cargo::cargo_bin("cargo-migrate"))
        .arg("migrate")
        .args(args)
        .current_dir(ws.path())
        .env("DATABASE_URL", db.url())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn eight_processes_upgrade_at_once(db: TestDb) {
    let ws = Workspace::new();
    chain_with_run_log(&ws, 6);
    let children: Vec<_> = (0..8).map(|_| spawn(&ws, &db, &["upgrade", "head"])).collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "a replica failed:\n{}", String::from_utf8_lossy(&out.stderr));
    }
    let mut runs = db.texts("SELECT CAST(migration AS CHAR(10)) AS value FROM runs");
    runs.sort();
    assert_eq!(runs, ["1", "2", "3", "4", "5", "6"], "each migration must run exactly once");
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003", "0004", "0005", "0006"]);
}

fn upgrade_races_downgrade(db: TestDb) {
    let ws = Workspace::new();
    chain_with_run_log(&ws, 5);
    let up = spawn(&ws, &db, &["upgrade", "head"]);
    let down = spawn(&ws, &db, &["downgrade", "0001"]);
    for c in [up, down] {
        let out = c.wait_with_output().unwrap();
        // Either order is fine; what matters is a consistent end state.
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success() || err.contains("above the current revision"), "{err}");
    }
    let applied = db.applied_versions();
    let mut runs = db.texts("SELECT CAST(migration AS CHAR(10)) AS value FROM runs");
    runs.sort();
    let expected: Vec<String> = applied.iter().map(|v| v.trim_start_matches('0').to_string()).collect();
    assert_eq!(runs, expected, "state table and data disagree");
    for i in 2..=5 {
        assert_eq!(db.has_table(&format!("t{i}")), applied.contains(&format!("{i:04}")));
    }
}

/// While another session holds the migration lock, `upgrade` waits `lock_timeout`
/// seconds and then fails naming the holder; nothing is applied meanwhile.
fn lock_timeout_names_the_holder(db: TestDb) {
    let ws = Workspace::new();
    chain_with_run_log(&ws, 2);
    ws.write("Cargo.toml", "[workspace]\nmembers = [\"crates/db\"]\n\n[workspace.metadata.migrate]\nlock_timeout = 1\n");
    let mut holder = db.connect();
    let (take, expected) = match db.backend {
        cargo_migrate::backend::Backend::Postgres => ("SELECT pg_advisory_lock(7161130671072438631)", "held by backend pid"),
        _ => ("SELECT GET_LOCK(CONCAT('cargo_migrate:', DATABASE()), 5)", "held by connection"),
    };
    holder.batch_execute(take).unwrap();
    let out = ws.cmd(&db).arg("upgrade").assert().code(1).get_output().clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("timed out after 1s waiting for the migration lock") && err.contains(expected), "{err}");
    assert!(db.applied_versions().is_empty());
    drop(holder);
    ws.cmd(&db).arg("upgrade").assert().success();
}

server_tests!(lock_timeout: lock_timeout_names_the_holder);
