//! `init`, workspace discovery, configuration and the errors a user can hit before
//! any migration runs, with their exit codes.

mod common;

use assert_cmd::Command;
use common::{stderr, stdout, TestDb, Workspace};
use predicates::prelude::*;

fn bin() -> Command {
    let mut c = Command::cargo_bin("cargo-migrate").unwrap();
    c.env("NO_COLOR", "1").env_remove("DATABASE_URL");
    c
}

const COMMENTED_MANIFEST: &str = r#"# Top comment: keep me.
[workspace]
members    =   [ "crates/db" ,  # trailing comma and odd spacing
]
resolver = "2"   # inline comment

[workspace.package]
edition="2021"
  # indented comment

[workspace.metadata.docs]
note = 'single quotes'
[profile.dev]
opt-level = 0"#;

#[test]
fn init_keeps_every_existing_byte() {
    let ws = Workspace::new();
    ws.write("Cargo.toml", COMMENTED_MANIFEST);
    let out =
        ws.bare_cmd().args(["init", "--models", "crates/db/src/models", "--database-url", "sqlite://dev.sqlite3"]).assert().success().get_output().clone();
    let text = ws.read("Cargo.toml");
    assert!(text.starts_with(COMMENTED_MANIFEST), "existing bytes changed:\n{text}");
    assert!(
        text.contains(
            "[workspace.metadata.migrate]\nmodels = [\"crates/db/src/models\"]\nmigrations = \"migrations\"\ndatabase_url = \"sqlite://dev.sqlite3\"\n"
        ),
        "{text}"
    );
    assert!(stdout(&out).contains("wrote [workspace.metadata.migrate]"), "{}", stdout(&out));
    assert!(stderr(&out).contains("next:"), "{}", stderr(&out));
    assert!(ws.migrations().is_dir());
    // cargo still reads the manifest, and so do we.
    ws.bare_cmd().arg("history").assert().success();
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let ws = Workspace::new();
    let before = ws.read("Cargo.toml");
    ws.bare_cmd().args(["init"]).assert().code(2).stderr(predicate::str::contains("already exists; pass --force"));
    assert_eq!(ws.read("Cargo.toml"), before);
    ws.bare_cmd().args(["init", "--force", "--migrations", "db/migrations"]).assert().success().stdout(predicate::str::contains("replaced"));
    let after = ws.read("Cargo.toml");
    assert!(after.contains("migrations = \"db/migrations\"") && after.starts_with("[workspace]\nmembers = [\"crates/db\"]"), "{after}");
    assert!(ws.path().join("db/migrations").is_dir());
}

#[test]
fn init_on_a_single_package_writes_package_metadata() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Cargo.toml"), "[package]\nname = \"solo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n").unwrap();
    std::fs::create_dir_all(dir.path().join("src")).unwrap();
    std::fs::write(dir.path().join("src/schema.rs"), "").unwrap();
    std::fs::write(dir.path().join("src/lib.rs"), "").unwrap();
    bin().current_dir(dir.path()).args(["migrate", "init"]).assert().success();
    let text = std::fs::read_to_string(dir.path().join("Cargo.toml")).unwrap();
    assert!(text.contains("[package.metadata.migrate]\nmodels = [\"src/schema.rs\"]"), "{text}");
    // And the config is found again from a subdirectory.
    bin().current_dir(dir.path().join("src")).args(["migrate", "heads"]).assert().success().stderr(predicate::str::contains("no migrations yet"));
}

#[test]
fn package_flag_selects_a_members_own_table() {
    let ws = Workspace::new();
    ws.write(
        "crates/db/Cargo.toml",
        "[package]\nname = \"db\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[package.metadata.migrate]\nmigrations = \"own_migrations\"\n",
    );
    std::fs::create_dir_all(ws.path().join("crates/db/own_migrations/0001_x")).unwrap();
    ws.write("crates/db/own_migrations/0001_x/up.sql", "");
    ws.write("crates/db/own_migrations/0001_x/down.sql", "");
    ws.bare_cmd().args(["-p", "db", "heads"]).assert().success().stdout(predicate::str::contains("0001_x (head)"));
    ws.bare_cmd().args(["heads"]).assert().success().stderr(predicate::str::contains("no migrations yet"));
    ws.bare_cmd()
        .args(["-p", "nope", "heads"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("package `nope` is not a member").and(predicate::str::contains("members: db")));
}

#[test]
fn outside_a_cargo_project_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    bin().current_dir(dir.path()).args(["migrate", "current"]).assert().code(2).stderr(predicate::str::contains("could not find `Cargo.toml`"));
}

#[test]
fn bad_manifest_path_is_a_clear_error() {
    bin()
        .args(["migrate", "--manifest-path", "/no/such/Cargo.toml", "history"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/Cargo.toml` does not exist"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Cargo.toml"), "[package\nname=").unwrap();
    bin()
        .args(["migrate", "--manifest-path"])
        .arg(dir.path().join("Cargo.toml"))
        .arg("history")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`cargo metadata` failed"));
}

#[test]
fn config_value_of_the_wrong_type_names_file_and_key() {
    let ws = Workspace::new();
    ws.write("Cargo.toml", "[workspace]\nmembers = [\"crates/db\"]\n\n[workspace.metadata.migrate]\nmigrations = 7\n");
    let out = ws.bare_cmd().arg("history").assert().code(2).get_output().clone();
    let err = stderr(&out);
    assert!(
        err.contains("Cargo.toml") && err.contains("workspace.metadata.migrate.migrations") && err.contains("expected a string, found number `7`"),
        "{err}"
    );
    ws.write("Cargo.toml", "[workspace]\nmembers = [\"crates/db\"]\n\n[workspace.metadata.migrate]\nmodels = \"ok\"\nmigratons = \"typo\"\n");
    ws.bare_cmd().arg("history").assert().code(2).stderr(predicate::str::contains("migratons").and(predicate::str::contains("unknown key")));
}

#[test]
fn unreachable_database_names_host_and_database_but_not_the_password() {
    let ws = Workspace::new();
    ws.blog_chain();
    let out = ws.bare_cmd().env("DATABASE_URL", "postgres://app:hunter2@127.0.0.1:1/shop").arg("current").assert().code(3).get_output().clone();
    let err = stderr(&out);
    assert!(err.contains("could not connect to PostgreSQL database `shop` on 127.0.0.1:1"), "{err}");
    assert!(err.contains("postgres://app:***@127.0.0.1:1/shop"), "{err}");
    assert!(!err.contains("hunter2") && !stdout(&out).contains("hunter2"), "{err}");
    // Verbose output redacts too.
    let out = ws.bare_cmd().env("DATABASE_URL", "postgres://app:hunter2@127.0.0.1:1/shop").args(["-v", "upgrade"]).assert().code(3).get_output().clone();
    assert!(!stderr(&out).contains("hunter2"), "{}", stderr(&out));
}

#[test]
fn wait_retries_until_the_deadline() {
    let ws = Workspace::new();
    let started = std::time::Instant::now();
    ws.bare_cmd().env("DATABASE_URL", "postgres://app@127.0.0.1:1/shop").args(["--wait", "2", "current"]).assert().code(3);
    assert!(started.elapsed() >= std::time::Duration::from_secs(2));
}

#[test]
fn missing_url_and_unknown_schemes_are_explained() {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.bare_cmd().arg("current").assert().code(2).stderr(predicate::str::contains("no database URL: set DATABASE_URL"));
    ws.bare_cmd().env("DATABASE_URL", "redis://x").arg("current").assert().code(2).stderr(predicate::str::contains("unknown scheme"));
    ws.bare_cmd().env("DATABASE_URL", "sqlite:///no/such/dir/x.db").arg("current").assert().code(3).stderr(predicate::str::contains("does not exist"));
}

#[test]
fn dotenv_and_flags_set_the_url_in_order() {
    let ws = Workspace::new();
    ws.blog_chain();
    let db = TestDb::new(cargo_migrate::backend::Backend::Sqlite).unwrap();
    ws.write(".env", &format!("DATABASE_URL={}\n", db.url()));
    ws.bare_cmd().arg("upgrade").assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
    // The environment wins over .env, and --database-url over both.
    let other = TestDb::new(cargo_migrate::backend::Backend::Sqlite).unwrap();
    ws.bare_cmd().env("DATABASE_URL", other.url()).args(["upgrade", "0001"]).assert().success();
    assert_eq!(other.applied_versions(), ["0001"]);
    let third = TestDb::new(cargo_migrate::backend::Backend::Sqlite).unwrap();
    ws.bare_cmd().env("DATABASE_URL", other.url()).args(["--database-url", third.url(), "upgrade", "0002"]).assert().success();
    assert_eq!(third.applied_versions(), ["0001", "0002"]);
    assert_eq!(other.applied_versions(), ["0001"]);
}

#[test]
fn configured_default_url_and_env_var_name() {
    let ws = Workspace::new();
    ws.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/db\"]\n\n[workspace.metadata.migrate]\ndatabase_url_env = \"APP_DB\"\ndatabase_url = \"sqlite://local.sqlite3\"\n",
    );
    ws.blog_chain();
    ws.bare_cmd().env("DATABASE_URL", "postgres://ignored@127.0.0.1:1/x").arg("upgrade").assert().success();
    assert!(ws.path().join("local.sqlite3").is_file(), "default URL is relative to the workspace root");
    let db = TestDb::new(cargo_migrate::backend::Backend::Sqlite).unwrap();
    ws.bare_cmd().env("APP_DB", db.url()).args(["upgrade", "0001"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001"]);
}

#[test]
fn help_and_version() {
    let out = bin().args(["migrate", "--help"]).assert().success().get_output().clone();
    let help = stdout(&out);
    for cmd in ["init", "upgrade", "downgrade", "current", "history", "heads", "show", "stamp", "redo", "resolve", "models"] {
        assert!(help.contains(cmd), "--help lacks {cmd}:\n{help}");
    }
    assert!(help.contains("Exit codes"), "{help}");
    for cmd in ["upgrade", "downgrade", "stamp", "history", "init"] {
        bin().args(["migrate", cmd, "--help"]).assert().success().stdout(predicate::str::contains("Usage: cargo migrate"));
    }
    bin().args(["migrate", "--version"]).assert().success().stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
    // Direct invocation without the `migrate` word works too.
    bin().arg("--version").assert().success();
    bin().args(["migrate", "frobnicate"]).assert().code(2);
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let ws = Workspace::new();
    ws.blog_chain();
    let db = TestDb::new(cargo_migrate::backend::Backend::Sqlite).unwrap();
    let out = ws.cmd(&db).args(["--color", "always", "upgrade", "+1"]).env_remove("NO_COLOR").assert().success().get_output().clone();
    assert!(stderr(&out).contains("\x1b[32mapplied\x1b[0m"), "{:?}", stderr(&out));
    // `auto` off a terminal, and NO_COLOR, mean plain text.
    let out = ws.cmd(&db).args(["upgrade", "+1"]).env_remove("NO_COLOR").assert().success().get_output().clone();
    assert!(!stderr(&out).contains('\x1b'), "{:?}", stderr(&out));
    let out = ws.cmd(&db).args(["--color", "never", "upgrade"]).assert().success().get_output().clone();
    assert!(!stderr(&out).contains('\x1b'));
    let out = ws.cmd(&db).args(["--color", "always", "downgrade", "nope"]).env_remove("NO_COLOR").assert().code(2).get_output().clone();
    assert!(stderr(&out).contains("\x1b[31merror\x1b[0m"), "{:?}", stderr(&out));
}

#[test]
fn quiet_prints_only_errors() {
    let ws = Workspace::new();
    ws.blog_chain();
    let db = TestDb::new(cargo_migrate::backend::Backend::Sqlite).unwrap();
    ws.cmd(&db).args(["-q", "upgrade"]).assert().success().stdout("").stderr("");
    ws.cmd(&db).args(["-q", "upgrade", "nope"]).assert().code(2).stderr(predicate::str::contains("error: can't locate revision"));
}

#[test]
fn cargo_finds_us_as_a_subcommand() {
    let bin = assert_cmd::cargo::cargo_bin("cargo-migrate");
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    let ws = Workspace::new();
    ws.blog_chain();
    let out = std::process::Command::new(env!("CARGO")).args(["migrate", "history"]).current_dir(ws.path()).env("PATH", path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("0002 -> 0003 (head), add phone to users"));
}

#[test]
fn stamp_sql_prints_the_state_statements() {
    let ws = Workspace::new();
    ws.blog_chain();
    let out = ws.bare_cmd().env("DATABASE_URL", "postgres://u:secret@db.invalid/x").args(["stamp", "0002", "--sql"]).assert().success().get_output().clone();
    let sql = stdout(&out);
    assert!(sql.contains("VALUES ('0001');\n") && sql.contains("VALUES ('0002');") && !sql.contains("'0003'"), "{sql}");
}
