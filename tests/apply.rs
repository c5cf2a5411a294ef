//! upgrade / downgrade / redo / stamp / resolve end to end, on every backend.

mod common;

use cargo_migrate::backend::Backend;
use common::{stderr, stdout, TestDb, Workspace};
use predicates::prelude::*;

backend_tests!(
    upgrade_and_downgrade_walk_the_chain,
    specs_select_targets,
    unknown_spec_lists_candidates,
    failing_migration_names_file_line_and_statement,
    edited_migration_is_refused_with_a_diff,
    line_endings_do_not_count_as_edits,
    rollback_works_when_files_are_gone,
    production_guard_refuses_without_confirmation,
    stamp_marks_without_running,
    redo_reapplies_the_newest,
    non_transactional_migration_runs_statement_by_statement,
    migration_applied_by_diesel_is_adopted,
    hostile_names_do_not_inject_into_state_tables,
);

fn upgrade_and_downgrade_walk_the_chain(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    let out = ws.cmd(&db).arg("upgrade").assert().success().get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("applied 0001_create_users") && err.contains("applied 0003_add_phone_to_users"), "{err}");
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
    assert!(db.columns("users").contains(&"phone".to_string()));

    ws.cmd(&db).arg("current").assert().success().stdout(predicate::str::contains("0003_add_phone_to_users (head)"));
    // A second upgrade has nothing to do.
    ws.cmd(&db).args(["upgrade", "head"]).assert().success().stderr(predicate::str::contains("nothing to apply"));

    ws.cmd(&db).args(["downgrade", "-1"]).assert().success().stderr(predicate::str::contains("reverted 0003_add_phone_to_users"));
    assert_eq!(db.applied_versions(), ["0001", "0002"]);
    assert!(!db.columns("users").contains(&"phone".to_string()));

    ws.cmd(&db).args(["downgrade", "base"]).assert().success();
    assert!(db.applied_versions().is_empty());
    assert!(!db.has_table("users") && !db.has_table("posts"));
    ws.cmd(&db).arg("current").assert().success().stdout(predicate::str::contains("base (nothing applied)"));

    // Round trip back to head.
    ws.cmd(&db).args(["upgrade", "head"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
}

fn specs_select_targets(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.cmd(&db).args(["upgrade", "+1"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001"]);
    ws.cmd(&db).args(["upgrade", "current+1"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002"]);
    ws.cmd(&db).args(["downgrade", "1"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001"]);
    ws.cmd(&db).args(["upgrade", "add_phone"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
    ws.cmd(&db).args(["downgrade", "0002_create_posts"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002"]);
    ws.cmd(&db).args(["downgrade", "head-2"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001"]);
    // Going the wrong way is a usage error that says which command to use.
    ws.cmd(&db).args(["upgrade", "base"]).assert().code(2).stderr(predicate::str::contains("use `cargo migrate downgrade base`"));
    ws.cmd(&db).args(["downgrade", "head"]).assert().code(2).stderr(predicate::str::contains("use `cargo migrate upgrade head`"));
    ws.cmd(&db).args(["downgrade", "-2"]).assert().code(2).stderr(predicate::str::contains("below base"));
    ws.cmd(&db).args(["upgrade", "+5"]).assert().code(2).stderr(predicate::str::contains("past head"));
}

fn unknown_spec_lists_candidates(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.cmd(&db).args(["upgrade", "create_post"]).assert().success();
    let out = ws.cmd(&db).args(["upgrade", "add_phnoe"]).assert().code(2).get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("can't locate revision `add_phnoe`") && err.contains("did you mean 0003_add_phone_to_users"), "{err}");
    ws.cmd(&db).args(["upgrade", "create"]).assert().code(2).stderr(predicate::str::contains("ambiguous"));
}

fn failing_migration_names_file_line_and_statement(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.migration(
        4,
        "broken",
        "-- a table, then a typo\nCREATE TABLE tags (id INTEGER PRIMARY KEY);\n\nINSERT INTO no_such_table VALUES (1);\n",
        "DROP TABLE tags;\n",
    );
    let out = ws.cmd(&db).arg("upgrade").assert().code(3).get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("upgrade of 0004_broken failed"), "{err}");
    assert!(err.contains("0004_broken/up.sql:4"), "{err}");
    assert!(err.contains("INSERT INTO no_such_table"), "{err}");
    assert!(err.to_lowercase().contains("no_such_table"), "{err}");
    // Earlier migrations stay applied; the failed one recorded nothing for itself.
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
    if db.backend.transactional_ddl() {
        assert!(err.contains("rolled back"), "{err}");
        assert!(!db.has_table("tags"), "the transaction kept part of a failed migration");
        // Fix the file; the rerun completes.
        ws.write("migrations/0004_broken/up.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n");
        ws.cmd(&db).arg("upgrade").assert().success();
        assert_eq!(db.applied_versions(), ["0001", "0002", "0003", "0004"]);
    } else {
        // MySQL: DDL committed; the database is marked and the next run refuses.
        assert!(err.contains("statement 1 ran (line 2)"), "{err}");
        assert!(db.has_table("tags"));
        let out = ws.cmd(&db).arg("upgrade").assert().code(1).get_output().clone();
        let err = stderr(&out);
        assert!(err.contains("failed part-way") && err.contains("cargo migrate resolve 0004"), "{err}");
        ws.cmd(&db).arg("current").assert().success().stderr(predicate::str::contains("0004_broken failed part-way"));
        // The user undoes it by hand and says so; then a fixed file applies.
        db.exec("DROP TABLE tags");
        ws.cmd(&db).args(["resolve", "0004", "--rolled-back"]).assert().success().stderr(predicate::str::contains("not applied"));
        ws.write("migrations/0004_broken/up.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n");
        ws.cmd(&db).arg("upgrade").assert().success();
        assert_eq!(db.applied_versions(), ["0001", "0002", "0003", "0004"]);
        ws.cmd(&db).args(["resolve", "0004", "--applied"]).assert().code(2).stderr(predicate::str::contains("no failed-part-way mark"));
    }
}

fn edited_migration_is_refused_with_a_diff(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.cmd(&db).args(["upgrade", "0002"]).assert().success();
    ws.write("migrations/0001_create_users/up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL);\n");
    let out = ws.cmd(&db).arg("upgrade").assert().code(1).get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("0001_create_users was edited after it was applied"), "{err}");
    assert!(err.contains("-CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL);"), "{err}");
    assert!(err.contains("+CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL);"), "{err}");
    assert_eq!(db.applied_versions(), ["0001", "0002"]);
    ws.cmd(&db).args(["upgrade", "--ignore-checksums"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
}

fn line_endings_do_not_count_as_edits(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.cmd(&db).args(["upgrade", "0001"]).assert().success();
    let up = ws.read("migrations/0001_create_users/up.sql");
    ws.write("migrations/0001_create_users/up.sql", &format!("\u{feff}{}", up.replace('\n', "\r\n")));
    ws.cmd(&db).arg("upgrade").assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
}

fn rollback_works_when_files_are_gone(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.cmd(&db).arg("upgrade").assert().success();
    // Switching to a branch without 0003: the directory disappears.
    std::fs::remove_dir_all(ws.migrations().join("0003_add_phone_to_users")).unwrap();
    let out = ws.cmd(&db).arg("upgrade").assert().code(1).get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("0003_add_phone_to_users applied") && err.contains("cargo migrate downgrade 0002"), "{err}");
    let out = ws.cmd(&db).args(["downgrade", "-1"]).assert().success().get_output().clone();
    assert!(stderr(&out).contains("copy of its down.sql kept in the database"), "{}", stderr(&out));
    assert_eq!(db.applied_versions(), ["0001", "0002"]);
    assert!(!db.columns("users").contains(&"phone".to_string()));
    // The other branch's own 0003 then applies normally.
    ws.migration(3, "add_nickname", "ALTER TABLE users ADD COLUMN nickname VARCHAR(40);\n", "ALTER TABLE users DROP COLUMN nickname;\n");
    ws.cmd(&db).arg("upgrade").assert().success();
    assert!(db.columns("users").contains(&"nickname".to_string()));
}

fn production_guard_refuses_without_confirmation(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.cmd(&db).env("ENVIRONMENT", "production").arg("upgrade").assert().code(1).stderr(predicate::str::contains("CONFIRM_PRODUCTION_MIGRATION=yes"));
    assert!(db.applied_versions().is_empty());
    ws.cmd(&db).env("ENVIRONMENT", "production").env("CONFIRM_PRODUCTION_MIGRATION", "yes").arg("upgrade").assert().success();
    ws.cmd(&db).env("ENVIRONMENT", "production").args(["downgrade", "-1"]).assert().code(1);
    ws.cmd(&db).env("ENVIRONMENT", "production").args(["stamp", "base"]).assert().code(1);
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
    // Variable names come from the config.
    ws.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/db\"]\n\n[workspace.metadata.migrate]\nproduction_env = \"APP_ENV\"\nproduction_value = \"prod\"\nconfirm_env = \"I_AM_SURE\"\n",
    );
    ws.cmd(&db).env("APP_ENV", "prod").args(["downgrade", "-1"]).assert().code(1).stderr(predicate::str::contains("I_AM_SURE=yes"));
    ws.cmd(&db).env("APP_ENV", "prod").env("I_AM_SURE", "yes").args(["downgrade", "-1"]).assert().success();
}

fn stamp_marks_without_running(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    // Adopting an existing database: the tables exist already.
    db.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL)");
    ws.cmd(&db).args(["stamp", "0001"]).assert().success().stderr(predicate::str::contains("marked 0001_create_users as applied"));
    assert_eq!(db.applied_versions(), ["0001"]);
    ws.cmd(&db).arg("upgrade").assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
    ws.cmd(&db).args(["stamp", "0001"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001"]);
    assert!(db.has_table("posts"), "stamp must not run SQL");
    ws.cmd(&db).args(["stamp", "head"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
    db.exec("INSERT INTO __diesel_schema_migrations (version) VALUES ('20200101000000')");
    ws.cmd(&db).args(["stamp", "head", "--purge"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
    ws.cmd(&db).args(["stamp", "base"]).assert().success();
    assert!(db.applied_versions().is_empty());
}

fn redo_reapplies_the_newest(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.cmd(&db).arg("upgrade").assert().success();
    let out = ws.cmd(&db).arg("redo").assert().success().get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("reverted 0003_add_phone_to_users") && err.contains("applied 0003_add_phone_to_users"), "{err}");
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
}

fn non_transactional_migration_runs_statement_by_statement(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    let concurrently = if db.backend == Backend::Postgres { "CONCURRENTLY " } else { "" };
    let name = ws.migration(
        4,
        "index_users_email",
        &format!("CREATE INDEX {concurrently}ix_users_email ON users (email);\nCREATE INDEX {concurrently}ix_posts_title ON posts (title);\n"),
        "DROP INDEX ix_posts_title ON posts;\nDROP INDEX ix_users_email ON users;\n",
    );
    if db.backend != Backend::Mysql {
        ws.write(&format!("migrations/{name}/down.sql"), "DROP INDEX ix_posts_title;\nDROP INDEX ix_users_email;\n");
    }
    let meta = ws.read(&format!("migrations/{name}/metadata.toml")).replace("run_in_transaction = true", "run_in_transaction = false");
    ws.write(&format!("migrations/{name}/metadata.toml"), &meta);
    ws.cmd(&db).arg("upgrade").assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003", "0004"]);
    ws.cmd(&db).args(["downgrade", "-1"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
}

fn migration_applied_by_diesel_is_adopted(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    // What `diesel migration run` leaves: the tables and Diesel's rows, none of ours.
    db.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL)");
    db.exec("CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
    db.exec("INSERT INTO __diesel_schema_migrations (version) VALUES ('0001')");
    ws.cmd(&db).arg("current").assert().success().stdout(predicate::str::contains("0001_create_users"));
    ws.cmd(&db).arg("upgrade").assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
    // Adopted, so its down.sql is on record and later edits are caught.
    ws.write("migrations/0001_create_users/up.sql", "SELECT 1;\n");
    ws.cmd(&db).arg("upgrade").assert().code(1).stderr(predicate::str::contains("edited after it was applied"));
}

fn hostile_names_do_not_inject_into_state_tables(db: TestDb) {
    let ws = Workspace::new();
    let name = "0001_it's_a_trap'); DROP TABLE users; --";
    ws.write(&format!("migrations/{name}/up.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
    ws.write(&format!("migrations/{name}/down.sql"), "DROP TABLE users;\n");
    ws.write(&format!("migrations/{name}/metadata.toml"), "message = \"'; DELETE FROM __diesel_schema_migrations; --\"\nrun_in_transaction = true\n");
    ws.migration(2, "second", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\n", "DROP TABLE t2;\n");
    ws.cmd(&db).arg("upgrade").assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002"]);
    assert!(db.has_table("users"));
    let names = db.texts("SELECT name AS value FROM __cargo_migrate_applied ORDER BY version");
    assert_eq!(names[0], name);
    let out = ws.cmd(&db).arg("current").assert().success().get_output().clone();
    assert!(stdout(&out).contains("0002_second (head)"), "{}", stdout(&out));
}

#[test]
fn offline_sql_needs_no_connection() {
    let ws = Workspace::new();
    ws.blog_chain();
    // A host that cannot be reached: --sql must not try.
    let out = ws
        .bare_cmd()
        .env("DATABASE_URL", "postgres://app:hunter2@db.invalid:5432/app")
        .args(["upgrade", "--sql", "head"])
        .assert()
        .success()
        .get_output()
        .clone();
    let sql = stdout(&out);
    assert!(sql.contains("CREATE TABLE IF NOT EXISTS __diesel_schema_migrations"), "{sql}");
    assert!(sql.contains("-- Running upgrade 0001_create_users"), "{sql}");
    assert!(sql.contains("BEGIN;\nCREATE TABLE users"), "{sql}");
    assert!(sql.contains("INSERT INTO __diesel_schema_migrations (version) VALUES ('0003');"), "{sql}");
    assert!(!sql.contains("hunter2"));
    let a = sql.find("0001_create_users (").unwrap();
    let b = sql.find("0003_add_phone_to_users (").unwrap();
    assert!(a < b);

    let out =
        ws.bare_cmd().env("DATABASE_URL", "mysql://root@db.invalid/app").args(["downgrade", "--sql", "0003:0001"]).assert().success().get_output().clone();
    let sql = stdout(&out);
    assert!(sql.contains("ALTER TABLE users DROP COLUMN phone;") && sql.contains("DROP TABLE posts;"), "{sql}");
    assert!(!sql.contains("DROP TABLE users;"), "{sql}");
    assert!(!sql.contains("BEGIN;"), "MySQL DDL is not transactional: {sql}");
    assert!(sql.find("DROP COLUMN phone").unwrap() < sql.find("DROP TABLE posts").unwrap());

    ws.bare_cmd().env("DATABASE_URL", "sqlite://x.db").args(["upgrade", "--sql", "0002:0001"]).assert().code(2);
    ws.bare_cmd().env("DATABASE_URL", "sqlite://x.db").args(["downgrade", "--sql", "-1"]).assert().code(2).stderr(predicate::str::contains("offline"));
}
