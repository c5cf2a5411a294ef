//! `cargo migrate adopt` on a Diesel project with a long history: 1,000 migrations
//! named the way diesel_cli names them (`2019-03-22-170700_…` and `20190322170700_…`),
//! a third with a `metadata.toml`, and 500 tables of models for the snapshot. Every run
//! starts from a fresh copy of the Diesel layout (not timed). Compared in the same run
//! with what any command pays (`cargo metadata --no-deps`) and with the file system's
//! floor for the same work (`cp -al` of the directory: one link per file).
//!
//! Target: under 0.5 s.
//!
//! Then `adopt --db` on PostgreSQL: 300 tables (indexes, unique constraints, checks,
//! defaults, foreign keys) built by one Diesel migration, print-schema-style models
//! (the annotations stripped), so adoption annotates every one of them back and
//! records the state; compared with `pg_dump --schema-only` of the same database.
//! Target: under 2 s. Runs when `CARGO_MIGRATE_TEST_POSTGRES_URL` names a server.
//!
//! Run with `CARGO_MIGRATE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres
//! cargo bench --bench adopt`.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

#[path = "support/models.rs"]
mod models;

const MIGRATIONS: usize = 1000;
const RUNS: usize = 9;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("ws");
    models::generate(&root, 100, 5);
    let pristine = dir.path().join("diesel-migrations");
    generate_diesel(&pristine);
    let bin = env!("CARGO_BIN_EXE_cargo-migrate");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let migrations = root.join("migrations");
    let fresh_copy = || {
        let _ = std::fs::remove_dir_all(&migrations);
        run(Command::new("cp").arg("-a").arg(&pristine).arg(&migrations));
    };
    let adopt = || {
        run(Command::new(bin).args(["migrate", "adopt"]).current_dir(&root).env_remove("DATABASE_URL").env_remove("CARGO_TARGET_DIR").env("NO_COLOR", "1"));
    };
    let link_copy = dir.path().join("linked");
    let floor = || {
        let _ = std::fs::remove_dir_all(&link_copy);
        run(Command::new("cp").arg("-al").arg(&pristine).arg(&link_copy));
    };
    let metadata = || run(Command::new(&cargo).args(["metadata", "--no-deps", "--format-version", "1", "--offline"]).current_dir(&root));

    // Warm-up, and proof the result is a valid chain.
    fresh_copy();
    adopt();
    let chain = cargo_migrate::migrations::chain::load(&migrations).expect("adopted chain loads");
    assert_eq!(chain.len(), MIGRATIONS);
    metadata();
    floor();
    let (mut adopt_t, mut floor_t, mut metadata_t) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        fresh_copy();
        adopt_t.push(time(adopt));
        floor_t.push(time(floor));
        metadata_t.push(time(metadata));
    }
    let (a, f, m) = (median(&mut adopt_t), median(&mut floor_t), median(&mut metadata_t));
    println!("{MIGRATIONS} Diesel migrations, 500 tables of models");
    println!("cargo migrate adopt        median of {RUNS}: {:>8.2} ms (min {:.2}, max {:.2}; target under 500)", ms(a), ms(adopt_t[0]), ms(adopt_t[RUNS - 1]));
    println!("cp -al of the directory    median of {RUNS}: {:>8.2} ms", ms(f));
    println!("cargo metadata --no-deps   median of {RUNS}: {:>8.2} ms", ms(m));
    println!("ratio adopt / cp -al:           {:>8.2}", a.as_secs_f64() / f.as_secs_f64());
    println!("ratio adopt / cargo metadata:   {:>8.2}", a.as_secs_f64() / m.as_secs_f64());

    match std::env::var("CARGO_MIGRATE_TEST_POSTGRES_URL") {
        Ok(admin) => adopt_db(&admin, bin),
        Err(_) => println!("adopt --db on PostgreSQL: skipped (set CARGO_MIGRATE_TEST_POSTGRES_URL)"),
    }
}

const DB_FILES: usize = 60;

fn adopt_db(admin: &str, bin: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let pristine = dir.path().join("pristine");
    models::generate(&pristine, DB_FILES, 5);
    let schema = cargo_migrate::schema::registry::load(&pristine, &["src/models".to_string()]).unwrap_or_else(|e| panic!("{e}"));
    let create =
        cargo_migrate::migrations::autogenerate::generate(cargo_migrate::backend::Backend::Postgres, &Default::default(), &schema, &Default::default(), vec![]);
    let m = pristine.join("migrations/20200101000000_create_schema");
    std::fs::create_dir_all(&m).unwrap();
    std::fs::write(m.join("up.sql"), &create.up.sql).unwrap();
    std::fs::write(m.join("down.sql"), &create.down.sql).unwrap();
    // What `diesel print-schema` writes: no annotation lines.
    for f in std::fs::read_dir(pristine.join("src/models")).unwrap() {
        let p = f.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, text.lines().filter(|l| !l.trim_start().starts_with("/// @")).map(|l| format!("{l}\n")).collect::<String>()).unwrap();
    }
    let name = format!("cmbench_adopt_{}", std::process::id());
    let (scheme, rest) = admin.split_once("://").unwrap();
    let url = format!("{scheme}://{}/{name}", rest.split('/').next().unwrap());
    psql(admin, &format!("CREATE DATABASE {name}"));
    let result = std::panic::catch_unwind(|| {
        psql(&url, &create.up.sql);
        psql(&url, "CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP); INSERT INTO __diesel_schema_migrations (version) VALUES ('20200101000000')");
        let ws = dir.path().join("ws");
        let fresh = || {
            let _ = std::fs::remove_dir_all(&ws);
            run(Command::new("cp").arg("-a").arg(&pristine).arg(&ws));
            psql(&url, "DELETE FROM __diesel_schema_migrations WHERE version <> '20200101000000'; DROP TABLE IF EXISTS __cargo_migrate_applied");
        };
        let adopt = || {
            let out = Command::new(bin)
                .args(["migrate", "adopt", "--db"])
                .current_dir(&ws)
                .env("DATABASE_URL", &url)
                .env_remove("CARGO_TARGET_DIR")
                .env("NO_COLOR", "1")
                .output()
                .expect("runs");
            assert!(out.status.success(), "adopt --db failed:\n{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            out
        };
        fresh();
        let first = adopt();
        let annotated = String::from_utf8_lossy(&first.stdout).lines().filter(|l| l.starts_with("    src/models/")).count();
        let check = Command::new(bin)
            .args(["migrate", "check", "--db"])
            .current_dir(&ws)
            .env("DATABASE_URL", &url)
            .env_remove("CARGO_TARGET_DIR")
            .output()
            .expect("runs");
        assert!(check.status.success(), "check --db after adopt --db:\n{}", String::from_utf8_lossy(&check.stdout));
        let dump = || run(Command::new("pg_dump").args(["--schema-only", "--no-owner", &url]));
        dump();
        let (mut adopt_t, mut dump_t) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            fresh();
            adopt_t.push(time(|| drop(adopt())));
            dump_t.push(time(dump));
        }
        let (a, d) = (median(&mut adopt_t), median(&mut dump_t));
        println!("{} tables on PostgreSQL, {annotated} annotation lines written back", schema.tables.len());
        println!("cargo migrate adopt --db   median of {RUNS}: {:>8.2} ms (target under 2000)", ms(a));
        println!("pg_dump --schema-only      median of {RUNS}: {:>8.2} ms", ms(d));
        println!("ratio adopt --db / pg_dump:     {:>8.2}", a.as_secs_f64() / d.as_secs_f64());
    });
    psql(admin, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

fn psql(url: &str, sql: &str) {
    let parsed = cargo_migrate::backend::DatabaseUrl::parse(url, Path::new("/")).unwrap();
    let mut conn = cargo_migrate::dialect::connection::Connection::connect(&parsed, Duration::from_secs(10)).unwrap_or_else(|e| panic!("{e}"));
    conn.batch_execute(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
}

fn run(cmd: &mut Command) {
    let out = cmd.output().expect("command runs");
    assert!(out.status.success(), "{cmd:?} failed:\n{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

/// Both of diesel_cli's naming styles, one migration a day from 2019 on.
fn generate_diesel(dir: &Path) {
    for n in 0..MIGRATIONS {
        let (y, d) = (2019 + n / 300, n % 300);
        let (month, day) = (1 + d / 28, 1 + d % 28);
        let table = format!("t{:03}_{}", n % 100, n / 100 % 5);
        let name = if n % 2 == 0 { format!("{y}-{month:02}-{day:02}-120000_change_{table}") } else { format!("{y}{month:02}{day:02}120000_change_{table}") };
        let m = dir.join(name);
        std::fs::create_dir_all(&m).expect("create migration dir");
        std::fs::write(m.join("up.sql"), format!("ALTER TABLE {table} ADD COLUMN c{n} TEXT;\nCREATE INDEX ix_{table}_c{n} ON {table} (c{n});\n"))
            .expect("write up.sql");
        std::fs::write(m.join("down.sql"), format!("DROP INDEX ix_{table}_c{n};\nALTER TABLE {table} DROP COLUMN c{n};\n")).expect("write down.sql");
        if n % 3 == 0 {
            std::fs::write(m.join("metadata.toml"), "run_in_transaction = false\n").expect("write metadata.toml");
        }
    }
    std::fs::write(dir.join("README.md"), "Diesel migrations.\n").expect("write README");
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
