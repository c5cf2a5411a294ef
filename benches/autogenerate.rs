//! `revision --autogenerate` over 500 tables in 100 model files, each mode against
//! the floor it cannot beat, measured in the same run:
//!
//! - snapshot mode (load the models, read `schema_snapshot.json`, diff, render both
//!   directions) against `cargo metadata --no-deps`, which every cargo subcommand pays;
//! - `--db` on PostgreSQL (connect, introspect, fold, diff, render) against
//!   `pg_dump --schema-only` of the same database: the server's own schema dump.
//!
//! Figures are medians. The `--db` part runs when `CARGO_MIGRATE_TEST_POSTGRES_URL`
//! names a server (an admin URL: a scratch database is created and dropped).
//!
//! Run with `CARGO_MIGRATE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres
//! cargo bench --features mysql --bench autogenerate`.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use cargo_migrate::backend::{Backend, DatabaseUrl};
use cargo_migrate::dialect::connection::Connection;
use cargo_migrate::dialect::introspect;
use cargo_migrate::migrations::autogenerate;
use cargo_migrate::schema::model::Schema;

#[path = "support/models.rs"]
mod models;

const FILES: usize = 100;
const TABLES_PER_FILE: usize = 5;
const RUNS: usize = 15;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    models::generate(dir.path(), FILES, TABLES_PER_FILE);
    let paths = vec!["src/models".to_string()];
    let load = || cargo_migrate::schema::registry::load(dir.path(), &paths).unwrap_or_else(|e| panic!("{e}"));

    // The head: the models as they are, recorded by a hand-written revision.
    let migrations = dir.path().join("migrations");
    let templates = cargo_migrate::migrations::revision::Templates::load(None).unwrap();
    let head = load();
    let rev = cargo_migrate::migrations::revision::NewRevision { message: "baseline".into(), run_in_transaction: true, ..Default::default() };
    cargo_migrate::migrations::revision::write(&migrations, &rev, &templates, None, Some(&head)).unwrap();
    // The change under review: one column added to one table.
    let file = dir.path().join("src/models/m050.rs");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("        title -> Text,\n", "        title -> Text,\n        subtitle -> Nullable<Text>,\n", 1)).unwrap();

    let offline = || {
        let new = load();
        let chain = cargo_migrate::migrations::chain::load(&migrations).unwrap();
        let old = autogenerate::schema_at_head(&migrations, &chain).unwrap();
        let (renames, unresolved) = autogenerate::settle_renames(&old, &new, &new, &[]).unwrap();
        autogenerate::generate(Backend::Postgres, &old, &new, &renames, unresolved)
    };
    let g = offline();
    assert_eq!(g.ops.len(), 1, "{:?}", g.ops);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let metadata = || {
        let out =
            Command::new(&cargo).args(["metadata", "--no-deps", "--format-version", "1", "--offline"]).current_dir(dir.path()).output().expect("cargo runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    let (snap, floor) = interleaved(|| drop(offline()), metadata);
    println!("workspace: {} tables in {FILES} files, one column added", head.tables.len());
    println!("autogenerate, snapshot mode            median of {RUNS}: {:>8.2} ms", ms(snap));
    println!("cargo metadata --no-deps               median of {RUNS}: {:>8.2} ms", ms(floor));
    println!("ratio snapshot mode / cargo metadata:                  {:>8.2}", ratio(snap, floor));

    let Ok(admin) = std::env::var("CARGO_MIGRATE_TEST_POSTGRES_URL") else {
        println!("--db on PostgreSQL: skipped (set CARGO_MIGRATE_TEST_POSTGRES_URL)");
        return;
    };
    let name = format!("cmbench_{}", std::process::id());
    let mut admin_conn = connect(&admin);
    admin_conn.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    let url = replace_db(&admin, &name);
    let result = std::panic::catch_unwind(|| {
        let mut conn = connect(&url);
        let create = autogenerate::generate(Backend::Postgres, &Schema::default(), &head, &Default::default(), vec![]);
        conn.batch_execute(&create.up.sql).unwrap_or_else(|e| panic!("creating the schema: {e}"));
        let online = || {
            let mut conn = connect(&url);
            let (old, new) = introspect::live_and_models(&mut conn, &load(), &[]).unwrap();
            let (renames, unresolved) = autogenerate::settle_renames(&old, &new, &new, &[]).unwrap();
            autogenerate::generate(Backend::Postgres, &old, &new, &renames, unresolved)
        };
        let g = online();
        assert_eq!(g.ops.len(), 1, "the live schema should differ by the one column: {:?}", &g.ops[..g.ops.len().min(5)]);
        let dump = || {
            let out = Command::new("pg_dump").args(["--schema-only", "--no-owner", &url]).output().expect("pg_dump runs");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        };
        let (db, floor) = interleaved(|| drop(online()), dump);
        println!("autogenerate --db on PostgreSQL        median of {RUNS}: {:>8.2} ms", ms(db));
        println!("pg_dump --schema-only                  median of {RUNS}: {:>8.2} ms", ms(floor));
        println!("ratio --db / pg_dump:                                  {:>8.2}", ratio(db, floor));
    });
    let _ = admin_conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

/// Runs both alternately, so load on the machine hits both alike; returns medians.
fn interleaved(mut a: impl FnMut(), mut b: impl FnMut()) -> (Duration, Duration) {
    a();
    b();
    let (mut ta, mut tb) = (Vec::with_capacity(RUNS), Vec::with_capacity(RUNS));
    for _ in 0..RUNS {
        let s = Instant::now();
        a();
        ta.push(s.elapsed());
        let s = Instant::now();
        b();
        tb.push(s.elapsed());
    }
    (median(ta), median(tb))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

fn connect(url: &str) -> Connection {
    let parsed = DatabaseUrl::parse(url, Path::new("/")).unwrap();
    Connection::connect(&parsed, Duration::from_secs(10)).unwrap_or_else(|e| panic!("{e}"))
}

fn replace_db(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap();
    let authority = rest.split('/').next().unwrap();
    format!("{scheme}://{authority}/{name}")
}
