//! Issue 17: zero-downtime PostgreSQL autogenerate, on a real server through the real
//! binary. Each safe form starts from a table that holds rows, is generated, checked
//! for its shape, applied, compared with the models (`check --db`), rolled back to the
//! schema before it, and applied again. Then the lock timeout: a migration blocked by
//! a long transaction fails fast instead of queueing readers, and
//! `upgrade --retry-lock-timeout` gets it through once the transaction ends.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use cargo_migrate::backend::Backend;
use cargo_migrate::dialect::introspect::{comparable, introspect};
use cargo_migrate::schema::model::Schema;
use common::{stderr, stdout, TestDb, Workspace};

const MODELS: &str = "crates/db/src/models.rs";

const START: &str = "diesel::table! {
    orgs (id) {
        id -> Integer,
    }
}
diesel::table! {
    users (id) {
        id -> Integer,
        email -> Nullable<Text>,
        age -> Nullable<Integer>,
        org_id -> Nullable<Integer>,
    }
}
";

/// A workspace at `START`, applied, with rows in both tables; `config` is added to
/// the `[workspace.metadata.migrate]` table.
fn start(db: &TestDb, config: &str) -> Workspace {
    let ws = Workspace::new();
    let manifest = ws.read("Cargo.toml");
    ws.write("Cargo.toml", &format!("{manifest}{config}"));
    ws.write(MODELS, START);
    let written = autogenerate(&ws, db, "create tables");
    assert_eq!(written.len(), 1);
    upgrade(&ws, db);
    db.exec("INSERT INTO orgs DEFAULT VALUES; INSERT INTO orgs DEFAULT VALUES;");
    db.exec("INSERT INTO users (email, age, org_id) SELECT 'u' || g || '@example.com', g % 90, 1 + g % 2 FROM generate_series(1, 2000) g");
    ws
}

/// `revision --autogenerate` after replacing `from` by `to` in the models; the
/// migration directories it printed.
fn change(ws: &Workspace, db: &TestDb, message: &str, edits: &[(&str, &str)]) -> Vec<PathBuf> {
    let mut models = ws.read(MODELS);
    for (from, to) in edits {
        assert!(models.contains(from), "{from:?} not in the models");
        models = models.replacen(from, to, 1);
    }
    ws.write(MODELS, &models);
    autogenerate(ws, db, message)
}

fn autogenerate(ws: &Workspace, db: &TestDb, message: &str) -> Vec<PathBuf> {
    let out = ws.cmd(db).args(["revision", "--autogenerate", "-m", message]).output().unwrap();
    assert!(out.status.success(), "revision failed:\n{}", stderr(&out));
    stdout(&out).lines().map(PathBuf::from).collect()
}

fn upgrade(ws: &Workspace, db: &TestDb) {
    let out = ws.cmd(db).args(["upgrade", "head"]).output().unwrap();
    assert!(out.status.success(), "upgrade failed:\n{}", stderr(&out));
}

fn file(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// The statements of a file (comments left out).
fn statements(sql: &str) -> Vec<String> {
    cargo_migrate::dialect::lexer::split(sql, Backend::Postgres).into_iter().map(|s| s.sql.to_string()).collect()
}

fn transactional(dir: &Path) -> bool {
    let meta = file(dir, "metadata.toml");
    assert!(meta.contains("run_in_transaction = "), "{meta}");
    !meta.contains("run_in_transaction = false")
}

fn live(db: &TestDb) -> Schema {
    let mut s = comparable(&introspect(&mut db.connect(), &[]).unwrap_or_else(|e| panic!("{e}")), Backend::Postgres);
    for t in s.tables.values_mut() {
        t.columns.sort_by(|a, b| a.name.cmp(&b.name));
    }
    s
}

/// Upgrade, no drift, back down to the schema before (rows kept), no drift again after
/// a second upgrade.
fn round_trip(ws: &Workspace, db: &TestDb, written: &[PathBuf]) {
    let before = live(db);
    upgrade(ws, db);
    let out = ws.cmd(db).args(["check", "--db"]).output().unwrap();
    assert!(out.status.success(), "drift after upgrade:\n{}{}", stdout(&out), stderr(&out));
    let out = ws.cmd(db).args(["downgrade", &format!("-{}", written.len())]).output().unwrap();
    assert!(out.status.success(), "downgrade failed:\n{}", stderr(&out));
    assert_eq!(live(db), before, "the downgrade did not restore the schema");
    upgrade(ws, db);
    ws.cmd(db).args(["check", "--db"]).assert().success();
    assert_eq!(db.texts("SELECT CAST(COUNT(*) AS TEXT) AS value FROM users"), ["2000"]);
    let invalid = db.texts("SELECT CAST(COUNT(*) AS TEXT) AS value FROM pg_index WHERE NOT indisvalid");
    assert_eq!(invalid, ["0"], "an INVALID index was left behind");
    let unvalidated = db.texts("SELECT CAST(COUNT(*) AS TEXT) AS value FROM pg_constraint WHERE NOT convalidated");
    assert_eq!(unvalidated, ["0"], "a NOT VALID constraint was left behind");
}

/// What `lint` says of the migrations just written: the safe forms must raise no error
/// (the lint rules and the generator state the same rules; this keeps them agreeing).
fn assert_lints_clean(ws: &Workspace, db: &TestDb, written: &[PathBuf]) {
    for dir in written {
        let name = dir.file_name().unwrap().to_string_lossy();
        let revision = name.split('_').next().unwrap();
        let out = ws.cmd(db).args(["--format", "json", "lint", revision]).output().unwrap();
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&out), stderr(&out)));
        assert_eq!(v["linted"].as_array().map(Vec::len), Some(1), "{v:#}");
        assert_eq!(v["errors"], 0, "{name} is not lint-clean:\n{:#}", v["findings"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
}

fn pg() -> Option<TestDb> {
    TestDb::new(Backend::Postgres)
}

#[test]
fn an_index_is_built_concurrently_outside_a_transaction() {
    let Some(db) = pg() else { return };
    let ws = start(&db, "");
    let written = change(&ws, &db, "index email", &[("        email -> Nullable<Text>,\n", "        /// @index\n        email -> Nullable<Text>,\n")]);
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(!transactional(&written[0]));
    let up = file(&written[0], "up.sql");
    assert_eq!(statements(&up), ["SET lock_timeout = '5s'", "CREATE INDEX CONCURRENTLY ix_users_email ON users (email)", "RESET lock_timeout"]);
    assert_eq!(statements(&file(&written[0], "down.sql"))[1], "DROP INDEX CONCURRENTLY ix_users_email");
    assert_lints_clean(&ws, &db, &written);
    round_trip(&ws, &db, &written);

    // And dropped concurrently, its down building it again the same way.
    let written = change(&ws, &db, "unindex email", &[("        /// @index\n", "")]);
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(!transactional(&written[0]));
    assert_eq!(statements(&file(&written[0], "up.sql"))[1], "DROP INDEX CONCURRENTLY ix_users_email");
    assert_eq!(statements(&file(&written[0], "down.sql"))[1], "CREATE INDEX CONCURRENTLY ix_users_email ON users (email)");
    assert_lints_clean(&ws, &db, &written);
    round_trip(&ws, &db, &written);
}

#[test]
fn checks_and_foreign_keys_are_added_not_valid_then_validated() {
    let Some(db) = pg() else { return };
    let ws = start(&db, "");
    let written = change(
        &ws,
        &db,
        "check age and reference orgs",
        &[
            ("    users (id) {\n", "    /// @check ck_users_age (age >= 0)\n    users (id) {\n"),
            ("        org_id -> Nullable<Integer>,\n", "        /// @references orgs(id)\n        org_id -> Nullable<Integer>,\n"),
        ],
    );
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(!transactional(&written[0]), "VALIDATE must not run in the transaction that took the lock");
    let up = statements(&file(&written[0], "up.sql"));
    assert_eq!(up.first().map(String::as_str), Some("SET lock_timeout = '5s'"), "{up:#?}");
    assert_eq!(up.last().map(String::as_str), Some("RESET lock_timeout"), "{up:#?}");
    let check = up.iter().position(|s| s == "ALTER TABLE users ADD CONSTRAINT ck_users_age CHECK (age >= 0) NOT VALID").expect("check NOT VALID");
    assert_eq!(up[check + 1], "ALTER TABLE users VALIDATE CONSTRAINT ck_users_age");
    let fk = up.iter().position(|s| s.contains("FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID")).expect("fk NOT VALID");
    assert!(up[fk + 1].starts_with("ALTER TABLE users VALIDATE CONSTRAINT fk_"), "{up:#?}");
    assert_lints_clean(&ws, &db, &written);
    round_trip(&ws, &db, &written);
}

#[test]
fn not_null_goes_through_a_validated_check_and_leaves_none_behind() {
    let Some(db) = pg() else { return };
    let ws = start(&db, "");
    let written = change(&ws, &db, "email required", &[("email -> Nullable<Text>", "email -> Text")]);
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(!transactional(&written[0]));
    assert_eq!(
        statements(&file(&written[0], "up.sql")),
        [
            "SET lock_timeout = '5s'",
            "ALTER TABLE users ADD CONSTRAINT ck_users_email_not_null CHECK (email IS NOT NULL) NOT VALID",
            "ALTER TABLE users VALIDATE CONSTRAINT ck_users_email_not_null",
            "ALTER TABLE users ALTER COLUMN email SET NOT NULL",
            "ALTER TABLE users DROP CONSTRAINT ck_users_email_not_null",
            "RESET lock_timeout",
        ]
    );
    assert_lints_clean(&ws, &db, &written);
    round_trip(&ws, &db, &written);
    assert_eq!(db.texts("SELECT is_nullable AS value FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'email'"), ["NO"]);
}

#[test]
fn a_unique_constraint_is_built_concurrently_then_attached_in_the_next_migration() {
    let Some(db) = pg() else { return };
    let ws = start(&db, "");
    let written = change(&ws, &db, "unique email", &[("        email -> Nullable<Text>,\n", "        /// @unique\n        email -> Nullable<Text>,\n")]);
    assert_eq!(written.len(), 2, "{written:?}");
    let names: Vec<String> = written.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert!(names[0].starts_with("0002_unique_email") && names[1].starts_with("0003_unique_email"), "{names:?}");
    assert!(file(&written[1], "metadata.toml").contains("revises = \"0002\""));
    assert!(!transactional(&written[0]) && !transactional(&written[1]));
    assert_eq!(statements(&file(&written[0], "up.sql"))[1], "CREATE UNIQUE INDEX CONCURRENTLY uq_users_email ON users (email)");
    assert_eq!(statements(&file(&written[1], "up.sql"))[1], "ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email");
    assert_lints_clean(&ws, &db, &written);
    round_trip(&ws, &db, &written);

    // Each down leaves exactly what the migration before it left: one step back and up.
    let out = ws.cmd(&db).args(["downgrade", "-1"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(db.texts("SELECT indexname AS value FROM pg_indexes WHERE tablename = 'users' AND indexname = 'uq_users_email'"), ["uq_users_email"]);
    upgrade(&ws, &db);
    ws.cmd(&db).args(["check", "--db"]).assert().success();
}

#[test]
fn zero_downtime_off_writes_the_simple_forms() {
    let Some(db) = pg() else { return };
    let ws = start(&db, "zero_downtime = false\n");
    let written = change(
        &ws,
        &db,
        "index and require email",
        &[
            ("        email -> Nullable<Text>,\n", "        /// @index\n        email -> Text,\n"),
            ("    users (id) {\n", "    /// @check ck_users_age (age >= 0)\n    users (id) {\n"),
        ],
    );
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(transactional(&written[0]));
    let up = file(&written[0], "up.sql");
    for safe in ["CONCURRENTLY", "NOT VALID", "VALIDATE", "lock_timeout"] {
        assert!(!up.contains(safe), "{safe} in\n{up}");
    }
    assert!(statements(&up).contains(&"CREATE INDEX ix_users_email ON users (email)".to_string()), "{up}");
    // The simple forms are exactly what lint flags on a busy table.
    let out = ws.cmd(&db).args(["--format", "json", "lint", "0002"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rules: Vec<&str> = v["findings"].as_array().unwrap().iter().filter_map(|f| f["rule"].as_str()).collect();
    for rule in ["create-index-blocking", "constraint-without-not-valid", "set-not-null", "missing-lock-timeout"] {
        assert!(rules.contains(&rule), "{rule} not in {rules:?}");
    }
    round_trip(&ws, &db, &written);
}

/// `cargo migrate upgrade …` started in the background.
fn spawn_upgrade(ws: &Workspace, db: &TestDb, extra: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_cargo-migrate"))
        .args(["migrate", "upgrade", "head"])
        .args(extra)
        .current_dir(ws.path())
        .env("DATABASE_URL", db.url())
        .env("NO_COLOR", "1")
        .env_remove("ENVIRONMENT")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// A transaction that reads `users` (so holds its ACCESS SHARE lock) for `hold`;
/// returns once the lock is held, and the thread ends when it commits.
fn hold_users(db: &TestDb, hold: Duration) -> std::thread::JoinHandle<()> {
    let mut conn = db.connect();
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::spawn(move || {
        conn.batch_execute("BEGIN; SELECT COUNT(*) FROM users;").unwrap();
        tx.send(()).unwrap();
        std::thread::sleep(hold);
        conn.batch_execute("COMMIT").unwrap();
    });
    rx.recv().unwrap();
    handle
}

/// Waits until some session of the test database waits for a lock.
fn wait_for_lock_wait(db: &TestDb) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        let waiting = db.texts("SELECT CAST(COUNT(*) AS TEXT) AS value FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        if waiting != ["0"] {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("no session started waiting for a lock");
}

#[test]
fn a_blocked_migration_fails_fast_lets_readers_through_and_is_retried() {
    let Some(db) = pg() else { return };
    let ws = start(&db, "ddl_lock_timeout = \"1s\"\n");
    let written = change(&ws, &db, "check age", &[("    users (id) {\n", "    /// @check ck_users_age (age >= 0)\n    users (id) {\n")]);
    assert_eq!(statements(&file(&written[0], "up.sql"))[0], "SET lock_timeout = '1s'");

    // A long transaction holds the table; the migration must give up within its lock
    // timeout, and a reader arriving behind it must not wait for the long transaction.
    let hold = Duration::from_secs(12);
    let holder = hold_users(&db, hold);
    let started = Instant::now();
    let child = spawn_upgrade(&ws, &db, &[]);
    wait_for_lock_wait(&db);
    let reader_started = Instant::now();
    db.texts("SELECT CAST(COUNT(*) AS TEXT) AS value FROM users");
    let reader = reader_started.elapsed();
    let out = child.wait_with_output().unwrap();
    let elapsed = started.elapsed();
    assert!(!out.status.success(), "the migration got through a held lock:\n{}", stderr(&out));
    assert!(elapsed < Duration::from_secs(6), "took {elapsed:?} against a lock held {hold:?}");
    assert!(reader < Duration::from_secs(3), "a reader waited {reader:?} behind the blocked migration");
    let err = stderr(&out);
    assert!(err.contains("upgrade of 0002_check_age failed") && err.contains("lock timeout") && err.contains("nothing from it stayed"), "{err}");
    assert!(err.contains("the state tables are as before the run") && !err.contains("resolve"), "{err}");
    assert_eq!(db.applied_versions(), ["0001"]);
    assert_eq!(db.texts("SELECT CAST(COUNT(*) AS TEXT) AS value FROM pg_constraint WHERE conname = 'ck_users_age'"), ["0"]);

    // Retried too few times while the lock is still held: it gives up, as truthfully
    // (the deploy image's way of saying `--retry-lock-timeout 1`).
    let out = ws.cmd(&db).args(["upgrade", "head"]).env("CARGO_MIGRATE_RETRY_LOCK_TIMEOUT", "1").output().unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("retry 1 of 1") && !err.contains("retry 2") && err.contains("lock timeout"), "{err}");
    assert!(started.elapsed() < hold, "the give-up outlasted the lock");
    holder.join().unwrap();

    // A migration after it, in the same run, must find the session's lock_timeout as
    // it was: the generated one is reset at the end, and does not leak.
    let out = ws.cmd(&db).args(["revision", "-m", "lock timeout is back"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let third = PathBuf::from(stdout(&out).trim());
    std::fs::write(
        third.join("up.sql"),
        "DO $$ BEGIN IF current_setting('lock_timeout') <> '0' THEN RAISE EXCEPTION 'lock_timeout leaked: %', current_setting('lock_timeout'); END IF; END $$;\n",
    )
    .unwrap();

    // Retried while a shorter transaction holds the lock: it gets through after it ends.
    let hold = Duration::from_secs(3);
    let holder = hold_users(&db, hold);
    let started = Instant::now();
    let out = ws.cmd(&db).args(["upgrade", "head", "--retry-lock-timeout", "10"]).output().unwrap();
    holder.join().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("0002_check_age could not get a lock within lock_timeout (SQLSTATE 55P03) and nothing of it was kept; retry 1 of 10"),
        "{}",
        stderr(&out)
    );
    assert!(started.elapsed() >= hold);
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
    ws.cmd(&db).args(["check", "--db"]).assert().success();
}

/// Other failures are not retried: the rows break the new check.
#[test]
fn a_failure_that_is_not_a_lock_timeout_is_not_retried() {
    let Some(db) = pg() else { return };
    let ws = start(&db, "");
    let written = change(&ws, &db, "check age", &[("    users (id) {\n", "    /// @check ck_users_age (age > 1000)\n    users (id) {\n")]);
    assert_eq!(written.len(), 1);
    let started = Instant::now();
    let out = ws.cmd(&db).args(["upgrade", "head", "--retry-lock-timeout", "5"]).output().unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(!err.contains("retry") && err.contains("ck_users_age") && err.contains("is violated by some row"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
}

/// The safe forms are PostgreSQL's: on SQLite and MariaDB the same change is the one
/// transactional migration it always was, with no `lock_timeout` or `CONCURRENTLY`.
fn other_backends_are_unchanged(db: TestDb) {
    let ws = Workspace::new();
    ws.write(MODELS, START);
    autogenerate(&ws, &db, "create tables");
    upgrade(&ws, &db);
    let written = change(
        &ws,
        &db,
        "index and check",
        &[
            ("        email -> Nullable<Text>,\n", "        /// @index\n        email -> Nullable<Text>,\n"),
            ("    users (id) {\n", "    /// @check ck_users_age (age >= 0)\n    users (id) {\n"),
        ],
    );
    assert_eq!(written.len(), 1, "{written:?}");
    let up = file(&written[0], "up.sql");
    for safe in ["CONCURRENTLY", "NOT VALID", "VALIDATE", "lock_timeout"] {
        assert!(!up.contains(safe), "{safe} in\n{up}");
    }
    assert!(up.contains("CREATE INDEX"), "{up}");
    upgrade(&ws, &db);
    ws.cmd(&db).args(["check", "--db"]).assert().success();
}

#[test]
fn sqlite_output_is_unchanged() {
    other_backends_are_unchanged(TestDb::new(Backend::Sqlite).unwrap());
}

#[cfg(feature = "mysql")]
#[test]
fn mysql_output_is_unchanged() {
    if let Some(db) = TestDb::new(Backend::Mysql) {
        other_backends_are_unchanged(db);
    }
}
