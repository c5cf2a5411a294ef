//! `check`: is everything in sync? The chain (numbers, `revises`, one head, both
//! SQL files), the snapshot against the chain, the models against the snapshot
//! (the change nobody wrote a migration for), lint findings, and with `--db` the
//! database against the files. Offline by default, so a pre-commit hook is instant.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::Result;
use crate::migrations::chain::{self, Chain};
use crate::migrations::lint::{self, Finding};
use crate::migrations::snapshot;
use crate::migrations::status::Status;
use crate::project::cache;
use crate::schema::model::{Schema, Table};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub kind: ProblemKind,
    pub message: String,
}

/// What is out of sync. Its kebab-case name is a stable id for scripts (`--format
/// json`'s `kind`, the `[kind]` of the text output), listed in the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// The chain does not hold together (numbers, `revises`, heads, files).
    Chain,
    /// The snapshot file cannot be read.
    Snapshot,
    /// The snapshot was written for another revision than the head.
    SnapshotStale,
    /// The models do not load.
    Models,
    /// The models changed with no migration for it.
    ModelsChanged,
    /// Lint findings fail the check (`lint_fails_check`).
    Lint,
    /// The database is not at head.
    DbPending,
    /// An applied migration's file changed.
    DbEdited,
    /// The database lists a migration the directory does not have.
    DbUnknown,
    /// A non-transactional migration failed part-way.
    DbPartial,
    /// The live schema differs from the models.
    DbDrift,
}

impl ProblemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::Chain => "chain",
            ProblemKind::Snapshot => "snapshot",
            ProblemKind::SnapshotStale => "snapshot-stale",
            ProblemKind::Models => "models",
            ProblemKind::ModelsChanged => "models-changed",
            ProblemKind::Lint => "lint",
            ProblemKind::DbPending => "db-pending",
            ProblemKind::DbEdited => "db-edited",
            ProblemKind::DbUnknown => "db-unknown",
            ProblemKind::DbPartial => "db-partial",
            ProblemKind::DbDrift => "db-drift",
        }
    }
}

impl std::fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub head: Option<String>,
    pub migrations: usize,
    pub problems: Vec<Problem>,
    pub lint: Vec<Finding>,
    /// Things worth knowing that are not problems (no snapshot yet, …).
    pub notes: Vec<String>,
    /// With `--db`: what the database has that autogenerate and drift leave alone.
    pub unmanaged: Vec<crate::schema::model::Unmanaged>,
}

/// Everything that needs no database. `models`/`base_dir` come from the config.
pub fn offline(migrations_dir: &std::path::Path, base_dir: &std::path::Path, models: &[String]) -> Result<(Report, Option<Chain>)> {
    offline_cached(migrations_dir, base_dir, models, &Default::default(), &[], None)
}

/// [`offline`], remembering in `cache` (a file under the target directory) that the
/// models matched the snapshot. Parsing every model file and the snapshot is most
/// of a check's time, and on most commits neither changed: when the model files
/// and the snapshot have the size and modification time they had at the last
/// clean check (cargo's own freshness rule), the verdict and the snapshot's revision
/// are read from the cache instead. Beside it, `<cache>.scan` keeps each
/// migration's metadata (see [`chain::scan_cached`]). Files changed in the last two
/// seconds are never trusted to the cache.
/// The chain alone, every problem listed: what `check` reports with no models to
/// compare (`--migrations-dir`), and the first part of [`offline_cached`].
pub fn chain_only(migrations_dir: &Path) -> Result<(Report, Option<Chain>)> {
    let (migrations, problems) = chain::scan(migrations_dir)?;
    Ok(judge_chain(migrations_dir, &migrations, problems))
}

fn judge_chain(migrations_dir: &Path, migrations: &[chain::Migration], problems: Vec<chain::ChainProblem>) -> (Report, Option<Chain>) {
    let mut report = Report { migrations: migrations.len(), ..Report::default() };
    let chain = match chain::validate(migrations_dir, migrations, problems) {
        Ok(c) => Some(c),
        Err(errors) => {
            report.problems.extend(errors.problems.into_iter().map(|p| Problem { kind: ProblemKind::Chain, message: p.to_string() }));
            None
        }
    };
    report.head = chain.as_ref().and_then(|c| c.head()).map(|m| m.name.clone());
    (report, chain)
}

pub fn offline_cached(
    migrations_dir: &Path,
    base_dir: &Path,
    models: &[String],
    types: &crate::schema::registry::TypeMap,
    ignore: &[String],
    cache_file: Option<&Path>,
) -> Result<(Report, Option<Chain>)> {
    let scan_cache_path = cache_file.map(|c| c.with_extension("scan"));
    let scan_cache = scan_cache_path.as_deref().map(|p| read_scan_cache(p).unwrap_or_default());
    let (migrations, scan_problems, fresh) = chain::scan_cached(migrations_dir, scan_cache.as_ref())?;
    if let (Some(path), Some(old)) = (&scan_cache_path, &scan_cache) {
        if *old != fresh {
            cache::write(path, &serde_json::to_string(&fresh).unwrap_or_default());
        }
    }
    let (mut report, chain) = judge_chain(migrations_dir, &migrations, scan_problems);

    let snapshot_path = migrations_dir.join(crate::migrations::snapshot::SNAPSHOT_FILE);
    let fingerprint = cache_file.filter(|_| snapshot_path.is_file()).and_then(|_| fingerprint(base_dir, models, (types, ignore), &snapshot_path));
    let cached_revision = match (cache_file, fingerprint) {
        (Some(c), Some((f, _))) => read_cache(c, f),
        _ => None,
    };
    // The snapshot's revision (outer `None`: there is no snapshot) and, unless the
    // cache vouches for the models, the snapshot itself.
    let (revision, snap) = match cached_revision {
        Some(r) => (Some(r), None),
        None => match snapshot::read(migrations_dir) {
            Ok(s) => (s.as_ref().map(|s| s.revision.clone()), s),
            Err(e) => {
                report.problems.push(Problem { kind: ProblemKind::Snapshot, message: e.to_string() });
                (None, None)
            }
        },
    };
    match (&revision, &chain) {
        (Some(r), Some(c)) => {
            let head = c.head().map(|m| m.id.clone());
            if *r != head {
                report.problems.push(Problem {
                    kind: ProblemKind::SnapshotStale,
                    message: format!(
                        "{} was written for revision {} but the head is {}\n    fix: if the head migration implements the current models, record them with `cargo migrate revision`; after a merge, renumber so the snapshot follows the chain (`cargo migrate merge`)",
                        crate::migrations::snapshot::SNAPSHOT_FILE,
                        r.as_deref().unwrap_or("base"),
                        head.as_deref().unwrap_or("base")
                    ),
                });
            }
        }
        (None, Some(c)) if !c.is_empty() && !report.problems.iter().any(|p| p.kind == ProblemKind::Snapshot) => {
            report
                .notes
                .push(format!("no {} yet, so model changes are not checked (`cargo migrate revision` writes it)", crate::migrations::snapshot::SNAPSHOT_FILE));
        }
        _ => {}
    }
    if snap.is_none() && revision.is_none() {
        // No snapshot to compare with, but models that do not load are still a
        // problem: `check` must never say "ok" over them. A models path that finds
        // no file is not, here: a workspace without models has nothing to check.
        if let Err(e) = crate::schema::registry::load_with(base_dir, models, types) {
            if !matches!(e, crate::schema::registry::RegistryError::NoFiles { .. } | crate::schema::registry::RegistryError::NoModelPaths) {
                report.problems.push(Problem { kind: ProblemKind::Models, message: e.to_string() });
            }
        }
    }
    if let Some(s) = &snap {
        match crate::schema::registry::load_with(base_dir, models, types) {
            Ok(current) => {
                // What neither side manages (`@unmanaged`, `ignore`) is no change.
                let (mut old, mut new) = (s.schema.clone(), snapshot::without_sources(&current));
                crate::dialect::introspect::set_aside_unmanaged(&mut old, &mut new, ignore);
                let changes = describe_changes(&old, &new);
                if !changes.is_empty() {
                    report.problems.push(Problem {
                        kind: ProblemKind::ModelsChanged,
                        message: format!(
                            "the models changed since the last migration, with no migration for it:\n      {}\n    fix: write a migration for the change: `cargo migrate revision -m \"…\"` (it records the models as the new snapshot)",
                            changes.join("\n      ")
                        ),
                    });
                } else if let (Some(c), Some((f, true))) = (cache_file, fingerprint) {
                    // Only files older than a clock tick or two: see `cache::settled`.
                    write_cache(c, f, &s.revision);
                }
            }
            Err(e) => report.problems.push(Problem { kind: ProblemKind::Models, message: e.to_string() }),
        }
    }
    Ok((report, chain))
}

/// Size and modification time of every model file and of the snapshot, hashed
/// (the cache file itself is keyed to this build), and whether all of them are old enough to
/// trust (see [`cache::settled`]); `None` when any of them cannot be read.
fn fingerprint(base_dir: &Path, models: &[String], config: (&crate::schema::registry::TypeMap, &[String]), snapshot: &Path) -> Option<(u64, bool)> {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    base_dir.hash(&mut h);
    models.hash(&mut h);
    // The `types` and `ignore` keys change what the same files mean.
    config.hash(&mut h);
    let files = crate::schema::registry::files::model_files(base_dir, models).ok()?;
    let mut settled = true;
    for f in files.iter().map(PathBuf::as_path).chain([snapshot]) {
        let (mtime, len) = cache::stamp(f)?;
        settled &= cache::settled(mtime);
        (f, len, mtime).hash(&mut h);
    }
    Some((h.finish(), settled))
}

/// The snapshot revision recorded with this fingerprint (`Some(None)`: base).
fn read_cache(path: &Path, fingerprint: u64) -> Option<Option<String>> {
    let text = cache::read(path)?;
    let (key, revision) = text.trim_end().split_once('\n')?;
    if key != format!("{fingerprint:016x}") {
        return None;
    }
    Some(revision.strip_prefix("revision ").map(str::to_string))
}

/// The scan cache, when it was written by this very build.
fn read_scan_cache(path: &Path) -> Option<chain::ScanCache> {
    serde_json::from_str(&cache::read(path)?).ok()
}

fn write_cache(path: &Path, fingerprint: u64, revision: &Option<String>) {
    let revision = revision.as_ref().map(|r| format!("revision {r}")).unwrap_or_else(|| "base".into());
    cache::write(path, &format!("{fingerprint:016x}\n{revision}\n"));
}

/// Lint findings for the given migrations.
pub fn lint_all(report: &mut Report, migrations: &[&chain::Migration], backend: Option<crate::backend::Backend>) -> Result<()> {
    for m in migrations {
        report.lint.extend(lint::lint_migration(m, backend)?);
    }
    Ok(())
}

/// With `--db`: the database against the files.
pub fn database(report: &mut Report, chain: &Chain, status: &Status) {
    for r in &status.partial {
        report.problems.push(Problem {
            kind: ProblemKind::DbPartial,
            message: format!(
                "{} failed part-way: {}\n    fix: repair by hand, then `cargo migrate resolve {} --applied` (all of its changes are in place) or `--rolled-back` (none are)",
                r.name,
                r.detail.as_deref().unwrap_or(""),
                r.version
            ),
        });
    }
    for (m, r, diff) in &status.edited {
        report.problems.push(Problem {
            kind: ProblemKind::DbEdited,
            message: format!(
                "{} was edited after it was applied (at {}):\n{diff}    fix: restore the file, or put the change in a new migration",
                m.name, r.applied_at
            ),
        });
    }
    for o in &status.orphans {
        let name = o.record.as_ref().map(|r| r.name.clone()).unwrap_or_else(|| o.version.clone());
        if o.record.is_none() && chain::is_diesel_era(&o.version, chain.width) {
            report.problems.push(Problem {
                kind: ProblemKind::DbUnknown,
                message: format!("the database lists Diesel version {name}, which no migration of this chain records as its `diesel_version`\n    fix: `cargo migrate adopt` the migrations directory Diesel applied it from; never roll back to `base` for it"),
            });
            continue;
        }
        report.problems.push(Problem {
            kind: ProblemKind::DbUnknown,
            message: format!("the database has {name} applied, but the migrations directory has no such migration\n    fix: `cargo migrate downgrade` past it, or check out the branch that has it"),
        });
    }
    let pending = status.pending(chain);
    if !pending.is_empty() {
        report.problems.push(Problem {
            kind: ProblemKind::DbPending,
            message: format!(
                "the database is not at head: {} pending ({})\n    fix: `cargo migrate upgrade head`",
                pending.len(),
                pending.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ")
            ),
        });
    }
}

/// With `--db` on a database at head: the live schema against the models (both as
/// the backend stores them), so a hand-made change to the database (drift) or a
/// migration that does not implement its models is caught.
pub fn drift(report: &mut Report, live: &Schema, models: &Schema) {
    if crate::schema::diff::diff(live, models, &Default::default()).is_empty() {
        return;
    }
    let changes = describe_changes(live, models);
    report.problems.push(Problem {
        kind: ProblemKind::DbDrift,
        message: format!(
            "the database schema differs from the models (database -> models):\n{}\n    fix: write a migration for the difference (`cargo migrate revision --autogenerate --db -m …`), or undo the manual change",
            changes.iter().map(|c| format!("      {c}")).collect::<Vec<_>>().join("\n")
        ),
    });
}

/// Human-readable differences between two schemas, table by table.
pub fn describe_changes(old: &Schema, new: &Schema) -> Vec<String> {
    let mut out = Vec::new();
    for (name, t) in &new.tables {
        match old.tables.get(name) {
            None => out.push(format!("table {name}: added ({} columns)", t.columns.len())),
            Some(o) => describe_table(name, o, t, &mut out),
        }
    }
    for name in old.tables.keys().filter(|n| !new.tables.contains_key(*n)) {
        out.push(format!("table {name}: removed"));
    }
    for (name, e) in new.enums.iter().filter(|(_, e)| !e.is_opaque()) {
        match old.enums.get(name) {
            None => out.push(format!("enum {name}: added")),
            Some(o) if o.variants != e.variants && !o.is_opaque() && !e.is_opaque() => {
                out.push(format!("enum {name}: labels {:?} -> {:?}", o.variants, e.variants));
            }
            _ => {}
        }
    }
    for name in old.enums.iter().filter(|(n, e)| !e.is_opaque() && !new.enums.contains_key(*n)).map(|(n, _)| n) {
        out.push(format!("enum {name}: removed"));
    }
    out
}

fn describe_table(name: &str, old: &Table, new: &Table, out: &mut Vec<String>) {
    for c in &new.columns {
        match old.columns.iter().find(|o| o.name == c.name) {
            None => out.push(format!("{name}.{}: added ({}{})", c.name, c.sql_type, if c.nullable { ", nullable" } else { "" })),
            Some(o) => {
                let describe = |c: &crate::schema::model::Column| {
                    format!(
                        "{}{}{}{}{}",
                        c.sql_type,
                        c.max_length.map(|l| format!("({l})")).unwrap_or_default(),
                        if c.nullable { " NULL" } else { " NOT NULL" },
                        if c.auto_increment { " AUTO_INCREMENT" } else { "" },
                        c.default.as_ref().map(|d| format!(" DEFAULT {d}")).unwrap_or_default()
                    )
                };
                let (before, after) = (describe(o), describe(c));
                if before != after {
                    out.push(format!("{name}.{}: {before} -> {after}", c.name));
                }
            }
        }
    }
    for c in old.columns.iter().filter(|o| !new.columns.iter().any(|c| c.name == o.name)) {
        out.push(format!("{name}.{}: removed", c.name));
    }
    if old.primary_key != new.primary_key {
        out.push(format!("{name}: primary key ({}) -> ({})", old.primary_key.join(", "), new.primary_key.join(", ")));
    }
    let named = |kind: &str, a: Vec<String>, b: Vec<String>, out: &mut Vec<String>| {
        let (a, b): (BTreeSet<String>, BTreeSet<String>) = (a.into_iter().collect(), b.into_iter().collect());
        for added in b.difference(&a) {
            out.push(format!("{name}: {kind} {added} added"));
        }
        for removed in a.difference(&b) {
            out.push(format!("{name}: {kind} {removed} removed"));
        }
    };
    // Compared by definition, so a changed column list shows as removed + added.
    named(
        "index",
        old.indexes.iter().map(|i| format!("{} ({})", i.name, i.columns.join(", "))).collect(),
        new.indexes.iter().map(|i| format!("{} ({})", i.name, i.columns.join(", "))).collect(),
        out,
    );
    named(
        "unique",
        old.uniques.iter().map(|u| format!("{} ({})", u.name, u.columns.join(", "))).collect(),
        new.uniques.iter().map(|u| format!("{} ({})", u.name, u.columns.join(", "))).collect(),
        out,
    );
    // By definition, not name: the diff matches foreign keys so (a database's
    // `posts_user_id_fkey` is the models' `joinable!`), and so must the listing.
    let fk = |f: &crate::schema::model::ForeignKey| {
        format!(
            "({}) -> {} ({}){}{}",
            f.columns.join(", "),
            f.ref_table,
            f.ref_columns.join(", "),
            f.on_delete.map(|a| format!(" ON DELETE {}", a.as_sql())).unwrap_or_default(),
            f.on_update.map(|a| format!(" ON UPDATE {}", a.as_sql())).unwrap_or_default()
        )
    };
    named("foreign key", old.foreign_keys.iter().map(fk).collect(), new.foreign_keys.iter().map(fk).collect(), out);
    named(
        "check",
        old.checks.iter().map(|c| format!("{} ({})", c.name, c.expr)).collect(),
        new.checks.iter().map(|c| format!("{} ({})", c.name, c.expr)).collect(),
        out,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scripts read the kind from JSON and people from the text: both say the same
    /// id, the one the README lists.
    #[test]
    fn a_problem_kind_renders_the_same_id_in_json_and_text() {
        use ProblemKind::*;
        let readme = include_str!("../../README.md");
        for kind in [Chain, Snapshot, SnapshotStale, Models, ModelsChanged, Lint, DbPending, DbEdited, DbUnknown, DbPartial, DbDrift] {
            assert_eq!(serde_json::to_value(kind).unwrap(), serde_json::Value::from(kind.as_str()));
            assert_eq!(kind.to_string(), kind.as_str());
            assert!(readme.contains(&format!("`{kind}`")), "{kind} is not in the README");
        }
    }

    fn example() -> Schema {
        let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations_example");
        snapshot::without_sources(&crate::schema::registry::load(&base, &["crates/db/src/models".to_string()]).unwrap())
    }

    #[test]
    fn the_cache_never_hides_a_model_change() {
        let t = tempfile::tempdir().unwrap();
        let (root, cache) = (t.path(), t.path().join("target/cargo-migrate/check.cache"));
        let models = ["src".to_string()];
        let table = "diesel::table! {\n    users (id) {\n        id -> Int4,\n    }\n}\n";
        std::fs::create_dir_all(root.join("src")).unwrap();
        std::fs::write(root.join("src/lib.rs"), table).unwrap();
        let m = root.join("migrations/0001_users");
        std::fs::create_dir_all(&m).unwrap();
        for f in ["up.sql", "down.sql"] {
            std::fs::write(m.join(f), "SELECT 1;").unwrap();
        }
        std::fs::write(m.join("metadata.toml"), "run_in_transaction = true\n").unwrap();
        let schema = crate::schema::registry::load(root, &models).unwrap();
        std::fs::write(
            root.join("migrations").join(crate::migrations::snapshot::SNAPSHOT_FILE),
            snapshot::Snapshot::new(Some("0001".into()), &schema).to_json(),
        )
        .unwrap();
        let age = |p: &Path| std::fs::File::open(p).unwrap().set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(60)).unwrap();
        for p in [root.join("src/lib.rs"), m.clone(), m.join("metadata.toml"), root.join("migrations").join(crate::migrations::snapshot::SNAPSHOT_FILE)] {
            age(&p);
        }
        let run = || offline_cached(&root.join("migrations"), root, &models, &Default::default(), &[], Some(&cache)).unwrap().0;
        assert!(run().problems.is_empty());
        assert!(cache.is_file() && cache.with_extension("scan").is_file());
        assert!(run().problems.is_empty(), "a cache hit");
        // A model change (a new size and time) is seen at once, however fresh.
        std::fs::write(root.join("src/lib.rs"), table.replace("id -> Int4,", "id -> Int4,\n        name -> Text,")).unwrap();
        assert!(run().problems.iter().any(|p| p.kind == ProblemKind::ModelsChanged));
        // So is a hand edit of `revises`.
        std::fs::write(m.join("metadata.toml"), "revises = \"0009\"\nrun_in_transaction = true\n").unwrap();
        assert!(run().problems.iter().any(|p| p.kind == ProblemKind::Chain && p.message.contains("0009")));
    }

    /// Found adopting vaultwarden on MariaDB: drift listed `attachments_ibfk_1` as
    /// removed and the models' `fk_attachments_cipher_uuid_ciphers` as added, a pair
    /// the diff (which matches foreign keys by definition) does not touch.
    #[test]
    fn foreign_keys_are_listed_by_definition_not_name() {
        let old = example();
        let mut renamed = old.clone();
        let fk = renamed.tables.values_mut().find_map(|t| t.foreign_keys.first_mut()).expect("the example has a foreign key");
        fk.name = "posts_ibfk_1".into();
        assert_eq!(describe_changes(&old, &renamed), Vec::<String>::new());
        // A changed action is still a change: the old key removed, the new one added.
        let mut restricted = old.clone();
        restricted.tables.values_mut().find_map(|t| t.foreign_keys.first_mut()).unwrap().on_update = Some(crate::schema::model::Action::SetNull);
        let changes = describe_changes(&old, &restricted);
        assert_eq!(changes.len(), 2, "{changes:?}");
        assert!(changes[0].contains("ON UPDATE SET NULL added") && changes[1].ends_with("removed"), "{changes:?}");
    }

    #[test]
    fn equal_schemas_have_no_changes() {
        assert!(describe_changes(&example(), &example()).is_empty());
    }

    #[test]
    fn changes_name_tables_and_columns() {
        let old = example();
        let mut new = old.clone();
        let users = new.tables.get_mut("users").unwrap();
        users.columns.retain(|c| c.name != "phone");
        users.columns.iter_mut().find(|c| c.name == "name").unwrap().nullable = true;
        users.indexes.clear();
        new.tables.remove("posts");
        let mut tags = old.tables["categories"].clone();
        tags.name = "tags".into();
        new.tables.insert("tags".into(), tags);
        let changes = describe_changes(&old, &new);
        assert_eq!(
            changes,
            [
                "table tags: added (4 columns)",
                "users.name: Text NOT NULL -> Text NULL",
                "users.phone: removed",
                "users: index ix_users_status (status) removed",
                "table posts: removed",
            ]
        );
    }
}
