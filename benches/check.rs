//! `cargo migrate check` runs on every commit (a pre-commit hook), so it must stay
//! close to what every command already pays: `cargo metadata --no-deps` to find the
//! workspace. Both run as processes on one generated workspace of 500 tables in 100
//! model files and a chain of 1,000 migrations with a matching snapshot, interleaved
//! so load on the machine hits both alike; the figures are medians. `check` is timed
//! twice: as on most commits (models unchanged, so its cache vouches for them) and
//! with the cache removed (every model file and the snapshot parsed).
//!
//! Run with `cargo bench --features mysql --bench check`.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use cargo_migrate::migrations::snapshot::Snapshot;
use cargo_migrate::schema::registry;

#[path = "support/models.rs"]
mod models;

const FILES: usize = 100;
const TABLES_PER_FILE: usize = 5;
const MIGRATIONS: usize = 1000;
const RUNS: usize = 15;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    generate(dir.path());
    // To profile `check` by hand on the same workspace: CARGO_MIGRATE_BENCH_KEEP=/some/dir.
    if let Some(keep) = std::env::var_os("CARGO_MIGRATE_BENCH_KEEP") {
        generate(Path::new(&keep));
    }
    let bin = env!("CARGO_BIN_EXE_cargo-migrate");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());

    // The cache `check` keeps goes to the workspace's own target/, not the caller's.
    let cache_dir = dir.path().join("target/cargo-migrate");
    let check = || {
        let out = Command::new(bin)
            .args(["migrate", "check"])
            .current_dir(dir.path())
            .env_remove("DATABASE_URL")
            .env_remove("CARGO_TARGET_DIR")
            .env("NO_COLOR", "1")
            .output()
            .expect("cargo-migrate runs");
        assert!(out.status.success(), "check failed:\n{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        out
    };
    let metadata = || {
        let out =
            Command::new(&cargo).args(["metadata", "--no-deps", "--format-version", "1", "--offline"]).current_dir(dir.path()).output().expect("cargo runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    // `check` trusts no file changed in the last two seconds (see `cache::settled`);
    // on a commit, files were saved before `git commit` ran.
    std::thread::sleep(Duration::from_millis(2100));
    // Warm-up (page cache, cargo's own start-up files), and proof the workspace is in sync.
    let first = check();
    metadata();
    let mut check_times = Vec::with_capacity(RUNS);
    let mut cold_times = Vec::with_capacity(RUNS);
    let mut metadata_times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        // The usual commit: models and snapshot unchanged since the last check.
        check_times.push(time(|| drop(check())));
        metadata_times.push(time(metadata));
        // A commit that touched the models: every model file and the snapshot are parsed.
        std::fs::remove_dir_all(&cache_dir).expect("the cache was written");
        cold_times.push(time(|| drop(check())));
    }
    let (c, m, cold) = (median(&mut check_times), median(&mut metadata_times), median(&mut cold_times));
    println!("workspace: {} tables in {FILES} files, {MIGRATIONS} migrations", FILES * TABLES_PER_FILE);
    println!("check says: {}", String::from_utf8_lossy(&first.stdout).trim());
    println!("cargo migrate check                median of {RUNS}: {:>8.2} ms (min {:.2}, max {:.2})", ms(c), ms(check_times[0]), ms(check_times[RUNS - 1]));
    println!("cargo migrate check, models parsed median of {RUNS}: {:>8.2} ms (min {:.2}, max {:.2})", ms(cold), ms(cold_times[0]), ms(cold_times[RUNS - 1]));
    println!(
        "cargo metadata --no-deps           median of {RUNS}: {:>8.2} ms (min {:.2}, max {:.2})",
        ms(m),
        ms(metadata_times[0]),
        ms(metadata_times[RUNS - 1])
    );
    println!("ratio check / cargo metadata:                   {:>8.2} (target: under 2)", c.as_secs_f64() / m.as_secs_f64());
    println!("ratio check (models parsed) / cargo metadata:   {:>8.2}", cold.as_secs_f64() / m.as_secs_f64());
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

/// Sorts in place and returns the middle value.
fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A workspace like a real one after years of work: model files shaped as in the
/// registry benchmark, 1,000 migrations of realistic size, and the snapshot at head.
fn generate(root: &Path) {
    models::generate(root, FILES, TABLES_PER_FILE);
    let migrations = root.join("migrations");
    for n in 1..=MIGRATIONS {
        let table = format!("t{:03}_{}", (n - 1) % FILES, (n - 1) / FILES % TABLES_PER_FILE);
        let dir = migrations.join(format!("{n:04}_change_{table}"));
        std::fs::create_dir_all(&dir).expect("create migration dir");
        let up = format!(
            "-- change {table}\n-- revision {n:04}, revises {:04}, created 2026-01-01T00:00:00Z\n\nALTER TABLE {table} ADD COLUMN c{n} TEXT;\nCREATE INDEX ix_{table}_c{n} ON {table} (c{n});\nUPDATE {table} SET c{n} = title WHERE c{n} IS NULL;\n",
            n - 1
        );
        let down = format!("DROP INDEX ix_{table}_c{n};\nALTER TABLE {table} DROP COLUMN c{n};\n");
        let revises = if n > 1 { format!("revises = \"{:04}\"\n", n - 1) } else { String::new() };
        let meta = format!("{revises}message = \"change {table}\"\ncreated = \"2026-01-01T00:00:00Z\"\nrun_in_transaction = true\n");
        for (file, text) in [("up.sql", up), ("down.sql", down), ("metadata.toml", meta)] {
            std::fs::write(dir.join(file), text).expect("write migration file");
        }
    }
    let schema = registry::load(root, &["src/models".to_string()]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(schema.tables.len(), FILES * TABLES_PER_FILE);
    std::fs::write(migrations.join("schema_snapshot.json"), Snapshot::new(Some(format!("{MIGRATIONS:04}")), &schema).to_json()).expect("write snapshot");
}
