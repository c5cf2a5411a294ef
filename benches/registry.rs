//! The model registry runs on every `cargo migrate check` (a pre-commit hook), so it
//! must cost no more than what every command already pays: `cargo metadata
//! --no-deps` to find the workspace. Both are timed on one generated workspace of
//! 500 tables in 100 files; the figure is the best of several runs, the floor
//! that noise cannot push down.
//!
//! Run with `cargo bench --bench registry`.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use cargo_migrate::schema::registry;

#[path = "support/models.rs"]
mod models;

const FILES: usize = 100;
const TABLES_PER_FILE: usize = 5;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    models::generate(dir.path(), FILES, TABLES_PER_FILE);
    let models = vec!["src/models".to_string()];

    let schema = registry::load(dir.path(), &models).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(schema.tables.len(), FILES * TABLES_PER_FILE);
    let registry_best = best_of(20, || {
        registry::load(dir.path(), &models).unwrap_or_else(|e| panic!("{e}"));
    });

    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let metadata_best = best_of(10, || {
        let out =
            Command::new(&cargo).args(["metadata", "--no-deps", "--format-version", "1", "--offline"]).current_dir(dir.path()).output().expect("cargo runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    });

    let files: usize = std::fs::read_dir(dir.path().join("src/models")).map(|d| d.count()).unwrap_or(0);
    let bytes: u64 = walk_bytes(&dir.path().join("src/models"));
    println!("workspace: {} tables in {files} files ({} KiB)", schema.tables.len(), bytes / 1024);
    println!("registry::load                       best of 20: {:>8.2} ms", ms(registry_best));
    println!("cargo metadata --no-deps             best of 10: {:>8.2} ms", ms(metadata_best));
    println!("ratio registry / cargo metadata:                  {:>8.2}", registry_best.as_secs_f64() / metadata_best.as_secs_f64());
}

fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn walk_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir).map(|d| d.filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum()).unwrap_or(0)
}
