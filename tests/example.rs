//! The bundled `migrations_example` workspace: the README's main job, and its app
//! embedding the same migrations with `diesel_migrations::embed_migrations!`.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::stdout;
use predicates::prelude::*;

/// A copy of the example, so tests never touch the checked-in directory.
fn copy_example() -> tempfile::TempDir {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations_example");
    let dst = tempfile::Builder::new().prefix("cm-example-").tempdir().unwrap();
    copy_dir(&src, dst.path());
    dst
}

fn copy_dir(src: &Path, dst: &Path) {
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        let name_str = name.to_string_lossy();
        if name_str == "target" || name_str.ends_with(".sqlite3") || name_str == "Cargo.lock" {
            continue;
        }
        let to: PathBuf = dst.join(&name);
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
            copy_dir(&entry.path(), &to);
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
}

fn migrate(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("cargo-migrate").unwrap();
    c.arg("migrate").arg("--manifest-path").arg(dir.join("Cargo.toml")).env("NO_COLOR", "1").env_remove("DATABASE_URL");
    c
}

#[test]
fn example_upgrades_to_head_and_round_trips() {
    let ex = copy_example();
    let out = migrate(ex.path()).args(["upgrade", "head"]).assert().success().get_output().clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("[4/4] applied 0004_add_phone_to_users"), "{err}");
    assert!(ex.path().join("example.sqlite3").is_file(), "the default URL is an SQLite file beside the manifest");
    migrate(ex.path()).arg("current").assert().success().stdout("0004_add_phone_to_users (head)\n");
    migrate(ex.path()).args(["downgrade", "base"]).assert().success();
    migrate(ex.path()).arg("current").assert().success().stdout(predicate::str::starts_with("base"));
    migrate(ex.path()).args(["upgrade", "head"]).assert().success();
    let out = migrate(ex.path()).arg("history").assert().success().get_output().clone();
    assert_eq!(stdout(&out).lines().count(), 4);
}

#[test]
fn example_app_embeds_the_same_migrations() {
    let ex = copy_example();
    migrate(ex.path()).args(["upgrade", "0002"]).assert().success();
    // The app finishes the job with Diesel's embedded migrations at start-up.
    let target = std::env::var("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let out = std::process::Command::new(env!("CARGO"))
        .args(["run", "-q", "-p", "app", "--manifest-path"])
        .arg(ex.path().join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target.join("example"))
        .env("DATABASE_URL", ex.path().join("example.sqlite3"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "applied 2 migration(s) at start-up\n0 user(s)\n");
    migrate(ex.path()).arg("current").assert().success().stdout("0004_add_phone_to_users (head)\n");
    migrate(ex.path()).args(["downgrade", "base"]).assert().success();
}
