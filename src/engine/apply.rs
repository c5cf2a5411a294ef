//! The apply loop: upgrade, downgrade, stamp, redo and resolve over one
//! connection, under the deploy lock, one transaction per migration where the
//! backend has transactional DDL.
//!
//! Diesel has no lock, no checksum and no record of `down.sql`, so the loop is ours;
//! it writes Diesel's state table so Diesel's own tools agree with us. On MySQL
//! (and for migrations with `run_in_transaction = false`) a migration cannot be
//! rolled back as a unit, so it is marked "partial" before it starts and cleared
//! when it finishes: a crash or failure in between leaves a mark that makes every
//! later run stop and explain, until `cargo migrate resolve`. A failure after which
//! the database holds nothing of the migration (its own transaction was rolled back)
//! removes the mark instead: the report ([`Kept`]) and the state row both follow what
//! the database holds, never what ran.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::backend::Backend;
use crate::dialect::connection::{Connection, Diagnostic};
use crate::dialect::lexer;
use crate::engine::locate::{locate_failure, pointer};
use crate::engine::progress::Progress;
use crate::engine::state::{self, Direction};
use crate::error::failure::{verb, Kept, Located, MigrationFailure};
use crate::error::{Error, Result};
use crate::migrations::chain::{is_diesel_era, Chain, Migration};
use crate::migrations::checksum::checksum;
use crate::migrations::record::{DbState, Mark, Record, STATUS_APPLIED};
use crate::migrations::revision_spec::Spec;
use crate::migrations::status::{Applied, Status};

#[derive(Debug, Clone)]
pub struct Options {
    pub ignore_checksums: bool,
    pub lock_timeout: Duration,
    /// `downgrade --strict`: refuse a `down.sql` with no statements instead of
    /// recording the rollback with nothing undone.
    pub strict: bool,
    /// `upgrade --retry-lock-timeout N`: how many times a migration that failed on a
    /// PostgreSQL lock timeout, with nothing of it kept, is run again ([`super::retry`]).
    pub retry_lock_timeout: u32,
}

impl Status<'_> {
    /// Refuses to go on while the database is in a state nobody has explained.
    fn refuse_unexplained(&self, opts: &Options, direction: Direction, chain_width: usize) -> Result<()> {
        if let Some(r) = self.partial.first() {
            return Err(Error::Refused(format!(
                "migration {} failed part-way in an earlier run and is marked in {}:\n  {}\n  fix the database by hand, then run `cargo migrate resolve {} --applied` (its changes are all in place) or `--rolled-back` (none are)",
                r.name,
                state::OUR_TABLE,
                r.detail.as_deref().unwrap_or("no detail recorded").replace('\n', "\n  "),
                r.version
            )));
        }
        if !opts.ignore_checksums {
            if let Some((m, r, diff)) = self.edited.first() {
                return Err(Error::Refused(format!(
                    "{} was edited after it was applied (at {}); its up.sql now differs from what ran:\n{}  fix: restore the file (e.g. `git checkout -- {}`), or put the change in a new migration; --ignore-checksums overrides",
                    m.name,
                    r.applied_at,
                    diff,
                    m.up_path().display()
                )));
            }
        }
        if direction == Direction::Up {
            if let Some(o) = self.orphans.iter().find(|o| o.record.is_none() && is_diesel_era(&o.version, chain_width)) {
                return Err(Error::Refused(format!(
                    "the database lists Diesel version {} in {}, and no migration of this chain records it as its `diesel_version`: Diesel migrated this database from a directory this chain was not adopted from{}\n  fix: run `cargo migrate adopt` on that project's original migrations directory (it keeps the database's rows and recognises them); if this database really is at a revision of this chain, record it with `cargo migrate stamp <revision> --purge`",
                    o.version,
                    state::DIESEL_TABLE,
                    if self.orphans.len() > 1 { format!(" ({} such versions)", self.orphans.len()) } else { String::new() }
                )));
            }
            if let Some(o) = self.orphans.first() {
                let what = o.record.as_ref().map(|r| r.name.clone()).unwrap_or_else(|| o.version.clone());
                return Err(Error::Refused(format!(
                    "the database has {what} applied, but the migrations directory has no such migration (applied from another branch?)\n  fix: roll it back with `cargo migrate downgrade {}` (uses the copy of its down.sql kept in the database), or switch back to the branch that has it",
                    prev_version(&o.version)
                )));
            }
        }
        Ok(())
    }
}

fn prev_version(v: &str) -> String {
    let n = v.parse::<u64>().unwrap_or(1).saturating_sub(1);
    if n == 0 {
        "base".into()
    } else {
        format!("{n:0w$}", w = v.len())
    }
}

fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(SystemTime::now()).to_string()
}

/// What one run did, for the handler's summary.
#[derive(Debug, Default)]
pub struct Report {
    pub done: Vec<(String, Direction, Duration)>,
    /// Migrations another process applied while this one waited (SQLite).
    pub skipped: Vec<String>,
}

/// Holds the deploy lock for the life of a run.
struct Locked<'a> {
    conn: &'a mut Connection,
}

impl<'a> Locked<'a> {
    fn take(conn: &'a mut Connection, timeout: Duration) -> Result<Self> {
        conn.lock(timeout)?;
        Ok(Locked { conn })
    }
}

impl Drop for Locked<'_> {
    fn drop(&mut self) {
        self.conn.unlock();
    }
}

/// A step of a plan: which SQL to run and where it came from.
#[derive(Clone)]
pub(super) struct Step {
    pub(super) version: String,
    pub(super) name: String,
    pub(super) direction: Direction,
    pub(super) sql: String,
    pub(super) file: PathBuf,
    pub(super) transactional: bool,
    /// For upgrades: what to record once it ran.
    pub(super) record: Option<Record>,
    /// Diesel versions recorded beside `version` (up) or removed with it (down): the
    /// migration's pre-`adopt` name, so binaries built before the adoption agree.
    pub(super) legacy: Vec<String>,
    /// For downgrades: our record as it was before the run, put back when a failed
    /// non-transactional downgrade turns out to have changed nothing.
    pub(super) prior: Option<Record>,
}

impl Step {
    pub(super) fn up(m: &Migration, backend: Backend) -> Result<Self> {
        let up = m.read_up()?;
        let down = m.read_down()?;
        // Its down.sql is kept in the database for a later rollback: it must be storable.
        refuse_nul(&down, &m.down_path())?;
        Step {
            version: m.id.clone(),
            name: m.name.clone(),
            direction: Direction::Up,
            transactional: backend.transactional_ddl() && m.meta.run_in_transaction(),
            file: m.up_path(),
            record: Some(Record {
                version: m.id.clone(),
                name: m.name.clone(),
                checksum: checksum(&up),
                up_sql: up.clone(),
                down_sql: down,
                applied_at: String::new(),
                duration_ms: 0,
                status: STATUS_APPLIED.into(),
                detail: None,
            }),
            sql: up,
            legacy: m.diesel_alias().into_iter().map(str::to_string).collect(),
            prior: None,
        }
        .checked(backend)
    }

    fn down(a: &Applied<'_>, backend: Backend, out: &dyn Progress) -> Result<Self> {
        if let Some(m) = a.migration {
            return Step {
                version: m.id.clone(),
                name: m.name.clone(),
                direction: Direction::Down,
                transactional: backend.transactional_ddl() && m.meta.run_in_transaction(),
                file: m.down_path(),
                sql: m.read_down()?,
                record: None,
                legacy: a.other_versions(),
                prior: a.record.clone(),
            }
            .checked(backend);
        }
        let Some(r) = &a.record else {
            return Err(Error::Refused(format!(
                "cannot roll back {}: the migrations directory has no such migration and the database has no copy of its down.sql (it was applied by another tool)",
                a.version
            )));
        };
        out.warn(&format!("{} is not in the migrations directory; rolling it back with the copy of its down.sql kept in the database", r.name));
        Step {
            version: r.version.clone(),
            name: r.name.clone(),
            direction: Direction::Down,
            transactional: backend.transactional_ddl(),
            file: PathBuf::from(format!("{} (database copy of {}/down.sql)", state::OUR_TABLE, r.name)),
            sql: r.down_sql.clone(),
            record: None,
            legacy: a.other_versions(),
            prior: Some(r.clone()),
        }
        .checked(backend)
    }

    /// Refuses SQL that could not run as written, before anything of the plan runs.
    fn checked(self, backend: Backend) -> Result<Self> {
        refuse_nul(&self.sql, &self.file)?;
        lexer::validate(&self.sql, backend).map_err(|e| Error::Refused(format!("{}: {e}; nothing was run", self.file.display())))?;
        Ok(self)
    }

    /// Under `downgrade --strict`, refuses a `down.sql` with no statements before
    /// anything of the plan runs. Otherwise a statement-less file (Diesel's irreversible
    /// "-- This file should undo anything in `up.sql`", a fresh template) runs as a
    /// no-op with a warning: Diesel applies such migrations too, and the chain must be
    /// walkable both ways.
    fn require_statements(self, backend: Backend, strict: bool) -> Result<Self> {
        if strict && self.direction == Direction::Down && lexer::split(&self.sql, backend).is_empty() {
            return Err(Error::NoStatements { file: self.file, migration: self.name });
        }
        Ok(self)
    }
}

/// Client libraries take SQL as a C string: a NUL byte would silently end the
/// migration there, and the rest would never run yet be recorded as applied.
fn refuse_nul(sql: &str, file: &Path) -> Result<()> {
    match sql.find('\0') {
        None => Ok(()),
        Some(at) => Err(Error::Refused(format!(
            "{}:{}: a NUL byte; database clients stop reading SQL at it, so what follows would be skipped silently; nothing was run\n  fix: remove it (is this a binary file?)",
            file.display(),
            sql[..at].matches('\n').count() + 1
        ))),
    }
}

pub struct Engine<'a> {
    pub conn: &'a mut Connection,
    pub chain: &'a Chain,
    pub out: &'a dyn Progress,
    pub opts: Options,
}

impl<'a> Engine<'a> {
    /// Takes the lock and reads the state; refuses a state nobody has explained.
    fn begin(&mut self, direction: Direction) -> Result<(Locked<'_>, Status<'a>)> {
        let (chain, opts) = (self.chain, self.opts.clone());
        let locked = Locked::take(self.conn, opts.lock_timeout)?;
        state::ensure_tables(locked.conn)?;
        let db = state::read(locked.conn)?;
        let status = Status::read(chain, &db)?;
        status.refuse_unexplained(&opts, direction, chain.width)?;
        Ok((locked, status))
    }

    pub fn upgrade(&mut self, spec: &Spec) -> Result<Report> {
        let backend = self.conn.backend();
        let retries = self.opts.retry_lock_timeout;
        let (chain, out) = (self.chain, self.out);
        let (locked, status) = self.begin(Direction::Up)?;
        record_and_translate(locked.conn, &status)?;
        let target = spec.resolve(chain, Some(status.current))?;
        if target < status.current {
            return Err(Error::Usage(format!(
                "`{}` is {} (position {target}), below the current revision {}; use `cargo migrate downgrade {}`",
                spec.text,
                position_name(chain, target),
                position_name(chain, status.current),
                spec.text
            )));
        }
        let pending: Vec<&Migration> = status.pending(chain).into_iter().filter(|m| m.number as usize <= target).collect();
        let mut report = Report::default();
        // Every file is read and checked before the first migration runs.
        let steps = pending.into_iter().map(|m| Step::up(m, backend)).collect::<Result<Vec<_>>>()?;
        let total = steps.len();
        for (i, step) in steps.into_iter().enumerate() {
            super::retry::run_retrying(locked.conn, step, out, (i + 1, total), &mut report, retries)?;
        }
        Ok(report)
    }

    pub fn downgrade(&mut self, spec: &Spec) -> Result<Report> {
        let backend = self.conn.backend();
        let strict = self.opts.strict;
        let (chain, out) = (self.chain, self.out);
        let (locked, status) = self.begin(Direction::Down)?;
        // Orphans may sit above the chain's head; `-N` counts from the newest applied.
        let target = resolve_down_target(spec, chain, &status)?;
        if target > status.current {
            return Err(Error::Usage(format!(
                "`{}` is {}, above the current revision {}; use `cargo migrate upgrade {}`",
                spec.text,
                position_name(chain, target),
                position_name(chain, status.current),
                spec.text
            )));
        }
        let mut to_revert: Vec<&Applied> = status.applied.iter().filter(|a| a.number > target as u64).collect();
        to_revert.sort_by_key(|a| std::cmp::Reverse(a.number));
        let mut report = Report::default();
        let steps = to_revert.into_iter().map(|a| Step::down(a, backend, out)?.require_statements(backend, strict)).collect::<Result<Vec<_>>>()?;
        let total = steps.len();
        for (i, step) in steps.into_iter().enumerate() {
            run_step(locked.conn, step, out, (i + 1, total), &mut report)?;
        }
        Ok(report)
    }

    /// Records, under the lock and in one transaction, every migration Diesel applied
    /// under its pre-`adopt` version by its chain version too (keeping the old rows),
    /// with our bookkeeping for each: what `adopt --db` does to a database, and what
    /// the first `upgrade` or `stamp` does to any other. Returns what changed.
    pub fn translate(&mut self) -> Result<Vec<String>> {
        let (locked, status) = self.begin(Direction::Up)?;
        record_and_translate(locked.conn, &status)
    }

    /// Down then up of the newest applied migration.
    pub fn redo(&mut self) -> Result<Report> {
        let mut report = self.downgrade(&Spec::parse("-1")?)?;
        let up = self.upgrade(&Spec::parse("+1")?)?;
        report.done.extend(up.done);
        Ok(report)
    }

    /// Records the database as being at `spec` without running migrations.
    pub fn stamp(&mut self, spec: &Spec, purge: bool) -> Result<Vec<String>> {
        let (chain, opts) = (self.chain, self.opts.clone());
        let locked = Locked::take(self.conn, opts.lock_timeout)?;
        state::ensure_tables(locked.conn)?;
        let db = if purge { DbState::default() } else { state::read(locked.conn)? };
        let status = Status::read(chain, &db)?;
        let target = spec.resolve(chain, Some(status.current))?;
        let mut stmts = Vec::new();
        if purge {
            stmts.extend(state::purge());
        }
        let mut changes = Vec::new();
        for a in status.applied.iter().filter(|a| a.number > target as u64 || a.migration.is_none()) {
            stmts.push(state::delete_diesel(&a.version));
            stmts.extend(a.other_versions().iter().map(|v| state::delete_diesel(v)));
            stmts.push(state::delete_record(&a.version));
            changes.push(format!("unmarked {}", a.record.as_ref().map(|r| r.name.as_str()).unwrap_or(&a.version)));
        }
        for m in chain.migrations.iter().take(target) {
            let entry = status.applied.iter().find(|a| a.migration.is_some_and(|x| x.name == m.name));
            let already = entry.is_some_and(|a| a.in_table);
            if !already {
                stmts.push(state::insert_diesel(&m.id));
            }
            match (entry, m.diesel_alias()) {
                // Applied under its Diesel version only: now recorded under both.
                (Some(a), _) if !a.in_table => changes.push(a.translation_note(m)),
                // Newly marked: Diesel's old name too, as `upgrade` records it.
                (None, Some(v)) => stmts.push(state::insert_diesel(v)),
                _ => {}
            }
            let already = already || entry.is_some();
            let has_record = db.records.get(&m.id).is_some_and(|r| r.name == m.name);
            if !already || !has_record {
                let mut r = Step::up(m, locked.conn.backend())?.record.expect("up steps carry a record");
                r.applied_at = now_rfc3339();
                r.detail = Some("stamped (not run by cargo migrate)".into());
                stmts.push(state::upsert_record(&r, locked.conn.backend()));
                if !already {
                    changes.push(format!("marked {} as applied", m.name));
                }
            }
        }
        in_transaction(locked.conn, |conn| stmts.iter().try_for_each(|s| s.run(conn)))?;
        Ok(changes)
    }

    /// Clears the "partial" mark after the user fixed things by hand.
    pub fn resolve(&mut self, spec: &str, applied: bool) -> Result<String> {
        let (opts, chain) = (self.opts.clone(), self.chain);
        let locked = Locked::take(self.conn, opts.lock_timeout)?;
        state::ensure_tables(locked.conn)?;
        let db = state::read(locked.conn)?;
        let partial = db.partial();
        let wanted = spec.trim_start_matches('0');
        let Some(r) = partial.iter().find(|r| r.version.trim_start_matches('0') == wanted || r.name == spec || r.name.starts_with(spec)) else {
            let marked: Vec<&str> = partial.iter().map(|r| r.name.as_str()).collect();
            return Err(Error::Usage(format!(
                "`{spec}` has no failed-part-way mark (marked: {})",
                if marked.is_empty() { "none".to_string() } else { marked.join(", ") }
            )));
        };
        let direction = db.mark_direction(r).expect("a partial record has a direction");
        let mut stmts = Vec::new();
        if applied {
            // All of its changes are in place, whichever way it was going: Diesel's row
            // present and our record complete, so the next downgrade runs its down.sql.
            if !db.is_applied(&r.version) {
                stmts.push(state::insert_diesel(&r.version));
            }
            let mut record = Record::clone(r);
            record.status = STATUS_APPLIED.into();
            record.detail = Some(format!("resolved by hand as applied after a failed {}", verb(direction)));
            // A downgrade of a migration that had no record of ours wrote one without
            // its up.sql: fill it from the files, or it would read as edited.
            if record.checksum.is_empty() {
                if let Some(m) = chain.migrations.iter().find(|m| m.id == r.version && m.name == r.name) {
                    let up = m.read_up()?;
                    record.checksum = checksum(&up);
                    record.up_sql = up;
                }
            }
            stmts.push(state::upsert_record(&record, locked.conn.backend()));
        } else {
            stmts.push(state::delete_diesel(&r.version));
            stmts.push(state::delete_record(&r.version));
        }
        in_transaction(locked.conn, |conn| stmts.iter().try_for_each(|s| s.run(conn)))?;
        Ok(match (applied, direction) {
            (true, Direction::Up) => format!("{} is now recorded as applied (its upgrade was finished by hand)", r.name),
            (true, Direction::Down) => {
                format!("{} is now recorded as applied (its failed downgrade was undone by hand); the next downgrade runs its down.sql again", r.name)
            }
            (false, Direction::Up) => format!("{} is now recorded as not applied (its failed upgrade was undone by hand)", r.name),
            (false, Direction::Down) => format!("{} is now recorded as not applied (its downgrade was finished by hand)", r.name),
        })
    }
}

fn resolve_down_target(spec: &Spec, chain: &Chain, status: &Status) -> Result<usize> {
    if spec.needs_current() && spec.delta < 0 {
        // Count steps over what is applied (orphans included), not over chain positions.
        let mut numbers: Vec<u64> = status.applied.iter().map(|a| a.number).collect();
        numbers.sort_unstable();
        let steps = (-spec.delta) as usize;
        if steps > numbers.len() {
            return Err(Error::Spec(format!("`{}` goes below base: only {} migration(s) are applied", spec.text, numbers.len())));
        }
        return Ok(numbers.len().checked_sub(steps + 1).map(|i| numbers[i] as usize).unwrap_or(0));
    }
    if let crate::migrations::revision_spec::Anchor::Revision(r) = &spec.anchor {
        // An orphan's own version is a valid downgrade target.
        if chain.position(r).is_none() && spec.delta == 0 {
            if let Some(a) = status.orphans.iter().find(|a| &a.version == r) {
                return Ok(a.number as usize);
            }
        }
    }
    spec.resolve(chain, Some(status.current.min(chain.len())))
}

pub(super) fn position_name(chain: &Chain, pos: usize) -> String {
    if pos == 0 {
        "base".into()
    } else {
        chain.migrations.get(pos - 1).map(|m| m.name.clone()).unwrap_or_else(|| format!("{pos:04}"))
    }
}

/// Migrations applied by Diesel itself have no record; write one from the files so
/// later edits are detected and the migration can be rolled back from the database.
/// A migration Diesel applied under its pre-`adopt` version also gets its chain
/// version in Diesel's table (the old row stays). All of it in one transaction.
/// Returns what changed, one line per migration.
fn record_and_translate(conn: &mut Connection, status: &Status) -> Result<Vec<String>> {
    let backend = conn.backend();
    let mut stmts = Vec::new();
    let mut changes = Vec::new();
    for a in &status.applied {
        let Some(m) = a.migration else { continue };
        if !a.in_table {
            stmts.push(state::insert_diesel(&m.id));
            changes.push(a.translation_note(m));
        }
        if a.record.is_none() {
            let mut r = Step::up(m, backend)?.record.expect("up steps carry a record");
            r.applied_at = now_rfc3339();
            r.detail = Some(match a.legacy.first() {
                Some(v) => format!("applied by Diesel as version {v}; recorded by cargo migrate"),
                None => "applied by Diesel; recorded by cargo migrate".into(),
            });
            stmts.push(state::upsert_record(&r, backend));
        }
    }
    if !stmts.is_empty() {
        in_transaction(conn, |conn| stmts.iter().try_for_each(|s| s.run(conn)))?;
    }
    Ok(changes)
}

fn in_transaction(conn: &mut Connection, f: impl FnOnce(&mut Connection) -> Result<()>) -> Result<()> {
    let begin = if conn.backend() == Backend::Sqlite { "BEGIN IMMEDIATE" } else { "BEGIN" };
    conn.batch_execute(begin).map_err(|e| Error::database("starting a transaction", e))?;
    match f(conn) {
        Ok(()) => conn.batch_execute("COMMIT").map_err(|e| Error::database("committing", e)),
        Err(e) => {
            let _ = conn.batch_execute("ROLLBACK");
            Err(e)
        }
    }
}

pub(super) fn run_step(conn: &mut Connection, step: Step, out: &dyn Progress, (i, n): (usize, usize), report: &mut Report) -> Result<()> {
    let backend = conn.backend();
    let statements = lexer::split(&step.sql, backend);
    let started = Instant::now();
    let verb = verb(step.direction);
    let fail = |at: Located, diagnostic: Diagnostic, kept: Kept| {
        Error::MigrationFailed(Box::new(MigrationFailure {
            migration: step.name.clone(),
            direction: step.direction,
            file: step.file.clone(),
            at,
            diagnostic,
            kept,
        }))
    };
    // A statement the database rejected, located in the file: `sent` is the text that
    // was sent (the statement, or the whole file), which starts at byte `base`.
    let located = |s: &lexer::Statement, number: usize, d: &Diagnostic, sent: &str, base: usize| Located::Statement {
        number,
        line: s.line,
        statement: s.sql.to_string(),
        pointer: d.position.and_then(|p| pointer(&step.sql, base, sent, p)),
    };
    if statements.is_empty() {
        // Nothing is sent: an empty query is an error on PostgreSQL and MySQL.
        out.warn(&match step.direction {
            Direction::Up => format!(
                "{} has no statements (only comments or whitespace): nothing was run; {} is recorded as applied",
                step.file.display(),
                step.name
            ),
            Direction::Down => format!(
                "{} has no statements (only comments or whitespace): nothing was undone; {} is recorded as rolled back, but what its up.sql did is still in the database (`downgrade --strict` refuses this)",
                step.file.display(),
                step.name
            ),
        });
    }

    if step.transactional {
        let begin = if backend == Backend::Sqlite { "BEGIN IMMEDIATE" } else { "BEGIN" };
        conn.batch_execute(begin).map_err(|e| Error::database(format!("starting the transaction of {}", step.name), e))?;
        // SQLite has no session lock: the IMMEDIATE transaction is the lock, so
        // look again now that we hold it.
        if backend == Backend::Sqlite {
            let applied = state::is_version_applied(conn, &step.version)?;
            if applied == (step.direction == Direction::Up) {
                conn.batch_execute("COMMIT").map_err(|e| Error::database("committing", e))?;
                report.skipped.push(step.name.clone());
                out.detail(&format!("{} was already {} by another process", step.name, if applied { "applied" } else { "rolled back" }));
                return Ok(());
            }
        }
        for s in &statements {
            out.detail(&format!("{}:{}: {}", step.file.display(), s.line, s.sql));
        }
        // The whole file in one round trip; only when it fails do we replay it
        // statement by statement (in a transaction we roll back) to name the culprit.
        if let Err(e) = if statements.is_empty() { Ok(()) } else { conn.batch_execute(&step.sql) } {
            let batch = Diagnostic::from(&e);
            let _ = conn.batch_execute("ROLLBACK");
            if !conn.is_alive() {
                return Err(fail(Located::LostInBatch, batch, Kept::NothingConnectionLost));
            }
            return Err(match locate_failure(conn, begin, &statements) {
                Some((k, d)) => fail(located(&statements[k], k + 1, &d, statements[k].sql, statements[k].offset), d, Kept::Nothing),
                // PostgreSQL said where in the batch it failed: that names the statement.
                None => match batch.position.and_then(|p| pointer(&step.sql, 0, &step.sql, p).map(|_| p)) {
                    Some(p) => {
                        let byte = step.sql.char_indices().nth(p - 1).map_or(0, |(b, _)| b);
                        match statements.iter().rposition(|s| s.offset <= byte) {
                            Some(k) => fail(located(&statements[k], k + 1, &batch, &step.sql, 0), batch, Kept::Nothing),
                            None => fail(Located::DidNotRecur, batch, Kept::Nothing),
                        }
                    }
                    None => fail(Located::DidNotRecur, batch, Kept::Nothing),
                },
            });
        }
        if let Err(d) = record_done(conn, &step, started.elapsed()) {
            let _ = conn.batch_execute("ROLLBACK");
            let kept = if conn.is_alive() { Kept::Nothing } else { Kept::NothingConnectionLost };
            return Err(fail(Located::StateTables { every_statement_ran: true }, d, kept));
        }
        if let Err(e) = conn.batch_execute("COMMIT") {
            // SQLite keeps the transaction open after a failed COMMIT; PostgreSQL has
            // already ended it. Either way nothing of it is kept.
            let _ = conn.batch_execute("ROLLBACK");
            let lost = !conn.is_alive();
            return Err(fail(Located::Commit, Diagnostic::from(&e), if lost { Kept::NothingConnectionLost } else { Kept::Nothing }));
        }
    } else {
        // Mark first, so a crash in the middle leaves evidence. On MySQL the mark is
        // written in an open transaction: the first DDL statement's implicit commit
        // makes it durable before that statement runs, and a migration of DML alone
        // commits (or, on a crash, loses) the mark together with its changes. That
        // saves a log flush per migration.
        let deferred = backend == Backend::Mysql;
        if deferred {
            conn.batch_execute("BEGIN").map_err(|e| Error::database(format!("starting the run of {}", step.name), e))?;
        }
        let mark = format!("{verb} started at {}; no statement had finished", now_rfc3339());
        let status = Mark::partial(step.direction);
        let marked = match &step.record {
            Some(r) => {
                let mut r = r.clone();
                r.applied_at = now_rfc3339();
                r.status = status.into();
                r.detail = Some(mark);
                state::upsert_record(&r, backend).exec(conn).map(drop)
            }
            None => match state::set_status(&step.version, status, Some(&mark), 0).exec(conn) {
                Ok(0) => {
                    let r = Record {
                        version: step.version.clone(),
                        name: step.name.clone(),
                        checksum: String::new(),
                        up_sql: String::new(),
                        down_sql: step.sql.clone(),
                        applied_at: now_rfc3339(),
                        duration_ms: 0,
                        status: status.into(),
                        detail: Some(mark),
                    };
                    state::upsert_record(&r, backend).exec(conn).map(drop)
                }
                other => other.map(drop),
            },
        };
        if let Err(d) = marked {
            if deferred {
                let _ = conn.batch_execute("ROLLBACK");
            }
            return Err(fail(Located::StateTables { every_statement_ran: false }, d, Kept::NotRun));
        }
        // Statements that ran (number, line), and the migration's own open transaction
        // (index of its BEGIN): what that covers is undone if a later statement fails.
        let mut done: Vec<(usize, usize)> = Vec::new();
        let mut undone: Vec<(usize, usize)> = Vec::new();
        let mut open: Option<usize> = None;
        for (k, s) in statements.iter().enumerate() {
            out.detail(&format!("{}:{}: {}", step.file.display(), s.line, s.sql));
            if let Err(e) = conn.batch_execute(s.sql) {
                let d = Diagnostic::from(&e);
                // MySQL has no transactional DDL: its own BEGIN protects nothing we
                // could count on. SQLite keeps the transaction open after most errors and
                // PostgreSQL aborts it: either way it is rolled back, and with it what
                // ran since its BEGIN.
                let mut begin_line = None;
                if let (Some(b), false) = (open, deferred) {
                    let _ = conn.batch_execute("ROLLBACK");
                    undone.extend(done.drain(b..));
                    begin_line = Some(statements[b].line);
                }
                let stored = done.iter().any(|(num, _)| !lexer::session_only(statements[num - 1].sql));
                // A failed statement is undone by SQLite (statement journal), and by
                // PostgreSQL inside a transaction; elsewhere it may leave work behind.
                let atomic_failure = backend == Backend::Sqlite || begin_line.is_some();
                // Outside a transaction block PostgreSQL runs a statement as a transaction
                // of its own, so a failed one left nothing unless it commits part-way, or
                // the session was lost (it may have committed before the reply was lost).
                let undone_alone = backend == Backend::Postgres && begin_line.is_none() && lexer::atomic_on_postgres(s.sql) && conn.is_alive();
                let kept = if !stored && (atomic_failure || undone_alone) && backend != Backend::Mysql {
                    let restored = restore(conn, &step).is_ok();
                    if atomic_failure {
                        Kept::NothingStayed { begin_line, restored }
                    } else {
                        Kept::StatementUndone { restored }
                    }
                } else {
                    let mut kept = Kept::Partial { stayed: done.clone(), undone: undone.clone(), failed: Some(k + 1), marked: false, connection_lost: false };
                    let detail =
                        format!("{verb} of {}: {}; statement {} at {}:{} failed: {}", step.name, kept.summary(), k + 1, step.file.display(), s.line, d);
                    let recorded = state::set_status(&step.version, status, Some(&detail), started.elapsed().as_millis() as i64).exec(conn).is_ok();
                    if deferred {
                        let _ = conn.batch_execute("COMMIT");
                    }
                    let lost = !recorded && !conn.is_alive();
                    if let Kept::Partial { marked, connection_lost, .. } = &mut kept {
                        *marked = recorded;
                        *connection_lost = lost;
                    }
                    kept
                };
                return Err(fail(located(s, k + 1, &d, s.sql, s.offset), d, kept));
            }
            match lexer::tx_control(s.sql) {
                Some(lexer::TxControl::Begin) => open = Some(done.len()),
                Some(lexer::TxControl::Commit) => open = None,
                Some(lexer::TxControl::Rollback) => {
                    if let Some(b) = open.take() {
                        undone.extend(done.drain(b..));
                    }
                }
                None => {}
            }
            done.push((k + 1, s.line));
        }
        // One commit for both state rows (on MySQL, in the transaction the mark opened).
        let begin = if backend == Backend::Sqlite { "BEGIN IMMEDIATE" } else { "BEGIN" };
        let recorded = (if deferred { Ok(()) } else { conn.batch_execute(begin).map_err(Diagnostic::from) })
            .and_then(|()| record_done(conn, &step, started.elapsed()))
            .and_then(|()| conn.batch_execute("COMMIT").map_err(Diagnostic::from));
        if let Err(d) = recorded {
            let _ = conn.batch_execute("ROLLBACK");
            let mut kept = Kept::Partial { stayed: done, undone, failed: None, marked: false, connection_lost: false };
            let detail = format!("{verb} of {}: {}; recording it failed: {d}", step.name, kept.summary());
            let marked = state::set_status(&step.version, status, Some(&detail), started.elapsed().as_millis() as i64).exec(conn).is_ok_and(|n| n > 0);
            if let Kept::Partial { marked: m, .. } = &mut kept {
                *m = marked;
            }
            return Err(fail(Located::StateTables { every_statement_ran: true }, d, kept));
        }
    }
    let took = started.elapsed();
    out.finished((n > 1).then_some((i, n)), step.direction, &step.name, took);
    report.done.push((step.name.clone(), step.direction, took));
    Ok(())
}

/// Puts our record back as it was before a non-transactional run that turned out to
/// change nothing: gone for an upgrade, the prior record for a downgrade.
fn restore(conn: &mut Connection, step: &Step) -> std::result::Result<(), Diagnostic> {
    match (&step.prior, step.direction) {
        (Some(prior), Direction::Down) => state::upsert_record(prior, conn.backend()).exec(conn).map(drop),
        _ => state::delete_record(&step.version).exec(conn).map(drop),
    }
}

/// Writes the state tables for a finished step. Errors come back as the database's
/// diagnostic, for a report that names the migration (a trigger on Diesel's table
/// that refuses writes from other tools is one real cause).
fn record_done(conn: &mut Connection, step: &Step, took: Duration) -> std::result::Result<(), Diagnostic> {
    match step.direction {
        Direction::Up => {
            let mut r = step.record.clone().expect("up steps carry a record");
            r.applied_at = now_rfc3339();
            r.duration_ms = took.as_millis() as i64;
            state::insert_diesel(&step.version).exec(conn)?;
            for v in &step.legacy {
                state::insert_diesel(v).exec(conn)?;
            }
            state::upsert_record(&r, conn.backend()).exec(conn).map(drop)
        }
        Direction::Down => {
            state::delete_diesel(&step.version).exec(conn)?;
            for v in &step.legacy {
                state::delete_diesel(v).exec(conn)?;
            }
            state::delete_record(&step.version).exec(conn).map(drop)
        }
    }
}
