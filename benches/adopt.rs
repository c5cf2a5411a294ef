//! `cargo migrate adopt` on a Diesel project with a long history: 1,000 migrations
//! named the way diesel_cli names them (`2019-03-22-170700_…` and `20190322170700_…`),
//! a third with a `metadata.toml`, and 500 tables of models for the snapshot. Every run
//! starts from a fresh copy of the Diesel layout (not timed). Compared in the same run
//! with what any command pays (`cargo metadata --no-deps`) and with the file system's
//! floor for the same work (`cp -al` of the directory: one link per file).
//!
//! Target: under 0.5 s. Run with `cargo bench --bench adopt`.

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
    let chain = cargo_migrate::chain::load(&migrations).expect("adopted chain loads");
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
        std::fs::write(m.join("up.sql"), format!("ALTER TABLE {table} ADD COLUMN c{n} TEXT;\nCREATE INDEX ix_{table}_c{n} ON {table} (c{n});\n")).expect("write up.sql");
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
