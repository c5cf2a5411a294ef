//! `lint`: risky SQL in migrations, flagged by rule id before it reaches a
//! production database. A migration silences a rule with a recorded reason:
//!
//! ```toml
//! [lint.allow]
//! drop-column = "unused since 0007; data archived to cold storage"
//! ```
//!
//! The checks read statements (split with [`crate::dialect::lexer`]) by their leading
//! keywords; they are heuristics for a reviewer, not a SQL parser.

use crate::backend::Backend;
use crate::dialect::lexer;
use crate::error::Result;
use crate::migrations::chain::Migration;

pub struct Rule {
    pub id: &'static str,
    pub why: &'static str,
}

pub const RULES: &[Rule] = &[
    Rule { id: "drop-table", why: "drops a table and all its rows" },
    Rule { id: "drop-column", why: "drops a column and its data" },
    Rule {
        id: "add-not-null-without-default",
        why: "adds a NOT NULL column without a default, which fails on a table that has rows; add it nullable, backfill, then set NOT NULL",
    },
    Rule { id: "set-not-null", why: "sets NOT NULL, which scans the table under a lock and fails if any row is NULL" },
    Rule { id: "rename", why: "renames a table or column; the running application still uses the old name until it is redeployed" },
    Rule { id: "alter-column-type", why: "changes a column's type, which may rewrite and lock a large table; narrowing can lose data" },
    Rule {
        id: "create-index-blocking",
        why: "CREATE INDEX without CONCURRENTLY blocks writes to the table while it builds; use CONCURRENTLY with run_in_transaction = false",
    },
];

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub migration: String,
    pub file: String,
    pub line: usize,
    pub rule: &'static str,
    pub message: &'static str,
    pub statement: String,
    /// The reason from `[lint.allow]` when the migration silenced this rule.
    pub allowed: Option<String>,
}

/// Upper-cased, comments removed, whitespace folded: enough to match keywords.
fn normalize(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    for line in sql.lines() {
        let line = line.split("--").next().unwrap_or("");
        out.push_str(line);
        out.push(' ');
    }
    let folded: Vec<&str> = out.split_whitespace().collect();
    format!(" {} ", folded.join(" ").to_ascii_uppercase())
}

fn table_after<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let rest = s.strip_prefix(prefix)?;
    let rest = rest.strip_prefix("IF NOT EXISTS ").or_else(|| rest.strip_prefix("IF EXISTS ")).unwrap_or(rest);
    rest.split([' ', '(']).next().map(|t| t.trim_matches(['"', '`']))
}

/// The rules one statement breaks. `created` holds tables this migration created:
/// they are empty, so rules about existing data do not apply to them.
fn rules_for(s: &str, backend: Option<Backend>, created: &[String]) -> Vec<&'static str> {
    let mut hits = Vec::new();
    let altered = table_after(s, " ALTER TABLE ").map(|t| t.to_string());
    let on_new_table = altered.as_ref().is_some_and(|t| created.contains(t));
    if s.starts_with(" DROP TABLE ") {
        hits.push("drop-table");
    }
    if altered.is_some() && !on_new_table {
        if s.contains(" DROP COLUMN ") {
            hits.push("drop-column");
        }
        let adds_column = s.contains(" ADD ")
            && ![" ADD CONSTRAINT ", " ADD INDEX ", " ADD UNIQUE ", " ADD PRIMARY ", " ADD FOREIGN ", " ADD CHECK ", " ADD KEY "].iter().any(|k| s.contains(k));
        if adds_column && s.contains(" NOT NULL") && !s.contains(" DEFAULT ") {
            hits.push("add-not-null-without-default");
        }
        if s.contains(" SET NOT NULL") {
            hits.push("set-not-null");
        }
        if s.contains(" RENAME ") {
            hits.push("rename");
        }
        if (s.contains(" ALTER COLUMN ") && (s.contains(" TYPE ") || s.contains(" SET DATA TYPE "))) || s.contains(" MODIFY ") || s.contains(" CHANGE ") {
            hits.push("alter-column-type");
        }
    }
    if s.starts_with(" RENAME TABLE ") {
        hits.push("rename");
    }
    if backend == Some(Backend::Postgres) && (s.starts_with(" CREATE INDEX ") || s.starts_with(" CREATE UNIQUE INDEX ")) && !s.contains(" CONCURRENTLY ") {
        let table = s.split(" ON ").nth(1).and_then(|r| r.split([' ', '(']).next()).map(|t| t.trim_matches('"').to_string());
        if !table.is_some_and(|t| created.contains(&t)) {
            hits.push("create-index-blocking");
        }
    }
    hits
}

/// Lints one migration's `up.sql`.
pub fn lint_migration(m: &Migration, backend: Option<Backend>) -> Result<Vec<Finding>> {
    let sql = m.read_up()?;
    // Without a database URL the backend is unknown: the file is read with SQLite's
    // lexical rules, the plainest of the three (no dollar quotes, no backslash escapes).
    let lexed_as = backend.unwrap_or(Backend::Sqlite);
    let mut created: Vec<String> = Vec::new();
    let mut findings = Vec::new();
    for stmt in lexer::split(&sql, lexed_as) {
        let s = normalize(stmt.sql);
        if let Some(t) = table_after(&s, " CREATE TABLE ") {
            created.push(t.to_string());
        }
        for rule in rules_for(&s, backend, &created) {
            let why = RULES.iter().find(|r| r.id == rule).map(|r| r.why).unwrap_or("");
            findings.push(Finding {
                migration: m.name.clone(),
                file: m.up_path().display().to_string(),
                line: stmt.line,
                rule,
                message: why,
                statement: stmt.sql.lines().next().unwrap_or("").to_string(),
                allowed: m.meta.lint_allow.get(rule).cloned(),
            });
        }
    }
    Ok(findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(sql: &str, backend: Option<Backend>) -> Vec<&'static str> {
        let mut created = Vec::new();
        let mut all = Vec::new();
        for stmt in lexer::split(sql, Backend::Postgres) {
            let s = normalize(stmt.sql);
            if let Some(t) = table_after(&s, " CREATE TABLE ") {
                created.push(t.to_string());
            }
            all.extend(rules_for(&s, backend, &created));
        }
        all
    }

    #[test]
    fn each_rule_fires_on_its_statement() {
        let pg = Some(Backend::Postgres);
        assert_eq!(rules("DROP TABLE users;", pg), ["drop-table"]);
        assert_eq!(rules("ALTER TABLE users DROP COLUMN phone;", pg), ["drop-column"]);
        assert_eq!(rules("alter table users add column age integer not null;", pg), ["add-not-null-without-default"]);
        assert_eq!(rules("ALTER TABLE users ADD COLUMN age INTEGER NOT NULL DEFAULT 0;", pg), Vec::<&str>::new());
        assert_eq!(rules("ALTER TABLE users ALTER COLUMN age SET NOT NULL;", pg), ["set-not-null"]);
        assert_eq!(rules("ALTER TABLE users RENAME COLUMN name TO full_name;", pg), ["rename"]);
        assert_eq!(rules("RENAME TABLE a TO b;", Some(Backend::Mysql)), ["rename"]);
        assert_eq!(rules("ALTER TABLE users ALTER COLUMN age TYPE BIGINT;", pg), ["alter-column-type"]);
        assert_eq!(rules("ALTER TABLE users MODIFY COLUMN age BIGINT;", Some(Backend::Mysql)), ["alter-column-type"]);
        assert_eq!(rules("CREATE INDEX ix ON users (email);", pg), ["create-index-blocking"]);
        assert_eq!(rules("CREATE INDEX CONCURRENTLY ix ON users (email);", pg), Vec::<&str>::new());
        assert_eq!(rules("CREATE INDEX ix ON users (email);", Some(Backend::Sqlite)), Vec::<&str>::new());
    }

    #[test]
    fn new_tables_comments_and_strings_do_not_trip_rules() {
        let pg = Some(Backend::Postgres);
        let sql = "CREATE TABLE tags (id INT);\nALTER TABLE tags ADD COLUMN name TEXT NOT NULL;\nCREATE INDEX ix_tags ON tags (name);\n-- DROP TABLE users;\nINSERT INTO notes VALUES ('DROP TABLE users');";
        assert_eq!(rules(sql, pg), Vec::<&str>::new());
        assert_eq!(rules("ALTER TABLE users ADD CONSTRAINT ck CHECK (a IS NOT NULL);", pg), Vec::<&str>::new());
    }
}
