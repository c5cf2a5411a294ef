//! `cargo migrate models` end to end: a multi-crate workspace with nested modules
//! (the registry's fixture) and the bundled example, whole JSON output compared.

mod common;

use std::path::Path;

use common::{stderr, stdout, Workspace};
use predicates::prelude::*;

fn copy_dir(src: &Path, dst: &Path) {
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        let to = dst.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
            copy_dir(&entry.path(), &to);
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
}

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&stdout(out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

#[test]
fn models_json_over_crates_and_nested_modules_matches_the_fixture() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let ws = Workspace::new();
    copy_dir(&fixture.join("models"), ws.path());
    ws.write("Cargo.toml", "[workspace]\nmembers = [\"crates/db\", \"crates/billing\"]\n\n[workspace.metadata.migrate]\nmodels = [\"crates/*/src/models\"]\n");
    ws.write("crates/db/Cargo.toml", "[package]\nname = \"db\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
    ws.write("crates/db/src/lib.rs", "pub mod models;\n");
    ws.write("crates/billing/Cargo.toml", "[package]\nname = \"billing\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
    ws.write("crates/billing/src/lib.rs", "pub mod models;\n");
    let out = ws.bare_cmd().args(["--format", "json", "models"]).assert().success().get_output().clone();
    let expected: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(fixture.join("models.expected.json")).unwrap()).unwrap();
    assert_eq!(json(&out), expected);
    assert!(stderr(&out).contains("tables"), "{}", stderr(&out));
}

#[test]
fn models_of_the_example_workspace() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations_example");
    let mut cmd = assert_cmd::Command::cargo_bin("cargo-migrate").unwrap();
    let out =
        cmd.arg("migrate").arg("--manifest-path").arg(example.join("Cargo.toml")).args(["--format", "json", "models"]).assert().success().get_output().clone();
    let expected: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(example.join("models.expected.json")).unwrap()).unwrap();
    assert_eq!(json(&out), expected, "regenerate migrations_example/models.expected.json if the example's models changed on purpose");
}

#[test]
fn models_errors_name_file_and_line() {
    let ws = Workspace::new();
    ws.write("crates/db/src/lib.rs", "diesel::table! {\n    users (id) {\n        id -> Int4,\n        name -> Strnig,\n    }\n}\n");
    ws.bare_cmd().arg("models").assert().code(2).stderr(predicate::str::contains("crates/db/src/lib.rs:4").and(predicate::str::contains("Strnig")));
    ws.write("crates/db/src/lib.rs", "diesel::table! {\n    users (id) {\n        id -> Int4,\n        /// @index nope(\n        name -> Text,\n    }\n}\n");
    ws.bare_cmd().arg("models").assert().code(2).stderr(predicate::str::contains("crates/db/src/lib.rs:4"));
    ws.write("crates/db/src/lib.rs", "fn broken( {\n");
    ws.bare_cmd().arg("models").assert().code(2).stderr(predicate::str::contains("crates/db/src/lib.rs:1"));
    ws.write("Cargo.toml", "[workspace]\nmembers = [\"crates/db\"]\n\n[workspace.metadata.migrate]\nmodels = [\"nowhere/*\"]\n");
    ws.bare_cmd().arg("models").assert().code(2).stderr(predicate::str::contains("nowhere/*"));
}
