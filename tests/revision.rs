//! `cargo migrate revision`: numbering, slugs, templates, atomic and race-free writes.

mod common;

use std::process::{Command, Stdio};

use cargo_migrate::backend::Backend;
use common::{stdout, TestDb, Workspace};
use predicates::prelude::*;

#[test]
fn revisions_extend_the_chain_and_apply() {
    let ws = Workspace::new();
    let out = ws.bare_cmd().args(["revision", "-m", "create users"]).assert().success().get_output().clone();
    assert!(stdout(&out).trim_end().ends_with("migrations/0001_create_users"), "{}", stdout(&out));
    ws.bare_cmd().args(["revision", "-m", "Add phone to users!"]).assert().success();
    let meta = ws.read("migrations/0002_add_phone_to_users/metadata.toml");
    assert!(meta.contains("revises = \"0001\"") && meta.contains("message = \"Add phone to users!\"") && meta.contains("run_in_transaction = true"), "{meta}");
    let up = ws.read("migrations/0002_add_phone_to_users/up.sql");
    assert!(up.starts_with("-- Add phone to users!\n-- revision 0002, revises 0001"), "{up}");
    ws.write("migrations/0001_create_users/up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
    ws.write("migrations/0001_create_users/down.sql", "DROP TABLE users;\n");
    let db = TestDb::new(Backend::Sqlite).unwrap();
    ws.cmd(&db).arg("upgrade").assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002"]);
    ws.bare_cmd().args(["history"]).assert().success().stdout(predicate::str::contains("0001 -> 0002 (head), Add phone to users!"));
    ws.bare_cmd().args(["revision", "-m", "concurrent index", "--no-transaction"]).assert().success();
    assert!(ws.read("migrations/0003_concurrent_index/metadata.toml").contains("run_in_transaction = false"));
}

#[test]
fn hostile_messages_give_safe_directory_names() {
    let ws = Workspace::new();
    for msg in ["../../etc/passwd", "$(touch /tmp/pwned); `id` | rm -rf /", "名前 ✓", "a\nb\r\nc", &"x".repeat(300), ""] {
        ws.bare_cmd().args(["revision", "-m", msg]).assert().success();
    }
    let mut names: Vec<String> = std::fs::read_dir(ws.migrations()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names[..5], ["0001_etc_passwd", "0002_touch_tmp_pwned_id_rm_rf", "0003_revision", "0004_a_b_c", format!("0005_{}", "x".repeat(48)).as_str()]);
    assert_eq!(names[5], "0006_revision");
    assert!(!std::path::Path::new("/tmp/pwned").exists());
    // The messages survive intact in metadata.toml.
    ws.bare_cmd().args(["--format", "json", "show", "0002"]).assert().success().stdout(predicate::str::contains("$(touch /tmp/pwned); `id` | rm -rf /"));
}

#[test]
fn concurrent_revisions_never_share_a_number() {
    let ws = Workspace::new();
    let bin = assert_cmd::cargo::cargo_bin("cargo-migrate");
    let children: Vec<_> = (0..6)
        .map(|i| {
            Command::new(&bin)
                .args(["migrate", "revision", "-m", &format!("change {i}")])
                .current_dir(ws.path())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut ok = 0;
    for c in children {
        let out = c.wait_with_output().unwrap();
        if out.status.success() {
            ok += 1;
        } else {
            assert!(String::from_utf8_lossy(&out.stderr).contains("another `cargo migrate revision`"), "{}", String::from_utf8_lossy(&out.stderr));
        }
    }
    // Whatever succeeded forms a valid chain: distinct numbers, each revising the last.
    ws.bare_cmd().arg("history").assert().success();
    let count = std::fs::read_dir(ws.migrations()).unwrap().filter(|e| e.as_ref().unwrap().path().is_dir()).count();
    assert_eq!(count, ok);
    assert!(ok >= 1);
}

#[test]
fn workspace_templates_override_the_built_in_ones() {
    let ws = Workspace::new();
    ws.write("Cargo.toml", "[workspace]\nmembers = [\"crates/db\"]\n\n[workspace.metadata.migrate]\ntemplates = \"db/templates\"\n");
    ws.write("db/templates/up.sql", "-- ACME migration {{ revision }}: {{ message }}\nBEGIN_HERE\n");
    ws.bare_cmd().args(["revision", "-m", "hello"]).assert().success();
    assert_eq!(ws.read("migrations/0001_hello/up.sql"), "-- ACME migration 0001: hello\nBEGIN_HERE\n");
    ws.write("db/templates/down.sql", "{{ broken");
    ws.bare_cmd()
        .args(["revision", "-m", "again"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("db/templates/down.sql").and(predicate::str::contains("template error")));
    assert!(!ws.migrations().join("0002_again").exists());
}

#[test]
fn revision_refuses_on_a_broken_chain() {
    let ws = Workspace::new();
    ws.migration(1, "a", "", "");
    ws.migration(3, "c", "", "");
    ws.bare_cmd().args(["revision", "-m", "next"]).assert().code(1).stderr(predicate::str::contains("revision 0002 is missing"));
}

#[test]
fn a_revision_records_the_models_as_the_snapshot() {
    let ws = Workspace::new();
    ws.write("crates/db/src/lib.rs", "diesel::table! {\n    users (id) {\n        id -> Int4,\n        /// @unique\n        email -> Text,\n    }\n}\n");
    ws.bare_cmd().args(["revision", "-m", "create users"]).assert().success();
    let snap: serde_json::Value = serde_json::from_str(&ws.read("migrations/schema_snapshot.json")).unwrap();
    assert_eq!(snap["revision"], "0001");
    assert_eq!(snap["schema"]["tables"]["users"]["columns"][1]["name"], "email");
    assert_eq!(snap["schema"]["tables"]["users"]["uniques"][0]["name"], "uq_users_email");
    // The snapshot is a file: Diesel would take a subdirectory for a migration.
    assert!(ws.migrations().join("schema_snapshot.json").is_file());

    // Models that do not parse: an error naming file and line, and nothing written
    // (issue 13: a migration whose snapshot silently lagged let `check` say "ok").
    ws.write("crates/db/src/lib.rs", "diesel::table! { users (id) { id -> Nope, } }\n");
    ws.bare_cmd()
        .args(["revision", "-m", "second"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("crates/db/src/lib.rs:1:").and(predicate::str::contains("unknown SQL type `Nope`")));
    assert!(!ws.migrations().join("0002_second").exists());
    let snap: serde_json::Value = serde_json::from_str(&ws.read("migrations/schema_snapshot.json")).unwrap();
    assert_eq!(snap["revision"], "0001");
}
