//! Real public Diesel projects (`tests/corpus/`, see its README): each project's
//! migrations are replayed into a fresh database the way Diesel runs them (every
//! `up.sql` in version order, one transaction each unless its `metadata.toml` opts
//! out), its `schema.rs` from `diesel print-schema` is annotated from that database
//! (what `adopt --db` does), and then autogenerate against the database finds no
//! change, and touches nothing it cannot describe: views, materialized views,
//! triggers, FTS5 tables and their shadow tables, extension types. A deliberate
//! change of the annotated models is exactly that change.
//!
//! The corpus lives at `tests/corpus/` (or `CARGO_MIGRATE_CORPUS_DIR`); without it
//! the tests skip with a message, except under CI.

mod common;

use std::path::{Path, PathBuf};

use cargo_migrate::backend::Backend;
use cargo_migrate::dialect::annotate::{plan, PlanOptions};
use cargo_migrate::dialect::introspect::{introspect, live_and_models};
use cargo_migrate::dialect::lexer as sql_split;
use cargo_migrate::schema::diff::{diff, Op, Renames};
use cargo_migrate::schema::model::UnmanagedKind;
use common::{TestDb, Workspace};

const SCHEMA_RS: &str = "crates/db/src/schema.rs";

fn corpus(project: &str) -> Option<PathBuf> {
    let root = std::env::var_os("CARGO_MIGRATE_CORPUS_DIR").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus"));
    let dir = root.join(project);
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!("{} is missing under CI: the corpus tests must run", dir.display());
    }
    eprintln!("skipping: no corpus at {}", dir.display());
    None
}

/// Diesel's version of a migration directory: the name before the first `_`, `-` removed.
fn version(name: &str) -> String {
    name.split('_').next().unwrap_or(name).replace('-', "")
}

/// Every `up.sql` under `dir`, in Diesel's order.
fn replay(db: &TestDb, dir: &Path) -> usize {
    replay_with(db, dir, |sql| sql.to_string())
}

/// [`replay`], each file's text passed through `fix` first.
fn replay_with(db: &TestDb, dir: &Path, fix: impl Fn(&str) -> String) -> usize {
    let mut migrations: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.join("up.sql").is_file()).collect();
    migrations.sort_by_key(|p| version(&p.file_name().unwrap().to_string_lossy()));
    let dialect = db.backend;
    // Diesel's state table, with a row per migration run, as `diesel migration run` keeps it
    // (a migration may refer to it).
    db.exec("CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
    for m in &migrations {
        let name = m.file_name().unwrap().to_string_lossy().into_owned();
        let insert = format!("INSERT INTO __diesel_schema_migrations (version) VALUES ('{}')", version(&name));
        match db.backend {
            // Lemmy forbids the Diesel CLI with a trigger that lets its own runner (which
            // holds advisory lock 0) through; so does this replay.
            Backend::Postgres => db.exec(&format!("SELECT pg_advisory_lock(0); {insert}; SELECT pg_advisory_unlock(0);")),
            _ => db.exec(&insert),
        }
        let sql = fix(&std::fs::read_to_string(m.join("up.sql")).unwrap());
        let own_transaction = std::fs::read_to_string(m.join("metadata.toml")).is_ok_and(|t| t.contains("run_in_transaction = false"));
        let mut conn = db.connect();
        if own_transaction || db.backend == Backend::Mysql {
            for s in sql_split::split(&sql, dialect) {
                conn.batch_execute(s.sql).unwrap_or_else(|e| panic!("{}:{}: {e}", m.display(), s.line));
            }
        } else {
            conn.batch_execute(&format!("BEGIN;\n{sql}\n;COMMIT;")).unwrap_or_else(|e| panic!("{}: {e}", m.display()));
        }
    }
    migrations.len()
}

fn ops(db: &TestDb, ws: &Workspace, ignore: &[String]) -> Vec<Op> {
    let models = cargo_migrate::schema::registry::load(ws.path(), &["crates/db/src".to_string()]).unwrap_or_else(|e| panic!("{e}"));
    let (live, models) = live_and_models(&mut db.connect(), &models, ignore).unwrap();
    diff(&live, &models, &Renames::default())
}

/// Replays, annotates, and checks that nothing is left to generate. Returns the
/// workspace and the annotated `schema.rs`.
fn adopt(db: &TestDb, project: &Path, migrations: &str, schema_rs: &str, ignore: &[String]) -> (Workspace, String) {
    let count = replay(db, &project.join(migrations));
    eprintln!("{}: replayed {count} migrations", project.display());
    adopt_replayed(db, project, schema_rs, ignore)
}

/// [`adopt`] on a database already replayed.
fn adopt_replayed(db: &TestDb, project: &Path, schema_rs: &str, ignore: &[String]) -> (Workspace, String) {
    let ws = Workspace::new();
    ws.write(SCHEMA_RS, &std::fs::read_to_string(project.join(schema_rs)).unwrap());
    let before = ops(db, &ws, ignore);
    eprintln!("{}: {} operations before annotating", project.display(), before.len());
    assert!(
        !before.iter().any(|op| matches!(op, Op::CreateTable { .. } | Op::DropTable { .. } | Op::DropEnum { .. } | Op::CreateEnum { .. })),
        "{}: tables and types are never created or dropped by adoption: {before:#?}",
        project.display()
    );

    let live = introspect(&mut db.connect(), &[]).unwrap();
    let options = PlanOptions { ignore: ignore.to_vec(), ..Default::default() };
    let plan = plan(ws.path(), &["crates/db/src".to_string()], &live, db.backend, &options).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{}: {} annotations; unstated: {:#?}", project.display(), plan.insertions.len(), plan.unstated);
    plan.write().unwrap();
    let annotated = ws.read(SCHEMA_RS);
    let after = ops(db, &ws, ignore);
    assert_eq!(after, vec![], "{}: autogenerate --db after adoption proposes changes", project.display());
    (ws, annotated)
}

/// What the live database has that nobody manages, by kind.
fn unmanaged_kinds(db: &TestDb, ws: &Workspace, ignore: &[String]) -> Vec<UnmanagedKind> {
    let models = cargo_migrate::schema::registry::load(ws.path(), &["crates/db/src".to_string()]).unwrap();
    let (live, _) = live_and_models(&mut db.connect(), &models, ignore).unwrap();
    let mut kinds: Vec<UnmanagedKind> = live.unmanaged.iter().map(|u| u.kind).collect();
    kinds.dedup();
    kinds
}

/// Removing one annotation line gives exactly the operations `expect` accepts.
fn deliberate(db: &TestDb, ws: &Workspace, annotated: &str, line: &str, ignore: &[String], expect: impl Fn(&[Op]) -> bool) {
    let line = format!("{line}\n");
    assert!(annotated.contains(&line), "no `{}` line in:\n{annotated}", line.trim());
    ws.write(SCHEMA_RS, &annotated.replacen(&line, "", 1));
    let ops = ops(db, ws, ignore);
    assert!(expect(&ops), "removing `{}`: {ops:#?}", line.trim());
    ws.write(SCHEMA_RS, annotated);
}

#[test]
fn bkmr_sqlite_fts5_and_triggers() {
    let Some(project) = corpus("bkmr") else { return };
    let db = TestDb::new(Backend::Sqlite).unwrap();
    let (ws, annotated) = adopt(&db, &project, "migrations", "schema.rs", &[]);
    let kinds = unmanaged_kinds(&db, &ws, &[]);
    for k in [UnmanagedKind::VirtualTable, UnmanagedKind::ShadowTable, UnmanagedKind::Trigger] {
        assert!(kinds.contains(&k), "{k:?}: {kinds:?}");
    }
    assert!(annotated.contains("/// @unmanaged\n    bookmarks_fts (id) {"), "{annotated}");
    let default_line = annotated.lines().find(|l| l.trim() == "/// @default ''").expect("a default").to_string();
    deliberate(
        &db,
        &ws,
        &annotated,
        &default_line,
        &[],
        |ops| matches!(ops, [Op::AlterColumn { old, new, .. }] if old.default.is_some() && new.default.is_none()),
    );
}

#[test]
fn crates_io_postgres_views_triggers_and_tsvector() {
    let Some(project) = corpus("crates-io") else { return };
    let Some(db) = TestDb::new(Backend::Postgres) else { return };
    let (ws, annotated) = adopt(&db, &project, "migrations", "schema.rs", &[]);
    let kinds = unmanaged_kinds(&db, &ws, &[]);
    for k in [UnmanagedKind::MaterializedView, UnmanagedKind::Trigger] {
        assert!(kinds.contains(&k), "{k:?}: {kinds:?}");
    }
    assert!(annotated.contains("@unmanaged\n") && annotated.contains("recent_crate_downloads (crate_id) {"), "recent_crate_downloads");
    let fk_line =
        annotated.lines().find(|l| l.trim_start().starts_with("/// @references") && l.contains("on delete cascade")).expect("an FK with an action").to_string();
    // An action changes by dropping the key and adding it again, the drop marked.
    deliberate(&db, &ws, &annotated, &fk_line, &[], |ops| {
        matches!(ops, [Op::DropForeignKey { fk: old, .. }, Op::AddForeignKey { fk: new, .. }] if old.on_delete.is_some() && new.on_delete.is_none() && old.columns == new.columns)
            && ops[0].danger().is_some()
    });
    let index_line = annotated.lines().find(|l| l.trim_start().starts_with("/// @index")).expect("an index").to_string();
    deliberate(&db, &ws, &annotated, &index_line, &[], |ops| matches!(ops, [Op::DropIndex { .. }]) && ops[0].danger().is_some());
}

#[test]
fn lemmy_postgres_enums_ltree_and_views() {
    let Some(project) = corpus("lemmy") else { return };
    let Some(db) = TestDb::new(Backend::Postgres) else { return };
    // Lemmy's migrations use PostgreSQL 16 syntax (a subquery in FROM without an alias).
    // Lemmy's migrations use one PostgreSQL 16 form, a subquery in FROM without an
    // alias (`FROM (…)\nGROUP BY`); older servers get the alias added.
    let version = db.texts("SELECT CAST(current_setting('server_version_num') AS TEXT) AS value");
    let old_server = version[0].parse::<u32>().unwrap_or(0) < 160000;
    let fix = |sql: &str| if old_server { sql.replace(")\nGROUP BY", ") AS pg15_alias\nGROUP BY") } else { sql.to_string() };
    let count = replay_with(&db, &project.join("migrations"), fix);
    eprintln!("lemmy: replayed {count} migrations");
    // diesel.toml's `filter = { except_tables = ["previously_run_sql"] }`.
    let ignore = vec!["previously_run_sql".to_string()];
    let (ws, annotated) = adopt_replayed(&db, &project, "schema.rs", &ignore);
    let kinds = unmanaged_kinds(&db, &ws, &ignore);
    for k in [UnmanagedKind::Trigger, UnmanagedKind::Ignored] {
        assert!(kinds.contains(&k), "{k:?}: {kinds:?}");
    }
    let enum_line = annotated.lines().find(|l| l.trim_start().starts_with("/// @enum")).expect("enum labels").to_string();
    assert!(enum_line.contains(','), "{enum_line}");
    // Without its labels the type is the database's again: still no change.
    ws.write(SCHEMA_RS, &annotated.replacen(&format!("{enum_line}\n"), "", 1));
    assert_eq!(ops(&db, &ws, &ignore), vec![]);
    ws.write(SCHEMA_RS, &annotated);
    let check_line = annotated.lines().find(|l| l.trim_start().starts_with("/// @check")).expect("a check").to_string();
    deliberate(&db, &ws, &annotated, &check_line, &ignore, |ops| matches!(ops, [Op::DropCheck { .. }]) && ops[0].danger().is_some());
    let default_line = annotated.lines().find(|l| l.trim_start().starts_with("/// @default")).expect("a default").to_string();
    deliberate(&db, &ws, &annotated, &default_line, &ignore, |ops| matches!(ops, [Op::AlterColumn { .. }]));
}

/// One project, three backends with their own migrations and hand-maintained
/// schema files (not `print-schema` output), which disagree with the databases
/// their migrations build in ways no annotation states: `Text` for `VARCHAR(40)`
/// on PostgreSQL, NOT NULL for a nullable column. After adoption, what is left is
/// exactly those disagreements, each reported by the annotator, none of them a
/// drop of anything.
fn vaultwarden(db: TestDb) {
    let Some(project) = corpus("vaultwarden") else { return };
    let backend = match db.backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgresql",
        // MariaDB refuses the project's first migration ("Foreign key constraint is
        // incorrectly formed"): its MySQL history needs server settings we do not set.
        Backend::Mysql => return,
    };
    let count = replay(&db, &project.join(format!("migrations/{backend}")));
    let ws = Workspace::new();
    ws.write(SCHEMA_RS, &std::fs::read_to_string(project.join(format!("schema/{backend}.rs"))).unwrap());
    let live = introspect(&mut db.connect(), &[]).unwrap();
    let plan = plan(ws.path(), &["crates/db/src".to_string()], &live, db.backend, &PlanOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    plan.write().unwrap();
    let left = ops(&db, &ws, &[]);
    eprintln!(
        "vaultwarden/{backend}: {count} migrations, {} annotations, {} unstated, {} operations left",
        plan.insertions.len(),
        plan.unstated.len(),
        left.len()
    );
    for op in &left {
        let (table, column) = match op {
            Op::AlterColumn { table, new, .. } => (table.clone(), Some(new.name.clone())),
            Op::AlterPrimaryKey { table, .. } => (table.clone(), None),
            Op::AddForeignKey { table, fk } => (table.clone(), Some(fk.columns.join(", "))),
            other => panic!("vaultwarden/{backend}: only reported column disagreements may remain, found {other:?}"),
        };
        let named = match &column {
            Some(c) => format!("{table}.{c}:"),
            None => format!("{table}:"),
        };
        assert!(plan.unstated.iter().any(|u| u.starts_with(&named)), "vaultwarden/{backend}: {op:?} was not reported in {:#?}", plan.unstated);
    }
}

backend_tests!(vaultwarden);
