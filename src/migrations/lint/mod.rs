//! `lint`: risky SQL in migrations, flagged by rule id before it reaches a
//! production database. A migration silences a rule with a recorded reason:
//!
//! ```toml
//! [lint.allow]
//! drop-column = "unused since 0007; data archived to cold storage"
//! ```
//!
//! Statements come from [`crate::dialect::lexer::split`] and are read as its tokens
//! ([`stmt`]), so text inside strings, comments and `$$` bodies never trips a rule.
//! [`rules`] says what each rule means; [`scan`] says which statements break it. They
//! are a reviewer's checks on the statements' shapes, not a SQL parser.

pub mod rules;
mod scan;
mod stmt;

pub use rules::{Rule, Severity};
pub use scan::Hit;

use crate::backend::Backend;
use crate::dialect::lexer;
use crate::error::Result;
use crate::migrations::chain::Migration;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub migration: String,
    pub file: String,
    pub line: usize,
    pub rule: Rule,
    pub severity: Severity,
    /// The lock the statement takes.
    pub lock: &'static str,
    /// Why the rule exists.
    pub message: &'static str,
    /// The safe rewrite.
    pub fix: &'static str,
    pub statement: String,
    /// The reason from `[lint.allow]` when the migration silenced this rule.
    pub allowed: Option<String>,
}

impl Finding {
    /// Whether this finding fails `lint` (and `check` under `lint_fails_check`).
    pub fn fails(&self) -> bool {
        self.allowed.is_none() && self.severity == Severity::Error
    }
}

/// The rules `sql` (one migration's `up.sql`) breaks on `backend`, in file order.
/// `run_in_transaction` is the migration's setting: `CONCURRENTLY` needs it off.
pub fn lint_sql(sql: &str, backend: Option<Backend>, run_in_transaction: bool) -> Vec<Hit> {
    // Without a known backend the file is read with SQLite's lexical rules, the
    // plainest of the three (no dollar quotes, no backslash escapes).
    let lexed_as = backend.unwrap_or(Backend::Sqlite);
    let mut scan = scan::Scan::new(backend, run_in_transaction);
    for s in lexer::split(sql, lexed_as) {
        scan.statement(&stmt::Stmt::new(s.sql, s.line, lexed_as));
    }
    let mut hits: Vec<Hit> = scan.finish().into_iter().filter(|h| h.rule.applies_to(backend)).collect();
    hits.sort_by_key(|h| h.line);
    hits
}

/// Lints one migration's `up.sql`.
pub fn lint_migration(m: &Migration, backend: Option<Backend>) -> Result<Vec<Finding>> {
    let sql = m.read_up()?;
    let file = m.up_path().display().to_string();
    Ok(lint_sql(&sql, backend, m.meta.run_in_transaction())
        .into_iter()
        .map(|h| Finding {
            migration: m.name.clone(),
            file: file.clone(),
            line: h.line,
            rule: h.rule,
            severity: h.rule.severity(),
            lock: h.rule.lock(),
            message: h.rule.why(),
            fix: h.rule.fix(),
            statement: h.statement,
            allowed: m.meta.lint_allow.get(h.rule.id()).cloned(),
        })
        .collect())
}

#[cfg(test)]
mod tests;
