//! One connection type over Diesel that picks SQLite, PostgreSQL or MySQL/MariaDB
//! at run time from the URL, plus the few primitives the apply loop needs: raw
//! statements, parameterised statements, single-column queries and the deploy lock.

use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::sql_types::{BigInt, Nullable, Text};
use diesel::{Connection as _, QueryableByName, RunQueryDsl};

use crate::backend::{Backend, DatabaseUrl};
pub use crate::error::diagnostic::Diagnostic;
use crate::error::{Error, Result};

/// Diesel's errors read into a [`Diagnostic`], passwords redacted.
impl From<&diesel::result::Error> for Diagnostic {
    fn from(e: &diesel::result::Error) -> Self {
        let redact = |s: &str| crate::backend::redact_text(s.trim_end());
        match e {
            diesel::result::Error::DatabaseError(_, info) => Diagnostic {
                message: redact(info.message()),
                detail: info.details().map(redact).filter(|s| !s.is_empty()),
                hint: info.hint().map(redact).filter(|s| !s.is_empty()),
                position: info.statement_position().and_then(|p| usize::try_from(p).ok()).filter(|p| *p > 0),
            },
            other => Diagnostic::new(redact(&other.to_string())),
        }
    }
}

impl From<diesel::result::Error> for Diagnostic {
    fn from(e: diesel::result::Error) -> Self {
        Diagnostic::from(&e)
    }
}

impl From<String> for Diagnostic {
    fn from(s: String) -> Self {
        Diagnostic::new(crate::backend::redact_text(&s))
    }
}

/// A bind parameter. The state-table statements are written with `?` placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    Text(String),
    Int(i64),
    Null,
}

pub use any::{AnyConnection as Connection, MultiBackend};

/// Diesel's `MultiConnection` derive dispatches every query to the connection inside,
/// so the raw statements below are written once, over its `MultiBackend`. Its
/// generated code names Diesel's `Connection` trait unqualified, so the enum lives
/// in a module of its own, where nothing else is called `Connection`.
mod any {
    #[derive(diesel::MultiConnection)]
    pub enum AnyConnection {
        #[cfg(feature = "sqlite")]
        Sqlite(diesel::SqliteConnection),
        #[cfg(feature = "postgres")]
        Postgres(diesel::PgConnection),
        #[cfg(feature = "mysql")]
        Mysql(diesel::MysqlConnection),
    }
}

/// Runs `$body` with the typed Diesel connection inside a [`Connection`], bound to
/// `$c`: tests hand it to `diesel_migrations`, whose harness wants a single backend.
#[macro_export]
macro_rules! with_diesel_connection {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            #[cfg(feature = "sqlite")]
            $crate::dialect::connection::Connection::Sqlite($c) => $body,
            #[cfg(feature = "postgres")]
            $crate::dialect::connection::Connection::Postgres($c) => $body,
            #[cfg(feature = "mysql")]
            $crate::dialect::connection::Connection::Mysql($c) => $body,
        }
    };
}
/// A boxed raw query with every parameter bound, for whichever backend it runs on.
fn bound<'a>(sql: String, params: &[Param]) -> diesel::query_builder::BoxedSqlQuery<'a, MultiBackend, diesel::query_builder::SqlQuery> {
    let mut q = diesel::sql_query(sql).into_boxed();
    for p in params {
        q = match p {
            Param::Text(s) => q.bind::<Text, _>(s.clone()),
            Param::Int(i) => q.bind::<BigInt, _>(*i),
            Param::Null => q.bind::<Nullable<Text>, _>(None::<String>),
        };
    }
    q
}

/// One text column named `value`; every single-column query aliases to it.
#[derive(QueryableByName)]
struct TextRow {
    #[diesel(sql_type = Nullable<Text>)]
    value: Option<String>,
}

#[derive(QueryableByName)]
struct IntRow {
    #[diesel(sql_type = Nullable<BigInt>)]
    value: Option<i64>,
}

/// Key of the PostgreSQL advisory lock ("cargomig"); advisory locks are per database.
const PG_LOCK_KEY: i64 = 0x6361_7267_6f6d_6967;

impl Connection {
    /// Connects, retrying until `wait` has passed (deploy jobs often start before the
    /// database accepts connections). Errors name host and database, never the password.
    pub fn connect(url: &DatabaseUrl, wait: Duration) -> Result<Self> {
        let deadline = Instant::now() + wait;
        loop {
            match Self::connect_once(url) {
                Ok(c) => return Ok(c),
                Err(e @ Error::Connect { .. }) if Instant::now() < deadline => {
                    drop(e);
                    std::thread::sleep(Duration::from_millis(500));
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn connect_once(url: &DatabaseUrl) -> Result<Self> {
        let fail = |e: diesel::ConnectionError| Error::Connect { target: url.describe(), message: crate::backend::redact_text(e.to_string().trim()) };
        #[allow(unused_variables)]
        let not_compiled = || Error::BackendNotCompiled { url: url.redacted(), feature: url.backend.feature() };
        match url.backend {
            Backend::Sqlite => {
                #[cfg(feature = "sqlite")]
                {
                    if let Some(file) = url.sqlite_file() {
                        if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
                            if !parent.is_dir() {
                                return Err(Error::Connect { target: url.describe(), message: format!("directory `{}` does not exist", parent.display()) });
                            }
                        }
                    }
                    let mut c = diesel::SqliteConnection::establish(url.expose()).map_err(fail)?;
                    // Concurrent deploys wait for each other's write lock instead of failing.
                    c.batch_execute("PRAGMA busy_timeout = 60000;").map_err(|e| Error::database("configuring SQLite", e))?;
                    Ok(Connection::Sqlite(c))
                }
                #[cfg(not(feature = "sqlite"))]
                Err(not_compiled())
            }
            Backend::Postgres => {
                #[cfg(feature = "postgres")]
                {
                    let mut c = diesel::PgConnection::establish(url.expose()).map_err(fail)?;
                    // Shows up in pg_stat_activity, so a lock holder can be named.
                    let _ = c.batch_execute("SET application_name = 'cargo-migrate'; SET client_min_messages = warning;");
                    Ok(Connection::Postgres(c))
                }
                #[cfg(not(feature = "postgres"))]
                Err(not_compiled())
            }
            Backend::Mysql => {
                #[cfg(feature = "mysql")]
                {
                    Ok(Connection::Mysql(diesel::MysqlConnection::establish(url.expose()).map_err(fail)?))
                }
                #[cfg(not(feature = "mysql"))]
                Err(not_compiled())
            }
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            #[cfg(feature = "sqlite")]
            Connection::Sqlite(_) => Backend::Sqlite,
            #[cfg(feature = "postgres")]
            Connection::Postgres(_) => Backend::Postgres,
            #[cfg(feature = "mysql")]
            Connection::Mysql(_) => Backend::Mysql,
        }
    }

    /// Runs SQL as-is over the simple protocol (no prepare), as a migration's statements need.
    pub fn batch_execute(&mut self, sql: &str) -> diesel::QueryResult<()> {
        diesel::connection::SimpleConnection::batch_execute(self, sql)
    }

    /// Whether the session still answers: after a failure, tells a lost connection
    /// (the server ended the session, a failover, the network) from a bad statement.
    pub fn is_alive(&mut self) -> bool {
        self.batch_execute("SELECT 1").is_ok()
    }

    /// Runs one parameterised statement written with `?` placeholders.
    pub fn execute(&mut self, sql: &str, params: &[Param]) -> diesel::QueryResult<usize> {
        let sql = self.placeholders(sql);
        bound(sql, params).execute(self)
    }

    /// A query whose one column is aliased `value` and castable to text.
    pub fn query_texts(&mut self, sql: &str, params: &[Param]) -> diesel::QueryResult<Vec<Option<String>>> {
        let sql = self.placeholders(sql);
        bound(sql, params).load::<TextRow>(self).map(|rows| rows.into_iter().map(|r| r.value).collect())
    }

    fn query_int(&mut self, sql: &str, params: &[Param]) -> diesel::QueryResult<Option<i64>> {
        let sql = self.placeholders(sql);
        bound(sql, params).load::<IntRow>(self).map(|rows| rows.into_iter().next().and_then(|r| r.value))
    }

    /// PostgreSQL numbers its placeholders.
    fn placeholders(&self, sql: &str) -> String {
        if self.backend() != Backend::Postgres {
            return sql.to_string();
        }
        let mut out = String::with_capacity(sql.len() + 8);
        let mut n = 0;
        for ch in sql.chars() {
            if ch == '?' {
                n += 1;
                out.push_str(&format!("${n}"));
            } else {
                out.push(ch);
            }
        }
        out
    }

    pub fn table_exists(&mut self, table: &str) -> Result<bool> {
        let sql = match self.backend() {
            Backend::Sqlite => "SELECT name AS value FROM sqlite_master WHERE type = 'table' AND name = ?",
            Backend::Postgres => {
                "SELECT CAST(table_name AS TEXT) AS value FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
            }
            Backend::Mysql => "SELECT CAST(table_name AS CHAR) AS value FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?",
        };
        let rows = self.query_texts(sql, &[Param::Text(table.into())]).map_err(|e| Error::database(format!("looking for table {table}"), e))?;
        Ok(!rows.is_empty())
    }

    /// Takes the deploy lock so concurrent `upgrade head` runs apply each migration once.
    /// PostgreSQL: a session-level advisory lock (survives the per-migration transactions,
    /// released if the process dies); MySQL: `GET_LOCK`; SQLite: none here, each
    /// migration runs under `BEGIN IMMEDIATE` and re-checks the state table instead.
    pub fn lock(&mut self, timeout: Duration) -> Result<()> {
        let started = Instant::now();
        match self.backend() {
            Backend::Sqlite => Ok(()),
            Backend::Postgres => loop {
                let got = self
                    .query_texts("SELECT CAST(pg_try_advisory_lock(CAST(? AS BIGINT)) AS TEXT) AS value", &[Param::Int(PG_LOCK_KEY)])
                    .map_err(|e| Error::database("taking the migration lock", e))?;
                if got.first().and_then(|v| v.as_deref()) == Some("true") {
                    return Ok(());
                }
                if started.elapsed() >= timeout {
                    let holder = self
                        .query_texts(
                            "SELECT CAST(a.pid AS TEXT) || ' (' || COALESCE(NULLIF(a.application_name, ''), 'unknown application') || ', ' || COALESCE(CAST(a.client_addr AS TEXT), 'local socket') || ', since ' || CAST(a.backend_start AS TEXT) || ')' AS value \
                             FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid \
                             WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                            &[],
                        )
                        .ok()
                        .and_then(|v| v.into_iter().flatten().next());
                    return Err(lock_timeout(timeout, holder.map(|h| format!("backend pid {h}"))));
                }
                std::thread::sleep(Duration::from_millis(100));
            },
            Backend::Mysql => {
                let secs = timeout.as_secs().max(1) as i64;
                let got = self
                    .query_int("SELECT GET_LOCK(CONCAT('cargo_migrate:', DATABASE()), ?) AS value", &[Param::Int(secs)])
                    .map_err(|e| Error::database("taking the migration lock", e))?;
                if got == Some(1) {
                    return Ok(());
                }
                let holder = self
                    .query_texts(
                        "SELECT CONCAT('connection ', p.ID, ' (', p.USER, '@', p.HOST, ')') AS value FROM information_schema.PROCESSLIST p \
                         WHERE p.ID = IS_USED_LOCK(CONCAT('cargo_migrate:', DATABASE()))",
                        &[],
                    )
                    .ok()
                    .and_then(|v| v.into_iter().flatten().next());
                Err(lock_timeout(timeout, holder))
            }
        }
    }

    pub fn unlock(&mut self) {
        let _ = match self.backend() {
            Backend::Sqlite => Ok(0),
            Backend::Postgres => self.execute("SELECT pg_advisory_unlock(CAST(? AS BIGINT))", &[Param::Int(PG_LOCK_KEY)]),
            Backend::Mysql => self.execute("SELECT RELEASE_LOCK(CONCAT('cargo_migrate:', DATABASE()))", &[]),
        };
    }
}

fn lock_timeout(timeout: Duration, holder: Option<String>) -> Error {
    Error::Refused(format!(
        "timed out after {}s waiting for the migration lock{}\n  hint: another `cargo migrate` is applying migrations; wait for it, or raise `lock_timeout`",
        timeout.as_secs(),
        holder.map(|h| format!(", held by {h}")).unwrap_or_default()
    ))
}
