//! Applies 1,000 small migrations with the apply engine and compares against the
//! database's floor: the same SQL fed straight to the same kind of connection, one
//! transaction per migration, in the same run.
//!
//! `cargo bench --bench apply` (PostgreSQL joins when CARGO_MIGRATE_TEST_POSTGRES_URL
//! is set, MariaDB when CARGO_MIGRATE_TEST_MYSQL_URL is set and the `mysql` feature is on).

use std::path::Path;
use std::time::{Duration, Instant};

use cargo_migrate::backend::{Backend, DatabaseUrl};
use cargo_migrate::cli::output::Output;
use cargo_migrate::dialect::connection::Connection;
use cargo_migrate::engine::apply::{Engine, Options};
use cargo_migrate::migrations::chain::{self, Metadata};
use cargo_migrate::migrations::revision_spec::Spec;

const MIGRATIONS: u32 = 1000;

fn write_chain(dir: &Path) {
    for n in 1..=MIGRATIONS {
        let d = dir.join(format!("{n:04}_step_{n}"));
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("up.sql"), format!("CREATE TABLE t{n} (id INTEGER PRIMARY KEY, v VARCHAR(20));\nINSERT INTO t{n} (id, v) VALUES (1, 'x');\n"))
            .unwrap();
        std::fs::write(d.join("down.sql"), format!("DROP TABLE t{n};\n")).unwrap();
        let meta = Metadata {
            revises: (n > 1).then(|| format!("{:04}", n - 1)),
            message: Some(format!("step {n}")),
            created: None,
            run_in_transaction: Some(true),
            ..Default::default()
        };
        std::fs::write(d.join("metadata.toml"), meta.to_toml()).unwrap();
    }
}

/// A fresh database per measurement: (url, cleanup).
fn fresh(backend: Backend, admin: Option<&str>, tag: &str, tmp: &Path) -> (DatabaseUrl, Box<dyn FnOnce()>) {
    match backend {
        Backend::Sqlite => {
            let p = tmp.join(format!("{tag}.sqlite3"));
            (DatabaseUrl::parse(&p.to_string_lossy(), tmp).unwrap(), Box::new(|| ()))
        }
        _ => {
            let admin = admin.unwrap().to_string();
            let name = format!("cmbench_{}_{tag}", std::process::id());
            let url = DatabaseUrl::parse(&admin, tmp).unwrap();
            let mut c = Connection::connect(&url, Duration::ZERO).unwrap();
            c.batch_execute(&format!("DROP DATABASE IF EXISTS {name}")).unwrap();
            c.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
            let (scheme, rest) = admin.split_once("://").unwrap();
            let authority = rest.split('/').next().unwrap();
            let db_url = DatabaseUrl::parse(&format!("{scheme}://{authority}/{name}"), tmp).unwrap();
            let drop_sql = if backend == Backend::Postgres { format!("DROP DATABASE {name} WITH (FORCE)") } else { format!("DROP DATABASE {name}") };
            (
                db_url,
                Box::new(move || {
                    let _ = c.batch_execute(&drop_sql);
                }),
            )
        }
    }
}

fn floor(url: &DatabaseUrl, chain: &chain::Chain) -> Duration {
    let mut conn = Connection::connect(url, Duration::ZERO).unwrap();
    let sqls: Vec<String> = chain.migrations.iter().map(|m| m.read_up().unwrap()).collect();
    let begin = if url.backend == Backend::Sqlite { "BEGIN IMMEDIATE" } else { "BEGIN" };
    let started = Instant::now();
    for sql in &sqls {
        conn.batch_execute(begin).unwrap();
        conn.batch_execute(sql).unwrap();
        conn.batch_execute("COMMIT").unwrap();
    }
    started.elapsed()
}

fn ours(url: &DatabaseUrl, chain: &chain::Chain) -> Duration {
    let mut conn = Connection::connect(url, Duration::ZERO).unwrap();
    let out = Output::new(false, false, true, 0);
    let started = Instant::now();
    let mut engine = Engine {
        conn: &mut conn,
        chain,
        out: &out,
        opts: Options { ignore_checksums: false, lock_timeout: Duration::from_secs(60), strict: false, retry_lock_timeout: 0 },
    };
    let report = engine.upgrade(&Spec::parse("head").unwrap()).unwrap();
    assert_eq!(report.done.len(), MIGRATIONS as usize);
    started.elapsed()
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("migrations");
    write_chain(&dir);
    let load_started = Instant::now();
    let chain = chain::load(&dir).unwrap();
    let load = load_started.elapsed();
    println!("{MIGRATIONS} migrations; loading and checking the chain: {:.1} ms", load.as_secs_f64() * 1e3);

    let mut backends = vec![(Backend::Sqlite, None)];
    if let Ok(u) = std::env::var("CARGO_MIGRATE_TEST_POSTGRES_URL") {
        backends.push((Backend::Postgres, Some(u)));
    }
    if cfg!(feature = "mysql") {
        if let Ok(u) = std::env::var("CARGO_MIGRATE_TEST_MYSQL_URL") {
            backends.push((Backend::Mysql, Some(u)));
        }
    }
    for (backend, admin) in backends {
        // Alternate floor and ours, best of three each, so drift affects both alike.
        let (mut best_floor, mut best_ours) = (Duration::MAX, Duration::MAX);
        for round in 0..3 {
            let (url, cleanup) = fresh(backend, admin.as_deref(), &format!("floor{round}"), tmp.path());
            best_floor = best_floor.min(floor(&url, &chain));
            cleanup();
            let (url, cleanup) = fresh(backend, admin.as_deref(), &format!("ours{round}"), tmp.path());
            best_ours = best_ours.min(ours(&url, &chain));
            cleanup();
        }
        println!(
            "{:<14} floor {:>8.1} ms   cargo migrate {:>8.1} ms   ratio {:.2}x",
            backend.name(),
            best_floor.as_secs_f64() * 1e3,
            best_ours.as_secs_f64() * 1e3,
            best_ours.as_secs_f64() / best_floor.as_secs_f64()
        );
    }
}
