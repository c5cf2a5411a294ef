//! Applied state. Diesel's own `__diesel_schema_migrations` is the source of truth
//! (so `diesel migration run` and `embed_migrations!` see what we applied); our
//! table `__cargo_migrate_applied` keeps what Diesel lacks: a checksum of `up.sql`,
//! copies of `up.sql`/`down.sql` (for diffs, and for rolling back a migration whose
//! files are gone), timings, and the "failed part-way" mark of non-transactional runs.
//!
//! Each statement is built once as SQL with `?` placeholders plus parameters: run
//! with bound parameters, or rendered with quoted literals for `--sql` scripts.

use std::collections::BTreeMap;

use crate::engine::database_url::Backend;
use crate::engine::db::{Connection, Param};
use crate::error::{Error, Result};

/// Which way a migration runs; a failed-part-way mark records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

pub const DIESEL_TABLE: &str = "__diesel_schema_migrations";
pub const OUR_TABLE: &str = "__cargo_migrate_applied";

/// The `status` column of our table, read into a type: decisions (`resolve`,
/// refusals, the edited check) are made on this, never on the text of the mark's
/// detail. The column keeps the text of [`RecordStatus::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordStatus {
    Applied,
    /// A non-transactional run failed part-way (or was interrupted) while going in
    /// this direction.
    Partial(Direction),
    /// A mark written before the direction was stored: which way the migration was
    /// going is read from Diesel's table instead (see [`DbState::mark_direction`]).
    PartialUnknown,
}

impl RecordStatus {
    /// The text stored in the `status` column.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordStatus::Applied => "applied",
            RecordStatus::Partial(Direction::Up) => "partial-up",
            RecordStatus::Partial(Direction::Down) => "partial-down",
            RecordStatus::PartialUnknown => "partial",
        }
    }

    pub fn is_partial(self) -> bool {
        self != RecordStatus::Applied
    }
}

/// Reads the column: anything that is not a known mark counts as applied, as Diesel's
/// row is the source of truth for that.
impl From<&str> for RecordStatus {
    fn from(s: &str) -> Self {
        match s {
            "partial-up" => RecordStatus::Partial(Direction::Up),
            "partial-down" => RecordStatus::Partial(Direction::Down),
            "partial" => RecordStatus::PartialUnknown,
            _ => RecordStatus::Applied,
        }
    }
}

impl std::fmt::Display for RecordStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

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
    pub fn exec(&self, conn: &mut Connection) -> std::result::Result<usize, crate::engine::db::Diagnostic> {
        conn.execute(&self.sql, &self.params).map_err(crate::engine::db::Diagnostic::from)
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

/// What we record for one migration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub version: String,
    pub name: String,
    pub checksum: String,
    pub up_sql: String,
    pub down_sql: String,
    pub applied_at: String,
    pub duration_ms: i64,
    pub status: RecordStatus,
    pub detail: Option<String>,
}

impl Record {
    pub fn is_partial(&self) -> bool {
        self.status.is_partial()
    }
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

/// The database's state as read at one moment.
#[derive(Debug, Clone, Default)]
pub struct DbState {
    /// Versions in Diesel's table, sorted numerically.
    pub applied: Vec<String>,
    pub records: BTreeMap<String, Record>,
}

impl DbState {
    pub fn is_applied(&self, version: &str) -> bool {
        self.applied.iter().any(|v| v == version)
    }

    /// Records left by a non-transactional migration that did not finish.
    pub fn partial(&self) -> Vec<&Record> {
        self.records.values().filter(|r| r.is_partial()).collect()
    }

    /// Which way a marked migration was going. An upgrade records Diesel's row only
    /// when it finishes and a downgrade removes it only when it finishes, so for a mark
    /// that does not say (written by an earlier version), Diesel's row tells.
    pub fn mark_direction(&self, r: &Record) -> Option<Direction> {
        match r.status {
            RecordStatus::Applied => None,
            RecordStatus::Partial(d) => Some(d),
            RecordStatus::PartialUnknown => Some(if self.is_applied(&r.version) { Direction::Down } else { Direction::Up }),
        }
    }
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

    /// `resolve` decides on the typed mark; a mark from before the direction was stored
    /// is read by Diesel's row, which only a finished upgrade writes and only a
    /// finished downgrade removes.
    #[test]
    fn a_mark_says_which_way_the_migration_was_going() {
        let record = |status: RecordStatus| Record {
            version: "0002".into(),
            name: "0002_x".into(),
            checksum: String::new(),
            up_sql: String::new(),
            down_sql: String::new(),
            applied_at: String::new(),
            duration_ms: 0,
            status,
            detail: Some("downgrade of 0002_x: whatever the text says".into()),
        };
        let listed = DbState { applied: vec!["0002".into()], ..Default::default() };
        let unlisted = DbState::default();
        assert_eq!(record(RecordStatus::Applied).status, RecordStatus::Applied);
        assert_eq!(unlisted.mark_direction(&record(RecordStatus::Partial(Direction::Up))), Some(Direction::Up));
        assert_eq!(listed.mark_direction(&record(RecordStatus::Partial(Direction::Down))), Some(Direction::Down));
        assert_eq!(listed.mark_direction(&record(RecordStatus::PartialUnknown)), Some(Direction::Down));
        assert_eq!(unlisted.mark_direction(&record(RecordStatus::PartialUnknown)), Some(Direction::Up));
        assert_eq!(unlisted.mark_direction(&record(RecordStatus::Applied)), None);
        assert!(record(RecordStatus::PartialUnknown).is_partial() && !record(RecordStatus::Applied).is_partial());
    }

    /// The column's text is what earlier versions wrote and read back.
    #[test]
    fn a_status_reads_back_what_it_wrote() {
        for s in [RecordStatus::Applied, RecordStatus::Partial(Direction::Up), RecordStatus::Partial(Direction::Down), RecordStatus::PartialUnknown] {
            assert_eq!(RecordStatus::from(s.as_str()), s);
        }
        assert_eq!(RecordStatus::Partial(Direction::Up).as_str(), "partial-up");
        assert_eq!(RecordStatus::from("something newer"), RecordStatus::Applied);
    }

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
