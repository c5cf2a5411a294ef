//! `merge`: two git branches each add migrations on one parent; merge renumbers one
//! after the other so `check` passes and `upgrade head` applies both.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use cargo_migrate::migrations::merge::{self, NoHistory, Options, Outcome};
use common::{stderr, stdout, TestDb, Workspace};
use predicates::prelude::*;

const USERS: &str = "diesel::table! {\n    users (id) {\n        id -> Int4,\n        email -> Varchar,\n    }\n}\n";

fn git(ws: &Workspace, args: &[&str], date: &str) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(ws.path())
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success() || args[0] == "merge", "git {args:?}: {text}");
    text
}

/// `revision -m`, then the SQL written into it under the generated header.
fn revision(ws: &Workspace, message: &str, up: &str, down: &str) -> String {
    let out = ws.bare_cmd().args(["revision", "-m", message]).assert().success().get_output().clone();
    let path = stdout(&out).trim().to_string();
    for (file, sql) in [("up.sql", up), ("down.sql", down)] {
        let file = Path::new(&path).join(file);
        let generated = std::fs::read_to_string(&file).unwrap();
        let header: String = generated.lines().take_while(|l| l.starts_with("--")).map(|l| format!("{l}\n")).collect();
        std::fs::write(&file, format!("{header}{sql}")).unwrap();
    }
    Path::new(&path).file_name().unwrap().to_string_lossy().into_owned()
}

fn names(ws: &Workspace) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(ws.migrations())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    v.sort();
    v
}

/// Every file under the migrations directory with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.insert(format!("{}/", p.strip_prefix(dir).unwrap().display()), vec![]);
                stack.push(p);
            } else {
                out.insert(p.strip_prefix(dir).unwrap().display().to_string(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

backend_tests!(two_git_branches_are_merged_and_applied_in_order, the_applied_branch_stays, moving_an_applied_branch_is_refused_with_the_downgrade_to_run);

/// The issue's scenario: a base chain of four, branch `profile` adds 0005 and 0006,
/// branch `tags` adds its own 0005; both are merged in git.
fn two_git_branches_are_merged_and_applied_in_order(db: TestDb) {
    let ws = Workspace::new();
    ws.write("crates/db/src/users.rs", USERS);
    ws.blog_chain();
    revision(&ws, "create comments", "CREATE TABLE comments (id INTEGER PRIMARY KEY, body VARCHAR(200) NOT NULL);\n", "DROP TABLE comments;\n");
    git(&ws, &["init", "-q"], "2026-11-01T10:00:00Z");
    git(&ws, &["add", "-A"], "2026-11-01T10:00:00Z");
    git(&ws, &["commit", "-qm", "base"], "2026-11-01T10:00:00Z");

    git(&ws, &["checkout", "-qb", "profile"], "2026-11-02T10:00:00Z");
    ws.write("crates/db/src/users.rs", &USERS.replace("email -> Varchar,", "email -> Varchar,\n        bio -> Nullable<Text>,"));
    revision(&ws, "add bio", "ALTER TABLE users ADD COLUMN bio VARCHAR(200);\n", "ALTER TABLE users DROP COLUMN bio;\n");
    git(&ws, &["add", "-A"], "2026-11-02T10:00:00Z");
    git(&ws, &["commit", "-qm", "bio"], "2026-11-02T10:00:00Z");
    ws.write(
        "crates/db/src/users.rs",
        &USERS.replace("email -> Varchar,", "email -> Varchar,\n        bio -> Nullable<Text>,\n        avatar -> Nullable<Text>,"),
    );
    revision(&ws, "add avatar", "ALTER TABLE users ADD COLUMN avatar VARCHAR(200);\n", "ALTER TABLE users DROP COLUMN avatar;\n");
    git(&ws, &["add", "-A"], "2026-11-03T10:00:00Z");
    git(&ws, &["commit", "-qm", "avatar"], "2026-11-03T10:00:00Z");

    git(&ws, &["checkout", "-q", "main"], "2026-11-04T10:00:00Z");
    git(&ws, &["checkout", "-qb", "tags"], "2026-11-04T10:00:00Z");
    ws.write("crates/db/src/tags.rs", "diesel::table! {\n    tags (id) {\n        id -> Int4,\n        name -> Varchar,\n    }\n}\n");
    revision(&ws, "create tags", "CREATE TABLE tags (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);\n", "DROP TABLE tags;\n");
    git(&ws, &["add", "-A"], "2026-11-04T10:00:00Z");
    git(&ws, &["commit", "-qm", "tags"], "2026-11-04T10:00:00Z");

    // Merge both into main; the snapshot conflicts (each branch recorded its own head).
    git(&ws, &["checkout", "-q", "main"], "2026-11-05T10:00:00Z");
    git(&ws, &["merge", "-q", "profile"], "2026-11-05T10:00:00Z");
    git(&ws, &["merge", "-q", "--no-edit", "tags"], "2026-11-05T10:00:00Z");
    git(&ws, &["add", "-A"], "2026-11-05T10:00:00Z");
    git(&ws, &["commit", "-qm", "merge tags", "--allow-empty"], "2026-11-05T10:00:00Z");
    assert_eq!(
        names(&ws),
        ["0001_create_users", "0002_create_posts", "0003_add_phone_to_users", "0004_create_comments", "0005_add_bio", "0005_create_tags", "0006_add_avatar"]
    );

    let out = ws.bare_cmd().arg("check").assert().code(1).get_output().clone();
    let text = stdout(&out);
    assert!(text.contains("revision 0005 is used by 2 directories: 0005_add_bio, 0005_create_tags"), "{text}");

    let out = ws.cmd(&db).arg("merge").assert().success().get_output().clone();
    let text = stdout(&out);
    assert!(text.contains("keep (its first migration was committed first, per git): 0005_add_bio, 0006_add_avatar"), "{text}");
    assert!(text.contains("0005_create_tags -> 0007_create_tags  (revises 0006)"), "{text}");
    // Each branch recorded its own head in the snapshot, so git left conflict markers in it.
    assert!(text.contains("schema_snapshot.json: unreadable (merge conflict?), regenerated from the models at revision 0007"), "{text}");
    assert_eq!(
        names(&ws),
        ["0001_create_users", "0002_create_posts", "0003_add_phone_to_users", "0004_create_comments", "0005_add_bio", "0006_add_avatar", "0007_create_tags"]
    );
    assert!(ws.read("migrations/0007_create_tags/metadata.toml").contains("revises = \"0006\""));
    // The generated headers follow the new numbers.
    assert!(ws.read("migrations/0007_create_tags/up.sql").starts_with("-- create tags\n-- revision 0007, revises 0006, created "));
    assert!(ws.read("migrations/0007_create_tags/down.sql").starts_with("-- Reverts 0007: create tags\n"));
    assert!(ws.read("migrations/0007_create_tags/up.sql").ends_with("\nCREATE TABLE tags (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);\n"));
    ws.bare_cmd().arg("check").assert().success().stdout(predicate::str::contains("head 0007_create_tags"));

    ws.cmd(&db).args(["upgrade", "head"]).assert().success();
    let applied = db.applied_versions();
    assert_eq!(applied, ["0001", "0002", "0003", "0004", "0005", "0006", "0007"]);
    assert!(db.has_table("tags"));
    assert!(db.columns("users").contains(&"avatar".to_string()));
    let order = db.texts("SELECT name AS value FROM __cargo_migrate_applied ORDER BY version");
    assert_eq!(order[4..], ["0005_add_bio", "0006_add_avatar", "0007_create_tags"]);
    // The database is at head with nothing edited or unknown. (This test's models
    // describe only part of its hand-written schema, so `check --db` reports drift.)
    let out = ws.cmd(&db).args(["--format", "json", "check", "--db"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let kinds: Vec<&str> = v["problems"].as_array().unwrap().iter().map(|p| p["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["db-drift"], "{v}");
}

/// 0001..0003 and two branches of one migration each, `right` created earlier.
fn forked_workspace() -> Workspace {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.migration(4, "left", "CREATE TABLE l (id INTEGER PRIMARY KEY);\n", "DROP TABLE l;\n");
    ws.migration(4, "right", "CREATE TABLE r (id INTEGER PRIMARY KEY);\n", "DROP TABLE r;\n");
    let meta = ws.read("migrations/0004_right/metadata.toml").replace("2026-11-01T00:00:00Z", "2026-10-01T00:00:00Z");
    ws.write("migrations/0004_right/metadata.toml", &meta);
    ws
}

/// With nothing of the fork applied there is no branch to follow: `downgrade`
/// refuses the forked chain like every other command.
#[test]
fn downgrade_refuses_a_fork_the_database_has_no_branch_of() {
    let ws = forked_workspace();
    let db = TestDb::new(cargo_migrate::backend::Backend::Sqlite).unwrap();
    ws.cmd(&db).args(["downgrade", "base"]).assert().code(1).stderr(predicate::str::contains("multiple head revisions are present: 0004_left, 0004_right"));
}

#[test]
fn without_history_the_older_created_stays_and_keep_overrides_it() {
    let ws = forked_workspace();
    ws.bare_cmd().args(["merge", "--dry-run"]).assert().success().stdout(predicate::str::contains("0004_left -> 0005_left"));
    ws.bare_cmd()
        .args(["merge", "--keep", "left"])
        .assert()
        .success()
        .stdout(predicate::str::contains("keep (--keep): 0004_left").and(predicate::str::contains("0004_right -> 0005_right  (revises 0004)")));
    assert_eq!(names(&ws)[3..], ["0004_left", "0005_right"]);
    ws.bare_cmd().arg("check").assert().success();
    // Nothing left to merge.
    ws.bare_cmd().arg("merge").assert().success().stdout(predicate::str::contains("nothing to merge: one head, 0005_right"));
}

#[test]
fn keep_errors_are_usage_errors() {
    let ws = forked_workspace();
    ws.bare_cmd().args(["merge", "--keep", "nope"]).assert().code(2).stderr(predicate::str::contains("choose one of: 0004_left, 0004_right"));
    ws.bare_cmd().args(["merge", "--keep", "0004"]).assert().code(2).stderr(predicate::str::contains("matches migrations of 2 branches"));
    ws.bare_cmd().args(["merge", "tails"]).assert().code(2);
}

#[test]
fn merge_heads_is_the_alembic_spelling_and_dry_run_changes_no_byte() {
    let ws = forked_workspace();
    ws.write("migrations/schema_snapshot.json", "<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> other\n");
    let before = tree(&ws.migrations());
    let out = ws.bare_cmd().args(["merge", "heads", "--dry-run"]).assert().success().get_output().clone();
    let text = stdout(&out);
    assert!(text.contains("2 branches fork from 0003_add_phone_to_users") && text.contains("0004_left -> 0005_left"), "{text}");
    assert!(text.contains("regenerated from the models at revision 0005"), "{text}");
    assert!(stderr(&out).contains("dry run: nothing was changed"));
    assert_eq!(tree(&ws.migrations()), before);
    let out = ws.bare_cmd().args(["--format", "json", "merge", "--dry-run"]).assert().success().get_output().clone();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["renames"], serde_json::json!([{ "from": "0004_left", "to": "0005_left", "revises": "0004" }]), "{v}");
    assert_eq!((v["merged"].as_bool(), v["head"].as_str(), v["snapshot_regenerated"].as_bool()), (Some(false), Some("0005_left"), Some(true)));
    assert_eq!(tree(&ws.migrations()), before);
    ws.bare_cmd().args(["merge", "heads"]).assert().success();
    let snap = cargo_migrate::migrations::snapshot::read(&ws.migrations()).unwrap().unwrap();
    assert_eq!(snap.revision.as_deref(), Some("0005"));
    ws.bare_cmd().arg("check").assert().success();
}

#[test]
fn nothing_to_merge_exits_zero() {
    let ws = Workspace::new();
    ws.bare_cmd().arg("merge").assert().success().stdout("nothing to merge: no migrations yet\n");
    ws.blog_chain();
    ws.bare_cmd().args(["merge", "heads"]).assert().success().stdout(predicate::str::contains("one head, 0003_add_phone_to_users (3 migration(s))"));
    // A linear chain needs no database, even when the configured one is unreachable.
    ws.bare_cmd().env("DATABASE_URL", "postgres://nobody@127.0.0.1:1/x").arg("merge").assert().success();
    // A hole is not a fork: refused, exit 1.
    std::fs::remove_dir_all(ws.migrations().join("0002_create_posts")).unwrap();
    ws.bare_cmd().arg("merge").assert().code(1).stderr(predicate::str::contains("no two migrations share a number"));
}

#[test]
fn a_failure_midway_leaves_the_original_names() {
    let ws = forked_workspace();
    ws.write("migrations/schema_snapshot.json", &cargo_migrate::migrations::snapshot::Snapshot::new(Some("0004".into()), &Default::default()).to_json());
    let before = tree(&ws.migrations());
    let Outcome::Merge(plan) = merge::plan(&ws.migrations(), &Options { keep: None, db: None }, &NoHistory, &|| Ok(Default::default())).unwrap() else {
        panic!("a fork")
    };
    // After planning, the snapshot's place is taken by a directory: the last step fails,
    // after every rename and metadata rewrite.
    std::fs::rename(ws.migrations().join("schema_snapshot.json"), ws.path().join("snap.json")).unwrap();
    std::fs::create_dir_all(ws.migrations().join("schema_snapshot.json/x")).unwrap();
    let e = merge::apply(&plan).unwrap_err().to_string();
    assert!(e.contains("schema_snapshot.json"), "{e}");
    std::fs::remove_dir_all(ws.migrations().join("schema_snapshot.json")).unwrap();
    std::fs::rename(ws.path().join("snap.json"), ws.migrations().join("schema_snapshot.json")).unwrap();
    assert_eq!(tree(&ws.migrations()), before);
}

fn the_applied_branch_stays(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.migration(4, "left", "CREATE TABLE l (id INTEGER PRIMARY KEY);\n", "DROP TABLE l;\n");
    ws.cmd(&db).arg("upgrade").assert().success();
    // `right` arrives from another branch, created earlier: age alone would keep it.
    ws.migration(4, "right", "CREATE TABLE r (id INTEGER PRIMARY KEY);\n", "DROP TABLE r;\n");
    let meta = ws.read("migrations/0004_right/metadata.toml").replace("2026-11-01T00:00:00Z", "2026-10-01T00:00:00Z");
    ws.write("migrations/0004_right/metadata.toml", &meta);
    ws.cmd(&db)
        .arg("merge")
        .assert()
        .success()
        .stdout(predicate::str::contains("keep (the database applied it): 0004_left").and(predicate::str::contains("0004_right -> 0005_right")));
    ws.cmd(&db).arg("upgrade").assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003", "0004", "0005"]);
    assert!(db.has_table("l") && db.has_table("r"));
}

fn moving_an_applied_branch_is_refused_with_the_downgrade_to_run(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.migration(4, "left", "CREATE TABLE l (id INTEGER PRIMARY KEY);\n", "DROP TABLE l;\n");
    ws.cmd(&db).arg("upgrade").assert().success();
    ws.migration(4, "right", "CREATE TABLE r (id INTEGER PRIMARY KEY);\n", "DROP TABLE r;\n");
    let before = tree(&ws.migrations());
    ws.cmd(&db).args(["merge", "--keep", "0004_right"]).assert().code(1).stderr(
        predicate::str::contains("would renumber 0004_left, which the configured database has applied")
            .and(predicate::str::contains("`cargo migrate downgrade 0003`")),
    );
    assert_eq!(tree(&ws.migrations()), before);
    // Other commands refuse the forked chain; `downgrade` follows the applied branch.
    ws.cmd(&db).arg("upgrade").assert().code(1).stderr(predicate::str::contains("multiple head revisions"));
    ws.cmd(&db).args(["downgrade", "0003"]).assert().success().stderr(
        predicate::str::contains("several heads; rolling back along the branch the database applied (up to 0004_left)")
            .and(predicate::str::contains("reverted 0004_left")),
    );
    assert!(!db.has_table("l"));
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
    ws.cmd(&db).args(["merge", "--keep", "0004_right"]).assert().success();
    assert_eq!(names(&ws)[3..], ["0004_right", "0005_left"]);
    ws.cmd(&db).arg("upgrade").assert().success();
    assert!(db.has_table("l") && db.has_table("r"));
}
