//! Test harness: temporary workspaces, a fresh database per test on every backend,
//! and the real binary.
//!
//! PostgreSQL and MariaDB tests read their server from `CARGO_MIGRATE_TEST_POSTGRES_URL`
//! and `CARGO_MIGRATE_TEST_MYSQL_URL` (an admin URL; each test creates and drops its
//! own database there). Unset, those tests skip with a message — except under CI,
//! where an unset URL fails the test so nothing is skipped silently.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use assert_cmd::Command;
use cargo_migrate::backend::{Backend, DatabaseUrl};
use cargo_migrate::dialect::connection::Connection;

pub const PG_ENV: &str = "CARGO_MIGRATE_TEST_POSTGRES_URL";
pub const MYSQL_ENV: &str = "CARGO_MIGRATE_TEST_MYSQL_URL";

/// A temporary cargo workspace with a migrate config.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    /// A workspace with one `db` crate and `[workspace.metadata.migrate]`.
    pub fn new() -> Self {
        let dir = tempfile::Builder::new().prefix("cm-ws-").tempdir().unwrap();
        let ws = Workspace { dir };
        ws.write(
            "Cargo.toml",
            "[workspace]\nmembers = [\"crates/db\"]\nresolver = \"2\"\n\n[workspace.metadata.migrate]\nmodels = [\"crates/db/src\"]\nmigrations = \"migrations\"\n",
        );
        ws.write("crates/db/Cargo.toml", "[package]\nname = \"db\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        ws.write("crates/db/src/lib.rs", "");
        std::fs::create_dir_all(ws.path().join("migrations")).unwrap();
        ws
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn migrations(&self) -> PathBuf {
        self.path().join("migrations")
    }

    pub fn write(&self, rel: &str, contents: &str) {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, contents).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }

    /// Adds migration number `n` (revising `n - 1`) with the given SQL.
    pub fn migration(&self, n: u32, slug: &str, up: &str, down: &str) -> String {
        let name = format!("{n:04}_{slug}");
        let revises = if n > 1 { format!("revises = \"{:04}\"\n", n - 1) } else { String::new() };
        self.write(&format!("migrations/{name}/up.sql"), up);
        self.write(&format!("migrations/{name}/down.sql"), down);
        self.write(
            &format!("migrations/{name}/metadata.toml"),
            &format!("{revises}message = \"{}\"\ncreated = \"2026-11-01T00:00:00Z\"\nrun_in_transaction = true\n", slug.replace('_', " ")),
        );
        name
    }

    /// The usual three-table chain used by most tests.
    pub fn blog_chain(&self) {
        self.migration(1, "create_users", "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL);\n", "DROP TABLE users;\n");
        self.migration(
            2,
            "create_posts",
            "CREATE TABLE posts (\n    id INTEGER PRIMARY KEY,\n    user_id INTEGER NOT NULL REFERENCES users (id),\n    title VARCHAR(200) NOT NULL\n);\n",
            "DROP TABLE posts;\n",
        );
        self.migration(3, "add_phone_to_users", "ALTER TABLE users ADD COLUMN phone VARCHAR(40);\n", "ALTER TABLE users DROP COLUMN phone;\n");
    }

    /// `cargo migrate …` on this workspace, with colour off and the URL given.
    pub fn cmd(&self, db: &TestDb) -> Command {
        let mut c = self.bare_cmd();
        c.env("DATABASE_URL", db.url());
        c
    }

    /// Without a database URL.
    pub fn bare_cmd(&self) -> Command {
        let mut c = Command::cargo_bin("cargo-migrate").unwrap();
        c.arg("migrate").current_dir(self.path()).env("NO_COLOR", "1").env_remove("DATABASE_URL").env_remove("ENVIRONMENT");
        // `check` keeps a cache in the target directory: the workspace's own, not the test runner's.
        c.env_remove("CARGO_TARGET_DIR");
        c.timeout(Duration::from_secs(120));
        c
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name() -> String {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    format!("cmtest_{}_{}_{n}", std::process::id(), nanos % 1_000_000)
}

/// A database of its own for one test; dropped afterwards.
pub struct TestDb {
    pub backend: Backend,
    url: String,
    admin_url: Option<String>,
    name: String,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    /// `None` when the backend's server is not configured (skips outside CI).
    pub fn new(backend: Backend) -> Option<Self> {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::Builder::new().prefix("cm-db-").tempdir().unwrap();
                let path = dir.path().join("test.sqlite3");
                Some(TestDb { backend, url: path.to_string_lossy().into_owned(), admin_url: None, name: String::new(), _dir: Some(dir) })
            }
            Backend::Postgres | Backend::Mysql => {
                let var = if backend == Backend::Postgres { PG_ENV } else { MYSQL_ENV };
                let admin = match std::env::var(var) {
                    Ok(v) if !v.is_empty() => v,
                    _ => {
                        if std::env::var_os("CI").is_some() {
                            panic!("{var} is not set under CI: the {} tests must run", backend.name());
                        }
                        eprintln!("skipping: set {var} to run the {} tests", backend.name());
                        return None;
                    }
                };
                let name = unique_name();
                let mut conn = admin_connect(&admin);
                conn.batch_execute(&format!("CREATE DATABASE {name}")).unwrap_or_else(|e| panic!("creating database {name}: {e}"));
                let url = replace_db(&admin, &name);
                Some(TestDb { backend, url, admin_url: Some(admin), name, _dir: None })
            }
        }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// The database's name on PostgreSQL and MariaDB (empty on SQLite).
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn connect(&self) -> Connection {
        admin_connect(&self.url)
    }

    /// Runs SQL directly (test setup and assertions).
    pub fn exec(&self, sql: &str) {
        self.connect().batch_execute(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    /// Values of a one-column query, as text (alias the column `value`).
    pub fn texts(&self, sql: &str) -> Vec<String> {
        self.connect().query_texts(sql, &[]).unwrap_or_else(|e| panic!("{sql}: {e}")).into_iter().map(|v| v.unwrap_or_default().trim().to_string()).collect()
    }

    pub fn applied_versions(&self) -> Vec<String> {
        let mut conn = self.connect();
        if !conn.table_exists("__diesel_schema_migrations").unwrap() {
            return vec![];
        }
        let mut v = self.texts("SELECT version AS value FROM __diesel_schema_migrations");
        v.sort();
        v
    }

    pub fn has_table(&self, table: &str) -> bool {
        self.connect().table_exists(table).unwrap()
    }

    /// Column names of a table, lower-cased and sorted.
    pub fn columns(&self, table: &str) -> Vec<String> {
        let sql = match self.backend {
            Backend::Sqlite => format!("SELECT name AS value FROM pragma_table_info('{table}')"),
            Backend::Postgres => format!(
                "SELECT CAST(column_name AS TEXT) AS value FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}'"
            ),
            Backend::Mysql => {
                format!("SELECT CAST(column_name AS CHAR) AS value FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = '{table}'")
            }
        };
        let mut v: Vec<String> = self.texts(&sql).into_iter().map(|c| c.to_lowercase()).collect();
        v.sort();
        v
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(admin) = &self.admin_url {
            let mut conn = admin_connect(admin);
            let sql = match self.backend {
                Backend::Postgres => format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
                _ => format!("DROP DATABASE IF EXISTS {}", self.name),
            };
            let _ = conn.batch_execute(&sql);
        }
    }
}

fn admin_connect(url: &str) -> Connection {
    let parsed = DatabaseUrl::parse(url, Path::new("/")).unwrap();
    Connection::connect(&parsed, Duration::from_secs(10)).unwrap_or_else(|e| panic!("{e}"))
}

fn replace_db(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap();
    let authority = rest.split('/').next().unwrap();
    let query = rest.split_once('?').map(|(_, q)| format!("?{q}")).unwrap_or_default();
    format!("{scheme}://{authority}/{name}{query}")
}

/// Generates one test per backend from a function taking a `TestDb`.
#[macro_export]
macro_rules! backend_tests {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[test] fn $name() { if let Some(db) = $crate::common::TestDb::new(cargo_migrate::backend::Backend::Sqlite) { super::$name(db) } })*
        }
        mod postgres {
            $(#[test] fn $name() { if let Some(db) = $crate::common::TestDb::new(cargo_migrate::backend::Backend::Postgres) { super::$name(db) } })*
        }
        #[cfg(feature = "mysql")]
        mod mysql {
            $(#[test] fn $name() { if let Some(db) = $crate::common::TestDb::new(cargo_migrate::backend::Backend::Mysql) { super::$name(db) } })*
        }
    };
}

/// One test per database server (PostgreSQL, MariaDB), in a module of its own name,
/// for cases SQLite cannot have (sessions, server-side kills, passwords).
#[macro_export]
macro_rules! server_tests {
    ($module:ident: $name:ident) => {
        mod $module {
            #[test]
            fn postgres() {
                if let Some(db) = $crate::common::TestDb::new(cargo_migrate::backend::Backend::Postgres) {
                    super::$name(db)
                }
            }
            #[cfg(feature = "mysql")]
            #[test]
            fn mysql() {
                if let Some(db) = $crate::common::TestDb::new(cargo_migrate::backend::Backend::Mysql) {
                    super::$name(db)
                }
            }
        }
    };
}

/// The versions the real `diesel_migrations` harness would run against `db` for the
/// migrations in `dir`: what `embed_migrations!` in an application reports.
pub fn diesel_pending(db: &TestDb, dir: &Path) -> Vec<String> {
    use diesel_migrations::{FileBasedMigrations, MigrationHarness};
    let migrations = FileBasedMigrations::from_path(dir).unwrap();
    let mut conn = db.connect();
    cargo_migrate::with_diesel_connection!(&mut conn, c => c.pending_migrations(migrations).unwrap().iter().map(|m| m.name().version().to_string()).collect())
}

/// Runs `dir`'s pending migrations with Diesel's own harness, after `session` SQL on
/// the same connection (some projects change session settings first); returns how many ran.
pub fn diesel_run(db: &TestDb, dir: &Path, session: Option<&str>) -> usize {
    use diesel_migrations::{FileBasedMigrations, MigrationHarness};
    let migrations = FileBasedMigrations::from_path(dir).unwrap();
    let mut conn = db.connect();
    if let Some(sql) = session {
        conn.batch_execute(sql).unwrap();
    }
    cargo_migrate::with_diesel_connection!(&mut conn, c => c.run_pending_migrations(migrations).unwrap().len())
}

pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
