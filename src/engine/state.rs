//! Applied state. Diesel's own `__diesel_schema_migrations` is the source of truth
//! (so `diesel migration run` and `embed_migrations!` see what we applied); our
//! table `__cargo_migrate_applied` keeps what Diesel lacks: a checksum of `up.sql`,
//! copies of `up.sql`/`down.sql` (for diffs, and for rolling back a migration whose
//! files are gone), timings, and the "failed part-way" mark of non-transactional runs.
//!
//! Each statement is built once as SQL with `?` placeholders plus parameters: run
//! with bound parameters, or rendered with quoted literals for `--sql` scripts.
//!
//! This module reads and writes the tables; what a row holds ([`Record`], the status
//! mark, [`DbState`]) is data in [`crate::migrations::record`], where it is decided on.

use std::collections::BTreeMap;

use crate::backend::Backend;
use crate::dialect::connection::{Connection, Param};
use crate::error::{Error, Result};

pub use crate::error::failure::{Direction, DIESEL_TABLE, OUR_TABLE};
use crate::migrations::record::{DbState, Record, RecordStatus};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stmt {
    pub sql: String,
    pub params: Vec<Param>,
}

impl Stmt {
    fn new(sql: impl Into<String>, params: Vec<Param>) -> Self {
        Stmt { sql: sql.into(), params }
    }

    pub fn run(&self, conn: &mut Connection) -> Result<()> {
        self.run_counting(conn).map(drop)
    }

    /// Runs it and returns the number of rows it touched.
    pub fn run_counting(&self, conn: &mut Connection) -> Result<usize> {
        self.exec(conn).map_err(|d| Error::database("updating the migration state tables", d))
    }

    /// Runs it and returns the rows touched, or the database's diagnostic, for callers
    /// that name the migration the write was for.
    pub fn exec(&self, conn: &mut Connection) -> std::result::Result<usize, crate::dialect::connection::Diagnostic> {
        conn.execute(&self.sql, &self.params).map_err(crate::dialect::connection::Diagnostic::from)
    }

    /// The statement with literals in place of placeholders, for offline scripts.
    pub fn render(&self, backend: Backend) -> String {
        let mut params = self.params.iter();
        let mut out = String::with_capacity(self.sql.len());
        for ch in self.sql.chars() {
            if ch == '?' {
                match params.next() {
                    Some(Param::Text(s)) => out.push_str(&quote(s, backend)),
                    Some(Param::Int(i)) => out.push_str(&i.to_string()),
                    Some(Param::Null) | None => out.push_str("NULL"),
                }
            } else {
                out.push(ch);
            }
        }
        out.push(';');
        out
    }
}

/// A SQL string literal. MySQL also treats backslash as an escape character.
pub fn quote(s: &str, backend: Backend) -> String {
    let mut escaped = s.replace('\'', "''");
    if backend == Backend::Mysql {
        escaped = escaped.replace('\\', "\\\\");
    }
    format!("'{escaped}'")
}

/// `CREATE TABLE IF NOT EXISTS` for both tables. Diesel's is created exactly as Diesel does.
pub fn create_tables(backend: Backend) -> Vec<Stmt> {
    let text = if backend == Backend::Mysql { "LONGTEXT" } else { "TEXT" };
    vec![
        Stmt::new(
            format!(
                "CREATE TABLE IF NOT EXISTS {DIESEL_TABLE} (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)"
            ),
            vec![],
        ),
        Stmt::new(
            format!(
                "CREATE TABLE IF NOT EXISTS {OUR_TABLE} (version VARCHAR(50) PRIMARY KEY NOT NULL, name VARCHAR(255) NOT NULL, \
                 checksum VARCHAR(64) NOT NULL, up_sql {text} NOT NULL, down_sql {text} NOT NULL, applied_at VARCHAR(40) NOT NULL, \
                 duration_ms BIGINT NOT NULL, status VARCHAR(16) NOT NULL, detail {text})"
            ),
            vec![],
        ),
    ]
}

pub fn insert_diesel(version: &str) -> Stmt {
    Stmt::new(format!("INSERT INTO {DIESEL_TABLE} (version) VALUES (?)"), vec![Param::Text(version.into())])
}

pub fn delete_diesel(version: &str) -> Stmt {
    Stmt::new(format!("DELETE FROM {DIESEL_TABLE} WHERE version = ?"), vec![Param::Text(version.into())])
}

pub fn delete_record(version: &str) -> Stmt {
    Stmt::new(format!("DELETE FROM {OUR_TABLE} WHERE version = ?"), vec![Param::Text(version.into())])
}

/// Writes our record of a version, replacing any stale one, in one statement.
pub fn upsert_record(r: &Record, backend: Backend) -> Stmt {
    let cols = "version, name, checksum, up_sql, down_sql, applied_at, duration_ms, status, detail";
    let sql = match backend {
        Backend::Mysql => format!("REPLACE INTO {OUR_TABLE} ({cols}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        _ => format!(
            "INSERT INTO {OUR_TABLE} ({cols}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (version) DO UPDATE SET \
             name = excluded.name, checksum = excluded.checksum, up_sql = excluded.up_sql, down_sql = excluded.down_sql, \
             applied_at = excluded.applied_at, duration_ms = excluded.duration_ms, status = excluded.status, detail = excluded.detail"
        ),
    };
    Stmt::new(
        sql,
        vec![
            Param::Text(r.version.clone()),
            Param::Text(r.name.clone()),
            Param::Text(r.checksum.clone()),
            Param::Text(r.up_sql.clone()),
            Param::Text(r.down_sql.clone()),
            Param::Text(r.applied_at.clone()),
            Param::Int(r.duration_ms),
            Param::Text(r.status.as_str().into()),
            r.detail.clone().map(Param::Text).unwrap_or(Param::Null),
        ],
    )
}

/// Whether Diesel's table lists one version (the re-check under SQLite's write lock).
pub fn is_version_applied(conn: &mut Connection, version: &str) -> Result<bool> {
    let rows = conn
        .query_texts(&format!("SELECT version AS value FROM {DIESEL_TABLE} WHERE version = ?"), &[Param::Text(version.into())])
        .map_err(|e| Error::database(format!("reading {DIESEL_TABLE}"), e))?;
    Ok(!rows.is_empty())
}

pub fn set_status(version: &str, status: RecordStatus, detail: Option<&str>, duration_ms: i64) -> Stmt {
    Stmt::new(
        format!("UPDATE {OUR_TABLE} SET status = ?, detail = ?, duration_ms = ? WHERE version = ?"),
        vec![
            Param::Text(status.as_str().into()),
            detail.map(|d| Param::Text(d.into())).unwrap_or(Param::Null),
            Param::Int(duration_ms),
            Param::Text(version.into()),
        ],
    )
}

pub fn purge() -> Vec<Stmt> {
    vec![Stmt::new(format!("DELETE FROM {DIESEL_TABLE}"), vec![]), Stmt::new(format!("DELETE FROM {OUR_TABLE}"), vec![])]
}

pub fn ensure_tables(conn: &mut Connection) -> Result<()> {
    for s in create_tables(conn.backend()) {
        s.run(conn)?;
    }
    Ok(())
}

/// Reads both tables; a database that never saw a migration has an empty state.
pub fn read(conn: &mut Connection) -> Result<DbState> {
    let mut state = DbState::default();
    if conn.table_exists(DIESEL_TABLE)? {
        let rows = conn
            .query_texts(&format!("SELECT version AS value FROM {DIESEL_TABLE}"), &[])
            .map_err(|e| Error::database(format!("reading {DIESEL_TABLE}"), e))?;
        state.applied = rows.into_iter().flatten().collect();
        state.applied.sort_by_key(|v| (v.parse::<u64>().unwrap_or(u64::MAX), v.clone()));
    }
    if conn.table_exists(OUR_TABLE)? {
        state.records = read_records(conn)?;
    }
    Ok(state)
}

fn read_records(conn: &mut Connection) -> Result<BTreeMap<String, Record>> {
    // One text column per query keeps the connection layer backend-neutral; the
    // table is small (one row per migration).
    let cols = ["version", "name", "checksum", "up_sql", "down_sql", "applied_at", "duration_ms", "status", "detail"];
    let mut columns: Vec<Vec<Option<String>>> = Vec::new();
    let cast = if conn.backend() == Backend::Mysql { "CHAR" } else { "TEXT" };
    for c in cols {
        let sql = format!("SELECT CAST({c} AS {cast}) AS value FROM {OUR_TABLE} ORDER BY version");
        columns.push(conn.query_texts(&sql, &[]).map_err(|e| Error::database(format!("reading {OUR_TABLE}"), e))?);
    }
    let n = columns[0].len();
    let mut out = BTreeMap::new();
    for i in 0..n {
        let get = |c: usize| columns[c].get(i).cloned().flatten().unwrap_or_default();
        let r = Record {
            version: get(0),
            name: get(1),
            checksum: get(2),
            up_sql: get(3),
            down_sql: get(4),
            applied_at: get(5),
            duration_ms: get(6).parse().unwrap_or(0),
            status: RecordStatus::from(get(7).as_str()),
            detail: columns[8].get(i).cloned().flatten(),
        };
        out.insert(r.version.clone(), r);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrations::record::Direction;
    #[test]
    fn rendering_quotes_literals_per_backend() {
        let s = insert_diesel("0001");
        assert_eq!(s.render(Backend::Postgres), "INSERT INTO __diesel_schema_migrations (version) VALUES ('0001');");
        assert_eq!(quote("it's", Backend::Sqlite), "'it''s'");
        assert_eq!(quote("a\\'; DROP TABLE x; --", Backend::Mysql), "'a\\\\''; DROP TABLE x; --'");
        let r = set_status("0002", RecordStatus::Partial(Direction::Up), None, 5);
        assert_eq!(
            r.render(Backend::Sqlite),
            "UPDATE __cargo_migrate_applied SET status = 'partial-up', detail = NULL, duration_ms = 5 WHERE version = '0002';"
        );
    }
}
