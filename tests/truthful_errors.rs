//! Issue 15: every failure reports what the database holds, the state tables record
//! exactly that, and the message carries the database's full diagnostic.

mod common;

use cargo_migrate::backend::Backend;
use common::{stderr, stdout, TestDb, Workspace};
use predicates::prelude::*;

backend_tests!(
    resolve_applied_after_a_failed_downgrade_keeps_it_applied,
    resolve_rolled_back_after_a_failed_downgrade_unrecords_it,
    comment_only_down_sql_downgrades_as_a_no_op_with_a_warning,
    statement_less_up_sql_applies_as_a_no_op_with_a_notice,
    a_trigger_refusing_state_writes_names_the_migration,
);

fn no_transaction(ws: &Workspace, name: &str) {
    let meta = ws.read(&format!("migrations/{name}/metadata.toml")).replace("run_in_transaction = true", "run_in_transaction = false");
    ws.write(&format!("migrations/{name}/metadata.toml"), &meta);
}

/// Statuses of our record of one version (empty when there is none).
fn record_status(db: &TestDb, version: &str) -> Vec<String> {
    db.texts(&format!("SELECT status AS value FROM __cargo_migrate_applied WHERE version = '{version}'"))
}

/// 0001, then a non-transactional 0002 whose down.sql fails at its second statement.
fn chain_with_a_failing_down(db: &TestDb) -> (Workspace, String) {
    let ws = Workspace::new();
    ws.migration(1, "first", "CREATE TABLE first_t (id INTEGER PRIMARY KEY);\n", "DROP TABLE first_t;\n");
    let name = ws.migration(
        2,
        "two_tables",
        "CREATE TABLE a (id INTEGER PRIMARY KEY);\nCREATE TABLE b (id INTEGER PRIMARY KEY);\n",
        "DROP TABLE b;\nDROP TABLE no_such_table;\nDROP TABLE a;\n",
    );
    no_transaction(&ws, &name);
    ws.cmd(db).arg("upgrade").assert().success();
    let out = ws.cmd(db).args(["downgrade", "-1"]).assert().code(3).get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("downgrade of 0002_two_tables failed") && err.contains("statement 1 ran (line 1)"), "{err}");
    assert!(err.contains("0002_two_tables/down.sql:2") && err.contains("DROP TABLE no_such_table"), "{err}");
    assert!(!db.has_table("b") && db.has_table("a"));
    (ws, name)
}

/// Item 1: `--applied` means "all of its changes are in place", whichever way the
/// migration was going; it used to unrecord a migration whose downgrade had failed, so
/// the next downgrade skipped its fixed down.sql.
fn resolve_applied_after_a_failed_downgrade_keeps_it_applied(db: TestDb) {
    let (ws, name) = chain_with_a_failing_down(&db);
    ws.cmd(&db).arg("current").assert().success().stderr(predicate::str::contains("0002_two_tables failed part-way"));
    // The user undoes what the failed downgrade did: 0002's changes are all back.
    db.exec("CREATE TABLE b (id INTEGER PRIMARY KEY)");
    let out = ws.cmd(&db).args(["resolve", "0002", "--applied"]).assert().success().get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("0002_two_tables is now recorded as applied"), "{err}");
    assert_eq!(db.applied_versions(), ["0001", "0002"]);
    assert_eq!(record_status(&db, "0002"), ["applied"]);
    // With its down.sql fixed, the next downgrade runs it.
    ws.write(&format!("migrations/{name}/down.sql"), "DROP TABLE b;\nDROP TABLE a;\n");
    ws.cmd(&db).args(["downgrade", "-1"]).assert().success().stderr(predicate::str::contains("reverted 0002_two_tables"));
    assert_eq!(db.applied_versions(), ["0001"]);
    assert!(!db.has_table("a") && !db.has_table("b"));
}

fn resolve_rolled_back_after_a_failed_downgrade_unrecords_it(db: TestDb) {
    let (ws, _) = chain_with_a_failing_down(&db);
    // The user finishes the downgrade by hand.
    db.exec("DROP TABLE a");
    let out = ws.cmd(&db).args(["resolve", "0002", "--rolled-back"]).assert().success().get_output().clone();
    assert!(stderr(&out).contains("0002_two_tables is now recorded as not applied"), "{}", stderr(&out));
    assert_eq!(db.applied_versions(), ["0001"]);
    assert!(record_status(&db, "0002").is_empty());
    ws.cmd(&db).arg("upgrade").assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002"]);
}

/// Item 2: Diesel's irreversible migration has a down.sql of one comment. It used to
/// be sent to the database as an empty query ("Received an empty query" on
/// PostgreSQL), reported as a transient error.
fn comment_only_down_sql_downgrades_as_a_no_op_with_a_warning(db: TestDb) {
    let ws = Workspace::new();
    ws.migration(1, "irreversible", "CREATE TABLE kept (id INTEGER PRIMARY KEY);\n", "-- This file should undo anything in `up.sql`\n");
    let name = ws.migration(2, "also_irreversible", "CREATE TABLE kept_too (id INTEGER PRIMARY KEY);\n", "-- nothing to undo\n\n/* really */\n");
    no_transaction(&ws, &name);
    ws.cmd(&db).arg("upgrade").assert().success();

    let out = ws.cmd(&db).args(["downgrade", "base", "--strict"]).assert().code(1).get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("0002_also_irreversible/down.sql: no statements (only comments or whitespace)") && err.contains("--strict refuses it"), "{err}");
    assert_eq!(db.applied_versions(), ["0001", "0002"], "--strict changes nothing");

    let out = ws.cmd(&db).args(["downgrade", "base"]).assert().success().get_output().clone();
    let err = stderr(&out);
    for m in ["0001_irreversible", "0002_also_irreversible"] {
        assert!(err.contains(&format!("{m}/down.sql has no statements (only comments or whitespace): nothing was undone")), "{err}");
        assert!(err.contains(&format!("reverted {m}")), "{err}");
    }
    assert!(db.applied_versions().is_empty());
    assert!(record_status(&db, "0001").is_empty() && record_status(&db, "0002").is_empty());
    assert!(db.has_table("kept") && db.has_table("kept_too"), "a no-op downgrade undoes nothing");
}

/// Item 2: an up.sql with no statements (a fresh template, an empty file) is applied
/// as a no-op with a clear "no statements", never sent as an empty query (an error on
/// PostgreSQL and MySQL).
fn statement_less_up_sql_applies_as_a_no_op_with_a_notice(db: TestDb) {
    let ws = Workspace::new();
    ws.migration(1, "first", "CREATE TABLE first_t (id INTEGER PRIMARY KEY);\n", "DROP TABLE first_t;\n");
    let name = ws.migration(2, "forgotten", "-- forgot to write it\n", "DROP TABLE first_t;\n");
    let plain = ws.migration(3, "plain", "/* nothing */\n\n", "SELECT 1;\n");
    no_transaction(&ws, &plain);
    let out = ws.cmd(&db).arg("upgrade").assert().success().get_output().clone();
    let err = stderr(&out);
    assert!(err.contains(&format!("{name}/up.sql has no statements (only comments or whitespace): nothing was run; {name} is recorded as applied")), "{err}");
    assert!(err.contains(&format!("{plain}/up.sql has no statements")), "{err}");
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
}

/// Item 5: some projects guard Diesel's table with a trigger so only one tool writes
/// it. The error used to be "database error while updating the migration state
/// tables", naming no migration.
fn a_trigger_refusing_state_writes_names_the_migration(db: TestDb) {
    let ws = Workspace::new();
    ws.migration(1, "first", "CREATE TABLE first_t (id INTEGER PRIMARY KEY);\n", "DROP TABLE first_t;\n");
    ws.migration(2, "second", "CREATE TABLE second_t (id INTEGER PRIMARY KEY);\n", "DROP TABLE second_t;\n");
    ws.cmd(&db).args(["upgrade", "0001"]).assert().success();
    let refusal = "migrations must be managed using cargo migrate instead of diesel CLI";
    match db.backend {
        Backend::Sqlite => db.exec(&format!("CREATE TRIGGER guard BEFORE INSERT ON __diesel_schema_migrations BEGIN SELECT RAISE(ABORT, '{refusal}'); END")),
        Backend::Postgres => db.exec(&format!(
            "CREATE FUNCTION guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{refusal}' USING HINT = 'run cargo migrate upgrade'; END $$;
             CREATE TRIGGER guard BEFORE INSERT ON __diesel_schema_migrations FOR EACH ROW EXECUTE FUNCTION guard();"
        )),
        Backend::Mysql => db.exec(&format!(
            "CREATE TRIGGER guard BEFORE INSERT ON __diesel_schema_migrations FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{refusal}'"
        )),
    }
    let out = ws.cmd(&db).arg("upgrade").assert().code(3).get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("upgrade of 0002_second failed"), "{err}");
    assert!(err.contains(refusal) && err.contains("writing __diesel_schema_migrations and __cargo_migrate_applied failed"), "{err}");
    assert!(err.contains("0002_second/up.sql"), "{err}");
    assert_eq!(db.applied_versions(), ["0001"]);
    if db.backend == Backend::Postgres {
        assert!(err.contains("hint: run cargo migrate upgrade"), "{err}");
    }
    if db.backend.transactional_ddl() {
        assert!(err.contains("nothing from it was kept (its transaction was rolled back)"), "{err}");
        assert!(!db.has_table("second_t"));
        assert!(record_status(&db, "0002").is_empty());
    } else {
        // MySQL: the DDL committed; the mark says so, and the next run refuses.
        assert!(err.contains("every statement ran") && err.contains("resolve 0002"), "{err}");
        assert!(db.has_table("second_t"));
        assert_eq!(record_status(&db, "0002"), ["partial-up"]);
        ws.cmd(&db).arg("upgrade").assert().code(1).stderr(predicate::str::contains("recording it failed"));
    }
}

/// Item 3 (SQLite and PostgreSQL, where a migration's own `BEGIN` protects DDL): a
/// non-transactional migration that manages its own transaction, as autogenerate's
/// SQLite table rebuild does, fails inside it. The database rolled it back, so the
/// report says nothing stayed and the state row is as before; it used to say
/// "statements 1-4 ran … part of it stayed" (and, on PostgreSQL, "connection lost").
fn failed_own_transaction_reports_nothing_stayed(db: TestDb) {
    let ws = Workspace::new();
    ws.migration(1, "users", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\nINSERT INTO users VALUES (1, 'a');\n", "DROP TABLE users;\n");
    let session = if db.backend == Backend::Sqlite { "PRAGMA foreign_keys = OFF;" } else { "SET lock_timeout = '5s';" };
    let up = |column: &str| {
        format!(
            "{session}\nBEGIN;\nCREATE TABLE users_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\nINSERT INTO users_new SELECT id, {column} FROM users;\nDROP TABLE users;\nALTER TABLE users_new RENAME TO users;\nCOMMIT;\n"
        )
    };
    let name = ws.migration(2, "rebuild_users", &up("nme"), "SELECT 1;\n");
    no_transaction(&ws, &name);
    let out = ws.cmd(&db).arg("upgrade").assert().code(3).get_output().clone();
    let err = stderr(&out);
    assert!(
        err.contains("upgrade of 0002_rebuild_users failed; it is not transactional, but nothing from it stayed: the database rolled back the migration's own transaction (BEGIN at line 2); the state tables are as before the run"),
        "{err}"
    );
    assert!(!err.contains("part of it stayed") && !err.contains("connection lost") && !err.contains("resolve"), "{err}");
    assert!(err.contains("0002_rebuild_users/up.sql:4") && err.contains("statement 4: INSERT INTO users_new"), "{err}");
    assert!(!db.has_table("users_new"), "the database kept nothing");
    assert!(record_status(&db, "0002").is_empty(), "no mark: there is nothing to resolve");
    assert_eq!(db.applied_versions(), ["0001"]);
    // Fixed, it runs without a `resolve` first.
    ws.write(&format!("migrations/{name}/up.sql"), &up("name"));
    ws.cmd(&db).arg("upgrade").assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002"]);
}

#[test]
fn sqlite_failed_own_transaction_reports_nothing_stayed() {
    failed_own_transaction_reports_nothing_stayed(TestDb::new(Backend::Sqlite).unwrap());
}

#[test]
fn postgres_failed_own_transaction_reports_nothing_stayed() {
    if let Some(db) = TestDb::new(Backend::Postgres) {
        failed_own_transaction_reports_nothing_stayed(db);
    }
}

/// Item 3: SQLite undoes a failed statement, so a non-transactional migration whose
/// first statement fails left nothing; it used to be marked "failed part-way".
#[test]
fn sqlite_non_transactional_first_statement_failure_leaves_no_mark() {
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let ws = Workspace::new();
    let name = ws.migration(1, "bad", "INSERT INTO no_such_table VALUES (1);\nCREATE TABLE never (id INTEGER PRIMARY KEY);\n", "DROP TABLE never;\n");
    no_transaction(&ws, &name);
    let out = ws.cmd(&db).arg("upgrade").assert().code(3).get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("it is not transactional, but nothing from it stayed: its first statement failed, and SQLite undoes a failed statement"), "{err}");
    assert!(record_status(&db, "0001").is_empty() && db.applied_versions().is_empty());
    // A later statement failing is partial, and says exactly which statements stayed.
    ws.write(
        &format!("migrations/{name}/up.sql"),
        "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\nCREATE TABLE t2 (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n",
    );
    let out = ws.cmd(&db).arg("upgrade").assert().code(3).get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("part of it stayed: statements 1-2 ran (lines 1, 2) and stayed") && err.contains("resolve 0001 --applied"), "{err}");
    assert!(db.has_table("t1") && db.has_table("t2"));
    assert_eq!(record_status(&db, "0001"), ["partial-up"]);
    // `check --db` gives a command that runs: `resolve` needs `--applied` or `--rolled-back`.
    let out = ws.cmd(&db).args(["check", "--db"]).assert().code(1).get_output().clone();
    let report = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        report.contains(
            "0001_bad failed part-way: upgrade of 0001_bad: it is not transactional, so part of it stayed: statements 1-2 ran (lines 1, 2) and stayed"
        ),
        "{report}"
    );
    assert!(report.contains("`cargo migrate resolve 0001 --applied` (all of its changes are in place) or `--rolled-back` (none are)"), "{report}");
}

/// Item 4: PostgreSQL's DETAIL and HINT, and its error position as line:column of the
/// file, in transactional and statement-by-statement runs.
#[test]
fn postgres_detail_hint_and_position_are_shown() {
    let Some(db) = TestDb::new(Backend::Postgres) else { return };
    let ws = Workspace::new();
    ws.migration(1, "t", "CREATE TABLE t (id INTEGER PRIMARY KEY);\n", "DROP TABLE t;\n");
    let name = ws.migration(2, "call", "-- calls a function that is not there\nINSERT INTO t VALUES (1);\nSELECT\n    f(1);\n", "SELECT 1;\n");
    let out = ws.cmd(&db).arg("upgrade").assert().code(3).get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("database: function f(integer) does not exist\n  hint: No function matches the given name and argument types."), "{err}");
    assert!(err.contains("0002_call/up.sql:4:5\n"), "the position is a line:column of the file: {err}");

    ws.write(&format!("migrations/{name}/up.sql"), "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (1);\n");
    let out = ws.cmd(&db).arg("upgrade").assert().code(3).get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("duplicate key value violates unique constraint \"t_pkey\"\n  detail: Key (id)=(1) already exists."), "{err}");

    // Statement by statement: the position inside the statement becomes the file's.
    no_transaction(&ws, &name);
    ws.write(&format!("migrations/{name}/up.sql"), "SELECT 1;\n\nSELECT  g(2);\n");
    let out = ws.cmd(&db).arg("upgrade").assert().code(3).get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("0002_call/up.sql:3:9\n") && err.contains("hint: No function matches"), "{err}");
    assert!(db.texts("SELECT detail AS value FROM __cargo_migrate_applied WHERE version = '0002'")[0].contains("function g(integer) does not exist"));
}

/// Item 6: help texts say what the commands do.
#[test]
fn help_texts_match_behaviour() {
    let ws = Workspace::new();
    ws.blog_chain();
    let help = stdout(&ws.bare_cmd().args(["history", "--help"]).assert().success().get_output().clone());
    assert!(help.contains("newest first") && !help.contains("oldest first"), "{help}");
    let listed = stdout(&ws.bare_cmd().arg("history").assert().success().get_output().clone());
    assert!(listed.find("0003").unwrap() < listed.find("0001").unwrap(), "history is newest first: {listed}");
    let help = stdout(&ws.bare_cmd().args(["resolve", "--help"]).assert().success().get_output().clone());
    assert!(help.contains("PostgreSQL") && help.contains("MySQL/MariaDB"), "{help}");
    let help = stdout(&ws.bare_cmd().args(["downgrade", "--help"]).assert().success().get_output().clone());
    assert!(help.contains("--strict"), "{help}");
}

/// Item 6: the "no database URL" error names the config table actually read.
#[test]
fn no_database_url_names_the_table_in_use() {
    let ws = Workspace::new();
    ws.bare_cmd().arg("current").assert().code(2).stderr(predicate::str::contains("set `database_url` in [workspace.metadata.migrate]"));
    ws.write("Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[package.metadata.migrate]\nmigrations = \"migrations\"\n");
    ws.write("src/lib.rs", "");
    ws.bare_cmd().arg("current").assert().code(2).stderr(predicate::str::contains("set `database_url` in [package.metadata.migrate]"));
}
