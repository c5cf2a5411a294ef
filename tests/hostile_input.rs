//! Hostile or broken input: every case is refused with a message naming the file and
//! the fix, or handled correctly; nothing is half-run, nothing outside the workspace is
//! read, no secret is printed and no name can inject SQL. (Hostile `-m` messages:
//! `revision.rs`; names in the state tables: `apply.rs`.)

mod common;

use cargo_migrate::backend::Backend;
use common::{stderr, stdout, TestDb, Workspace};
use predicates::prelude::*;

backend_tests!(odd_directory_names_apply_record_and_revert, empty_migrations_apply_and_revert, sql_in_model_names_is_quoted_everywhere);

/// Writes migration `name` revising `revises`, with raw metadata bytes.
fn raw_migration(ws: &Workspace, name: &str, up: &[u8], down: &[u8], metadata: &[u8]) {
    let dir = ws.migrations().join(name);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("up.sql"), up).unwrap();
    std::fs::write(dir.join("down.sql"), down).unwrap();
    std::fs::write(dir.join("metadata.toml"), metadata).unwrap();
}

/// `check` fails naming `expected`, and `upgrade` refuses before running anything.
fn refused(ws: &Workspace, expected: &str) {
    let out = ws.bare_cmd().arg("check").assert().code(1).get_output().clone();
    assert!(stdout(&out).contains(expected), "check:\n{}", stdout(&out));
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let out = ws.cmd(&db).arg("upgrade").assert().code(1).get_output().clone();
    assert!(stderr(&out).contains(expected), "upgrade:\n{}", stderr(&out));
    assert!(db.applied_versions().is_empty(), "nothing may run");
    assert!(!db.has_table("t1"));
}

#[test]
fn malformed_metadata_is_reported_once_and_nothing_runs() {
    let cases: [(&str, &[u8], &str); 5] = [
        ("invalid TOML", b"revises = \"0001\"\nmessage = [\n", "0002_b/metadata.toml: line 2: invalid TOML"),
        ("revises of the wrong type", b"revises = 1\n", "`revises` must be a string"),
        ("a flag of the wrong type", b"revises = \"0001\"\nrun_in_transaction = \"yes\"\n", "`run_in_transaction` must be true or false"),
        ("not UTF-8", b"revises = \"0001\"\nmessage = \"\xff\xfe\"\n", "0002_b/metadata.toml: not UTF-8 text"),
        ("binary", b"\x00\x01\x02\x03\x7fELF", "0002_b/metadata.toml"),
    ];
    for (what, metadata, expected) in cases {
        let ws = Workspace::new();
        raw_migration(&ws, "0001_a", b"CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n", b"DROP TABLE t1;\n", b"");
        raw_migration(&ws, "0002_b", b"CREATE TABLE t2 (id INTEGER PRIMARY KEY);\n", b"DROP TABLE t2;\n", metadata);
        refused(&ws, expected);
        // One problem, not its echoes: the chain is not also called forked.
        let out = ws.bare_cmd().arg("check").assert().code(1).get_output().clone();
        assert!(stdout(&out).contains("out of sync: 1 problem(s)"), "{what}:\n{}", stdout(&out));
    }
}

#[test]
fn cycles_and_self_references_in_revises_are_refused() {
    let ws = Workspace::new();
    raw_migration(&ws, "0001_a", b"CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n", b"DROP TABLE t1;\n", b"");
    raw_migration(&ws, "0002_b", b"SELECT 1;\n", b"SELECT 1;\n", b"revises = \"0002\"\n");
    refused(&ws, "0002_b revises 0002, but the revision before it is 0001");

    // 0001 -> 0002 -> 0001.
    raw_migration(&ws, "0001_a", b"CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n", b"DROP TABLE t1;\n", b"revises = \"0002\"\n");
    raw_migration(&ws, "0002_b", b"SELECT 1;\n", b"SELECT 1;\n", b"revises = \"0001\"\n");
    refused(&ws, "0001_a is the first migration but revises 0002");

    // A path or SQL where a revision belongs.
    raw_migration(&ws, "0001_a", b"CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n", b"DROP TABLE t1;\n", b"");
    raw_migration(&ws, "0002_b", b"SELECT 1;\n", b"SELECT 1;\n", b"revises = \"../0001'); DROP TABLE t1; --\"\n");
    refused(&ws, "0002_b/metadata.toml: `revises` must be a revision number such as \"0004\"");
}

#[test]
fn links_outside_the_migrations_directory_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("evil.sql"), "CREATE TABLE evil (id INTEGER PRIMARY KEY);\n").unwrap();
    std::fs::write(outside.path().join("metadata.toml"), "revises = \"0001\"\n").unwrap();
    let link = |ws: &Workspace, target: &std::path::Path, at: &str| {
        let at = ws.migrations().join(at);
        let _ = std::fs::remove_file(&at);
        std::os::unix::fs::symlink(target, at).unwrap();
    };
    let fresh = || {
        let ws = Workspace::new();
        raw_migration(&ws, "0001_a", b"CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n", b"DROP TABLE t1;\n", b"");
        raw_migration(&ws, "0002_b", b"SELECT 1;\n", b"SELECT 1;\n", b"revises = \"0001\"\n");
        ws
    };
    // The whole migration directory.
    let ws = fresh();
    std::fs::remove_dir_all(ws.migrations().join("0002_b")).unwrap();
    std::fs::copy(outside.path().join("evil.sql"), outside.path().join("up.sql")).unwrap();
    std::fs::write(outside.path().join("down.sql"), "").unwrap();
    link(&ws, outside.path(), "0002_b");
    refused(&ws, "0002_b` is a link to");
    // Each file of a migration.
    for file in ["up.sql", "down.sql", "metadata.toml"] {
        let ws = fresh();
        let target = if file == "metadata.toml" { outside.path().join(file) } else { outside.path().join("evil.sql") };
        link(&ws, &target, &format!("0002_b/{file}"));
        refused(&ws, &format!("0002_b/{file}` is a link to `{}`, outside the migrations directory", target.canonicalize().unwrap().display()));
        let out = ws.bare_cmd().args(["upgrade", "--sql"]).assert().code(1).get_output().clone();
        assert!(!stdout(&out).contains("evil"), "{file}: the offline script must not include it either");
    }
    // A link that stays inside (a shared file) is fine; so is one that dangles, as a missing file.
    let ws = fresh();
    std::fs::write(ws.migrations().join("shared_down.sql"), "SELECT 1;\n").unwrap();
    link(&ws, std::path::Path::new("../shared_down.sql"), "0002_b/down.sql");
    ws.bare_cmd().arg("check").assert().success();
    link(&ws, std::path::Path::new("../nowhere.sql"), "0002_b/down.sql");
    ws.bare_cmd().arg("check").assert().code(1).stdout(predicate::str::contains("0002_b: `down.sql` is missing"));
}

#[test]
fn unreadable_or_truncating_sql_is_refused_before_anything_runs() {
    let db = TestDb::new(Backend::Sqlite).unwrap();
    // Not UTF-8: named with the byte offset.
    let ws = Workspace::new();
    raw_migration(&ws, "0001_a", b"CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n", b"DROP TABLE t1;\n", b"");
    raw_migration(&ws, "0002_b", b"CREATE TABLE t2 (id INTEGER PRIMARY KEY);\n\xff\xfe\x00\x01", b"", b"revises = \"0001\"\n");
    ws.cmd(&db).arg("upgrade").assert().code(2).stderr(predicate::str::contains("0002_b/up.sql: not UTF-8 text (byte 42)"));
    assert!(db.applied_versions().is_empty(), "the whole plan is read before anything runs");
    // A NUL byte: database client libraries stop reading the SQL there, so what
    // follows it would be silently skipped and the migration recorded as applied.
    raw_migration(&ws, "0002_b", b"CREATE TABLE t2 (id INTEGER PRIMARY KEY);\n\x00\nCREATE TABLE t3 (id INTEGER PRIMARY KEY);\n", b"", b"revises = \"0001\"\n");
    ws.cmd(&db)
        .arg("upgrade")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("0002_b/up.sql:2: a NUL byte").and(predicate::str::contains("nothing was run")));
    assert!(db.applied_versions().is_empty());
    // An unterminated string or comment.
    raw_migration(&ws, "0002_b", b"CREATE TABLE t2 (id INTEGER PRIMARY KEY);\nINSERT INTO t2 VALUES ('oops);\n", b"", b"revises = \"0001\"\n");
    ws.cmd(&db)
        .arg("upgrade")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("0002_b/up.sql").and(predicate::str::contains("unterminated")).and(predicate::str::contains("nothing was run")));
    assert!(db.applied_versions().is_empty());
    assert!(!db.has_table("t1"));
}

/// Spaces, quotes, unicode, `..` and a name at the file system's limit: applied,
/// recorded under their own names, listed and reverted.
fn odd_directory_names_apply_record_and_revert(db: TestDb) {
    let ws = Workspace::new();
    let names = [
        "0001_with space".to_string(),
        "0002_名前_✓".to_string(),
        "0003_it's \"quoted\"; --".to_string(),
        "0004_..".to_string(),
        format!("0005_{}", "x".repeat(250)),
    ];
    for (i, name) in names.iter().enumerate() {
        let n = i + 1;
        let revises = if n > 1 { format!("revises = \"{:04}\"\n", n - 1) } else { String::new() };
        raw_migration(
            &ws,
            name,
            format!("CREATE TABLE t{n} (id INTEGER PRIMARY KEY);\n").as_bytes(),
            format!("DROP TABLE t{n};\n").as_bytes(),
            revises.as_bytes(),
        );
    }
    ws.cmd(&db).args(["upgrade", "head"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003", "0004", "0005"]);
    assert_eq!(db.texts("SELECT name AS value FROM __cargo_migrate_applied ORDER BY version"), names);
    let out = ws.cmd(&db).arg("history").assert().success().get_output().clone();
    for title in ["with space", "名前 ✓", "it's \"quoted\"; --", "0004, ..", &"x".repeat(250)] {
        assert!(stdout(&out).contains(title), "{}", stdout(&out));
    }
    ws.cmd(&db).arg("current").assert().success().stdout(predicate::str::contains(format!("0005_{} (head)", "x".repeat(250))));
    ws.cmd(&db).args(["downgrade", "base"]).assert().success();
    assert!(db.applied_versions().is_empty());
    assert!(!db.has_table("t1") && !db.has_table("t5"));
}

/// Table and column names (`#[sql_name]`) holding quotes, backticks, a statement
/// separator, a comment marker and unicode: generated, applied, introspected (no
/// drift) and dropped on every backend, as names.
fn sql_in_model_names_is_quoted_everywhere(db: TestDb) {
    let ws = Workspace::new();
    ws.write(
        "crates/db/src/lib.rs",
        "diesel::table! {\n    #[sql_name = \"weird \\\"name\\\"; DROP TABLE x; -- 名前\"]\n    users (id) {\n        id -> Int4,\n        #[sql_name = \"col`umn' with space\"]\n        c -> Nullable<Text>,\n    }\n}\n",
    );
    ws.cmd(&db).args(["revision", "--autogenerate", "-m", "create"]).assert().success();
    ws.cmd(&db).arg("upgrade").assert().success();
    assert!(db.has_table("weird \"name\"; DROP TABLE x; -- 名前"));
    assert_eq!(db.columns("weird \"name\"; DROP TABLE x; -- 名前"), ["col`umn' with space", "id"]);
    ws.cmd(&db).args(["check", "--db"]).assert().success();
    ws.cmd(&db).args(["downgrade", "base"]).assert().success();
    assert!(!db.has_table("weird \"name\"; DROP TABLE x; -- 名前"));
}

/// An empty `up.sql` (or only comments) is a migration that does nothing, as in
/// Diesel: applied and reverted on every backend, not an error.
fn empty_migrations_apply_and_revert(db: TestDb) {
    let ws = Workspace::new();
    raw_migration(&ws, "0001_empty", b"", b"", b"");
    raw_migration(&ws, "0002_comments", b"-- nothing yet\n/* still nothing */\n", b"  \n\n", b"revises = \"0001\"\n");
    ws.cmd(&db).args(["upgrade", "head"]).assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002"]);
    ws.cmd(&db).args(["downgrade", "base"]).assert().success();
    assert!(db.applied_versions().is_empty());
}

#[test]
fn models_that_are_not_utf8_fail_naming_the_file() {
    let ws = Workspace::new();
    std::fs::write(ws.path().join("crates/db/src/lib.rs"), b"diesel::table! { users (id) { id -> Int4, } }\n// \xff\xfe\n").unwrap();
    for args in [&["models"][..], &["--database-url", "sqlite://x.db", "revision", "--autogenerate", "-m", "x"]] {
        let out = ws.bare_cmd().args(args).assert().code(2).get_output().clone();
        assert!(stderr(&out).contains("crates/db/src/lib.rs") && stderr(&out).contains("UTF-8"), "{args:?}:\n{}", stderr(&out));
    }
    assert!(!ws.migrations().join("0001_x").exists());
}

#[test]
fn a_ten_megabyte_models_file_is_read() {
    let ws = Workspace::new();
    // 10 MB of models: 4,000 tables of 20 columns with doc comments.
    let mut text = String::with_capacity(10_500_000);
    let mut t = 0;
    while text.len() < 10_000_000 {
        text.push_str(&format!(
            "/// Table number {t}, with a doc comment long enough to make the file realistic.\ndiesel::table! {{\n    table_{t} (id) {{\n        id -> Int4,\n"
        ));
        for c in 0..20 {
            text.push_str(&format!(
                "        /// Column {c} of table {t}: some words about what it holds and why it exists here.\n        column_{c} -> Nullable<Varchar>,\n"
            ));
        }
        text.push_str("    }\n}\n\n");
        t += 1;
    }
    ws.write("crates/db/src/lib.rs", &text);
    let out = ws.bare_cmd().args(["--format", "json", "models"]).assert().success().get_output().clone();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["tables"].as_object().map(|o| o.len()), Some(t), "every table is read");
    assert_eq!(v["tables"][format!("table_{}", t - 1)]["columns"].as_array().map(Vec::len), Some(21));

    // 10 MB that is not Rust: a clear error. The timeout only guards against a hang; how
    // fast models are read is `cargo bench --bench registry`'s claim, not a test's.
    ws.write("crates/db/src/lib.rs", &"fn (".repeat(2_500_000));
    ws.bare_cmd().arg("models").timeout(std::time::Duration::from_secs(600)).assert().code(2).stderr(predicate::str::contains("crates/db/src/lib.rs:1"));
}

/// A password in the URL never appears in output: not in errors, not with `-v`,
/// not in JSON, not when a migration fails, not from a `.env` file.
fn a_password_is_never_printed(db: TestDb) {
    let ws = Workspace::new();
    ws.migration(1, "first", "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n", "DROP TABLE t1;\n");
    ws.migration(2, "broken", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\nSELECT * FROM no_such_table;\n", "DROP TABLE t2;\n");
    // PostgreSQL here trusts local connections, so the URL works with any password;
    // MariaDB's root has none, so the same URL is refused: both paths are covered.
    let url = db.url().replacen('@', ":hunter2-secret@", 1);
    ws.write(".env", &format!("DATABASE_URL={url}\n"));
    let runs: [&[&str]; 7] = [
        &["-v", "upgrade", "head"],
        &["-v", "current"],
        &["--format", "json", "current"],
        &["-v", "history"],
        &["-v", "check", "--db"],
        &["-v", "upgrade", "--sql", "head"],
        &["-vv", "downgrade", "base"],
    ];
    for args in runs {
        let out = ws.bare_cmd().args(args).output().unwrap();
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert!(!all.contains("hunter2"), "{args:?} printed the password:\n{all}");
        if args == ["-v", "upgrade", "head"] {
            let expected = if db.backend == Backend::Postgres { "upgrade of 0002_broken failed" } else { "could not connect" };
            assert!(all.contains(expected), "{all}");
            assert!(all.contains(":***@"), "the URL is shown redacted:\n{all}");
        }
    }
}

server_tests!(password: a_password_is_never_printed);
