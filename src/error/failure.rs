//! Why a migration failed, and how that reads: [`MigrationFailure`] (where in the
//! file, what the database said, what the database holds of it now) and its rendering.
//!
//! Plain data, apart from the apply loop that fills it in (`engine::apply`, with
//! `engine::locate` finding the statement to blame), because the error type shows a
//! failure ([`super::Error::MigrationFailed`]) and must not depend on the engine.
//! [`Direction`] and the state tables' names live here for the same reason: the
//! report names them, and `migrations::record` and `engine::state` re-export them.

use std::path::PathBuf;

use super::diagnostic::Diagnostic;

/// Which way a migration runs; a failed-part-way mark records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Diesel's state table, the source of truth for what is applied.
pub const DIESEL_TABLE: &str = "__diesel_schema_migrations";
/// Our own bookkeeping table (checksums, copies of the SQL, failed-part-way marks).
pub const OUR_TABLE: &str = "__cargo_migrate_applied";

/// Why a migration failed, with everything needed to find and fix it.
#[derive(Debug)]
pub struct MigrationFailure {
    pub migration: String,
    pub direction: Direction,
    pub file: PathBuf,
    pub at: Located,
    /// What the database said, in full (message, detail, hint).
    pub diagnostic: Diagnostic,
    /// What the database holds of the migration now, and what the state tables say.
    pub kept: Kept,
}

/// Where in the file a failure is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Located {
    /// The failing statement: its number in the file (1-based), the line of its first
    /// token, its text, and the line:column the database pointed at (PostgreSQL).
    Statement { number: usize, line: usize, statement: String, pointer: Option<(usize, usize)> },
    /// The file ran as one batch when the connection was lost: no statement can be blamed.
    LostInBatch,
    /// Replayed statement by statement (and rolled back), the file did not fail again.
    DidNotRecur,
    /// Every statement ran; committing the transaction failed (a deferred constraint,
    /// a serialization failure), so no one statement is to blame.
    Commit,
    /// The file's SQL is not to blame: writing the state tables for it failed.
    StateTables { every_statement_ran: bool },
}

/// What the database holds of a failed migration: what the report says and what
/// the state tables record must both follow from this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// Our transaction around the migration was rolled back.
    Nothing,
    /// The session was lost mid-transaction; the server rolls a lost session's back.
    NothingConnectionLost,
    /// Its "failed part-way" mark could not be written, so none of it was run.
    NotRun,
    /// Not transactional, yet nothing that stores data stayed: the migration's own
    /// transaction (begun at `begin_line`) was rolled back, or its first statement
    /// failed and SQLite undoes a failed statement. The state row was put back as it
    /// was before the run (`restored`), so no `resolve` is needed.
    NothingStayed { begin_line: Option<usize>, restored: bool },
    /// Not transactional, yet nothing that stores data stayed: the statement that failed
    /// was the first to store anything, and PostgreSQL undoes a failed statement that
    /// runs outside a transaction block (see [`crate::dialect::lexer::atomic_on_postgres`]).
    /// The state row was put back as it was (`restored`).
    StatementUndone { restored: bool },
    /// Not transactional and part of it stayed: `stayed` ran and were kept, `undone`
    /// ran inside the migration's own transaction and were rolled back with it
    /// (statement number, line). `marked`: the "failed part-way" mark says so.
    Partial { stayed: Vec<(usize, usize)>, undone: Vec<(usize, usize)>, failed: Option<usize>, marked: bool, connection_lost: bool },
}

pub(crate) fn verb(d: Direction) -> &'static str {
    if d == Direction::Up {
        "upgrade"
    } else {
        "downgrade"
    }
}

/// "statement 2 (line 4)", "statements 1-3 (lines 1, 2, 5)": numbers in runs.
fn statements_phrase(list: &[(usize, usize)]) -> String {
    let mut runs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < list.len() {
        let mut j = i;
        while j + 1 < list.len() && list[j + 1].0 == list[j].0 + 1 {
            j += 1;
        }
        runs.push(if i == j { list[i].0.to_string() } else { format!("{}-{}", list[i].0, list[j].0) });
        i = j + 1;
    }
    let lines: Vec<String> = list.iter().map(|(_, l)| l.to_string()).collect();
    if list.len() == 1 {
        format!("statement {} ran (line {})", runs[0], lines[0])
    } else {
        format!("statements {} ran (lines {})", runs.join(", "), lines.join(", "))
    }
}

impl Kept {
    /// One sentence on what the database holds; also the detail kept with the mark.
    pub(crate) fn summary(&self) -> String {
        match self {
            Kept::Nothing => "nothing from it was kept (its transaction was rolled back)".into(),
            Kept::NothingConnectionLost => {
                "the connection to the database was lost, and the server rolls back the transaction of a lost session: nothing from it was kept".into()
            }
            Kept::NotRun => "none of it was run (its failed-part-way mark could not be written first)".into(),
            Kept::NothingStayed { begin_line: Some(l), .. } => {
                format!("it is not transactional, but nothing from it stayed: the database rolled back the migration's own transaction (BEGIN at line {l})")
            }
            Kept::NothingStayed { begin_line: None, .. } => {
                "it is not transactional, but nothing from it stayed: its first statement failed, and SQLite undoes a failed statement".into()
            }
            Kept::StatementUndone { .. } => {
                "it is not transactional, but nothing from it stayed: the statement that failed was the first to change anything, and PostgreSQL undoes a failed statement run outside a transaction block".into()
            }
            Kept::Partial { stayed, undone, failed, .. } => {
                let mut s = if stayed.is_empty() {
                    "it is not transactional: no statement of it completed, but what a statement that fails outside a transaction leaves behind stays (an INVALID index from CREATE INDEX CONCURRENTLY, a half-done ALTER TABLE on MySQL)".to_string()
                } else {
                    format!("it is not transactional, so part of it stayed: {} and stayed", statements_phrase(stayed))
                };
                if !undone.is_empty() {
                    s.push_str(&format!("; {} inside its own transaction, which was rolled back", statements_phrase(undone)));
                }
                if failed.is_none() {
                    s.push_str("; every statement ran");
                }
                s
            }
        }
    }
}

/// How a failed migration reads: what ran, what stayed, where, and what to do next.
/// [`crate::error::Error::MigrationFailed`] shows this, so the error type needs no
/// call into this module.
impl std::fmt::Display for MigrationFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&render_failure(self))
    }
}

fn render_failure(f: &MigrationFailure) -> String {
    let short = f.migration.split('_').next().unwrap_or(&f.migration);
    let mut outcome = f.kept.summary();
    match &f.kept {
        Kept::Partial { marked: true, .. } => outcome.push_str(&format!(
            "\n  the database is marked; fix it by hand, then run `cargo migrate resolve {short} --applied` (all of its changes are in place) or `--rolled-back` (none are)"
        )),
        Kept::Partial { marked: false, .. } => outcome.push_str(&format!(
            "\n  the database is marked, but the mark still says what it said when the {} started (recording this failure in it failed too); fix it by hand, then run `cargo migrate resolve {short} --applied` (all of its changes are in place) or `--rolled-back` (none are)",
            verb(f.direction)
        )),
        Kept::NothingStayed { restored: true, .. } | Kept::StatementUndone { restored: true } => outcome.push_str("; the state tables are as before the run"),
        Kept::NothingStayed { restored: false, .. } | Kept::StatementUndone { restored: false } => outcome.push_str(&format!(
            "\n  its failed-part-way mark could not be removed: run `cargo migrate resolve {short} {}`",
            if f.direction == Direction::Up { "--rolled-back" } else { "--applied" }
        )),
        _ => {}
    }
    let file = f.file.display();
    let (location, stmt) = match &f.at {
        Located::Statement { number, line, statement, pointer } => {
            let mut stmt: String = statement.lines().next().unwrap_or("").chars().take(160).collect();
            if statement.lines().count() > 1 || statement.len() > stmt.len() {
                stmt.push_str(" …");
            }
            let at = match pointer {
                Some((l, c)) => format!("{file}:{l}:{c}"),
                None => format!("{file}:{line}"),
            };
            (at, format!("statement {number}: {stmt}"))
        }
        Located::LostInBatch => (file.to_string(), "statement: not identified: the file ran as one batch when the connection was lost".into()),
        Located::DidNotRecur => (
            file.to_string(),
            "statement: not identified: replayed statement by statement, it did not fail again (a transient error: a deadlock, a lock or statement timeout, a serialization failure)".into(),
        ),
        Located::Commit => (file.to_string(), "statement: none on its own: every statement ran, and COMMIT failed (a deferred constraint, a serialization failure)".into()),
        Located::StateTables { every_statement_ran } => (
            file.to_string(),
            format!(
                "statement: none of the file's ({}); writing {} and {} failed",
                if *every_statement_ran { "every statement ran" } else { "none had run" },
                DIESEL_TABLE,
                OUR_TABLE
            ),
        ),
    };
    let lost = matches!(f.kept, Kept::NothingConnectionLost | Kept::Partial { connection_lost: true, .. });
    let hint = if matches!(f.kept, Kept::NothingConnectionLost) {
        "\n  hint: once the database is reachable again, run the same command: it resumes from the last recorded migration"
    } else {
        ""
    };
    format!(
        "{} of {} failed; {outcome}\n  --> {location}\n  {stmt}\n  database: {}{}{hint}",
        verb(f.direction),
        f.migration,
        if lost { "connection lost: " } else { "" },
        f.diagnostic
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_lists_collapse_runs() {
        assert_eq!(statements_phrase(&[(1, 2)]), "statement 1 ran (line 2)");
        assert_eq!(statements_phrase(&[(1, 1), (2, 3), (3, 4), (6, 9)]), "statements 1-3, 6 ran (lines 1, 3, 4, 9)");
    }
}
