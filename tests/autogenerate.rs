//! `revision --autogenerate` round trips on real SQLite, PostgreSQL and MariaDB.
//!
//! A corpus of model changes is applied one step at a time, the way a team works:
//! edit the models, `revision --autogenerate`, `upgrade head`. After every step the
//! live schema must equal the models (as that backend stores them), a second
//! autogenerate must find nothing (from the snapshot and from the database), and the
//! operations computed from the snapshot and from the live database must agree.
//! Then the chain is walked back with `downgrade -1`, and after every step the
//! database must equal the models of the step before. Rows inserted early must
//! survive every step (SQLite rebuilds included).

mod common;

use cargo_migrate::backend::Backend;
use cargo_migrate::dialect::introspect::{comparable, introspect};
use cargo_migrate::migrations::autogenerate;
use cargo_migrate::schema::diff::Op;
use cargo_migrate::schema::model::Schema;
use common::{stderr, stdout, TestDb, Workspace};

const MODELS: &str = "crates/db/src/models.rs";

/// One model change: anchor replacements applied to the previous models, and the
/// `--rename` flags the change needs.
struct Step {
    message: &'static str,
    edits: &'static [(&'static str, &'static str)],
    flags: &'static [&'static str],
}

const fn step(message: &'static str, edits: &'static [(&'static str, &'static str)]) -> Step {
    Step { message, edits, flags: &[] }
}

/// The samples table, created and later dropped whole.
macro_rules! samples {
    () => {
        "diesel::table! {
    samples (id) {
        id -> BigInt,
        small -> SmallInt,
        big -> Nullable<BigInt>,
        ratio -> Float,
        precise -> Double,
        amount -> Nullable<Numeric>,
        flag -> Bool,
        #[max_length = 12]
        code -> Varchar,
        blob -> Nullable<Binary>,
        day -> Nullable<Date>,
        at -> Nullable<Time>,
        stamp -> Nullable<Timestamp>,
        doc -> Nullable<Text>,
    }
}
"
    };
}

const START: &str = "// tables\n// joins\n";

/// Every backend: every operation the diff knows, composite keys, self-referencing
/// and cyclic foreign keys, and the types all three backends share.
const CORPUS: &[Step] = &[
    step(
        "create users",
        &[(
            "// tables\n",
            "diesel::table! {
    /// @index ix_users_name_email (name, email)
    users (id) {
        id -> Integer,
        #[max_length = 255]
        /// @unique
        email -> Varchar,
        name -> Text,
        /// @default 'active'
        /// @index
        #[max_length = 20]
        status -> Varchar,
        /// @default CURRENT_TIMESTAMP
        created_at -> Timestamp,
        // users+
    }
}
// tables
",
        )],
    ),
    step(
        "create posts",
        &[(
            "// tables\n",
            "diesel::table! {
    /// @check ck_posts_likes (likes >= 0)
    posts (id) {
        id -> Integer,
        user_id -> Integer,
        body -> Text,
        /// @default 0
        likes -> Integer,
        // posts+
    }
}
// tables
",
        ), ("// joins\n", "diesel::joinable!(posts -> users (user_id));\n// joins\n")],
    ),
    step("add nullable phone to users", &[("        // users+\n", "        #[max_length = 40]\n        phone -> Nullable<Varchar>,\n        // users+\n")]),
    step("add karma with a default", &[("        // users+\n", "        /// @default 0\n        karma -> BigInt,\n        // users+\n")]),
    step("add not null nickname without a default", &[("        // users+\n", "        nickname -> Text,\n        // users+\n")]),
    step("drop phone", &[("        #[max_length = 40]\n        phone -> Nullable<Varchar>,\n", "")]),
    step("widen likes to bigint", &[("        likes -> Integer,\n", "        likes -> BigInt,\n")]),
    step("make body nullable", &[("        body -> Text,\n", "        body -> Nullable<Text>,\n")]),
    step("make body required again", &[("        body -> Nullable<Text>,\n", "        body -> Text,\n")]),
    step("change status default", &[("/// @default 'active'", "/// @default 'new'")]),
    step("drop karma default", &[("        /// @default 0\n        karma -> BigInt,\n", "        karma -> BigInt,\n")]),
    step("index posts by user", &[("    /// @check ck_posts_likes (likes >= 0)\n", "    /// @check ck_posts_likes (likes >= 0)\n    /// @index ix_posts_user_likes (user_id, likes)\n")]),
    step("drop the users name index", &[("    /// @index ix_users_name_email (name, email)\n", "")]),
    step("unique name per status", &[("    users (id) {\n", "    /// @unique uq_users_name_status (name, status)\n    users (id) {\n")]),
    step("drop unique name per status", &[("    /// @unique uq_users_name_status (name, status)\n", "")]),
    step("change the posts check", &[("ck_posts_likes (likes >= 0)", "ck_posts_likes (likes >= 0 AND likes < 1000000)")]),
    step("add a check on users", &[("    users (id) {\n", "    /// @check ck_users_karma (karma >= 0)\n    users (id) {\n")]),
    step("drop the users check", &[("    /// @check ck_users_karma (karma >= 0)\n", "")]),
    step(
        "cascade post deletes",
        &[
            ("diesel::joinable!(posts -> users (user_id));\n", ""),
            ("        user_id -> Integer,\n        body", "        /// @references users(id) on delete cascade\n        user_id -> Integer,\n        body"),
        ],
    ),
    step(
        "keep posts of deleted users",
        &[(
            "        /// @references users(id) on delete cascade\n        user_id -> Integer,\n",
            "        /// @references users(id) on delete set null on update cascade\n        user_id -> Nullable<Integer>,\n",
        )],
    ),
    step(
        "create categories with a parent",
        &[(
            "// tables\n",
            "diesel::table! {
    categories (id) {
        id -> Integer,
        #[max_length = 80]
        title -> Varchar,
        /// @references categories(id) on delete set null
        parent_id -> Nullable<Integer>,
    }
}
// tables
",
        )],
    ),
    step(
        "create post categories with a composite key",
        &[(
            "// tables\n",
            "diesel::table! {
    post_categories (post_id, category_id) {
        /// @references posts(id) on delete cascade
        post_id -> Integer,
        /// @references categories(id) on delete cascade
        category_id -> Integer,
        position -> Nullable<Integer>,
    }
}
// tables
",
        )],
    ),
    step("key post categories by position too", &[("post_categories (post_id, category_id)", "post_categories (post_id, category_id, position)"), ("        position -> Nullable<Integer>,\n", "        /// @default 0\n        position -> Integer,\n")]),
    step(
        "create teams and members referencing each other",
        &[(
            "// tables\n",
            "diesel::table! {
    teams (id) {
        id -> Integer,
        /// @references members(id)
        captain_id -> Nullable<Integer>,
    }
}
diesel::table! {
    members (id) {
        id -> Integer,
        /// @references teams(id) on delete cascade
        team_id -> Integer,
    }
}
// tables
",
        )],
    ),
    step(
        "create samples with every shared type",
        &[(
            "// tables\n",
            concat!(samples!(), "// tables\n"),
        )],
    ),
    step("widen users status", &[("        #[max_length = 20]\n        status", "        #[max_length = 40]\n        status")]),
    step("add an archived flag with a default", &[("        body -> Text,\n", "        /// @default FALSE\n        archived -> Bool,\n        body -> Text,\n")]),
    step("rename users name to full name", &[("        name -> Text,\n", "        /// @renamed_from name\n        full_name -> Text,\n")]),
    Step {
        message: "rename posts body to content",
        edits: &[("        body -> Text,\n", "        content -> Text,\n")],
        flags: &["posts.body=content"],
    },
    step("rename categories to topics", &[("    categories (id) {\n", "    /// @renamed_from categories\n    topics (id) {\n"), ("categories(id)", "topics(id)"), ("categories(id)", "topics(id)")]),
    // Issue 13: a `joinable!` on a column an `@references` covers makes no second
    // foreign key, and a key that is a foreign key does not auto-increment.
    step(
        "create profiles keyed by their user",
        &[
            (
                "// tables\n",
                "diesel::table! {
    profiles (user_id) {
        /// @references users(id) on delete cascade
        user_id -> Integer,
        bio -> Nullable<Text>,
    }
}
// tables
",
            ),
            ("// joins\n", "diesel::joinable!(profiles -> users (user_id));\n// joins\n"),
        ],
    ),
    step("drop the team tables", &[("diesel::table! {\n    teams (id) {\n        id -> Integer,\n        /// @references members(id)\n        captain_id -> Nullable<Integer>,\n    }\n}\ndiesel::table! {\n    members (id) {\n        id -> Integer,\n        /// @references teams(id) on delete cascade\n        team_id -> Integer,\n    }\n}\n", "")]),
    step("drop samples", &[(samples!(), "")]),
];

fn apply(source: &str, step: &Step) -> String {
    let mut s = source.to_string();
    for (from, to) in step.edits {
        assert!(s.contains(from), "step `{}`: anchor not found: {from:?}", step.message);
        s = s.replacen(from, to, 1);
    }
    s
}

fn models(ws: &Workspace) -> Schema {
    cargo_migrate::schema::registry::load(ws.path(), &["crates/db/src".to_string()]).unwrap_or_else(|e| panic!("{e}"))
}

fn live(db: &TestDb) -> Schema {
    by_name(comparable(&introspect(&mut db.connect(), &[]).unwrap_or_else(|e| panic!("{e}")), db.backend))
}

/// Columns sorted by name (and types the database owns left out): PostgreSQL and MariaDB add a column at the end whatever
/// its place in the model, and Diesel names every column it selects, so the order
/// in the database does not matter.
fn by_name(mut s: Schema) -> Schema {
    for t in s.tables.values_mut() {
        t.columns.sort_by(|a, b| a.name.cmp(&b.name));
    }
    // A label-less type is one the database owns: the models only name it.
    s.enums.retain(|_, e| !e.is_opaque());
    s
}

/// Kind and object of each op, to compare the snapshot and `--db` plans.
fn shape(ops: &[Op]) -> Vec<String> {
    let mut v: Vec<String> = ops
        .iter()
        .map(|op| {
            let json = serde_json::to_value(op).unwrap();
            let kind = json["op"].as_str().unwrap().to_string();
            let object = ["table", "index", "unique", "fk", "check", "column", "enum_type"]
                .iter()
                .filter_map(|k| json.get(*k))
                .map(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_string).unwrap_or_else(|| v.as_str().unwrap_or("").to_string()))
                .collect::<Vec<_>>()
                .join(".");
            format!("{kind} {object}")
        })
        .collect();
    v.sort();
    v
}

fn run_corpus(db: TestDb, corpus: &[Step]) {
    let ws = Workspace::new();
    let mut source = START.to_string();
    ws.write(MODELS, &source);
    let mut states = vec![Schema::default()];
    let mut written = Vec::new();
    for (i, step) in corpus.iter().enumerate() {
        source = apply(&source, step);
        ws.write(MODELS, &source);
        let new = models(&ws);

        // The snapshot plan and the live-database plan agree.
        let chain = cargo_migrate::migrations::chain::load(&ws.migrations()).unwrap();
        let head = autogenerate::schema_at_head(&ws.migrations(), &chain).unwrap();
        let flags: Vec<String> = step.flags.iter().map(|f| f.to_string()).collect();
        let (r1, _) = autogenerate::settle_renames(&head, &new, &new, &flags).unwrap();
        let offline = autogenerate::generate(db.backend, &head, &new, &r1, vec![]);
        let (old_live, new_cmp) = (live(&db), comparable(&new, db.backend));
        let (r2, _) = autogenerate::settle_renames(&old_live, &new_cmp, &new, &flags).unwrap();
        let online = autogenerate::generate(db.backend, &old_live, &new_cmp, &r2, vec![]);
        assert_eq!(shape(&offline.ops), shape(&online.ops), "step {} `{}`: snapshot and --db plans differ", i + 1, step.message);

        let mut cmd = ws.cmd(&db);
        cmd.args(["revision", "--autogenerate", "-m", step.message]);
        for f in step.flags {
            cmd.args(["--rename", f]);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "step {} `{}`: revision failed:\n{}", i + 1, step.message, stderr(&out));
        // A zero-downtime PostgreSQL revision can be several migrations, one path a line.
        let dirs: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
        let read_all = |file: &str| dirs.iter().map(|d| std::fs::read_to_string(format!("{d}/{file}")).unwrap()).collect::<Vec<_>>().join("\n");
        let (up, down) = (read_all("up.sql"), read_all("down.sql"));
        written.push(dirs.len());
        let out = ws.cmd(&db).args(["upgrade", "head"]).output().unwrap();
        assert!(out.status.success(), "step {} `{}`: upgrade failed:\n{}\n--- up.sql\n{up}", i + 1, step.message, stderr(&out));
        assert_eq!(live(&db), by_name(new_cmp.clone()), "step {} `{}`: the database differs from the models after\n{up}", i + 1, step.message);

        // Nothing left to generate, from the snapshot or from the database.
        for extra in [&[][..], &["--db"][..]] {
            let out = ws.cmd(&db).args(["revision", "--autogenerate", "-m", "again"]).args(extra).output().unwrap();
            assert!(
                out.status.success() && stderr(&out).contains("no changes"),
                "step {} `{}` {extra:?}: a second autogenerate found changes:\n{}{}",
                i + 1,
                step.message,
                stdout(&out),
                stderr(&out)
            );
        }
        if step.message == "create posts" {
            db.exec("INSERT INTO users (email, name) VALUES ('ada@example.com', 'Ada')");
            db.exec("INSERT INTO posts (user_id, body) VALUES (1, 'hello')");
        }
        if i >= 1 {
            // The shared corpus's rows (a corpus without those tables has none to keep).
            for table in ["users", "posts"].into_iter().filter(|t| db.has_table(t)) {
                assert_eq!(
                    db.texts(&format!("SELECT CAST(COUNT(*) AS CHAR(10)) AS value FROM {table}")),
                    ["1"],
                    "step {} `{}`: rows of {table} lost by\n{up}\n--- down.sql\n{down}",
                    i + 1,
                    step.message
                );
            }
        }
        states.push(by_name(new_cmp));
    }
    // Walk back down: each down.sql restores the schema before its step.
    for i in (0..corpus.len()).rev() {
        let out = ws.cmd(&db).args(["downgrade", &format!("-{}", written[i])]).output().unwrap();
        assert!(out.status.success(), "downgrading step {} `{}` failed:\n{}", i + 1, corpus[i].message, stderr(&out));
        assert_eq!(live(&db), states[i], "after downgrading step {} `{}`", i + 1, corpus[i].message);
    }
}

/// PostgreSQL only: unique indexes apart from unique constraints (MySQL and SQLite
/// cannot tell them apart), extension types imported from their crates, and
/// label-less `SqlType`s the database owns.
const PG_CORPUS: &[Step] = &[
    step(
        "create docs",
        &[(
            "// tables\n",
            "pub mod sql_types {
    #[derive(diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = \"tsvector\", schema = \"pg_catalog\"))]
    pub struct Tsvector;
}
diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::Tsvector;
    docs (id) {
        id -> Integer,
        /// @unique_index ux_docs_title
        title -> Text,
        search -> Nullable<Tsvector>,
        // docs+
    }
}
// tables
",
        )],
    ),
    step("drop the unique index", &[("        /// @unique_index ux_docs_title\n", "")]),
    step("make title a unique constraint", &[("        title -> Text,\n", "        /// @unique uq_docs_title\n        title -> Text,\n")]),
    step(
        "and a unique index as well",
        &[("        search -> Nullable<Tsvector>,\n", "        /// @unique_index\n        slug -> Nullable<Text>,\n        search -> Nullable<Tsvector>,\n")],
    ),
    step("back to the index alone", &[("        /// @unique uq_docs_title\n", "")]),
    step("an imported text search column", &[("        // docs+\n", "        tsv -> diesel_full_text_search::Tsvector,\n        // docs+\n")]),
];

#[test]
fn postgres_corpus() {
    if let Some(db) = TestDb::new(Backend::Postgres) {
        run_corpus(db, PG_CORPUS);
    }
}

fn shared_corpus(db: TestDb) {
    assert!(CORPUS.len() >= 30, "{}", CORPUS.len());
    run_corpus(db, CORPUS);
}

backend_tests!(shared_corpus);

#[test]
fn no_change_writes_nothing_unless_empty_is_asked_for() {
    let ws = Workspace::new();
    let db = TestDb::new(Backend::Sqlite).unwrap();
    ws.write(MODELS, "diesel::table! { users (id) { id -> Integer, } }\n");
    ws.cmd(&db).args(["revision", "--autogenerate", "-m", "create users"]).assert().success();
    let out = ws.cmd(&db).args(["revision", "--autogenerate", "-m", "nothing"]).output().unwrap();
    assert!(out.status.success() && stderr(&out).contains("no changes"), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(ws.migrations()).unwrap().count(), 2, "one migration and the snapshot");
    ws.cmd(&db).args(["revision", "--autogenerate", "--empty", "-m", "empty"]).assert().success();
    assert!(ws.migrations().join("0002_empty/up.sql").is_file());
}

#[test]
fn unresolved_renames_warn_in_the_terminal_and_the_file() {
    let ws = Workspace::new();
    let db = TestDb::new(Backend::Sqlite).unwrap();
    ws.write(MODELS, "diesel::table! { users (id) { id -> Integer, name -> Text, } }\n");
    ws.cmd(&db).args(["revision", "--autogenerate", "-m", "create users"]).assert().success();
    ws.write(MODELS, "diesel::table! { users (id) { id -> Integer, full_name -> Text, } }\n");
    let out = ws.cmd(&db).args(["revision", "--autogenerate", "-m", "rename"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let warning = "users.name is dropped and users.full_name added: if it is a rename, say so with `/// @renamed_from name` on the column or `--rename users.name=full_name`";
    assert!(stderr(&out).contains(warning), "{}", stderr(&out));
    let up = ws.read("migrations/0002_rename/up.sql");
    assert!(up.contains(warning) && up.contains("DANGER"), "{up}");

    // The same change with the flag is a rename, and no data is at risk.
    let ws = Workspace::new();
    ws.write(MODELS, "diesel::table! { users (id) { id -> Integer, name -> Text, } }\n");
    ws.cmd(&db).args(["revision", "--autogenerate", "-m", "create users"]).assert().success();
    ws.write(MODELS, "diesel::table! { users (id) { id -> Integer, full_name -> Text, } }\n");
    let out = ws.cmd(&db).args(["revision", "--autogenerate", "-m", "rename", "--rename", "users.name=full_name"]).output().unwrap();
    assert!(out.status.success() && !stderr(&out).contains("warning"), "{}", stderr(&out));
    let up = ws.read("migrations/0002_rename/up.sql");
    assert!(up.to_uppercase().contains("RENAME COLUMN") && !up.contains("DANGER"), "{up}");
}

#[test]
fn bad_rename_flags_and_a_stale_snapshot_are_clear_errors() {
    let ws = Workspace::new();
    let db = TestDb::new(Backend::Sqlite).unwrap();
    ws.write(MODELS, "diesel::table! { users (id) { id -> Integer, name -> Text, } }\n");
    ws.cmd(&db).args(["revision", "--autogenerate", "-m", "create users"]).assert().success();
    let out = ws.cmd(&db).args(["revision", "--autogenerate", "-m", "x", "--rename", "users.nope=full_name"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("table `users` has no column `nope` at head"), "{}", stderr(&out));

    // A hand-written migration after the snapshot (written by another tool).
    ws.migration(2, "by_hand", "SELECT 1;\n", "SELECT 1;\n");
    let out = ws.cmd(&db).args(["revision", "--autogenerate", "-m", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("records revision 0001 but the head is 0002") && stderr(&out).contains("--db"), "{}", stderr(&out));

    // --db refuses a database that is not at head.
    let out = ws.cmd(&db).args(["revision", "--autogenerate", "--db", "-m", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("the database is not at head (2 pending: 0001_create_users, 0002_by_hand)"), "{}", stderr(&out));
}

/// `revision` on a terminal asks about each rename candidate (run under `script`,
/// which gives the binary a pseudo-terminal and feeds it the answers).
#[test]
fn on_a_terminal_rename_candidates_are_asked_about() {
    let db = TestDb::new(Backend::Sqlite).unwrap();
    for (answer, renamed) in [("y", true), ("n", false)] {
        let ws = Workspace::new();
        ws.write(MODELS, "diesel::table! { users (id) { id -> Integer, name -> Text, } }\n");
        ws.cmd(&db).args(["revision", "--autogenerate", "-m", "create users"]).assert().success();
        ws.write(MODELS, "diesel::table! { users (id) { id -> Integer, full_name -> Text, } }\n");
        let command = format!("{} migrate revision --autogenerate -m rename", env!("CARGO_BIN_EXE_cargo-migrate"));
        let mut child = std::process::Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .current_dir(ws.path())
            .env("DATABASE_URL", db.url())
            .env("NO_COLOR", "1")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("script runs");
        use std::io::Write;
        child.stdin.take().unwrap().write_all(format!("{answer}\n").as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        let transcript = stdout(&out);
        assert!(out.status.success(), "{transcript}");
        assert!(transcript.contains("Did you rename users.name to users.full_name (a Text)? [y/N]"), "{transcript}");
        let up = ws.read("migrations/0002_rename/up.sql").to_uppercase();
        assert_eq!(up.contains("RENAME COLUMN NAME TO FULL_NAME"), renamed, "{answer}: {up}");
        assert_eq!(up.contains("DANGER"), !renamed, "{answer}: {up}");
    }
}
