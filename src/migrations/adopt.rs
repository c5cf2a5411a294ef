//! `adopt`: turn a diesel_cli migrations directory (`2019-03-22-170700_create_users`,
//! `00000000000000_diesel_initial_setup`…) into a chain, in place.
//!
//! Diesel's order is its version (the name before the first `_`, `-` removed) as a
//! string, so that order becomes `0001…N`. Each migration keeps its files byte for
//! byte; its `metadata.toml` gains `revises` and `diesel_version` (the old version,
//! which lets every database Diesel migrated be recognised, see
//! [`crate::migrations::status::Status`]) and keeps every key and comment it had. Diesel reads a
//! missing `metadata.toml` as "run in a transaction" but a file without the key as
//! "don't", so the meaning each migration had is written down explicitly.
//!
//! All or nothing: the new layout is built beside the directory (files hard-linked,
//! so even thousands of migrations cost little), then swapped with it in one
//! `renameat2(RENAME_EXCHANGE)`. A run killed before the swap leaves the old layout,
//! after it the new one; either way the next run removes the leftover copy.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::migrations::chain::{self, Metadata};
use crate::migrations::snapshot::Snapshot;
use crate::migrations::snapshot::SNAPSHOT_FILE;
use crate::schema::model::Schema;

/// One Diesel migration and the name it gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub from: String,
    pub to: String,
    pub diesel_version: String,
    pub run_in_transaction: bool,
    /// The new `metadata.toml`.
    pub metadata: String,
    /// Diesel allows a migration without `down.sql`; a chain does not, so one is
    /// written that undoes nothing (and says so).
    pub writes_down: bool,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub dir: PathBuf,
    pub moves: Vec<Move>,
    /// Entries that are not migrations (a README, loose `.sql` files): left as they are.
    pub kept: Vec<String>,
    /// `schema_snapshot.json` for the head, from the models.
    pub snapshot: String,
}

/// What `adopt` finds.
#[derive(Debug)]
pub enum Outcome {
    Adopt(Box<Plan>),
    /// Already a chain whose migrations record their Diesel versions: nothing to rename.
    AlreadyAdopted {
        migrations: usize,
    },
}

/// The `down.sql` written for a Diesel migration that had none.
pub const NO_DOWN: &str = "-- This Diesel migration had no down.sql: rolling it back undoes nothing.\n";

/// Reads `dir` and decides the new names. Changes nothing.
pub fn plan(dir: &Path, models: &Schema) -> Result<Outcome> {
    let entries = std::fs::read_dir(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            Error::Chain(chain::ChainErrors { dir: dir.to_path_buf(), problems: vec![chain::ChainProblem::MissingDirectory { dir: dir.to_path_buf() }] })
        }
        _ => Error::io(dir, e),
    })?;
    let mut diesel: Vec<(String, String)> = Vec::new();
    let mut numbered = Vec::new();
    let mut kept = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // Diesel skips hidden entries and files: every other entry is a migration to it.
        if name.starts_with('.') || !entry.path().is_dir() {
            if !name.starts_with(".cargo-migrate") {
                kept.push(name);
            }
            continue;
        }
        if chain::revision_of(&name).is_some() {
            numbered.push(name);
            continue;
        }
        let version = chain::diesel_version(&name).ok_or_else(|| refused(dir, &format!("`{name}` has no version before its first `_`")))?;
        diesel.push((version, name));
    }
    if diesel.is_empty() {
        if numbered.is_empty() {
            return Err(refused(dir, "it holds no migrations"));
        }
        let chain = chain::load(dir)?;
        if let Some(m) = chain.migrations.iter().find(|m| m.meta.diesel_version.is_none()) {
            return Err(refused(
                dir,
                &format!("it is already a chain, and {} was not adopted from Diesel (it has no `diesel_version`); there is nothing to adopt", m.name),
            ));
        }
        return Ok(Outcome::AlreadyAdopted { migrations: chain.len() });
    }
    if let Some(n) = numbered.first() {
        return Err(refused(
            dir,
            &format!("it mixes chain revisions ({n}) with Diesel-named migrations ({}); adopt converts a directory that is all Diesel's", diesel[0].1),
        ));
    }
    diesel.sort();
    for pair in diesel.windows(2) {
        if pair[0].0 == pair[1].0 {
            return Err(refused(
                dir,
                &format!(
                    "`{}` and `{}` have the same Diesel version {}; Diesel silently runs only one of them, so which one a database has is unknowable",
                    pair[0].1, pair[1].1, pair[0].0
                ),
            ));
        }
    }
    let width = chain::DEFAULT_WIDTH.max(diesel.len().to_string().len());
    let mut moves = Vec::with_capacity(diesel.len());
    for (i, (version, name)) in diesel.iter().enumerate() {
        let path = dir.join(name);
        if !path.join("up.sql").is_file() {
            return Err(refused(dir, &format!("`{name}` has no up.sql, so Diesel could not run it either; add one or move the directory out")));
        }
        let id = format!("{:0width$}", i + 1);
        let to = match name.split_once('_') {
            Some((_, slug)) if !slug.is_empty() => format!("{id}_{slug}"),
            _ => id.clone(),
        };
        let revises = (i > 0).then(|| format!("{i:0width$}"));
        let (metadata, run_in_transaction) = metadata_for(&path.join("metadata.toml"), revises.as_deref(), version)?;
        moves.push(Move {
            from: name.clone(),
            to,
            diesel_version: version.clone(),
            run_in_transaction,
            metadata,
            writes_down: !path.join("down.sql").is_file(),
        });
    }
    kept.sort();
    let head = moves.last().map(|m| m.to[..width].to_string());
    let snapshot = Snapshot::new(head, models).to_json();
    Ok(Outcome::Adopt(Box::new(Plan { dir: dir.to_path_buf(), moves, kept, snapshot })))
}

fn refused(dir: &Path, what: &str) -> Error {
    Error::Refused(format!("cannot adopt `{}`: {what}", dir.display()))
}

/// The adopted `metadata.toml`: the old file with `revises` and `diesel_version` set
/// (every other key, comment and `[lint]` table kept), and `run_in_transaction` as
/// Diesel read it. Returns the text and that flag.
fn metadata_for(path: &Path, revises: Option<&str>, version: &str) -> Result<(String, bool)> {
    let created = created_from_version(version);
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let meta = Metadata {
                revises: revises.map(Into::into),
                created,
                run_in_transaction: Some(true),
                diesel_version: Some(version.into()),
                ..Default::default()
            };
            return Ok((meta.to_toml(), true));
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut doc: toml_edit::DocumentMut =
        text.parse().map_err(|e: toml_edit::TomlError| Error::Config { file: path.into(), key: String::new(), message: e.message().to_string() })?;
    let run_in_transaction = match doc.get("run_in_transaction") {
        None => {
            doc.insert("run_in_transaction", toml_edit::value(false));
            false
        }
        Some(item) => {
            item.as_bool().ok_or_else(|| Error::Config { file: path.into(), key: "run_in_transaction".into(), message: "must be true or false".into() })?
        }
    };
    // Ours go first, so a reader sees the chain before Diesel's keys.
    let mut ours = toml_edit::DocumentMut::new();
    if let Some(r) = revises {
        ours.insert("revises", toml_edit::value(r));
    }
    ours.insert("diesel_version", toml_edit::value(version));
    if let Some(c) = created.filter(|_| !doc.contains_key("created")) {
        ours.insert("created", toml_edit::value(c));
    }
    for key in ["revises", "diesel_version"] {
        doc.remove(key);
    }
    Ok((format!("{ours}{doc}"), run_in_transaction))
}

/// `20190322170700` → `2019-03-22T17:07:00Z`: diesel_cli's timestamps are UTC.
fn created_from_version(version: &str) -> Option<String> {
    let d = version.as_bytes();
    if d.len() != 14 || !d.iter().all(u8::is_ascii_digit) || version == "00000000000000" {
        return None;
    }
    let v = |r: std::ops::Range<usize>| &version[r];
    let text = format!("{}-{}-{}T{}:{}:{}Z", v(0..4), v(4..6), v(6..8), v(8..10), v(10..12), v(12..14));
    humantime::parse_rfc3339(&text).ok().map(|_| text)
}

impl std::fmt::Display for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "adopt {}: {} Diesel migration(s) become revisions 1..{} (Diesel's order):", self.dir.display(), self.moves.len(), self.moves.len())?;
        for m in &self.moves {
            let mut notes = vec![format!("diesel_version {}", m.diesel_version)];
            if !m.run_in_transaction {
                notes.push("run_in_transaction = false".into());
            }
            if m.writes_down {
                notes.push("no down.sql: an empty one is written".into());
            }
            writeln!(f, "  {} -> {}  ({})", m.from, m.to, notes.join(", "))?;
        }
        for k in &self.kept {
            writeln!(f, "  {k}: not a migration, left as it is")?;
        }
        write!(f, "  {SNAPSHOT_FILE}: the models, as the schema at head {}", self.moves.last().map(|m| m.to.as_str()).unwrap_or("base"))
    }
}

/// The hidden sibling the new layout is built in (and the old one ends up in).
fn staging_path(dir: &Path) -> PathBuf {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "migrations".into());
    dir.with_file_name(format!(".{name}.adopt-{}", std::process::id()))
}

/// Removes what an `adopt` killed part-way left beside `dir`: such a copy is either
/// the unfinished new layout or the old one already replaced (then the directory
/// is already adopted, and this is all a rerun has left to do).
pub fn remove_leftovers(dir: &Path) {
    let Some(parent) = dir.parent() else { return };
    let Some(name) = dir.file_name().map(|n| n.to_string_lossy().into_owned()) else { return };
    let prefix = format!(".{name}.adopt-");
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for e in entries.flatten() {
        let entry = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = entry.strip_prefix(&prefix).and_then(|p| p.parse::<u32>().ok()) else { continue };
        if crate::migrations::dir_lock::process_is_gone(pid) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Carries out a plan: all of it, or (on any failure) none of it.
pub fn apply(plan: &Plan) -> Result<()> {
    let _lock = crate::migrations::dir_lock::DirLock::acquire(&plan.dir, std::time::Duration::from_secs(10))?;
    remove_leftovers(&plan.dir);
    if let Some(m) = plan.moves.iter().find(|m| !plan.dir.join(&m.from).is_dir()) {
        return Err(Error::Refused(format!("{} changed since the plan was made ({} is gone); run adopt again", plan.dir.display(), m.from)));
    }
    let staging = staging_path(&plan.dir);
    let built = build(plan, &staging);
    if let Err(e) = built.and_then(|()| swap(&plan.dir, &staging)) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    // The old layout now sits at the staging path.
    let _ = std::fs::remove_dir_all(&staging);
    Ok(())
}

/// The new layout in `staging`, sharing the files that do not change.
fn build(plan: &Plan, staging: &Path) -> Result<()> {
    std::fs::create_dir(staging).map_err(|e| Error::io(staging, e))?;
    for m in &plan.moves {
        let (from, to) = (plan.dir.join(&m.from), staging.join(&m.to));
        link_tree(&from, &to, &["metadata.toml"])?;
        std::fs::write(to.join("metadata.toml"), &m.metadata).map_err(|e| Error::io(to.join("metadata.toml"), e))?;
        if m.writes_down {
            std::fs::write(to.join("down.sql"), NO_DOWN).map_err(|e| Error::io(to.join("down.sql"), e))?;
        }
    }
    for k in &plan.kept {
        let (from, to) = (plan.dir.join(k), staging.join(k));
        if from.is_dir() {
            link_tree(&from, &to, &[])?;
        } else {
            link_file(&from, &to)?;
        }
    }
    std::fs::write(staging.join(SNAPSHOT_FILE), &plan.snapshot).map_err(|e| Error::io(staging.join(SNAPSHOT_FILE), e))
}

/// Recreates directory `from` at `to`, each file linked, except the names in `skip`.
fn link_tree(from: &Path, to: &Path, skip: &[&str]) -> Result<()> {
    std::fs::create_dir(to).map_err(|e| Error::io(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| Error::io(from, e))? {
        let entry = entry.map_err(|e| Error::io(from, e))?;
        let name = entry.file_name();
        if skip.iter().any(|s| name == *s) {
            continue;
        }
        let (src, dst) = (entry.path(), to.join(&name));
        if entry.file_type().map_err(|e| Error::io(&src, e))?.is_dir() {
            link_tree(&src, &dst, &[])?;
        } else {
            link_file(&src, &dst)?;
        }
    }
    Ok(())
}

/// A hard link (same bytes, no copy); a copy where links are not possible. A symbolic
/// link is recreated as one, pointing where it pointed.
fn link_file(from: &Path, to: &Path) -> Result<()> {
    if let Ok(target) = std::fs::read_link(from) {
        #[cfg(unix)]
        return std::os::unix::fs::symlink(target, to).map_err(|e| Error::io(to, e));
        #[cfg(not(unix))]
        let _ = target;
    }
    if std::fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    std::fs::copy(from, to).map(drop).map_err(|e| Error::io(to, e))
}

/// Exchanges the two directories in one step where the system can.
///
/// The crate denies `unsafe_code`; this is its one exception: `renameat2(RENAME_EXCHANGE)`
/// is the only atomic directory swap Linux offers, and std has no safe wrapper for it.
#[allow(unsafe_code)]
fn swap(dir: &Path, staging: &Path) -> Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let a = std::ffi::CString::new(dir.as_os_str().as_bytes()).map_err(|e| Error::io(dir, std::io::Error::other(e)))?;
        let b = std::ffi::CString::new(staging.as_os_str().as_bytes()).map_err(|e| Error::io(staging, std::io::Error::other(e)))?;
        // SAFETY: two valid NUL-terminated paths; the call only reads them.
        let rc = unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
        if rc == 0 {
            return Ok(());
        }
        let err = std::io::Error::last_os_error();
        // File systems without the exchange fall through to two renames.
        if !matches!(err.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)) {
            return Err(Error::io(dir, err));
        }
    }
    // Two renames: a kill between them leaves the old layout at `old`, the new at `staging`.
    let old = staging.with_extension("old");
    std::fs::rename(dir, &old).map_err(|e| Error::io(dir, e))?;
    if let Err(e) = std::fs::rename(staging, dir) {
        let _ = std::fs::rename(&old, dir);
        return Err(Error::io(dir, e));
    }
    std::fs::rename(&old, staging).map_err(|e| Error::io(&old, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diesel_mig(dir: &Path, name: &str, meta: Option<&str>) {
        let p = dir.join(name);
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(p.join("up.sql"), format!("-- up {name}\r\n")).unwrap();
        std::fs::write(p.join("down.sql"), format!("-- down {name}\n")).unwrap();
        if let Some(m) = meta {
            std::fs::write(p.join("metadata.toml"), m).unwrap();
        }
    }

    fn plan_of(dir: &Path) -> Plan {
        match plan(dir, &Schema::default()).unwrap() {
            Outcome::Adopt(p) => *p,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn diesel_order_becomes_the_chain_and_metadata_keeps_its_meaning() {
        let t = tempfile::tempdir().unwrap();
        diesel_mig(t.path(), "2019-03-22-170700_create_users", None);
        diesel_mig(t.path(), "00000000000000_diesel_initial_setup", None);
        // A file without the key: Diesel runs it outside a transaction.
        diesel_mig(t.path(), "20200101000000_index_concurrently", Some("# no transaction for CONCURRENTLY\nfoo = 1\n"));
        diesel_mig(t.path(), "2020-01-01-000001_tx", Some("run_in_transaction = true\n"));
        std::fs::write(t.path().join("README.md"), "notes").unwrap();
        std::fs::write(t.path().join("loose.sql"), "SELECT 1;").unwrap();
        let p = plan_of(t.path());
        let moves: Vec<(&str, &str, bool)> = p.moves.iter().map(|m| (m.from.as_str(), m.to.as_str(), m.run_in_transaction)).collect();
        assert_eq!(
            moves,
            [
                ("00000000000000_diesel_initial_setup", "0001_diesel_initial_setup", true),
                ("2019-03-22-170700_create_users", "0002_create_users", true),
                ("20200101000000_index_concurrently", "0003_index_concurrently", false),
                ("2020-01-01-000001_tx", "0004_tx", true),
            ]
        );
        assert_eq!(p.kept, ["README.md", "loose.sql"]);
        assert_eq!(p.moves[2].metadata, "revises = \"0002\"\ndiesel_version = \"20200101000000\"\ncreated = \"2020-01-01T00:00:00Z\"\n# no transaction for CONCURRENTLY\nfoo = 1\nrun_in_transaction = false\n");
        let before_up = std::fs::read(t.path().join("2019-03-22-170700_create_users/up.sql")).unwrap();
        apply(&p).unwrap();
        let c = chain::load(t.path()).unwrap();
        assert_eq!(
            c.migrations.iter().map(|m| m.meta.diesel_version.clone().unwrap()).collect::<Vec<_>>(),
            ["00000000000000", "20190322170700", "20200101000000", "20200101000001"]
        );
        assert!(!c.migrations[2].meta.run_in_transaction() && c.migrations[3].meta.run_in_transaction() && c.migrations[0].meta.run_in_transaction());
        assert_eq!(std::fs::read(t.path().join("0002_create_users/up.sql")).unwrap(), before_up);
        assert_eq!(std::fs::read_to_string(t.path().join("README.md")).unwrap(), "notes");
        assert!(t.path().join(SNAPSHOT_FILE).is_file());
        // No working copy is left beside the directory.
        let parent = t.path().parent().unwrap();
        let name = t.path().file_name().unwrap().to_string_lossy().into_owned();
        assert!(!std::fs::read_dir(parent).unwrap().any(|e| e.unwrap().file_name().to_string_lossy().starts_with(&format!(".{name}.adopt"))));
        // A second run finds nothing to do.
        assert!(matches!(plan(t.path(), &Schema::default()).unwrap(), Outcome::AlreadyAdopted { migrations: 4 }));
    }

    #[test]
    fn what_diesel_itself_would_trip_on_is_refused_before_anything_changes() {
        let t = tempfile::tempdir().unwrap();
        diesel_mig(t.path(), "20200101000000_a", None);
        diesel_mig(t.path(), "2020-01-01-000000_b", None);
        let e = plan(t.path(), &Schema::default()).unwrap_err().to_string();
        assert!(e.contains("same Diesel version 20200101000000"), "{e}");
        std::fs::remove_dir_all(t.path().join("2020-01-01-000000_b")).unwrap();
        std::fs::create_dir(t.path().join("20210101000000_empty")).unwrap();
        let e = plan(t.path(), &Schema::default()).unwrap_err().to_string();
        assert!(e.contains("20210101000000_empty` has no up.sql"), "{e}");
        let e = plan(&t.path().join("nope"), &Schema::default()).unwrap_err().to_string();
        assert!(e.contains("does not exist") && e.contains("adopt"), "{e}");
    }

    #[test]
    fn a_missing_down_sql_becomes_a_no_op_that_says_so() {
        let t = tempfile::tempdir().unwrap();
        diesel_mig(t.path(), "20200101000000_a", None);
        std::fs::remove_file(t.path().join("20200101000000_a/down.sql")).unwrap();
        let p = plan_of(t.path());
        assert!(p.moves[0].writes_down);
        apply(&p).unwrap();
        assert_eq!(std::fs::read_to_string(t.path().join("0001_a/down.sql")).unwrap(), NO_DOWN);
    }

    #[test]
    fn leftovers_of_a_killed_run_are_removed_and_the_run_finishes() {
        let t = tempfile::tempdir().unwrap();
        let dir = t.path().join("migrations");
        std::fs::create_dir(&dir).unwrap();
        diesel_mig(&dir, "20200101000000_a", None);
        // A copy a killed process (pid beyond any real one) was building.
        let stale = t.path().join(".migrations.adopt-4000000000");
        std::fs::create_dir_all(stale.join("0001_a")).unwrap();
        apply(&plan_of(&dir)).unwrap();
        assert!(!stale.exists());
        assert!(chain::load(&dir).is_ok());
    }

    #[test]
    fn diesel_timestamps_give_creation_times() {
        assert_eq!(created_from_version("20190322170700").as_deref(), Some("2019-03-22T17:07:00Z"));
        assert_eq!(created_from_version("00000000000000"), None);
        assert_eq!(created_from_version("20191322170700"), None);
        assert_eq!(created_from_version("1"), None);
    }
}
