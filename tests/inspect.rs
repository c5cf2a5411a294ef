//! `current`, `history`, `heads`, `show`, in text and JSON, and every chain
//! violation each command refuses with.

mod common;

use common::{stderr, stdout, TestDb, Workspace};
use predicates::prelude::*;

backend_tests!(current_and_history_follow_the_database);

fn current_and_history_follow_the_database(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.cmd(&db).args(["upgrade", "0002"]).assert().success();
    let out = ws.cmd(&db).arg("current").assert().success().get_output().clone();
    assert_eq!(stdout(&out), "0002_create_posts\n1 pending: 0003_add_phone_to_users\n");
    let out = ws.cmd(&db).args(["current", "--verbose"]).assert().success().get_output().clone();
    assert!(stdout(&out).contains("0001_create_users  applied 20"), "{}", stdout(&out));

    let out = ws.cmd(&db).args(["--format", "json", "current"]).assert().success().get_output().clone();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["current"], "0002");
    assert_eq!(v["head"], "0003");
    assert_eq!(v["at_head"], false);
    assert_eq!(v["pending"], serde_json::json!(["0003_add_phone_to_users"]));
    assert_eq!(v["applied"].as_array().unwrap().len(), 2);
    assert_eq!(v["applied"][1]["name"], "0002_create_posts");

    let out = ws.cmd(&db).args(["history", "--indicate-current"]).assert().success().get_output().clone();
    assert_eq!(stdout(&out), "0002 -> 0003 (head), add phone to users\n0001 -> 0002 (current), create posts\n<base> -> 0001, create users\n");
    let out = ws.cmd(&db).args(["history", "-r", "current:head"]).assert().success().get_output().clone();
    assert_eq!(stdout(&out), "0002 -> 0003 (head), add phone to users\n0001 -> 0002, create posts\n");
}

#[test]
fn history_heads_and_show_need_no_database() {
    let ws = Workspace::new();
    ws.blog_chain();
    let out = ws.bare_cmd().arg("history").assert().success().get_output().clone();
    assert_eq!(stdout(&out), "0002 -> 0003 (head), add phone to users\n0001 -> 0002, create posts\n<base> -> 0001, create users\n");
    let out = ws.bare_cmd().args(["history", "-r", "base:0002"]).assert().success().get_output().clone();
    assert_eq!(stdout(&out), "0001 -> 0002, create posts\n<base> -> 0001, create users\n");
    let out = ws.bare_cmd().args(["history", "--verbose", "-r", "0003:"]).assert().success().get_output().clone();
    let text = stdout(&out);
    assert!(text.contains("Rev: 0003_add_phone_to_users (head)") && text.contains("Parent: 0002") && text.contains("Transactional: yes"), "{text}");

    let out = ws.bare_cmd().args(["--format", "json", "history"]).assert().success().get_output().clone();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert_eq!(v[0]["name"], "0003_add_phone_to_users");
    assert_eq!(v[0]["is_head"], true);
    assert_eq!(v[2]["revises"], serde_json::Value::Null);

    ws.bare_cmd().arg("heads").assert().success().stdout("0003_add_phone_to_users (head), add phone to users\n");
    let out = ws.bare_cmd().args(["show", "0002"]).assert().success().get_output().clone();
    let text = stdout(&out);
    assert!(
        text.contains("Rev: 0002_create_posts") && text.contains("-- up.sql\nCREATE TABLE posts") && text.contains("-- down.sql\nDROP TABLE posts;"),
        "{text}"
    );
    let out = ws.bare_cmd().args(["--format", "json", "show", "head"]).assert().success().get_output().clone();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["down_sql"], "ALTER TABLE users DROP COLUMN phone;\n");
    ws.bare_cmd().args(["show", "base"]).assert().code(2);
    ws.bare_cmd().args(["show", "nope"]).assert().code(2).stderr(predicate::str::contains("can't locate revision `nope`"));
}

/// Each chain rule, broken on its own, gets its own message and exit code 1.
#[test]
fn every_chain_violation_is_reported_with_its_fix() {
    type Breaker = Box<dyn Fn(&Workspace)>;
    let cases: Vec<(&str, Breaker, &str)> = vec![
        (
            "duplicate",
            Box::new(|ws: &Workspace| {
                ws.migration(3, "add_bio", "SELECT 1;", "SELECT 1;");
            }),
            "revision 0003 is used by 2 directories: 0003_add_bio, 0003_add_phone_to_users",
        ),
        (
            "two heads",
            Box::new(|ws: &Workspace| {
                ws.migration(3, "add_bio", "SELECT 1;", "SELECT 1;");
            }),
            "multiple head revisions are present: 0003_add_bio, 0003_add_phone_to_users",
        ),
        (
            "gap",
            Box::new(|ws: &Workspace| {
                ws.migration(5, "later", "SELECT 1;", "SELECT 1;");
            }),
            "revision 0004 is missing: the chain jumps to 0005_later",
        ),
        (
            "wrong revises",
            Box::new(|ws: &Workspace| {
                ws.write("migrations/0003_add_phone_to_users/metadata.toml", "revises = \"0001\"\nrun_in_transaction = true\n");
            }),
            "0003_add_phone_to_users revises 0001, but the revision before it is 0002",
        ),
        (
            "missing revises",
            Box::new(|ws: &Workspace| {
                ws.write("migrations/0003_add_phone_to_users/metadata.toml", "run_in_transaction = true\n");
            }),
            "0003_add_phone_to_users: metadata.toml has no `revises`; it should revise 0002",
        ),
        (
            "missing down",
            Box::new(|ws: &Workspace| {
                std::fs::remove_file(ws.migrations().join("0002_create_posts/down.sql")).unwrap();
            }),
            "0002_create_posts: `down.sql` is missing",
        ),
        (
            "not a migration",
            Box::new(|ws: &Workspace| {
                std::fs::create_dir_all(ws.migrations().join("scratch")).unwrap();
            }),
            "scratch` is not a migration",
        ),
        (
            "mixed width",
            Box::new(|ws: &Workspace| {
                ws.write("migrations/00004_wide/up.sql", "");
                ws.write("migrations/00004_wide/down.sql", "");
                ws.write("migrations/00004_wide/metadata.toml", "revises = \"0003\"\n");
            }),
            "revision numbers have different widths",
        ),
        (
            "bad toml",
            Box::new(|ws: &Workspace| {
                ws.write("migrations/0002_create_posts/metadata.toml", "revises = \"0001\"\nmessage = [\n");
            }),
            "0002_create_posts/metadata.toml: line 2: invalid TOML",
        ),
    ];
    for (label, breakit, expected) in cases {
        let ws = Workspace::new();
        ws.blog_chain();
        breakit(&ws);
        let out = ws.bare_cmd().env("DATABASE_URL", "sqlite://x.db").arg("upgrade").assert().code(1).get_output().clone();
        let err = stderr(&out);
        assert!(err.contains(expected), "{label}: expected `{expected}` in:\n{err}");
        assert!(err.contains("fix:") || label == "bad toml", "{label}: no fix given:\n{err}");
        assert!(!ws.path().join("x.db").exists(), "{label}: connected before checking the chain");
    }
}

#[test]
fn heads_shows_both_branches_of_a_broken_chain() {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.migration(3, "add_bio", "SELECT 1;", "SELECT 1;");
    let out = ws.bare_cmd().arg("heads").assert().success().get_output().clone();
    assert_eq!(stdout(&out), "0003_add_bio (head), add bio\n0003_add_phone_to_users (head), add phone to users\n");
    assert!(stderr(&out).contains("2 heads"), "{}", stderr(&out));
}
