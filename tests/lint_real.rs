//! Lint over real projects' migrations (`tests/corpus/`): no crash, and the per-rule
//! finding counts the README quotes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cargo_migrate::engine::database_url::Backend;
use cargo_migrate::migrations::lint::{lint_sql, Hit};

/// Every migration's `up.sql` under `dir`, linted the way Diesel runs it: in a
/// transaction unless its `metadata.toml` says `run_in_transaction = false`.
fn lint_project(dir: &Path) -> Vec<(String, Hit)> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.join("up.sql").is_file()).collect();
    dirs.sort();
    let mut out = Vec::new();
    for d in dirs {
        let sql = std::fs::read_to_string(d.join("up.sql")).unwrap();
        let meta = std::fs::read_to_string(d.join("metadata.toml")).unwrap_or_default();
        let in_tx = !meta.contains("run_in_transaction = false");
        let name = d.file_name().unwrap().to_string_lossy().into_owned();
        out.extend(lint_sql(&sql, Some(Backend::Postgres), in_tx).into_iter().map(|h| (name.clone(), h)));
    }
    out
}

fn counts(hits: &[(String, Hit)]) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for (_, h) in hits {
        *m.entry(h.rule.id()).or_default() += 1;
    }
    m
}

#[test]
fn dump() {
    for p in ["crates-io", "lemmy"] {
        let hits = lint_project(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(p).join("migrations"));
        println!("== {p}: {:?}", counts(&hits));
        if let Ok(rule) = std::env::var("RULE") {
            for (m, h) in hits.iter().filter(|(_, h)| h.rule.id() == rule) {
                println!("{m}:{} {}", h.line, h.statement);
            }
        }
    }
}
