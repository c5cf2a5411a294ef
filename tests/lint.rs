//! `lint`: the rule corpus (`tests/lint_corpus/<rule>/*.sql`, each file stating the
//! exact rule ids it must raise), the lint of real projects' migrations
//! (`tests/corpus/`), and the command's output: ids, lock and fix in text and JSON,
//! `[lint.allow]`, exit codes.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cargo_migrate::backend::Backend;
use cargo_migrate::migrations::lint::{lint_sql, Hit, Rule};
use common::{stdout, Workspace};
use predicates::prelude::*;

struct Case {
    path: PathBuf,
    backend: Backend,
    run_in_transaction: bool,
    expect: Vec<String>,
    sql: String,
}

/// Reads the `-- backend:`, `-- run_in_transaction:` and `-- expect:` header.
fn read_case(path: &Path) -> Case {
    let sql = std::fs::read_to_string(path).unwrap();
    let header = |key: &str| {
        sql.lines()
            .find_map(|l| l.strip_prefix(&format!("-- {key}: ")).map(str::trim).map(str::to_string))
            .unwrap_or_else(|| panic!("{}: no `-- {key}:` line", path.display()))
    };
    let backend = match header("backend").as_str() {
        "postgres" => Backend::Postgres,
        "mysql" => Backend::Mysql,
        "sqlite" => Backend::Sqlite,
        other => panic!("{}: unknown backend {other}", path.display()),
    };
    let expect = header("expect");
    let mut expect: Vec<String> = if expect == "none" { Vec::new() } else { expect.split(',').map(|s| s.trim().to_string()).collect() };
    expect.sort();
    Case { path: path.to_path_buf(), backend, run_in_transaction: header("run_in_transaction") == "true", expect, sql }
}

fn corpus_cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint_corpus");
    let mut files: Vec<PathBuf> = walk(&root);
    files.sort();
    files.iter().map(|p| read_case(p)).collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "sql") {
            out.push(p);
        }
    }
    out
}

fn ids(hits: &[Hit]) -> Vec<String> {
    let mut ids: Vec<String> = hits.iter().map(|h| h.rule.id().to_string()).collect();
    ids.sort();
    ids
}

#[test]
fn every_corpus_file_raises_exactly_its_rules() {
    let cases = corpus_cases();
    assert!(cases.len() > 90, "the corpus is missing: {} files", cases.len());
    let mut wrong = Vec::new();
    for c in &cases {
        let got = ids(&lint_sql(&c.sql, Some(c.backend), c.run_in_transaction));
        if got != c.expect {
            wrong.push(format!("{}: expected {:?}, got {:?}", c.path.display(), c.expect, got));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Each rule has a directory with a file that must raise it and one that must not
/// (inside strings, comments, bodies, on a new table, or the safe form), so an empty
/// rule set, or a rule that fires on everything, fails here.
#[test]
fn every_rule_has_flagged_and_clean_cases() {
    let cases = corpus_cases();
    for rule in Rule::ALL {
        let dir: Vec<&Case> = cases.iter().filter(|c| c.path.parent().unwrap().file_name().unwrap() == rule.id()).collect();
        let flagged = dir.iter().any(|c| c.path.file_name().unwrap().to_string_lossy().starts_with("flagged") && c.expect.iter().any(|e| e == rule.id()));
        let clean = dir.iter().any(|c| c.path.file_name().unwrap().to_string_lossy().starts_with("clean") && !c.expect.iter().any(|e| e == rule.id()));
        assert!(flagged && clean, "tests/lint_corpus/{}/ needs a flagged*.sql raising it and a clean*.sql that does not", rule.id());
    }
}

/// Every flagged case, hidden in a line comment, a block comment, a string literal and
/// (PostgreSQL) a `DO $$ … $$` body, raises nothing: only statements are read.
#[test]
fn flagged_cases_hidden_in_comments_strings_and_bodies_raise_nothing() {
    let mut checked = 0;
    for c in corpus_cases().iter().filter(|c| !c.expect.is_empty()) {
        let body: String = c.sql.lines().filter(|l| !l.starts_with("-- ")).map(|l| format!("{l}\n")).collect();
        let mut hidden =
            vec![body.lines().map(|l| format!("-- {l}\n")).collect::<String>(), format!("/* {body} */\n"), format!("SELECT '{}';\n", body.replace('\'', "''"))];
        if c.backend == Backend::Postgres {
            hidden.push(format!("DO $lint$ BEGIN EXECUTE '{}'; END $lint$;\n", body.replace('\'', "''")));
            hidden.push(format!("CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$\n{body}$$;\n"));
        }
        for sql in hidden {
            let got = ids(&lint_sql(&sql, Some(c.backend), c.run_in_transaction));
            assert!(got.is_empty(), "{} hidden as\n{sql}\nraised {got:?}", c.path.display());
            checked += 1;
        }
    }
    assert!(checked > 150, "{checked}");
}

/// Each backend's rules: a rule never fires on a backend it does not apply to.
#[test]
fn rules_stay_on_their_backends() {
    for c in corpus_cases() {
        for backend in [Backend::Postgres, Backend::Mysql, Backend::Sqlite] {
            for h in lint_sql(&c.sql, Some(backend), c.run_in_transaction) {
                assert!(h.rule.backends().contains(&backend), "{} raised {} on {backend:?}", c.path.display(), h.rule);
            }
        }
        for h in lint_sql(&c.sql, None, c.run_in_transaction) {
            assert!(h.rule.applies_to(None), "{} raised {} with no backend", c.path.display(), h.rule);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Real projects
// ---------------------------------------------------------------------------------------------

fn real_project(name: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(name);
    let dir = if dir.join("migrations").is_dir() { dir.join("migrations") } else { dir };
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(std::env::var_os("CI").is_none(), "{} is missing under CI", dir.display());
    eprintln!("skipping: no corpus at {}", dir.display());
    None
}

/// Every migration's `up.sql`, linted for `backend` the way Diesel runs it: in a
/// transaction unless its `metadata.toml` says `run_in_transaction = false`.
fn lint_project(dir: &Path, backend: Backend) -> (usize, Vec<(String, Hit)>) {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.join("up.sql").is_file()).collect();
    dirs.sort();
    let mut out = Vec::new();
    for d in &dirs {
        let sql = std::fs::read_to_string(d.join("up.sql")).unwrap();
        let meta = std::fs::read_to_string(d.join("metadata.toml")).unwrap_or_default();
        let in_tx = !meta.lines().any(|l| l.replace(' ', "") == "run_in_transaction=false");
        let name = d.file_name().unwrap().to_string_lossy().into_owned();
        out.extend(lint_sql(&sql, Some(backend), in_tx).into_iter().map(|h| (name.clone(), h)));
    }
    (dirs.len(), out)
}

fn counts(hits: &[(String, Hit)]) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for (_, h) in hits {
        *m.entry(h.rule.id()).or_default() += 1;
    }
    m
}

/// The per-rule counts the README's lint section quotes. `RULE=<id>` prints that
/// rule's findings (`cargo nextest run --test lint real_projects --no-capture`).
fn assert_counts(project: &str, backend: Backend, migrations: usize, expected: &[(&str, usize)]) {
    let Some(dir) = real_project(project) else { return };
    let (n, hits) = lint_project(&dir, backend);
    assert_eq!(n, migrations);
    if let Ok(rule) = std::env::var("RULE") {
        for (m, h) in hits.iter().filter(|(_, h)| h.rule.id() == rule) {
            println!("{m}/up.sql:{}: {}", h.line, h.statement);
        }
    }
    let got = counts(&hits);
    println!("{project}: {} findings {got:?}", hits.len());
    assert_eq!(got, expected.iter().copied().collect::<BTreeMap<_, _>>(), "{project}: update the README's lint section with the new counts");
}

#[test]
fn real_projects_crates_io() {
    assert_counts(
        "crates-io",
        Backend::Postgres,
        285,
        &[
            ("add-column-volatile-default", 1),
            ("add-not-null-without-default", 3),
            ("add-primary-key", 9),
            ("add-unique-constraint", 3),
            ("alter-column-type", 27),
            ("constraint-without-not-valid", 31),
            ("create-index-blocking", 54),
            ("drop-column", 20),
            ("drop-index", 1),
            ("drop-index-blocking", 18),
            ("drop-table", 8),
            ("missing-lock-timeout", 239),
            ("prefer-bigint-primary-key", 25),
            ("prefer-identity", 22),
            ("prefer-timestamptz", 27),
            ("rename", 5),
            ("set-not-null", 18),
        ],
    );
}

/// vaultwarden keeps a migrations directory per backend; its MySQL one exercises the
/// MySQL rules.
#[test]
fn real_projects_vaultwarden_mysql() {
    assert_counts(
        "vaultwarden/migrations/mysql",
        Backend::Mysql,
        51,
        &[("alter-column-type", 4), ("drop-column", 1), ("drop-table", 2), ("mysql-online-ddl", 39), ("rename", 7)],
    );
}

/// Its PostgreSQL and SQLite directories: no crash, the counts the README quotes.
#[test]
fn real_projects_vaultwarden_postgres_and_sqlite() {
    assert_counts(
        "vaultwarden/migrations/postgresql",
        Backend::Postgres,
        42,
        &[
            ("add-primary-key", 1),
            ("alter-column-type", 28),
            ("constraint-without-not-valid", 1),
            ("drop-column", 1),
            ("drop-table", 2),
            ("missing-lock-timeout", 38),
            ("prefer-text", 44),
            ("prefer-timestamptz", 31),
            ("rename", 1),
            ("set-not-null", 2),
        ],
    );
    assert_counts("vaultwarden/migrations/sqlite", Backend::Sqlite, 52, &[("drop-table", 3), ("rename", 8)]);
}

#[test]
fn real_projects_lemmy() {
    assert_counts(
        "lemmy",
        Backend::Postgres,
        342,
        &[
            ("add-column-volatile-default", 1),
            ("add-not-null-without-default", 1),
            ("add-primary-key", 32),
            ("add-unique-constraint", 19),
            ("alter-column-type", 107),
            ("constraint-without-not-valid", 64),
            ("create-index-blocking", 421),
            ("drop-column", 117),
            ("drop-index-blocking", 121),
            ("drop-table", 27),
            ("missing-lock-timeout", 287),
            ("prefer-bigint-primary-key", 88),
            ("prefer-identity", 85),
            ("prefer-text", 56),
            ("prefer-timestamptz", 84),
            ("reindex-blocking", 11),
            ("rename", 219),
            ("set-not-null", 56),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// The command
// ---------------------------------------------------------------------------------------------

/// A chain: 0001 creates users (nothing to say), 0002 builds an index the blocking way and
/// uses varchar(n) (a warning).
fn chain() -> Workspace {
    let ws = Workspace::new();
    ws.migration(1, "create_users", "SET lock_timeout = '5s';\nCREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT NOT NULL);\n", "DROP TABLE users;\n");
    ws.migration(
        2,
        "index_email",
        "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN handle VARCHAR(40);\nCREATE INDEX ix_users_email\n    ON users (email);\n",
        "DROP INDEX ix_users_email;\n",
    );
    ws
}

#[test]
fn text_output_names_id_file_line_lock_and_fix() {
    let ws = chain();
    let out = ws.bare_cmd().args(["lint", "--all", "--dialect", "postgres"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = common::stderr(&out);
    assert!(err.contains("error: [create-index-blocking] migrations/0002_index_email/up.sql:3: CREATE INDEX ix_users_email"), "{err}");
    assert!(err.contains("    lock: SHARE\n") && err.contains("    fix: CREATE INDEX CONCURRENTLY in a migration with run_in_transaction = false"), "{err}");
    assert!(err.contains("warning: [prefer-text] migrations/0002_index_email/up.sql:2: ALTER TABLE users ADD COLUMN handle VARCHAR(40)"), "{err}");
    assert!(stdout(&out).contains("linted 2 migration(s): 1 finding(s), 1 warning(s)"), "{}", stdout(&out));
}

#[test]
fn json_output_carries_ids_severity_lock_and_fix() {
    let ws = chain();
    let out = ws.bare_cmd().args(["--format", "json", "lint", "--all", "--dialect", "postgres"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!((v["ok"].clone(), v["backend"].clone(), v["errors"].clone(), v["warnings"].clone()), (false.into(), "postgres".into(), 1.into(), 1.into()));
    let findings = v["findings"].as_array().unwrap();
    let rules: Vec<&str> = findings.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["prefer-text", "create-index-blocking"]);
    let f = &findings[1];
    assert_eq!((f["severity"].as_str(), f["line"].as_u64(), f["lock"].as_str()), (Some("error"), Some(3), Some("SHARE")));
    assert!(f["fix"].as_str().unwrap().contains("CONCURRENTLY") && f["file"].as_str().unwrap().ends_with("0002_index_email/up.sql"), "{f}");
    assert_eq!(findings[0]["severity"], "warning");
}

#[test]
fn allow_silences_a_rule_and_warnings_alone_pass() {
    let ws = chain();
    let meta = ws.read("migrations/0002_index_email/metadata.toml");
    ws.write("migrations/0002_index_email/metadata.toml", &format!("{meta}\n[lint.allow]\ncreate-index-blocking = \"users has 40 rows\"\n"));
    let out = ws.bare_cmd().args(["lint", "--all", "--dialect", "postgres"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert!(stdout(&out).contains("linted 2 migration(s): 0 finding(s), 1 warning(s)"), "{}", stdout(&out));
    let out = ws.bare_cmd().args(["--format", "json", "lint", "0002", "--dialect", "postgres"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["ok"], true);
    let allowed: Vec<&serde_json::Value> = v["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "create-index-blocking").collect();
    assert_eq!(allowed.len(), 1);
    assert_eq!(allowed[0]["allowed"], "users has 40 rows");
    // A misspelt id silences nothing, and says so.
    ws.write("migrations/0002_index_email/metadata.toml", &format!("{meta}\n[lint.allow]\ncreate-index-blockng = \"typo\"\n"));
    ws.bare_cmd()
        .args(["lint", "0002", "--dialect", "postgres"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("0002_index_email: [lint.allow] names no rule `create-index-blockng`"));
}

#[test]
fn without_a_backend_only_rules_for_every_backend_run() {
    let ws = chain();
    ws.migration(3, "drop_handle", "ALTER TABLE users DROP COLUMN handle;\n", "ALTER TABLE users ADD COLUMN handle TEXT;\n");
    ws.bare_cmd()
        .args(["lint", "--all"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("only the rules that hold on every backend ran")
                .and(predicate::str::contains("[drop-column]"))
                .and(predicate::str::contains("[create-index-blocking]").not()),
        )
        .stdout(predicate::str::contains("linted 3 migration(s): 1 finding(s), 0 warning(s)"));
    // The database URL's backend decides when no --dialect is given.
    ws.bare_cmd()
        .env("DATABASE_URL", "mysql://u@db.invalid/x")
        .args(["lint", "0002"])
        .assert()
        .success()
        .stderr(predicate::str::contains("[mysql-online-ddl]"));
}

#[test]
fn check_names_the_failing_rule_ids() {
    let ws = chain();
    ws.write("Cargo.toml", &ws.read("Cargo.toml").replace("migrations = \"migrations\"\n", "migrations = \"migrations\"\nlint_fails_check = true\n"));
    let out = ws.bare_cmd().env("DATABASE_URL", "postgres://u@db.invalid/x").args(["--format", "json", "check"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let lint: Vec<&serde_json::Value> = v["problems"].as_array().unwrap().iter().filter(|p| p["kind"] == "lint").collect();
    assert_eq!(lint.len(), 1, "{v}");
    assert!(lint[0]["message"].as_str().unwrap().ends_with(": create-index-blocking"), "{v}");
    assert_eq!(v["lint"][1]["rule"], "create-index-blocking");
}

/// The README's rule table has a row per rule, with its lock as the code states it.
#[test]
fn readme_lists_every_rule() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for rule in Rule::ALL {
        let row = readme.lines().find(|l| l.starts_with(&format!("| `{}` |", rule.id()))).unwrap_or_else(|| panic!("README: no row for {rule}"));
        assert!(row.contains(rule.lock()) && row.contains(&rule.fix().replace('|', "\\|")), "README row for {rule} is stale: {row}");
    }
}

// ---------------------------------------------------------------------------------------------
// The locks are PostgreSQL's
// ---------------------------------------------------------------------------------------------

/// Each lock rule's statement, run in a transaction on a real PostgreSQL table with rows:
/// `pg_locks` shows the lock the rule's text names, lint flags the statement with that
/// rule, and the safe `VALIDATE CONSTRAINT` takes only SHARE UPDATE EXCLUSIVE (reads and
/// writes go on).
#[test]
fn the_locks_named_are_the_locks_postgres_takes() {
    let Some(db) = common::TestDb::new(Backend::Postgres) else { return };
    db.exec(
        "CREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT, age INT);
         CREATE TABLE posts (id BIGINT PRIMARY KEY, user_id BIGINT);
         CREATE TABLE follows (a BIGINT, b BIGINT);
         CREATE INDEX ix_users_email ON users (email);
         INSERT INTO users SELECT g, 'u' || g, g FROM generate_series(1, 100) g;
         INSERT INTO posts SELECT g, g FROM generate_series(1, 100) g;
         INSERT INTO follows SELECT g, g FROM generate_series(1, 100) g;
         ALTER TABLE users ADD CONSTRAINT ck_age CHECK (age > 0) NOT VALID;",
    );
    let cases: &[(Rule, &str, &str, &str)] = &[
        (Rule::CreateIndexBlocking, "CREATE INDEX ix_users_age ON users (age)", "users", "ShareLock"),
        (Rule::DropIndexBlocking, "DROP INDEX ix_users_email", "users", "AccessExclusiveLock"),
        (Rule::ConstraintWithoutNotValid, "ALTER TABLE posts ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id)", "users", "ShareRowExclusiveLock"),
        (Rule::ConstraintWithoutNotValid, "ALTER TABLE users ADD CONSTRAINT ck CHECK (age >= 0)", "users", "AccessExclusiveLock"),
        (Rule::SetNotNull, "ALTER TABLE users ALTER COLUMN email SET NOT NULL", "users", "AccessExclusiveLock"),
        (Rule::AddUniqueConstraint, "ALTER TABLE users ADD CONSTRAINT uq_email UNIQUE (email)", "users", "AccessExclusiveLock"),
        (Rule::AddPrimaryKey, "ALTER TABLE follows ADD PRIMARY KEY (a, b)", "follows", "AccessExclusiveLock"),
        (Rule::AlterColumnType, "ALTER TABLE users ALTER COLUMN age TYPE BIGINT", "users", "AccessExclusiveLock"),
        (Rule::Rename, "ALTER TABLE users RENAME COLUMN age TO years", "users", "AccessExclusiveLock"),
        (Rule::DropColumn, "ALTER TABLE users DROP COLUMN age", "users", "AccessExclusiveLock"),
        (Rule::DropTable, "DROP TABLE follows", "follows", "AccessExclusiveLock"),
        (Rule::AddColumnVolatileDefault, "ALTER TABLE users ADD COLUMN token UUID DEFAULT gen_random_uuid()", "users", "AccessExclusiveLock"),
        (Rule::LockTable, "LOCK TABLE users", "users", "AccessExclusiveLock"),
        (Rule::ReindexBlocking, "REINDEX TABLE users", "users", "ShareLock"),
        (Rule::Cluster, "CLUSTER users USING users_pkey", "users", "AccessExclusiveLock"),
    ];
    let oid = |table: &str| db.texts(&format!("SELECT CAST('{table}'::regclass::oid AS TEXT) AS value")).remove(0);
    let oids: BTreeMap<&str, String> = ["users", "posts", "follows"].into_iter().map(|t| (t, oid(t))).collect();
    let modes = |statement: &str, table: &str| -> Vec<String> {
        let mut conn = db.connect();
        conn.batch_execute("BEGIN").unwrap();
        conn.batch_execute(statement).unwrap_or_else(|e| panic!("{statement}: {e}"));
        let sql = format!("SELECT CAST(mode AS TEXT) AS value FROM pg_locks WHERE relation = {} AND pid = pg_backend_pid()", oids[table]);
        let modes = conn.query_texts(&sql, &[]).unwrap().into_iter().flatten().collect();
        conn.batch_execute("ROLLBACK").unwrap();
        modes
    };
    let words = |mode: &str| match mode {
        "AccessExclusiveLock" => "ACCESS EXCLUSIVE",
        "ShareRowExclusiveLock" => "SHARE ROW EXCLUSIVE",
        "ShareLock" => "SHARE",
        other => panic!("{other}"),
    };
    for &(rule, statement, table, mode) in cases {
        let got = modes(statement, table);
        assert!(got.iter().any(|m| m == mode), "{statement}: PostgreSQL took {got:?} on {table}, not {mode}");
        assert!(rule.lock().contains(words(mode)), "{rule}'s lock text {:?} does not name {mode}", rule.lock());
        let flagged = ids(&lint_sql(&format!("SET lock_timeout = '1s';\n{statement};\n"), Some(Backend::Postgres), true));
        assert_eq!(flagged, [rule.id()], "{statement}");
    }
    // The safe form's second step blocks neither reads nor writes.
    assert_eq!(modes("ALTER TABLE users VALIDATE CONSTRAINT ck_age", "users"), ["ShareUpdateExclusiveLock"]);
    assert!(lint_sql("SET lock_timeout = '1s';\nALTER TABLE users VALIDATE CONSTRAINT ck_age;\n", Some(Backend::Postgres), true).is_empty());
    // What PostgreSQL refuses outright.
    let mut conn = db.connect();
    conn.batch_execute("BEGIN").unwrap();
    let err = conn.batch_execute("CREATE INDEX CONCURRENTLY ix_c ON users (age)").unwrap_err().to_string();
    assert!(err.contains("cannot run inside a transaction block"), "{err}");
    conn.batch_execute("ROLLBACK").unwrap();
    let err = conn.batch_execute("ALTER TABLE users ADD COLUMN n INT NOT NULL").unwrap_err().to_string();
    assert!(err.contains("contains null values"), "{err}");
}

/// MariaDB runs what `mysql-online-ddl` flags with the clause its fix appends, and
/// refuses that clause on the type change lint leaves to `alter-column-type` instead.
#[cfg(feature = "mysql")]
#[test]
fn mysql_online_ddl_fix_runs_on_the_server() {
    let Some(db) = common::TestDb::new(Backend::Mysql) else { return };
    db.exec("CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(100), name VARCHAR(100), age INT)");
    db.exec("INSERT INTO users VALUES (1, 'a', 'a', 1), (2, 'b', 'b', 2), (3, 'c', 'c', 3)");
    let mysql = Some(Backend::Mysql);
    let cases: &[(&str, &str, &[&str])] = &[
        ("ALTER TABLE users ADD INDEX ix_users_email (email)", ", ALGORITHM=INPLACE, LOCK=NONE", &["mysql-online-ddl"]),
        ("ALTER TABLE users ADD COLUMN nickname VARCHAR(40) NULL", ", ALGORITHM=INPLACE, LOCK=NONE", &["mysql-online-ddl"]),
        ("ALTER TABLE users RENAME COLUMN name TO full_name", ", ALGORITHM=INPLACE, LOCK=NONE", &["mysql-online-ddl", "rename"]),
        ("CREATE INDEX ix_users_age ON users (age)", " ALGORITHM=INPLACE LOCK=NONE", &["mysql-online-ddl"]),
        ("ALTER TABLE users DROP COLUMN nickname", ", ALGORITHM=INPLACE, LOCK=NONE", &["drop-column", "mysql-online-ddl"]),
    ];
    for &(statement, fix, expected) in cases {
        assert_eq!(ids(&lint_sql(&format!("{statement};\n"), mysql, true)), expected, "{statement}");
        let fixed = format!("{statement}{fix}");
        let left: Vec<String> = expected.iter().filter(|r| **r != "mysql-online-ddl").map(|r| r.to_string()).collect();
        assert_eq!(ids(&lint_sql(&format!("{fixed};\n"), mysql, true)), left, "{fixed}");
        db.exec(&fixed);
    }
    let copy = "ALTER TABLE users MODIFY COLUMN age VARCHAR(10)";
    assert_eq!(ids(&lint_sql(&format!("{copy};\n"), mysql, true)), ["alter-column-type"]);
    let err = db.connect().batch_execute(&format!("{copy}, ALGORITHM=INPLACE, LOCK=NONE")).unwrap_err().to_string();
    assert!(err.contains("ALGORITHM=INPLACE is not supported") || err.contains("LOCK=NONE is not supported"), "{err}");
}

/// Autogenerate's SQLite table rebuild (new table, copy, drop, rename into place) is
/// neither a dropped table nor a rename.
#[test]
fn autogenerated_sqlite_rebuild_lints_clean() {
    let Some(db) = common::TestDb::new(Backend::Sqlite) else { return };
    let ws = Workspace::new();
    let models = "diesel::table! {\n    users (id) {\n        id -> BigInt,\n        age -> Nullable<Integer>,\n    }\n}\n";
    ws.write("crates/db/src/lib.rs", models);
    ws.cmd(&db).args(["revision", "--autogenerate", "-m", "create users"]).assert().success();
    ws.write("crates/db/src/lib.rs", &models.replace("    users (id)", "    /// @check ck_users_age (age >= 0)\n    users (id)"));
    ws.cmd(&db).args(["revision", "--autogenerate", "-m", "check age"]).assert().success();
    let up = ws.read("migrations/0002_check_age/up.sql");
    assert!(up.contains("DROP TABLE") && up.contains("RENAME TO"), "not a rebuild: {up}");
    let out = ws.cmd(&db).args(["--format", "json", "lint", "--all"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["findings"], serde_json::json!([]), "{up}");
    assert_eq!(out.status.code(), Some(0));
}
