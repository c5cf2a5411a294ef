//! The deploy image: the `cargo-migrate` binary and `migrations/`, no Cargo.toml, no
//! cargo, an empty environment but `PATH=/usr/bin:/bin`. `.ci/run` points
//! `CARGO_MIGRATE_RELEASE_BIN` at the release build, so CI runs the binary a
//! container would ship; elsewhere the test build of the same code runs.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use cargo_migrate::backend::Backend;
use common::{stderr, stdout, TestDb, Workspace};
use predicates::prelude::*;

backend_tests!(the_binary_alone_upgrades_and_rolls_back_a_migrations_directory);

fn binary() -> PathBuf {
    match std::env::var_os("CARGO_MIGRATE_RELEASE_BIN") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_BIN_EXE_cargo-migrate")),
    }
}

/// A directory holding only `migrations/`, copied from a workspace's chain.
fn deploy_dir() -> tempfile::TempDir {
    let ws = Workspace::new();
    ws.blog_chain();
    let dir = tempfile::Builder::new().prefix("cm-deploy-").tempdir().unwrap();
    common::copy_tree(&ws.migrations(), &dir.path().join("migrations"));
    dir
}

/// The binary run directly (not through cargo) in `dir`, with nothing in its
/// environment but `PATH` and the given variables.
fn run(dir: &Path, env: &[(&str, &str)]) -> Command {
    let mut c = Command::new(binary());
    c.current_dir(dir).env_clear().env("PATH", "/usr/bin:/bin");
    for (k, v) in env {
        c.env(k, v);
    }
    c.timeout(std::time::Duration::from_secs(60));
    c
}

fn the_binary_alone_upgrades_and_rolls_back_a_migrations_directory(db: TestDb) {
    let dir = deploy_dir();
    let url = [("DATABASE_URL", db.url())];
    run(dir.path(), &url).args(["--migrations-dir", "migrations", "--wait", "10", "upgrade", "head"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
    // The variable form, as a container's environment sets it.
    let with_dir = [("DATABASE_URL", db.url()), ("CARGO_MIGRATE_MIGRATIONS_DIR", "migrations")];
    run(dir.path(), &with_dir).arg("current").assert().success().stdout(predicate::str::contains("0003_add_phone_to_users (head)"));
    run(dir.path(), &with_dir).args(["history", "-i"]).assert().success().stdout(predicate::str::contains("(current)"));
    run(dir.path(), &with_dir).arg("heads").assert().success().stdout(predicate::str::contains("0003"));
    run(dir.path(), &with_dir).args(["show", "0002"]).assert().success().stdout(predicate::str::contains("CREATE TABLE posts"));
    let o = run(dir.path(), &with_dir).args(["check", "--db"]).output().unwrap();
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("ok: 3 migration(s) in sync") && stderr(&o).contains("drift are not compared"), "{}{}", stdout(&o), stderr(&o));
    run(dir.path(), &with_dir).args(["downgrade", "-1"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002"]);
    run(dir.path(), &with_dir).args(["check", "--db"]).assert().code(1).stdout(predicate::str::contains("pending"));
    run(dir.path(), &with_dir).arg("upgrade").assert().success();

    // The production guard, named by the environment since there is no table.
    run(dir.path(), &[("DATABASE_URL", db.url()), ("CARGO_MIGRATE_MIGRATIONS_DIR", "migrations"), ("ENVIRONMENT", "production")])
        .args(["downgrade", "-1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("CONFIRM_PRODUCTION_MIGRATION=yes"));
    run(
        dir.path(),
        &[("DATABASE_URL", db.url()), ("CARGO_MIGRATE_MIGRATIONS_DIR", "migrations"), ("CARGO_MIGRATE_PRODUCTION_ENV", "APP_ENV"), ("APP_ENV", "production")],
    )
    .args(["downgrade", "-1"])
    .assert()
    .code(1)
    .stderr(predicate::str::contains("APP_ENV=production"));
    // The URL from another variable, named by a flag.
    run(dir.path(), &[("APP_DB", db.url())]).args(["--migrations-dir", "migrations", "--database-url-env", "APP_DB", "current"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);

    // Offline scripts need no URL at all, only the dialect.
    let expect = match db.backend {
        Backend::Postgres => "postgres",
        Backend::Mysql => "mysql",
        Backend::Sqlite => "sqlite",
    };
    let o = run(dir.path(), &[]).args(["--migrations-dir", "migrations", "upgrade", "--sql", "--dialect", expect]).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains(&format!("for {}", db.backend.name())) && stdout(&o).contains("CREATE TABLE posts"), "{}", stdout(&o));
    let o = run(dir.path(), &[]).args(["--migrations-dir", "migrations", "downgrade", "base", "--sql", "--dialect", expect]).output().unwrap();
    assert!(o.status.success() && stdout(&o).contains("DROP TABLE posts"), "{}", stderr(&o));
}

#[test]
fn offline_scripts_say_which_dialect_they_need_and_model_commands_refuse() {
    let dir = deploy_dir();
    for dialect in ["sqlite", "postgres", "mysql"] {
        run(dir.path(), &[])
            .args(["--migrations-dir", "migrations", "upgrade", "--sql", "--dialect", dialect])
            .assert()
            .success()
            .stdout(predicate::str::contains("INSERT INTO __diesel_schema_migrations"));
        run(dir.path(), &[]).args(["--migrations-dir", "migrations", "stamp", "head", "--sql", "--dialect", dialect]).assert().success();
    }
    run(dir.path(), &[])
        .args(["--migrations-dir", "migrations", "upgrade", "--sql"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--dialect sqlite|postgres|mysql"));
    // Without --migrations-dir, the binary looks for a workspace, and says so.
    run(dir.path(), &[]).args(["upgrade", "--sql", "--dialect", "sqlite"]).assert().code(2).stderr(predicate::str::contains("Cargo.toml"));
    for args in [&["revision", "--autogenerate", "-m", "x"][..], &["models"], &["adopt"], &["merge"], &["init"]] {
        run(dir.path(), &[]).args(["--migrations-dir", "migrations"]).args(args).assert().code(2).stderr(predicate::str::contains("needs the workspace"));
    }
    run(dir.path(), &[]).args(["--migrations-dir", "nope", "check"]).assert().code(1).stdout(predicate::str::contains("nope` does not exist"));
}
