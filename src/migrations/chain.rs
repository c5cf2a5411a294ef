//! The revision chain: the migrations directory read into an ordered list of
//! Diesel-compatible migrations `NNNN_slug/{up.sql,down.sql,metadata.toml}`, and
//! the rules that keep NNNN prefixes and `revises` in step (numbers 1..N, each
//! revising its predecessor, one head, both SQL files present).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use crate::error::chain::{ChainErrors, ChainProblem};
use crate::error::{Error, Result};
use crate::migrations::position::Position;

/// Diesel sorts versions as strings, so every prefix has the same width.
pub const DEFAULT_WIDTH: usize = 4;

pub use crate::migrations::metadata::Metadata;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    /// The zero-padded prefix, e.g. `0007`: the revision id and Diesel's version.
    pub id: String,
    pub number: u32,
    /// Directory name, e.g. `0007_add_phone_to_users`.
    pub name: String,
    pub path: PathBuf,
    pub meta: Metadata,
}

impl Migration {
    pub fn slug(&self) -> &str {
        self.name.split_once('_').map(|(_, s)| s).unwrap_or("")
    }

    pub fn up_path(&self) -> PathBuf {
        self.path.join("up.sql")
    }

    pub fn down_path(&self) -> PathBuf {
        self.path.join("down.sql")
    }

    pub fn read_up(&self) -> Result<String> {
        read_sql(&self.up_path())
    }

    pub fn read_down(&self) -> Result<String> {
        read_sql(&self.down_path())
    }

    /// The other version Diesel's table lists this migration under: the one it had
    /// before `adopt` renamed it (never its own id).
    pub fn diesel_alias(&self) -> Option<&str> {
        self.meta.diesel_version.as_deref().filter(|v| *v != self.id)
    }

    /// Where it sits on its chain: its number.
    pub fn position(&self) -> Position {
        Position::from(self.number)
    }

    /// The message, or the slug when metadata has none.
    pub fn title(&self) -> String {
        self.meta.message.clone().unwrap_or_else(|| self.slug().replace('_', " "))
    }
}

fn read_sql(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    String::from_utf8(bytes)
        .map_err(|e| Error::io(path, std::io::Error::new(std::io::ErrorKind::InvalidData, format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()))))
}

/// A valid chain, oldest first. `migrations[i].number == i + 1`.
#[derive(Debug, Clone)]
pub struct Chain {
    pub dir: PathBuf,
    pub migrations: Vec<Migration>,
    pub width: usize,
}

impl Chain {
    pub fn head(&self) -> Option<&Migration> {
        self.migrations.last()
    }

    pub fn len(&self) -> usize {
        self.migrations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.migrations.is_empty()
    }

    /// Position of a revision id.
    pub fn position(&self, id: &str) -> Option<Position> {
        self.migrations.iter().position(|m| m.id == id).map(|i| Position::after(i + 1))
    }

    /// The head's position (base for an empty chain).
    pub fn head_position(&self) -> Position {
        Position::after(self.migrations.len())
    }

    /// The migration at a position; `None` for base and past the head.
    pub fn at(&self, p: Position) -> Option<&Migration> {
        self.migrations.get(p.index()?)
    }

    /// The migrations from base up to and including `p`, oldest first.
    pub fn up_to(&self, p: Position) -> &[Migration] {
        &self.migrations[..p.count().min(self.migrations.len())]
    }

    /// A position for people: `base`, the directory name, or the bare number of a
    /// position past the head (an applied version with no directory).
    pub fn name_at(&self, p: Position) -> String {
        if p.is_base() {
            return "base".into();
        }
        self.at(p).map(|m| m.name.clone()).unwrap_or_else(|| format!("{:04}", p.get()))
    }

    pub fn format_id(&self, number: u32) -> String {
        format!("{number:0width$}", width = self.width)
    }
}

/// Reads the migrations directory without judging it (what `check` needs to
/// report everything at once). A missing directory is an empty chain.
pub fn scan(dir: &Path) -> Result<(Vec<Migration>, Vec<ChainProblem>)> {
    scan_cached(dir, None).map(|(m, p, _)| (m, p))
}

/// What [`scan_cached`] remembers of one migration: its metadata, valid while the
/// directory (whose time changes when a file in it is added, removed or replaced)
/// and its metadata.toml keep their modification times and size.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CachedMigration {
    stamp: (u128, u128, u64),
    meta: Metadata,
}

/// Migrations read by an earlier scan, by directory name.
pub type ScanCache = BTreeMap<String, CachedMigration>;

/// The directory's time (a file added, removed or renamed in it) and the
/// metadata file's time and size.
fn stamp(dir: &Path) -> Option<(u128, u128, u64)> {
    let (dir_time, _) = crate::project::cache::stamp(dir)?;
    let (meta_time, len) = crate::project::cache::stamp(&dir.join("metadata.toml"))?;
    Some((dir_time, meta_time, len))
}

/// [`scan`], reusing what `cache` says of migrations whose files did not change
/// (two `stat`s instead of reading and parsing), and returning the cache to keep:
/// every migration that had no problem. A chain of thousands of migrations is
/// otherwise most of what `check` costs on each commit.
pub fn scan_cached(dir: &Path, cache: Option<&ScanCache>) -> Result<(Vec<Migration>, Vec<ChainProblem>, ScanCache)> {
    let mut problems = Vec::new();
    let mut migrations = Vec::new();
    let mut fresh = ScanCache::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            problems.push(ChainProblem::MissingDirectory { dir: dir.to_path_buf() });
            return Ok((migrations, problems, fresh));
        }
        Err(e) => return Err(Error::io(dir, e)),
    };
    let canonical_dir = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
    let mut dirs = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // The entry's type comes with the listing; only a link costs a lookup.
        let Ok(kind) = entry.file_type() else { continue };
        let is_link = kind.is_symlink();
        if name.starts_with('.') || !(kind.is_dir() || is_link && entry.path().is_dir()) {
            if let Some(original) = working_name_of(&name, "merge").filter(|o| kind.is_dir() && parse_dir_name(o).is_some()) {
                problems.push(ChainProblem::InterruptedMerge { path: entry.path(), original: original.to_string() });
            }
            continue;
        }
        dirs.push((entry.path(), name, is_link));
    }
    // `check` runs on every commit and a chain grows to thousands of migrations, each
    // a few file-system calls and a TOML parse: spread them over the cores.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4).min(dirs.len() / 64 + 1);
    let chunk = dirs.len().div_ceil(workers).max(1);
    let results: Vec<Result<ScanPart>> = if workers == 1 {
        vec![scan_entries(&dirs, &canonical_dir, cache)]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = dirs.chunks(chunk).map(|part| scope.spawn(|| scan_entries(part, &canonical_dir, cache))).collect();
            handles.into_iter().map(|h| h.join().expect("a scan thread does not panic")).collect()
        })
    };
    for r in results {
        let (m, p, c) = r?;
        migrations.extend(m);
        problems.extend(p);
        fresh.extend(c);
    }
    migrations.sort_by(|a, b| (a.number, &a.name).cmp(&(b.number, &b.name)));
    collapse_diesel_named(dir, &mut problems);
    Ok((migrations, problems, fresh))
}

type ScanPart = (Vec<Migration>, Vec<ChainProblem>, Vec<(String, CachedMigration)>);

/// Reads the migration directories of one slice of the listing.
fn scan_entries(dirs: &[(PathBuf, String, bool)], canonical_dir: &Path, cache: Option<&ScanCache>) -> Result<ScanPart> {
    let mut problems = Vec::new();
    let mut migrations = Vec::new();
    let mut fresh = Vec::new();
    for (path, name, is_link) in dirs {
        let (path, name) = (path.clone(), name.clone());
        if *is_link {
            if let Some(p) = outside_link(&path, canonical_dir)? {
                problems.push(p);
                continue;
            }
        }
        let Some((digits, number)) = revision_of(&name) else {
            if path.join("up.sql").is_file() && diesel_version(&name).is_some() {
                problems.push(ChainProblem::DieselNamed { dir: path, count: 1, first: name, last: String::new() });
            } else {
                problems.push(ChainProblem::NotAMigration { path });
            }
            continue;
        };
        let stamp = if cache.is_some() && !*is_link { stamp(&path) } else { None };
        if let Some(c) = cache.and_then(|c| c.get(&name)).filter(|c| stamp == Some(c.stamp)) {
            fresh.push((name.clone(), c.clone()));
            migrations.push(Migration { id: digits.to_string(), number, name, path, meta: c.meta.clone() });
            continue;
        }
        let before = problems.len();
        for file in ["up.sql", "down.sql", "metadata.toml"] {
            let file_path = path.join(file);
            // One `stat` that does not follow links; only a link costs more.
            let is_file = match std::fs::symlink_metadata(&file_path) {
                Ok(m) if m.file_type().is_symlink() => match outside_link(&file_path, canonical_dir)? {
                    Some(p) => {
                        problems.push(p);
                        continue;
                    }
                    None => file_path.is_file(),
                },
                Ok(m) => m.is_file(),
                Err(_) => false,
            };
            if file != "metadata.toml" && !is_file {
                problems.push(ChainProblem::MissingFile { dir: name.clone(), file });
            }
        }
        if problems[before..].iter().any(|p| matches!(p, ChainProblem::OutsideDirectory { .. })) {
            continue;
        }
        let meta = match read_metadata(&path.join("metadata.toml")) {
            Ok(m) => m,
            Err(p) => {
                problems.push(p);
                Metadata::default()
            }
        };
        if let (Some(stamp), true) = (stamp.filter(|s| crate::project::cache::settled(s.0) && crate::project::cache::settled(s.1)), problems.len() == before) {
            fresh.push((name.clone(), CachedMigration { stamp, meta: meta.clone() }));
        }
        migrations.push(Migration { id: digits.to_string(), number, name, path, meta });
    }
    Ok((migrations, problems, fresh))
}

/// One problem for all of a Diesel project's migrations instead of one per directory.
fn collapse_diesel_named(dir: &Path, problems: &mut Vec<ChainProblem>) {
    let mut names: Vec<String> = problems
        .iter()
        .filter_map(|p| match p {
            ChainProblem::DieselNamed { first, .. } => Some(first.clone()),
            _ => None,
        })
        .collect();
    if names.is_empty() {
        return;
    }
    names.sort_by(|a, b| (diesel_version(a), a).cmp(&(diesel_version(b), b)));
    problems.retain(|p| !matches!(p, ChainProblem::DieselNamed { .. }));
    problems.push(ChainProblem::DieselNamed { dir: dir.to_path_buf(), count: names.len(), first: names[0].clone(), last: names[names.len() - 1].clone() });
}

/// Diesel's version of a migration directory: the name before the first `_`, with
/// `-` removed (`2019-03-22-170700_create_users` → `20190322170700`). Diesel orders
/// migrations by it as a string.
pub fn diesel_version(name: &str) -> Option<String> {
    let v: String = name.split('_').next()?.chars().filter(|&c| c != '-').collect();
    (!v.is_empty()).then_some(v)
}

/// The hidden name a writer gives migration `name` while it works on it:
/// `.NAME.tmp-PID` (`revision`'s draft) or `.NAME.merge-PID` (`merge`'s move). Hidden,
/// so a scan never takes it for a migration.
pub(crate) fn working_name(name: &str, purpose: &str) -> String {
    format!(".{name}.{purpose}-{}", std::process::id())
}

/// `.0005_tags.merge-4242` → `0005_tags`: the migration behind a [`working_name`].
pub(crate) fn working_name_of<'a>(name: &'a str, purpose: &str) -> Option<&'a str> {
    let (original, pid) = name.strip_prefix('.')?.rsplit_once(&format!(".{purpose}-"))?;
    (!pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())).then_some(original)
}

/// A link whose target lies outside the migrations directory: nothing is read
/// through it, or a checkout could make `upgrade` run any file on the machine.
fn outside_link(path: &Path, canonical_dir: &Path) -> Result<Option<ChainProblem>> {
    let target = match path.canonicalize() {
        Ok(t) => t,
        // Dangling: reported as the missing file it stands for.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(path, e)),
    };
    Ok((!target.starts_with(canonical_dir)).then(|| ChainProblem::OutsideDirectory { path: path.to_path_buf(), target }))
}

/// `0007_add_phone` → (`0007`, `add_phone`). The slug may be empty (`0007`).
pub fn parse_dir_name(name: &str) -> Option<(&str, &str)> {
    let (digits, slug) = name.split_once('_').unwrap_or((name, ""));
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some((digits, slug))
}

/// `0007_add_phone` → (`0007`, 7): the name of a revision of a chain, numbered from 1.
/// Diesel's timestamps (`20190322170700_x`) are too large to be one.
pub fn revision_of(name: &str) -> Option<(&str, u32)> {
    let (digits, _) = parse_dir_name(name)?;
    digits.parse().ok().filter(|&n| n > 0).map(|n| (digits, n))
}

/// `fs::read` without its size lookup: metadata files are tiny and there are thousands.
fn read_small(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(512);
    std::fs::File::open(path)?.take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn read_metadata(path: &Path) -> std::result::Result<Metadata, ChainProblem> {
    let text = match read_small(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| ChainProblem::BadMetadata { file: path.into(), message: "not UTF-8 text".into() })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Metadata::default()),
        Err(e) => return Err(ChainProblem::Unreadable { path: path.into(), message: e.to_string() }),
    };
    Metadata::parse(&text).map_err(|message| ChainProblem::BadMetadata { file: path.into(), message })
}

/// Judges a scanned directory against the chain rules.
pub fn validate(dir: &Path, migrations: &[Migration], mut problems: Vec<ChainProblem>) -> std::result::Result<Chain, ChainErrors> {
    let mut by_width: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for m in migrations {
        by_width.entry(m.id.len()).or_default().push(m.name.clone());
    }
    if by_width.len() > 1 {
        problems.push(ChainProblem::MixedWidth { widths: by_width.clone().into_iter().collect() });
    }
    let width = by_width.iter().max_by_key(|(_, v)| v.len()).map(|(w, _)| *w).unwrap_or(DEFAULT_WIDTH);

    let mut by_number: BTreeMap<u32, Vec<&Migration>> = BTreeMap::new();
    for m in migrations {
        by_number.entry(m.number).or_default().push(m);
    }
    // u64: the number after the largest u32 is still a number.
    let mut expected = 1u64;
    for (&number, ms) in &by_number {
        let n = u64::from(number);
        if n != expected {
            problems.push(ChainProblem::Gap { missing: missing_range(expected, n - 1, width), before: ms[0].name.clone() });
        }
        expected = n + 1;
        if ms.len() > 1 {
            problems.push(ChainProblem::Duplicate { id: ms[0].id.clone(), dirs: ms.iter().map(|m| m.name.clone()).collect() });
        }
    }
    // A migration whose metadata.toml could not be read is reported once, as that:
    // assumed to revise its predecessor rather than also reported as a second head.
    let unreadable: Vec<String> = problems
        .iter()
        .filter_map(|p| match p {
            ChainProblem::BadMetadata { file, .. } => Some(file.parent()?.file_name()?.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let trusted = |m: &Migration| !unreadable.contains(&m.name);
    // `revises` must name the predecessor; a number compared by value so `4` matches `0004`.
    let numbers: Vec<u32> = by_number.keys().copied().collect();
    for (i, &number) in numbers.iter().enumerate() {
        for m in by_number[&number].iter().filter(|m| trusted(m)) {
            let found = m.meta.revises.as_deref();
            match (i.checked_sub(1).map(|p| numbers[p]), found) {
                (None, None) => {}
                (None, Some(f)) => problems.push(ChainProblem::FirstRevises { dir: m.name.clone(), found: f.to_string() }),
                (Some(prev), None) => problems.push(ChainProblem::MissingRevises { dir: m.name.clone(), expected: format!("{prev:0width$}") }),
                (Some(prev), Some(f)) => {
                    if f.parse::<u32>().ok() != Some(prev) {
                        problems.push(ChainProblem::WrongRevises { dir: m.name.clone(), found: f.to_string(), expected: by_number[&prev][0].id.clone() });
                    }
                }
            }
        }
    }
    // Heads: migrations no other migration revises. Two branches that each added a
    // migration on one parent show up here (and as a duplicate number).
    let revised: Vec<u32> = migrations
        .iter()
        .filter_map(|m| if trusted(m) { m.meta.revises.as_deref()?.parse().ok() } else { numbers.iter().rev().find(|&&n| n < m.number).copied() })
        .collect();
    let heads: Vec<String> = migrations.iter().filter(|m| !revised.contains(&m.number)).map(|m| m.name.clone()).collect();
    if heads.len() > 1 {
        problems.push(ChainProblem::MultipleHeads { heads });
    }
    if !problems.is_empty() {
        return Err(ChainErrors { dir: dir.to_path_buf(), problems });
    }
    Ok(Chain { dir: dir.to_path_buf(), migrations: migrations.to_vec(), width })
}

/// On a forked chain (two branches merged in git, not yet `merge`d), the branch a
/// database applied, when it is a valid chain on its own: `downgrade` follows it, so
/// the rollback `merge` asks for runs in place. `None` when the fork is not the only
/// problem or the applied migrations (by directory name) do not form a chain from base.
pub fn applied_branch(dir: &Path, applied_names: &[String]) -> Result<Option<Chain>> {
    let (migrations, problems) = scan(dir)?;
    let Err(errors) = validate(dir, &migrations, problems) else { return Ok(None) };
    let fork_only = errors.problems.iter().all(|p| {
        matches!(p, ChainProblem::Duplicate { .. } | ChainProblem::MultipleHeads { .. } | ChainProblem::WrongRevises { .. } | ChainProblem::Gap { .. })
    });
    let branch: Vec<Migration> = migrations.into_iter().filter(|m| applied_names.contains(&m.name)).collect();
    if !fork_only || branch.is_empty() {
        return Ok(None);
    }
    Ok(validate(dir, &branch, Vec::new()).ok())
}

/// `0002, 0003`, or `0002 to 4294967294` when listing them all would not help: a
/// stray `4000000000_x` directory must not cost billions of lines.
fn missing_range(first: u64, last: u64, width: usize) -> String {
    if last - first < 3 {
        (first..=last).map(|n| format!("{n:0width$}")).collect::<Vec<_>>().join(", ")
    } else {
        format!("{first:0width$} to {last:0width$}")
    }
}

/// Loads and validates the chain; the check every command runs first.
pub fn load(dir: &Path) -> Result<Chain> {
    let (migrations, problems) = scan(dir)?;
    Ok(validate(dir, &migrations, problems)?)
}

/// A version no chain of `width` digits writes: diesel_cli's timestamps
/// (`20190322170700`, `2019-03-22-170700`) and its `00000000000000` setup migration.
/// Rolling back "to the version before" such a row would mean `base`: never advise it.
pub fn is_diesel_era(version: &str, width: usize) -> bool {
    version.len() != width || version.parse::<u64>().is_ok_and(|n| n == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mig(dir: &Path, name: &str, revises: Option<&str>) {
        let p = dir.join(name);
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(p.join("up.sql"), "SELECT 1;").unwrap();
        std::fs::write(p.join("down.sql"), "SELECT 1;").unwrap();
        let meta = Metadata { revises: revises.map(Into::into), message: Some(name.into()), ..Default::default() };
        std::fs::write(p.join("metadata.toml"), meta.to_toml()).unwrap();
    }

    fn problems(dir: &Path) -> Vec<ChainProblem> {
        load(dir).map(|_| vec![]).unwrap_or_else(|e| match e {
            Error::Chain(c) => c.problems,
            other => panic!("{other}"),
        })
    }

    #[test]
    fn the_applied_branch_of_a_fork_is_a_chain_of_its_own() {
        let t = tempfile::tempdir().unwrap();
        mig(t.path(), "0001_a", None);
        mig(t.path(), "0002_left", Some("0001"));
        mig(t.path(), "0002_right", Some("0001"));
        mig(t.path(), "0003_right_more", Some("0002"));
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let branch = applied_branch(t.path(), &names(&["0001_a", "0002_right", "0003_right_more"])).unwrap().unwrap();
        assert_eq!(branch.head().unwrap().name, "0003_right_more");
        assert_eq!(branch.len(), 3);
        // Diesel-only records (no names) or names from elsewhere: no branch to follow.
        assert!(applied_branch(t.path(), &[]).unwrap().is_none());
        assert!(applied_branch(t.path(), &names(&["0001_a", "0003_right_more"])).unwrap().is_none());
        // A problem besides the fork is fixed first.
        std::fs::remove_file(t.path().join("0001_a/down.sql")).unwrap();
        assert!(applied_branch(t.path(), &names(&["0001_a", "0002_right"])).unwrap().is_none());
    }

    #[test]
    fn a_migration_hidden_by_an_interrupted_merge_is_reported() {
        let t = tempfile::tempdir().unwrap();
        mig(t.path(), "0001_a", None);
        mig(t.path(), ".0002_b.merge-4242", Some("0001"));
        std::fs::create_dir(t.path().join(".cache.merge-1")).unwrap();
        let p = problems(t.path());
        assert_eq!(p.len(), 1, "{p:?}");
        let text = p[0].to_string();
        assert!(text.contains(".0002_b.merge-4242` was left by an interrupted `cargo migrate merge`") && text.contains("rename it back to `0002_b`"), "{text}");
    }

    #[test]
    fn a_valid_chain_loads_in_order() {
        let t = tempfile::tempdir().unwrap();
        mig(t.path(), "0002_b", Some("0001"));
        mig(t.path(), "0001_a", None);
        mig(t.path(), "0003_c", Some("0002"));
        std::fs::write(t.path().join("schema_snapshot.json"), "{}").unwrap();
        let c = load(t.path()).unwrap();
        let names: Vec<_> = c.migrations.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["0001_a", "0002_b", "0003_c"]);
        assert_eq!(c.width, 4);
        assert_eq!(c.head().unwrap().slug(), "c");
        assert!(c.migrations[0].meta.run_in_transaction());
    }

    #[test]
    fn a_missing_directory_is_a_problem_never_an_empty_chain() {
        // An empty chain would let `check` say "ok: 0 migrations" while seeing nothing.
        let t = tempfile::tempdir().unwrap();
        let p = problems(&t.path().join("nope"));
        assert!(matches!(&p[..], [ChainProblem::MissingDirectory { .. }]), "{p:?}");
        let text = p[0].to_string();
        assert!(text.contains("nope") && text.contains("does not exist") && text.contains("cargo migrate adopt"), "{text}");
    }

    #[test]
    fn diesel_named_migrations_are_one_problem_pointing_at_adopt() {
        let t = tempfile::tempdir().unwrap();
        for name in ["2019-03-22-170700_create_users", "00000000000000_diesel_initial_setup", "20200101000000_more"] {
            std::fs::create_dir(t.path().join(name)).unwrap();
            std::fs::write(t.path().join(name).join("up.sql"), "SELECT 1;").unwrap();
        }
        // Without up.sql it is not a migration of any kind.
        std::fs::create_dir(t.path().join("notes")).unwrap();
        let p = problems(t.path());
        assert_eq!(p.len(), 2, "{p:?}");
        let text = p.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n");
        assert!(
            text.contains("3 migration(s)")
                && text.contains("00000000000000_diesel_initial_setup … 20200101000000_more")
                && text.contains("cargo migrate adopt"),
            "{text}"
        );
        assert!(text.contains("notes` is not a migration"), "{text}");
    }

    #[test]
    fn duplicate_numbers_and_two_heads_are_reported() {
        let t = tempfile::tempdir().unwrap();
        mig(t.path(), "0001_a", None);
        mig(t.path(), "0002_left", Some("0001"));
        mig(t.path(), "0002_right", Some("0001"));
        let p = problems(t.path());
        assert!(p.contains(&ChainProblem::Duplicate { id: "0002".into(), dirs: vec!["0002_left".into(), "0002_right".into()] }), "{p:?}");
        assert!(p.iter().any(|x| matches!(x, ChainProblem::MultipleHeads { heads } if heads.len() == 2)), "{p:?}");
    }

    #[test]
    fn gaps_wrong_revises_and_missing_files_are_reported() {
        let t = tempfile::tempdir().unwrap();
        mig(t.path(), "0001_a", Some("0009"));
        mig(t.path(), "0003_c", Some("0001"));
        mig(t.path(), "0004_d", Some("0002"));
        mig(t.path(), "0005_e", None);
        std::fs::remove_file(t.path().join("0005_e/down.sql")).unwrap();
        std::fs::create_dir(t.path().join("notes")).unwrap();
        let p = problems(t.path());
        assert!(p.contains(&ChainProblem::FirstRevises { dir: "0001_a".into(), found: "0009".into() }), "{p:?}");
        assert!(p.contains(&ChainProblem::Gap { missing: "0002".into(), before: "0003_c".into() }), "{p:?}");
        assert!(p.contains(&ChainProblem::WrongRevises { dir: "0004_d".into(), found: "0002".into(), expected: "0003".into() }), "{p:?}");
        assert!(p.contains(&ChainProblem::MissingRevises { dir: "0005_e".into(), expected: "0004".into() }), "{p:?}");
        assert!(p.contains(&ChainProblem::MissingFile { dir: "0005_e".into(), file: "down.sql" }), "{p:?}");
        assert!(p.iter().any(|x| matches!(x, ChainProblem::NotAMigration { .. })), "{p:?}");
    }

    /// Found by fuzzing: a gap was listed number by number (a stray `4294967295_x`
    /// asked for 100 GB), and the number after `u32::MAX` overflowed.
    #[test]
    fn a_long_gap_is_one_range() {
        let t = tempfile::tempdir().unwrap();
        mig(t.path(), "0000000001_a", None);
        mig(t.path(), "0000000004_d", Some("0001"));
        mig(t.path(), "0010000000_b", Some("0004"));
        mig(t.path(), "4294967295_c", Some("10000000"));
        let p = problems(t.path());
        let gaps: Vec<&str> = p.iter().filter_map(|x| if let ChainProblem::Gap { missing, .. } = x { Some(missing.as_str()) } else { None }).collect();
        assert_eq!(gaps, ["0000000002, 0000000003", "0000000005 to 0009999999", "0010000001 to 4294967294"]);
        let e = load(t.path()).unwrap_err().to_string();
        assert!(e.contains("revisions 0000000005 to 0009999999 are missing"), "{e}");
    }

    #[test]
    fn mixed_widths_and_bad_metadata_are_reported() {
        let t = tempfile::tempdir().unwrap();
        mig(t.path(), "0001_a", None);
        mig(t.path(), "00002_b", Some("0001"));
        std::fs::write(t.path().join("00002_b/metadata.toml"), "revises = 1\n").unwrap();
        let p = problems(t.path());
        assert!(p.iter().any(|x| matches!(x, ChainProblem::MixedWidth { .. })), "{p:?}");
        assert!(p.iter().any(|x| matches!(x, ChainProblem::BadMetadata { message, .. } if message.contains("revises"))), "{p:?}");
        std::fs::write(t.path().join("00002_b/metadata.toml"), "revises = \"0001\"\nmessage = \n").unwrap();
        let p = problems(t.path());
        assert!(p.iter().any(|x| matches!(x, ChainProblem::BadMetadata { message, .. } if message.contains("line 2"))), "{p:?}");
    }

    #[test]
    fn a_cached_scan_rereads_only_what_changed() {
        let t = tempfile::tempdir().unwrap();
        mig(t.path(), "0001_a", None);
        mig(t.path(), "0002_b", Some("0001"));
        // Just written: too fresh to trust.
        let (_, _, none) = scan_cached(t.path(), Some(&ScanCache::new())).unwrap();
        assert!(none.is_empty());
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
        for d in ["0001_a", "0002_b"] {
            for p in [t.path().join(d), t.path().join(d).join("metadata.toml")] {
                std::fs::File::open(&p).unwrap().set_modified(old).unwrap();
            }
        }
        let (m1, p1, cache) = scan_cached(t.path(), Some(&ScanCache::new())).unwrap();
        assert!(p1.is_empty() && cache.len() == 2);
        let (m2, _, again) = scan_cached(t.path(), Some(&cache)).unwrap();
        assert_eq!((m1, &cache), (m2, &again));
        // A cached entry whose files changed is read again, not trusted.
        std::fs::write(t.path().join("0002_b/metadata.toml"), "revises = \"0009\"\nrun_in_transaction = true\n").unwrap();
        std::fs::remove_file(t.path().join("0001_a/down.sql")).unwrap();
        let (m3, p3, _) = scan_cached(t.path(), Some(&cache)).unwrap();
        assert_eq!(m3[1].meta.revises.as_deref(), Some("0009"));
        assert!(p3.contains(&ChainProblem::MissingFile { dir: "0001_a".into(), file: "down.sql" }), "{p3:?}");
    }

    #[test]
    fn metadata_always_states_run_in_transaction() {
        let text = Metadata {
            revises: Some("0001".into()),
            message: Some("say \"hi\"".into()),
            created: None,
            run_in_transaction: None,
            lint_allow: BTreeMap::from([("drop-column".to_string(), "archived in 0007".to_string())]),
            diesel_version: None,
        }
        .to_toml();
        assert!(text.contains("run_in_transaction = true"), "{text}");
        let back: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(back["message"].as_str(), Some("say \"hi\""));
        assert!(text.contains("[lint.allow]\ndrop-column = \"archived in 0007\""), "{text}");
        let t = tempfile::tempdir().unwrap();
        std::fs::write(t.path().join("metadata.toml"), &text).unwrap();
        assert_eq!(read_metadata(&t.path().join("metadata.toml")).unwrap().lint_allow["drop-column"], "archived in 0007");
        std::fs::write(t.path().join("metadata.toml"), "[lint.allow]\ndrop-table = \"\"\n").unwrap();
        assert!(read_metadata(&t.path().join("metadata.toml")).is_err());
    }
}
