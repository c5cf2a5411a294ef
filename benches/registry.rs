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

use cargo_migrate::registry;

const FILES: usize = 100;
const TABLES_PER_FILE: usize = 5;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    generate(dir.path());
    let models = vec!["src/models".to_string()];

    let schema = registry::load(dir.path(), &models).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(schema.tables.len(), FILES * TABLES_PER_FILE);
    let registry_best = best_of(20, || {
        registry::load(dir.path(), &models).unwrap_or_else(|e| panic!("{e}"));
    });

    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let metadata_best = best_of(10, || {
        let out = Command::new(&cargo)
            .args(["metadata", "--no-deps", "--format-version", "1", "--offline"])
            .current_dir(dir.path())
            .output()
            .expect("cargo runs");
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

/// A package whose `src/models/` holds files shaped like real model files: a
/// print-schema header, annotated tables of mixed types, and joinables to the
/// previous file's tables.
fn generate(root: &Path) {
    let models = root.join("src/models");
    std::fs::create_dir_all(&models).expect("create models dir");
    std::fs::write(root.join("Cargo.toml"), "[package]\nname = \"bench-models\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n")
        .expect("write Cargo.toml");
    // The module list lives in lib.rs so that src/models/ holds exactly FILES files.
    let mut lib = String::from("pub mod models {\n");
    for f in 0..FILES {
        lib.push_str(&format!("    pub mod m{f:03};\n"));
        let mut text = String::from("// @generated automatically by Diesel CLI, then annotated.\n\n");
        for t in 0..TABLES_PER_FILE {
            let name = format!("t{f:03}_{t}");
            text.push_str(&format!(
                r#"diesel::table! {{
    use diesel::sql_types::*;

    /// Table {name}: generated for the registry benchmark.
    /// @index (owner_id, created_at)
    /// @unique uq_{name}_slug_owner (slug, owner_id)
    /// @check (score >= 0)
    {name} (id) {{
        id -> Int8,
        #[max_length = 120]
        /// @unique
        slug -> Varchar,
        title -> Text,
        body -> Nullable<Text>,
        owner_id -> Int8,
        /// @default 0
        score -> Double,
        flags -> Array<Nullable<Text>>,
        data -> Nullable<Jsonb>,
        /// @default CURRENT_TIMESTAMP
        /// @index
        created_at -> Timestamptz,
        updated_at -> Nullable<Timestamptz>,
    }}
}}

"#
            ));
            if f > 0 {
                text.push_str(&format!("diesel::joinable!({name} -> t{:03}_{t} (owner_id));\n\n", f - 1));
            }
        }
        std::fs::write(models.join(format!("m{f:03}.rs")), text).expect("write model file");
    }
    lib.push_str("}\n");
    std::fs::write(root.join("src/lib.rs"), lib).expect("write lib.rs");
}
