//! `merge`: linearise a chain that forked. When branches each added migrations on
//! the same parent (two `0005_*` after a git merge), one branch keeps its numbers
//! and every other branch is renumbered after it, so numbers, `revises` and the
//! snapshot agree again and there is one head.
//!
//! The flow is [`plan`] (pure reading: which branch is which, which one stays, the
//! new names) then [`apply`] (renames and rewrites, undone on the first failure).
//!
//! Branch membership cannot be read from `revises` alone: `0006_b` says `revises =
//! "0005"`, and there are two `0005`s. The commit that added a migration tells
//! (the sibling directories present in that commit), so [`History`] asks git; without
//! git, `created` decides when it can, and otherwise the merge is refused.
//!
//! Not handled (refused with a message): a fork inside a branch (two migrations
//! continuing the same branch migration), holes in the numbering, and a database
//! that applied migrations of more than one branch.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::atomic_write::write_atomically;
use crate::error::{Error, Result};
use crate::migrations::chain::{self, Migration};
use crate::migrations::record::DbState;
use crate::migrations::snapshot::SNAPSHOT_FILE;
use crate::migrations::snapshot::{self, Snapshot};
use crate::schema::model::Schema;

/// What version control knows about a migration directory.
pub trait History {
    /// When the directory was first added (Unix seconds), if it was committed.
    fn added_at(&self, dir: &Path, name: &str) -> Option<i64>;
    /// The migration directories present in the commit that first added `name`.
    fn siblings_when_added(&self, dir: &Path, name: &str) -> Option<Vec<String>>;
}

/// No version control: only `created` in metadata.toml tells branches apart.
pub struct NoHistory;

impl History for NoHistory {
    fn added_at(&self, _: &Path, _: &str) -> Option<i64> {
        None
    }
    fn siblings_when_added(&self, _: &Path, _: &str) -> Option<Vec<String>> {
        None
    }
}

/// The git repository the migrations directory is in.
pub struct Git;

impl Git {
    /// `Some` when `dir` is inside a git work tree and git runs.
    pub fn discover(dir: &Path) -> Option<Git> {
        let out = Command::new("git").arg("-C").arg(dir).args(["rev-parse", "--is-inside-work-tree"]).output().ok()?;
        (out.status.success() && String::from_utf8_lossy(&out.stdout).trim() == "true").then_some(Git)
    }

    /// The oldest commit that added `name`: (hash, committer time).
    fn adding_commit(dir: &Path, name: &str) -> Option<(String, i64)> {
        let out = Command::new("git").arg("-C").arg(dir).args(["log", "--diff-filter=A", "--format=%H %ct", "--", name]).output().ok()?;
        if !out.status.success() {
            return None;
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let (hash, time) = text.lines().last()?.split_once(' ')?;
        Some((hash.to_string(), time.trim().parse().ok()?))
    }
}

impl History for Git {
    fn added_at(&self, dir: &Path, name: &str) -> Option<i64> {
        Git::adding_commit(dir, name).map(|(_, t)| t)
    }

    fn siblings_when_added(&self, dir: &Path, name: &str) -> Option<Vec<String>> {
        let (hash, _) = Git::adding_commit(dir, name)?;
        // `ls-tree` names paths relative to the directory it runs in.
        let out = Command::new("git").arg("-C").arg(dir).args(["ls-tree", "--name-only", &hash, "."]).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect())
    }
}

/// Why the kept branch keeps its numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeepReason {
    /// The configured database applied it.
    Applied,
    /// `--keep`.
    Flag,
    /// Its first migration was committed first.
    OlderCommit,
    /// Its first migration's `created` is older.
    OlderCreated,
    /// No history told them apart: the first by directory name.
    Name,
}

impl fmt::Display for KeepReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KeepReason::Applied => "the database applied it",
            KeepReason::Flag => "--keep",
            KeepReason::OlderCommit => "its first migration was committed first, per git",
            KeepReason::OlderCreated => "its first migration has the older `created`",
            KeepReason::Name => "no history tells the branches apart; first by name",
        })
    }
}

/// One migration whose directory name or `revises` changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    pub from: String,
    pub to: String,
    /// The new `revises` (`None` for the first migration of the chain).
    pub revises: Option<String>,
    /// The new metadata.toml text.
    metadata: String,
    /// `up.sql`/`down.sql` with their generated header naming the new numbers.
    headers: Vec<(&'static str, String)>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub dir: PathBuf,
    /// The migration the branches fork from (`None`: they fork from base).
    pub fork: Option<String>,
    /// Branch migrations by directory name, the kept branch first, then in merge order.
    pub branches: Vec<Vec<String>>,
    pub reason: KeepReason,
    pub renames: Vec<Rename>,
    /// The head after the merge.
    pub head: String,
    /// The snapshot to write, and whether it was regenerated from the models.
    snapshot: Option<(String, SnapshotChange)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotChange {
    /// Same schema, revision moved from the first to the second.
    Revision(Option<String>, String),
    /// Unreadable (merge-conflict markers): written afresh from the models.
    Regenerated(String),
}

impl Plan {
    pub fn snapshot_change(&self) -> Option<&SnapshotChange> {
        self.snapshot.as_ref().map(|(_, c)| c)
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} branches fork from {}:", self.branches.len(), self.fork.as_deref().unwrap_or("base"))?;
        for (i, b) in self.branches.iter().enumerate() {
            let label = if i == 0 { format!("keep ({})", self.reason) } else { "move".to_string() };
            writeln!(f, "  {label}: {}", b.join(", "))?;
        }
        for r in &self.renames {
            let revises = r.revises.as_deref().unwrap_or("nothing");
            if r.from == r.to {
                writeln!(f, "  {}  (revises {revises})", r.from)?;
            } else {
                writeln!(f, "  {} -> {}  (revises {revises})", r.from, r.to)?;
            }
        }
        match self.snapshot_change() {
            Some(SnapshotChange::Revision(from, to)) => writeln!(f, "  {SNAPSHOT_FILE}: revision {} -> {to}", from.as_deref().unwrap_or("base"))?,
            Some(SnapshotChange::Regenerated(to)) => {
                writeln!(f, "  {SNAPSHOT_FILE}: unreadable (merge conflict?), regenerated from the models at revision {to}")?;
            }
            None => {}
        }
        write!(f, "  new head: {}", self.head)
    }
}

/// What `plan` found.
#[derive(Debug)]
pub enum Outcome {
    /// Nothing forked; the message says what the chain is.
    Nothing(String),
    Merge(Box<Plan>),
}

pub struct Options<'a> {
    /// `--keep`: a directory name, a unique prefix of one, or a slug.
    pub keep: Option<&'a str>,
    /// What the configured database applied, when one is configured.
    pub db: Option<&'a DbState>,
}

/// Reads the directory and decides the merge; changes nothing. `models` is only
/// called when the snapshot must be regenerated.
pub fn plan(dir: &Path, opts: &Options, history: &dyn History, models: &dyn Fn() -> Result<Schema>) -> Result<Outcome> {
    let (migrations, problems) = chain::scan(dir)?;
    if let Ok(c) = chain::validate(dir, &migrations, problems.clone()) {
        return Ok(Outcome::Nothing(match c.head() {
            Some(h) => format!("nothing to merge: one head, {} ({} migration(s))", h.name, c.len()),
            None => "nothing to merge: no migrations yet".to_string(),
        }));
    }
    let mut by_number: BTreeMap<u32, Vec<&Migration>> = BTreeMap::new();
    for m in &migrations {
        by_number.entry(m.number).or_default().push(m);
    }
    let Some(fork_number) = by_number.iter().find(|(_, ms)| ms.len() > 1).map(|(n, _)| *n) else {
        return Err(Error::Refused(format!(
            "nothing to merge: no two migrations share a number, but the chain has other problems:\n{}\n  hint: `cargo migrate check` lists them with their fixes",
            chain::validate(dir, &migrations, problems).err().map(|e| e.to_string()).unwrap_or_default()
        )));
    };
    let width = chain_width(&migrations);
    // Everything must be numbered 1..max without holes; a hole is not a fork.
    let max = *by_number.keys().last().expect("a duplicate number exists");
    if let Some(missing) = (1..=max).find(|n| !by_number.contains_key(n)) {
        return Err(Error::Refused(format!("cannot merge: revision {missing:0width$} is missing, so the branches cannot be told apart by number\n  hint: `cargo migrate check` lists the problems with their fixes")));
    }
    if let Some(p) = problems.iter().find(|p| {
        matches!(
            p,
            chain::ChainProblem::BadMetadata { .. }
                | chain::ChainProblem::Unreadable { .. }
                | chain::ChainProblem::OutsideDirectory { .. }
                | chain::ChainProblem::NotAMigration { .. }
        )
    }) {
        return Err(Error::Refused(format!("cannot merge until this is fixed: {p}")));
    }
    let fork = fork_number.checked_sub(1).filter(|n| *n > 0).map(|n| by_number[&n][0]);

    // Assign every migration from the fork on to a branch, number by number.
    let mut branches: Vec<Vec<&Migration>> = by_number[&fork_number].iter().map(|m| vec![*m]).collect();
    for number in fork_number + 1..=max {
        // The branches that reached the previous number, before any of this round joins them.
        let candidates: Vec<usize> = (0..branches.len()).filter(|&b| branches[b].last().is_some_and(|l| l.number + 1 == number)).collect();
        let mut joined: Vec<(usize, &Migration)> = Vec::new();
        for m in &by_number[&number] {
            let b = parent_branch(dir, m, &candidates, &branches, history)?;
            if let Some((_, other)) = joined.iter().find(|(j, _)| *j == b) {
                return Err(Error::Refused(format!(
                    "cannot merge: {} and {} both continue {}; a fork inside a branch is not handled\n  hint: renumber one of them by hand, then run merge again",
                    other.name,
                    m.name,
                    branches[b].last().map(|l| l.name.as_str()).unwrap_or("?")
                )));
            }
            joined.push((b, m));
        }
        for (b, m) in joined {
            branches[b].push(m);
        }
    }

    // Which branch stays.
    let applied = applied_branch(&branches, opts.db)?;
    let flagged = opts.keep.map(|k| find_keep(k, &branches)).transpose()?;
    let (kept, reason) = match (applied, flagged) {
        (Some(a), Some(f)) if a != f => {
            let applied_names: Vec<&str> = branches[a].iter().filter(|m| is_applied(m, opts.db)).map(|m| m.name.as_str()).collect();
            return Err(Error::Refused(format!(
                "--keep {} would renumber {}, which the configured database has applied\n  fix: roll {} back first: `cargo migrate downgrade {}` (it follows the branch the database applied), then run `cargo migrate merge --keep {}` again; or keep the applied branch: `cargo migrate merge`",
                opts.keep.unwrap_or_default(),
                applied_names.join(", "),
                if applied_names.len() == 1 { "it" } else { "them" },
                fork.map(|m| m.id.as_str()).unwrap_or("base"),
                opts.keep.unwrap_or_default()
            )));
        }
        (Some(a), _) => (a, KeepReason::Applied),
        (None, Some(f)) => (f, KeepReason::Flag),
        (None, None) => oldest(dir, &branches, history),
    };
    let mut order: Vec<usize> = (0..branches.len()).filter(|&b| b != kept).collect();
    let ages: Vec<(Option<i64>, Option<String>, String)> =
        branches.iter().map(|b| (history.added_at(dir, &b[0].name), b[0].meta.created.clone(), b[0].name.clone())).collect();
    order.sort_by(|&x, &y| ages[x].cmp(&ages[y]));
    order.insert(0, kept);

    // New numbers and `revises`, in the linear order.
    let mut renames = Vec::new();
    let mut previous = fork.map(|m| m.id.clone());
    let mut number = fork_number;
    for &b in &order {
        for m in &branches[b] {
            let id = format!("{number:0width$}");
            if id.len() > width {
                return Err(Error::Refused(format!("cannot merge: revision {number} does not fit in {width} digits; Diesel sorts versions as strings, so the whole chain must be renumbered to a wider prefix first")));
            }
            let to = if m.slug().is_empty() { id.clone() } else { format!("{id}_{}", m.slug()) };
            let revises_now = m.meta.revises.as_deref().and_then(|r| r.parse::<u32>().ok());
            let revises_same = revises_now == previous.as_deref().and_then(|p| p.parse::<u32>().ok())
                && m.meta.revises.as_deref().map(str::len) == previous.as_deref().map(str::len);
            if to != m.name && is_applied(m, opts.db) {
                return Err(Error::Refused(format!(
                    "{} would become {to}, but the configured database has applied it\n  fix: roll it back first: `cargo migrate downgrade {}`, then run merge again",
                    m.name,
                    fork.map(|f| f.id.as_str()).unwrap_or("base")
                )));
            }
            if to != m.name || !revises_same {
                renames.push(Rename {
                    from: m.name.clone(),
                    to: to.clone(),
                    revises: previous.clone(),
                    metadata: rewrite_revises(&m.path.join("metadata.toml"), previous.as_deref())?,
                    headers: rewrite_headers(m, &id, previous.as_deref())?,
                });
            }
            previous = Some(id);
            number += 1;
        }
    }
    let head_id = previous.expect("at least one branch migration");
    let head = order
        .last()
        .and_then(|&b| branches[b].last())
        .map(|m| renames.iter().find(|r| r.from == m.name).map_or(m.name.clone(), |r| r.to.clone()))
        .unwrap_or_default();

    let snapshot = match snapshot::read(dir) {
        Ok(None) => None,
        Ok(Some(s)) if s.revision.as_deref() == Some(head_id.as_str()) => None,
        Ok(Some(s)) => {
            Some((Snapshot { revision: Some(head_id.clone()), schema: s.schema.clone() }.to_json(), SnapshotChange::Revision(s.revision, head_id.clone())))
        }
        Err(_) => {
            let schema = models()
                .map_err(|e| Error::Refused(format!("{SNAPSHOT_FILE} is unreadable (merge conflict?) and cannot be regenerated from the models: {e}")))?;
            Some((Snapshot::new(Some(head_id.clone()), &schema).to_json(), SnapshotChange::Regenerated(head_id.clone())))
        }
    };
    let branches = order.iter().map(|&b| branches[b].iter().map(|m| m.name.clone()).collect()).collect();
    Ok(Outcome::Merge(Box::new(Plan { dir: dir.to_path_buf(), fork: fork.map(|m| m.name.clone()), branches, reason, renames, head, snapshot })))
}

/// The most common prefix width (what the chain is meant to have).
fn chain_width(migrations: &[Migration]) -> usize {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for m in migrations {
        *counts.entry(m.id.len()).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(_, c)| *c).map_or(chain::DEFAULT_WIDTH, |(w, _)| w)
}

/// Which branch `m` continues: git's record of the commit that added it, else the
/// only candidate, else the only one created before it.
fn parent_branch(dir: &Path, m: &Migration, candidates: &[usize], branches: &[Vec<&Migration>], history: &dyn History) -> Result<usize> {
    let tail = |b: usize| branches[b].last().expect("branches are never empty");
    match candidates {
        [] => {
            return Err(Error::Refused(format!("cannot merge: {} continues no branch (no migration numbered just before it)", m.name)));
        }
        [only] => return Ok(*only),
        _ => {}
    }
    if let Some(siblings) = history.siblings_when_added(dir, &m.name) {
        let found: Vec<usize> = candidates.iter().copied().filter(|&b| siblings.contains(&tail(b).name)).collect();
        if let [b] = found[..] {
            return Ok(b);
        }
    }
    if let Some(created) = &m.meta.created {
        let older: Vec<usize> = candidates.iter().copied().filter(|&b| tail(b).meta.created.as_ref().is_some_and(|c| c <= created)).collect();
        if let [b] = older[..] {
            return Ok(b);
        }
    }
    let names: Vec<&str> = candidates.iter().map(|&b| tail(b).name.as_str()).collect();
    Err(Error::Refused(format!(
        "cannot tell which branch {} continues: {} (each revises {})\n  hint: commit the migrations to git (merge reads which one was present when {} was added), or renumber by hand",
        m.name,
        names.join(" or "),
        m.meta.revises.as_deref().unwrap_or("?"),
        m.name
    )))
}

/// Whether the database applied this very directory (the record names it; without
/// a record, the version is all there is).
fn is_applied(m: &Migration, db: Option<&DbState>) -> bool {
    let Some(db) = db else { return false };
    db.is_applied(&m.id) && db.records.get(&m.id).is_none_or(|r| r.name == m.name)
}

fn applied_branch(branches: &[Vec<&Migration>], db: Option<&DbState>) -> Result<Option<usize>> {
    let Some(state) = db else { return Ok(None) };
    let mut found: Vec<usize> = Vec::new();
    for (b, ms) in branches.iter().enumerate() {
        for m in ms {
            if !state.is_applied(&m.id) {
                continue;
            }
            match state.records.get(&m.id) {
                Some(r) if r.name == m.name => found.push(b),
                Some(_) => {}
                None => {
                    let same: Vec<&str> = branches.iter().flatten().filter(|x| x.id == m.id).map(|x| x.name.as_str()).collect();
                    if same.len() > 1 {
                        return Err(Error::Refused(format!(
                            "the configured database has version {} applied but no record of which directory ({}); it was applied by another tool\n  hint: roll it back or stamp the database with the branch it has, then merge",
                            m.id,
                            same.join(" or ")
                        )));
                    }
                    found.push(b);
                }
            }
        }
    }
    found.dedup();
    match found[..] {
        [] => Ok(None),
        [b] => Ok(Some(b)),
        _ => Err(Error::Refused(format!(
            "the configured database applied migrations of {} branches ({}); a merge would renumber some of them\n  fix: roll back to the fork first with `cargo migrate downgrade`",
            found.len(),
            found.iter().map(|&b| branches[b][0].name.as_str()).collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// `--keep`: a directory name, a unique prefix of one, or a slug, among the branch migrations.
fn find_keep(keep: &str, branches: &[Vec<&Migration>]) -> Result<usize> {
    let all = || branches.iter().enumerate().flat_map(|(b, ms)| ms.iter().map(move |m| (b, *m)));
    let exact: Vec<usize> = all().filter(|(_, m)| m.name == keep || m.slug() == keep).map(|(b, _)| b).collect();
    let matches: Vec<usize> = if exact.is_empty() { all().filter(|(_, m)| m.name.starts_with(keep)).map(|(b, _)| b).collect() } else { exact };
    let mut unique = matches.clone();
    unique.dedup();
    match unique[..] {
        [b] => Ok(b),
        [] => Err(Error::Usage(format!(
            "--keep {keep}: no migration of the branches has that name; choose one of: {}",
            all().map(|(_, m)| m.name.as_str()).collect::<Vec<_>>().join(", ")
        ))),
        _ => Err(Error::Usage(format!(
            "--keep {keep} matches migrations of {} branches; give a directory name such as {}",
            unique.len(),
            unique.iter().map(|&b| branches[b][0].name.as_str()).collect::<Vec<_>>().join(" or ")
        ))),
    }
}

/// The branch whose first migration is oldest: by git when every branch was
/// committed, else by `created` when every branch has one, else by name.
fn oldest(dir: &Path, branches: &[Vec<&Migration>], history: &dyn History) -> (usize, KeepReason) {
    let firsts: Vec<&Migration> = branches.iter().map(|b| b[0]).collect();
    let by_name = || (0..firsts.len()).min_by_key(|&b| &firsts[b].name).unwrap_or(0);
    let unique_min = |keys: &[Option<String>]| -> Option<usize> {
        let keys: Vec<&String> = keys.iter().map(Option::as_ref).collect::<Option<Vec<_>>>()?;
        let min = keys.iter().min()?;
        let at: Vec<usize> = (0..keys.len()).filter(|&i| keys[i] == *min).collect();
        (at.len() == 1).then(|| at[0])
    };
    let commits: Vec<Option<String>> = firsts.iter().map(|m| history.added_at(dir, &m.name).map(|t| format!("{t:020}"))).collect();
    if let Some(b) = unique_min(&commits) {
        return (b, KeepReason::OlderCommit);
    }
    let created: Vec<Option<String>> = firsts.iter().map(|m| m.meta.created.clone()).collect();
    if let Some(b) = unique_min(&created) {
        return (b, KeepReason::OlderCreated);
    }
    (by_name(), KeepReason::Name)
}

/// metadata.toml with `revises` set, every other byte (comments included) kept.
/// The comment lines `revision` writes at the top of `up.sql` and `down.sql` name
/// the numbers; left as they were they would contradict the directory name.
/// Headers a user edited are left alone.
fn rewrite_headers(m: &chain::Migration, id: &str, revises: Option<&str>) -> Result<Vec<(&'static str, String)>> {
    let old_up = format!("-- revision {}, revises {}", m.id, m.meta.revises.as_deref().unwrap_or("base"));
    let new_up = format!("-- revision {id}, revises {}", revises.unwrap_or("base"));
    let (old_down, new_down) = (format!("-- Reverts {}:", m.id), format!("-- Reverts {id}:"));
    let mut out = Vec::new();
    for (file, old, new) in [("up.sql", &old_up, &new_up), ("down.sql", &old_down, &new_down)] {
        let path = m.path.join(file);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            // Missing or not UTF-8: the chain check reports it; nothing to rewrite here.
            Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::InvalidData) => continue,
            Err(e) => return Err(Error::io(&path, e)),
        };
        let header = text.lines().take_while(|l| l.starts_with("--")).position(|l| l.starts_with(old.as_str()));
        if let Some(i) = header {
            let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
            let rewritten = format!("{new}{}", &lines[i][old.len()..]);
            lines[i] = &rewritten;
            out.push((file, lines.concat()));
        }
    }
    Ok(out)
}

fn rewrite_revises(path: &Path, revises: Option<&str>) -> Result<String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // Diesel reads a metadata.toml without the key as `false`; a missing file meant `true`.
            return Ok(chain::Metadata { revises: revises.map(str::to_string), run_in_transaction: Some(true), ..Default::default() }.to_toml());
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut doc: toml_edit::DocumentMut =
        text.parse().map_err(|e: toml_edit::TomlError| Error::Config { file: path.into(), key: "revises".into(), message: e.message().to_string() })?;
    match revises {
        None => {
            doc.remove("revises");
        }
        Some(r) => match doc.get_mut("revises").and_then(|i| i.as_value_mut()) {
            Some(v) => {
                let decor = v.decor().clone();
                *v = toml_edit::Value::from(r);
                *v.decor_mut() = decor;
            }
            None => {
                doc.insert("revises", toml_edit::value(r));
                doc.sort_values_by(|a, _, b, _| (b.get() == "revises").cmp(&(a.get() == "revises")));
            }
        },
    }
    Ok(doc.to_string())
}

/// One change made, so it can be undone.
enum Done {
    Renamed(PathBuf, PathBuf),
    Wrote(PathBuf, Option<Vec<u8>>),
}

/// Carries out a plan: every moving directory is first renamed to a hidden temporary
/// name (so a new name never collides with an old one), metadata is rewritten there,
/// then each gets its final name and the snapshot is written. The first failure
/// undoes everything done so far, so the directory is as it was.
pub fn apply(plan: &Plan) -> Result<()> {
    // The lock `revision` takes: no new migration appears while names move.
    let _lock = crate::migrations::dir_lock::DirLock::acquire(&plan.dir, std::time::Duration::from_secs(10))?;
    if let Some(r) = plan.renames.iter().find(|r| !plan.dir.join(&r.from).is_dir()) {
        return Err(Error::Refused(format!("{} changed since the plan was made ({} is gone); run merge again", plan.dir.display(), r.from)));
    }
    let mut done: Vec<Done> = Vec::new();
    let result = apply_steps(plan, &mut done);
    if result.is_err() {
        for step in done.into_iter().rev() {
            match step {
                Done::Renamed(from, to) => {
                    let _ = std::fs::rename(&to, &from);
                }
                Done::Wrote(path, Some(bytes)) => {
                    let _ = std::fs::write(&path, bytes);
                }
                Done::Wrote(path, None) => {
                    let _ = std::fs::remove_file(&path);
                }
            }
        }
    }
    result
}

fn apply_steps(plan: &Plan, done: &mut Vec<Done>) -> Result<()> {
    let dir = &plan.dir;
    let temp = |name: &str| dir.join(chain::working_name(name, "merge"));
    for r in &plan.renames {
        let (from, to) = (dir.join(&r.from), temp(&r.from));
        std::fs::rename(&from, &to).map_err(|e| Error::io(&from, e))?;
        done.push(Done::Renamed(from, to));
    }
    for r in &plan.renames {
        let meta = temp(&r.from).join("metadata.toml");
        let before = match std::fs::read(&meta) {
            Ok(b) => Some(b),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Error::io(&meta, e)),
        };
        write_atomically(&meta, &r.metadata)?;
        done.push(Done::Wrote(meta, before));
        for (file, text) in &r.headers {
            let path = temp(&r.from).join(file);
            let before = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            write_atomically(&path, text)?;
            done.push(Done::Wrote(path, Some(before)));
        }
    }
    for r in &plan.renames {
        let (from, to) = (temp(&r.from), dir.join(&r.to));
        if to.exists() {
            return Err(Error::io(&to, std::io::Error::new(std::io::ErrorKind::AlreadyExists, "already exists")));
        }
        std::fs::rename(&from, &to).map_err(|e| Error::io(&to, e))?;
        done.push(Done::Renamed(from, to));
    }
    if let Some((json, _)) = &plan.snapshot {
        let path = dir.join(SNAPSHOT_FILE);
        let before = std::fs::read(&path).ok();
        write_atomically(&path, json)?;
        done.push(Done::Wrote(path, before));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mig(dir: &Path, name: &str, revises: Option<&str>, created: &str) {
        let p = dir.join(name);
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(p.join("up.sql"), format!("-- {name}\n")).unwrap();
        std::fs::write(p.join("down.sql"), "SELECT 1;").unwrap();
        let meta = chain::Metadata { revises: revises.map(Into::into), created: Some(created.into()), ..Default::default() };
        std::fs::write(p.join("metadata.toml"), format!("# kept comment\n{}", meta.to_toml())).unwrap();
    }

    fn no_models() -> Result<Schema> {
        Ok(Schema::default())
    }

    fn plan_of(dir: &Path, keep: Option<&str>) -> Result<Plan> {
        match plan(dir, &Options { keep, db: None }, &NoHistory, &no_models)? {
            Outcome::Merge(p) => Ok(*p),
            Outcome::Nothing(m) => panic!("{m}"),
        }
    }

    /// 0001, 0002; branch a: 0003_a, 0004_a2; branch b: 0003_b, created after all of a.
    fn forked(t: &Path) {
        mig(t, "0001_one", None, "2026-01-01T00:00:00Z");
        mig(t, "0002_two", Some("0001"), "2026-01-02T00:00:00Z");
        mig(t, "0003_a", Some("0002"), "2026-01-03T00:00:00Z");
        mig(t, "0004_a2", Some("0003"), "2026-01-04T00:00:00Z");
        mig(t, "0003_b", Some("0002"), "2026-01-05T00:00:00Z");
    }

    #[test]
    fn the_older_branch_stays_and_the_other_follows_it() {
        let t = tempfile::tempdir().unwrap();
        forked(t.path());
        std::fs::write(t.path().join(SNAPSHOT_FILE), Snapshot::new(Some("0003".into()), &Schema::default()).to_json()).unwrap();
        let p = plan_of(t.path(), None).unwrap();
        assert_eq!(p.reason, KeepReason::OlderCreated);
        assert_eq!(p.branches, vec![vec!["0003_a".to_string(), "0004_a2".into()], vec!["0003_b".to_string()]]);
        let moves: Vec<(&str, &str, Option<&str>)> = p.renames.iter().map(|r| (r.from.as_str(), r.to.as_str(), r.revises.as_deref())).collect();
        assert_eq!(moves, [("0003_b", "0005_b", Some("0004"))]);
        assert_eq!(p.head, "0005_b");
        let text = p.to_string();
        assert!(text.contains("0003_b -> 0005_b  (revises 0004)") && text.contains("revision 0003 -> 0005"), "{text}");
        apply(&p).unwrap();
        let c = chain::load(t.path()).unwrap();
        let names: Vec<&str> = c.migrations.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["0001_one", "0002_two", "0003_a", "0004_a2", "0005_b"]);
        assert!(std::fs::read_to_string(t.path().join("0005_b/metadata.toml")).unwrap().starts_with("# kept comment\nrevises = \"0004\""));
        assert_eq!(std::fs::read_to_string(t.path().join("0005_b/up.sql")).unwrap(), "-- 0003_b\n");
        assert_eq!(snapshot::read(t.path()).unwrap().unwrap().revision.as_deref(), Some("0005"));
        assert!(!std::fs::read_dir(t.path()).unwrap().any(|e| e.unwrap().file_name().to_string_lossy().starts_with('.')));
        assert!(matches!(plan(t.path(), &Options { keep: None, db: None }, &NoHistory, &no_models).unwrap(), Outcome::Nothing(m) if m.contains("0005_b")));
    }

    #[test]
    fn keep_chooses_and_three_branches_line_up() {
        let t = tempfile::tempdir().unwrap();
        forked(t.path());
        mig(t.path(), "0003_c", Some("0002"), "2026-01-06T00:00:00Z");
        let p = plan_of(t.path(), Some("0003_b")).unwrap();
        assert_eq!(p.reason, KeepReason::Flag);
        assert_eq!(p.branches.iter().map(|b| b[0].as_str()).collect::<Vec<_>>(), ["0003_b", "0003_a", "0003_c"]);
        apply(&p).unwrap();
        let names: Vec<String> = chain::load(t.path()).unwrap().migrations.into_iter().map(|m| m.name).collect();
        assert_eq!(names, ["0001_one", "0002_two", "0003_b", "0004_a", "0005_a2", "0006_c"]);
        let t2 = tempfile::tempdir().unwrap();
        forked(t2.path());
        let e = plan_of(t2.path(), Some("nope")).unwrap_err();
        assert!(matches!(e, Error::Usage(ref m) if m.contains("0003_b")), "{e}");
        let e = plan_of(t2.path(), Some("0003")).unwrap_err();
        assert!(matches!(e, Error::Usage(ref m) if m.contains("2 branches")), "{e}");
    }

    #[test]
    fn an_ambiguous_continuation_is_refused_without_history() {
        let t = tempfile::tempdir().unwrap();
        forked(t.path());
        // Created after both 0003s: nothing says which one it continues.
        mig(t.path(), "0004_a2", Some("0003"), "2026-02-01T00:00:00Z");
        let e = plan_of(t.path(), None).unwrap_err().to_string();
        assert!(e.contains("cannot tell which branch 0004_a2 continues: 0003_a or 0003_b"), "{e}");
    }

    #[test]
    fn a_fork_at_base_and_a_missing_metadata_file() {
        let t = tempfile::tempdir().unwrap();
        mig(t.path(), "0001_x", None, "2026-01-01T00:00:00Z");
        mig(t.path(), "0001_y", None, "2026-01-02T00:00:00Z");
        std::fs::remove_file(t.path().join("0001_y/metadata.toml")).unwrap();
        let p = plan_of(t.path(), None).unwrap();
        assert_eq!(p.fork, None);
        apply(&p).unwrap();
        let c = chain::load(t.path()).unwrap();
        assert_eq!(c.migrations[1].name, "0002_y");
        assert!(c.migrations[1].meta.run_in_transaction());
    }

    #[test]
    fn revises_is_inserted_first_and_removed_with_comments_kept() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("metadata.toml");
        std::fs::write(&p, "# top\nmessage = \"m\" # why\nrun_in_transaction = true\n").unwrap();
        let out = rewrite_revises(&p, Some("0004")).unwrap();
        assert!(out.contains("revises = \"0004\"") && out.contains("# top") && out.contains("# why"), "{out}");
        std::fs::write(&p, "revises = \"0003\" # parent\nmessage = \"m\"\n").unwrap();
        assert_eq!(rewrite_revises(&p, Some("0007")).unwrap(), "revises = \"0007\" # parent\nmessage = \"m\"\n");
        assert_eq!(rewrite_revises(&p, None).unwrap(), "message = \"m\"\n");
    }

    #[test]
    fn database_states_that_cannot_be_merged_safely_are_refused() {
        let t = tempfile::tempdir().unwrap();
        forked(t.path());
        let refused = |db: &DbState| match plan(t.path(), &Options { keep: None, db: Some(db) }, &NoHistory, &no_models) {
            Err(Error::Refused(m)) => m,
            other => panic!("{other:?}"),
        };
        // Applied by another tool: version 0003 without a record of which directory.
        let bare = DbState { applied: vec!["0001".into(), "0002".into(), "0003".into()], ..Default::default() };
        assert!(refused(&bare).contains("no record of which directory (0003_a or 0003_b)"));
        // Records naming migrations of two branches.
        let record = |v: &str, name: &str| crate::migrations::record::Record {
            version: v.into(),
            name: name.into(),
            checksum: String::new(),
            up_sql: String::new(),
            down_sql: String::new(),
            applied_at: String::new(),
            duration_ms: 0,
            status: "applied".into(),
            detail: None,
        };
        let two = DbState {
            applied: vec!["0003".into(), "0004".into()],
            records: BTreeMap::from([("0003".to_string(), record("0003", "0003_b")), ("0004".to_string(), record("0004", "0004_a2"))]),
        };
        assert!(refused(&two).contains("applied migrations of 2 branches"), "{}", refused(&two));
        // The applied branch stays, whatever age says.
        let b = DbState { applied: vec!["0003".into()], records: BTreeMap::from([("0003".to_string(), record("0003", "0003_b"))]) };
        let Outcome::Merge(p) = plan(t.path(), &Options { keep: None, db: Some(&b) }, &NoHistory, &no_models).unwrap() else { panic!() };
        assert_eq!((p.reason, p.branches[0][0].as_str()), (KeepReason::Applied, "0003_b"));
    }

    #[test]
    fn shapes_it_does_not_handle_are_refused() {
        let t = tempfile::tempdir().unwrap();
        forked(t.path());
        // A fork inside branch a: two 0004s continue 0003_a.
        mig(t.path(), "0004_a3", Some("0003"), "2026-01-04T00:00:00Z");
        assert!(plan_of(t.path(), None).unwrap_err().to_string().contains("a fork inside a branch is not handled"));
        let t = tempfile::tempdir().unwrap();
        mig(t.path(), "8_x", None, "2026-01-01T00:00:00Z");
        for n in 1..=7 {
            mig(t.path(), &format!("{n}_m"), (n > 1).then(|| format!("{}", n - 1)).as_deref(), "2026-01-01T00:00:00Z");
        }
        mig(t.path(), "8_y", Some("7"), "2026-01-02T00:00:00Z");
        mig(t.path(), "9_z", Some("8"), "2026-01-01T12:00:00Z");
        std::fs::write(t.path().join("8_x/metadata.toml"), "revises = \"7\"\ncreated = \"2026-01-01T00:00:00Z\"\n").unwrap();
        let e = plan_of(t.path(), None).unwrap_err().to_string();
        assert!(e.contains("does not fit in 1 digits"), "{e}");
    }

    #[test]
    fn a_failure_midway_restores_every_name() {
        let t = tempfile::tempdir().unwrap();
        forked(t.path());
        let p = plan_of(t.path(), None).unwrap();
        // The last final name is taken after planning: the second rename pass fails.
        std::fs::create_dir_all(t.path().join("0005_b/extra")).unwrap();
        assert!(apply(&p).is_err());
        std::fs::remove_dir_all(t.path().join("0005_b")).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(t.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        assert_eq!(names, ["0001_one", "0002_two", "0003_a", "0003_b", "0004_a2"]);
        assert!(std::fs::read_to_string(t.path().join("0003_b/metadata.toml")).unwrap().contains("revises = \"0002\""));
    }
}
