//! `check` and `lint`, as pre-commit hooks and CI run them.

mod common;

use common::{stdout, TestDb, Workspace};
use predicates::prelude::*;

const MODELS: &str = "diesel::table! {\n    users (id) {\n        id -> Int4,\n        email -> Text,\n    }\n}\n";

/// A workspace whose single migration implements its models, snapshot included.
fn in_sync() -> Workspace {
    let ws = Workspace::new();
    ws.write("crates/db/src/lib.rs", MODELS);
    ws.bare_cmd().args(["revision", "-m", "create users"]).assert().success();
    ws.write("migrations/0001_create_users/up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n");
    ws.write("migrations/0001_create_users/down.sql", "DROP TABLE users;\n");
    ws
}

#[test]
fn in_sync_is_one_quiet_line() {
    let ws = in_sync();
    ws.bare_cmd().arg("check").assert().success().stdout("ok: 1 migration(s) in sync, head 0001_create_users\n");
    let out = ws.bare_cmd().args(["--format", "json", "check"]).assert().success().get_output().clone();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["problems"], serde_json::json!([]));
}

#[test]
fn a_model_change_without_a_migration_fails_naming_the_column() {
    let ws = in_sync();
    ws.write("crates/db/src/lib.rs", &MODELS.replace("email -> Text,", "email -> Text,\n        phone -> Nullable<Text>,"));
    let out = ws.bare_cmd().arg("check").assert().code(1).get_output().clone();
    let text = stdout(&out);
    assert!(text.contains("[models-changed]") && text.contains("users.phone: added (Text, nullable)"), "{text}");
    // Writing the migration brings it back in sync.
    ws.bare_cmd().args(["revision", "-m", "add phone"]).assert().success();
    ws.bare_cmd().arg("check").assert().success();
    let out = ws.bare_cmd().args(["--format", "json", "check"]).assert().success().get_output().clone();
    assert!(stdout(&out).contains("\"head\": \"0002_add_phone\""));
}

#[test]
fn chain_problems_and_a_stale_snapshot_are_listed() {
    let ws = in_sync();
    // Two branches each added 0002; neither ran `revision` here, so the snapshot lags too.
    ws.migration(2, "add_bio", "SELECT 1;", "SELECT 1;");
    ws.migration(2, "add_tags", "SELECT 1;", "SELECT 1;");
    let out = ws.bare_cmd().arg("check").assert().code(1).get_output().clone();
    let text = stdout(&out);
    assert!(text.contains("revision 0002 is used by 2 directories: 0002_add_bio, 0002_add_tags"), "{text}");
    assert!(text.contains("multiple head revisions"), "{text}");
    std::fs::remove_dir_all(ws.migrations().join("0002_add_tags")).unwrap();
    let out = ws.bare_cmd().args(["--format", "json", "check"]).assert().code(1).get_output().clone();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["problems"][0]["kind"], "snapshot-stale", "{v}");
    // A snapshot with merge-conflict markers is a problem, not a crash.
    ws.write("migrations/schema_snapshot.json", "<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> other\n");
    ws.bare_cmd().arg("check").assert().code(1).stdout(predicate::str::contains("[snapshot]").and(predicate::str::contains("merge conflict")));
}

backend_tests!(check_db_compares_the_database_with_the_files, drift_is_reported);

fn check_db_compares_the_database_with_the_files(db: TestDb) {
    let ws = in_sync();
    // The model's lone integer key auto-increments: say so in each dialect, or `check --db` reports drift.
    let id = match db.backend {
        cargo_migrate::backend::Backend::Sqlite => "id INTEGER PRIMARY KEY",
        cargo_migrate::backend::Backend::Postgres => "id SERIAL PRIMARY KEY",
        cargo_migrate::backend::Backend::Mysql => "id INTEGER AUTO_INCREMENT PRIMARY KEY",
    };
    ws.write("migrations/0001_create_users/up.sql", &format!("CREATE TABLE users ({id}, email TEXT NOT NULL);\n"));
    ws.cmd(&db).args(["check", "--db"]).assert().code(1).stdout(predicate::str::contains("[db-pending]").and(predicate::str::contains("0001_create_users")));
    ws.cmd(&db).arg("upgrade").assert().success();
    ws.cmd(&db).args(["check", "--db"]).assert().success().stdout(predicate::str::contains("the database is at head"));
    ws.write("migrations/0001_create_users/up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);\n");
    ws.cmd(&db)
        .args(["check", "--db"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("[db-edited]").and(predicate::str::contains("+CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);")));
}

#[test]
fn lint_flags_risky_sql_until_a_reason_is_recorded() {
    let ws = in_sync();
    ws.migration(2, "drop_email", "ALTER TABLE users DROP COLUMN email;\n", "ALTER TABLE users ADD COLUMN email TEXT;\n");
    ws.bare_cmd()
        .args(["lint", "--all"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("[drop-column]").and(predicate::str::contains("0002_drop_email/up.sql:1")))
        .stdout(predicate::str::contains("linted 2 migration(s): 1 finding(s)"));
    // Postgres-only rule: a blocking index build.
    ws.migration(3, "index_email", "CREATE INDEX ix_users_email ON users (email);\n", "DROP INDEX ix_users_email;\n");
    ws.bare_cmd()
        .env("DATABASE_URL", "postgres://u@db.invalid/x")
        .args(["lint", "0003"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("[create-index-blocking]"));
    ws.bare_cmd().env("DATABASE_URL", "sqlite://x.db").args(["lint", "0003"]).assert().success();
    // `check` reports lint findings on the head without failing…
    ws.write("migrations/0003_index_email/up.sql", "ALTER TABLE users RENAME COLUMN email TO mail;\n");
    ws.bare_cmd().arg("check").assert().stderr(predicate::str::contains("[rename]"));
    // …unless configured to.
    ws.write("Cargo.toml", "[workspace]\nmembers = [\"crates/db\"]\n\n[workspace.metadata.migrate]\nmodels = [\"crates/db/src\"]\nlint_fails_check = true\n");
    ws.bare_cmd().arg("check").assert().code(1).stdout(predicate::str::contains("[lint]"));
    // A recorded reason silences the rule for that migration only.
    let meta = ws.read("migrations/0003_index_email/metadata.toml");
    ws.write("migrations/0003_index_email/metadata.toml", &format!("{meta}\n[lint.allow]\nrename = \"the app reads both names since v2.3\"\n"));
    ws.bare_cmd().args(["lint", "0003"]).assert().success();
    ws.bare_cmd().args(["lint", "--all"]).assert().code(1).stdout(predicate::str::contains("1 finding(s)"));
    ws.write("migrations/0003_index_email/metadata.toml", &format!("{meta}\n[lint.allow]\nrename = \"\"\n"));
    ws.bare_cmd().args(["lint", "0003"]).assert().code(1).stderr(predicate::str::contains("lint.allow.rename"));
}

/// `check --db` on a database at head compares its live schema with the models.
fn drift_is_reported(db: TestDb) {
    let ws = Workspace::new();
    ws.write("crates/db/src/models.rs", "diesel::table! { users (id) { id -> Integer, #[max_length = 100] name -> Varchar, } }\n");
    ws.cmd(&db).args(["revision", "--autogenerate", "-m", "create users"]).assert().success();
    ws.cmd(&db).args(["upgrade", "head"]).assert().success();
    ws.cmd(&db).args(["check", "--db"]).assert().success();
    db.exec("ALTER TABLE users ADD COLUMN nickname VARCHAR(20)");
    let out = ws.cmd(&db).args(["check", "--db"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("[db-drift] the database schema differs from the models") && text.contains("users.nickname: removed"), "{text}");
}
