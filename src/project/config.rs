//! `[workspace.metadata.migrate]` / `[package.metadata.migrate]`: keys, defaults and
//! validation. Every key is optional; a value of the wrong type is an error that
//! names the manifest and the key.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::error::{Error, Result};
use crate::project::diesel_toml::{self, DieselToml};
use crate::project::workspace::Workspace;

pub const DEFAULT_MIGRATIONS_DIR: &str = "migrations";
pub const DEFAULT_URL_ENV: &str = "DATABASE_URL";
pub const DEFAULT_MODELS: &str = "src";
/// `ddl_lock_timeout` when the table says nothing: long enough for a brief lock on a
/// busy table, short enough that traffic queued behind a blocked DDL barely notices.
pub const DEFAULT_DDL_LOCK_TIMEOUT: &str = "5s";

/// Every key the table accepts, with its documented default (README, "Configuration").
pub const KEYS: &[(&str, &str)] = &[
    ("models", "[\"src\"]: directories or globs holding Diesel `table!` models"),
    ("migrations", "\"migrations\": the migrations directory"),
    ("database_url_env", "\"DATABASE_URL\": the environment variable holding the URL"),
    ("database_url", "none: URL used when that variable is unset"),
    ("production_env", "\"ENVIRONMENT\": variable that marks a production run"),
    ("production_value", "\"production\": its value in production"),
    ("confirm_env", "\"CONFIRM_PRODUCTION_MIGRATION\": variable that confirms a production run"),
    ("confirm_value", "\"yes\": the confirming value"),
    ("lock_timeout", "60: seconds to wait for another process's migration lock"),
    ("templates", "none: directory overriding templates/up.sql and templates/down.sql"),
    ("lint_fails_check", "false: whether lint findings make `check` fail"),
    ("ignore", "[]: table names or globs that autogenerate and drift leave alone"),
    ("types", "{}: SQL type names by Rust name, for types from crates the registry does not know"),
    ("zero_downtime", "true: PostgreSQL autogenerate writes the forms that do not block traffic on existing tables"),
    ("ddl_lock_timeout", "\"5s\": PostgreSQL `SET lock_timeout` at the top of generated migrations that touch existing tables"),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Manifest the table came from (or the root manifest when there is no table).
    pub manifest: PathBuf,
    /// Dotted name of the table, e.g. `workspace.metadata.migrate`.
    pub table: String,
    /// Whether a table was found at all.
    pub present: bool,
    /// Relative paths in the table are relative to this directory.
    pub base_dir: PathBuf,
    pub models: Vec<String>,
    pub migrations_dir: PathBuf,
    pub database_url_env: String,
    pub database_url: Option<String>,
    pub guard: ProductionGuard,
    pub lock_timeout_secs: u64,
    pub templates_dir: Option<PathBuf>,
    pub lint_fails_check: bool,
    /// `zero_downtime`: PostgreSQL autogenerate writes the safe forms
    /// ([`crate::dialect::render::zero_downtime`]); `false` writes the simple ones.
    pub zero_downtime: bool,
    /// `ddl_lock_timeout`: how long generated DDL waits for a table lock (a PostgreSQL
    /// duration). Not `lock_timeout`, which is how long `upgrade` waits for the deploy lock.
    pub ddl_lock_timeout: String,
    /// Table names or globs (the `ignore` key) left alone by autogenerate and drift.
    pub ignore: Vec<String>,
    /// Tables excluded elsewhere (`diesel.toml`'s `print_schema.filter`), names or
    /// globs, left alone like `ignore`. Filled by [`with_diesel`] from the filter.
    pub excluded: Vec<String>,
    /// `[…metadata.migrate.types]`: SQL type name by Rust type name (the registry's
    /// `TypeMap`, spelled out so configuration does not depend on the schema layer).
    pub types: std::collections::BTreeMap<String, String>,
    /// The project's `diesel.toml`, when it has one. With no table it supplied
    /// `migrations_dir` and `models`; its `filter` always says which tables the
    /// models leave out on purpose.
    pub diesel: Option<DieselToml>,
    /// `--migrations-dir` without a workspace: no models, so commands that read them refuse.
    pub standalone: bool,
}

impl Config {
    /// Every name or glob autogenerate and drift leave alone.
    pub fn ignored(&self) -> Vec<String> {
        self.ignore.iter().chain(self.excluded.iter()).cloned().collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductionGuard {
    pub env: String,
    pub value: String,
    pub confirm_env: String,
    pub confirm_value: String,
}

impl Default for ProductionGuard {
    fn default() -> Self {
        ProductionGuard {
            env: "ENVIRONMENT".into(),
            value: "production".into(),
            confirm_env: "CONFIRM_PRODUCTION_MIGRATION".into(),
            confirm_value: "yes".into(),
        }
    }
}

/// Picks the table: `-p`'s package table, else the workspace table, else the table
/// of the root package of a single-package project, else defaults.
pub fn resolve(ws: &Workspace, package: Option<&str>) -> Result<Config> {
    if let Some(name) = package {
        let member = ws
            .members
            .iter()
            .find(|m| m.name == name)
            .ok_or_else(|| Error::UnknownPackage { name: name.to_string(), members: ws.members.iter().map(|m| m.name.clone()).collect() })?;
        if let Some(table) = member.metadata.get("migrate") {
            return with_diesel(from_table(table, &member.manifest_path, "package.metadata.migrate", member.dir())?, ws, package);
        }
    }
    if let Some(table) = ws.metadata.get("migrate") {
        return with_diesel(from_table(table, &ws.root_manifest, "workspace.metadata.migrate", &ws.root)?, ws, package);
    }
    if let Some(root_pkg) = ws.members.iter().find(|m| m.manifest_path == ws.root_manifest) {
        if let Some(table) = root_pkg.metadata.get("migrate") {
            return with_diesel(from_table(table, &root_pkg.manifest_path, "package.metadata.migrate", &ws.root)?, ws, package);
        }
    }
    // No table: `diesel.toml` also decides where the migrations and models are.
    let mut cfg = with_diesel(from_table(&Value::Object(Default::default()), &ws.root_manifest, "workspace.metadata.migrate", &ws.root)?, ws, package)?;
    cfg.present = false;
    if let Some(d) = &cfg.diesel {
        if let Some(dir) = &d.migrations_dir {
            cfg.migrations_dir = dir.clone();
        }
        if !d.schema_files.is_empty() {
            cfg.models = d.schema_files.iter().map(|f| relative_to(f, &cfg.base_dir)).collect();
        }
    }
    Ok(cfg)
}

/// diesel_cli reads `diesel.toml` beside the project's root manifest; in a workspace
/// it often sits in the one member that holds the database code.
pub fn find_diesel_toml(ws: &Workspace, package: Option<&str>) -> Result<Option<DieselToml>> {
    if let Some(d) = diesel_toml::read(&ws.root)? {
        return Ok(Some(d));
    }
    let members: Vec<&crate::project::workspace::Member> =
        ws.members.iter().filter(|m| package.is_none_or(|p| m.name == p)).filter(|m| m.dir() != ws.root).collect();
    let mut found = Vec::new();
    for m in members {
        if let Some(d) = diesel_toml::read(m.dir())? {
            found.push(d);
        }
    }
    Ok(if found.len() == 1 { found.pop() } else { None })
}

/// `path` relative to `base` with forward slashes, as the `models` key holds it.
pub fn relative_to(path: &Path, base: &Path) -> String {
    path.strip_prefix(base).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

/// The configuration of `--migrations-dir DIR` with no workspace: defaults, that
/// directory, and no models.
pub fn standalone(migrations_dir: &Path, cwd: &Path) -> Result<Config> {
    let mut cfg = from_table(&Value::Object(Default::default()), Path::new(""), "--migrations-dir", cwd)?;
    cfg.present = false;
    cfg.standalone = true;
    cfg.models = Vec::new();
    cfg.migrations_dir = migrations_dir.to_path_buf();
    Ok(cfg)
}

/// A table decides every key; `diesel.toml` is still read for its `filter`.
fn with_diesel(mut cfg: Config, ws: &Workspace, package: Option<&str>) -> Result<Config> {
    cfg.diesel = find_diesel_toml(ws, package)?;
    cfg.excluded = cfg.diesel.as_ref().map(excluded_tables).unwrap_or_default();
    Ok(cfg)
}

/// The tables `diesel.toml`'s `except_tables` leaves out of the models, as names
/// or globs: diesel_cli's patterns are regular expressions, and those written as a
/// plain name (optionally `^…$`-anchored) or with `.*` wildcards translate exactly.
/// `only_tables`, and any other regular expression, are not translated (the
/// `ignore` key states them).
pub fn excluded_tables(d: &DieselToml) -> Vec<String> {
    d.filter
        .except_tables
        .iter()
        .filter_map(|re| {
            let anchored = re.strip_prefix('^').unwrap_or(re);
            let anchored = anchored.strip_suffix('$').unwrap_or(anchored);
            let glob = anchored.replace(".*", "*");
            let plain = glob.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '*');
            // Unanchored, a regular expression matches anywhere in the name.
            let glob = match (re.starts_with('^'), re.ends_with('$')) {
                (true, true) => glob,
                (true, false) => format!("{glob}*"),
                (false, true) => format!("*{glob}"),
                (false, false) => format!("*{glob}*"),
            };
            let glob = glob.replace("**", "*");
            plain.then_some(glob)
        })
        .collect()
}

/// Validates one table. Public so tests can feed tables without a workspace.
pub fn from_table(table: &Value, manifest: &Path, table_name: &str, base_dir: &Path) -> Result<Config> {
    let err = |key: &str, message: String| Error::Config { file: manifest.to_path_buf(), key: format!("{table_name}.{key}"), message };
    let obj = table.as_object().ok_or_else(|| err("", format!("expected a table, found {}", kind(table))))?;
    for key in obj.keys() {
        if !KEYS.iter().any(|(k, _)| k == key) {
            let known: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
            return Err(err(key, format!("unknown key (known keys: {})", known.join(", "))));
        }
    }
    let string = |key: &str| -> Result<Option<String>> {
        match obj.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Err(err(key, "must not be empty".into())),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(err(key, format!("expected a string, found {}", kind(other)))),
        }
    };
    let models = match obj.get("models") {
        None => vec![DEFAULT_MODELS.to_string()],
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                Value::String(s) if !s.trim().is_empty() => Ok(s.clone()),
                other => Err(err(&format!("models[{i}]"), format!("expected a non-empty string, found {}", kind(other)))),
            })
            .collect::<Result<_>>()?,
        Some(other) => return Err(err("models", format!("expected an array of strings, found {}", kind(other)))),
    };
    let lock_timeout_secs = match obj.get("lock_timeout") {
        None => 60,
        Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().unwrap_or(60),
        Some(other) => return Err(err("lock_timeout", format!("expected a whole number of seconds, found {}", kind(other)))),
    };
    let ignore = match obj.get("ignore") {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                Value::String(s) if !s.trim().is_empty() => {
                    glob::Pattern::new(s).map(|_| s.clone()).map_err(|e| err(&format!("ignore[{i}]"), format!("not a valid glob: {e}")))
                }
                other => Err(err(&format!("ignore[{i}]"), format!("expected a non-empty string, found {}", kind(other)))),
            })
            .collect::<Result<_>>()?,
        Some(other) => return Err(err("ignore", format!("expected an array of names or globs, found {}", kind(other)))),
    };
    let types = match obj.get("types") {
        None => Default::default(),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(k, v)| match v {
                Value::String(s) if !s.trim().is_empty() => Ok((k.clone(), s.clone())),
                other => Err(err(&format!("types.{k}"), format!("expected the SQL type name as a string, found {}", kind(other)))),
            })
            .collect::<Result<_>>()?,
        Some(other) => return Err(err("types", format!("expected a table of `RustName = \"sql_name\"`, found {}", kind(other)))),
    };
    let defaults = ProductionGuard::default();
    Ok(Config {
        ignore,
        excluded: Vec::new(),
        types,
        manifest: manifest.to_path_buf(),
        table: table_name.to_string(),
        present: true,
        base_dir: base_dir.to_path_buf(),
        models,
        migrations_dir: base_dir.join(string("migrations")?.unwrap_or_else(|| DEFAULT_MIGRATIONS_DIR.into())),
        database_url_env: string("database_url_env")?.unwrap_or_else(|| DEFAULT_URL_ENV.into()),
        database_url: string("database_url")?,
        guard: ProductionGuard {
            env: string("production_env")?.unwrap_or(defaults.env),
            value: string("production_value")?.unwrap_or(defaults.value),
            confirm_env: string("confirm_env")?.unwrap_or(defaults.confirm_env),
            confirm_value: string("confirm_value")?.unwrap_or(defaults.confirm_value),
        },
        lock_timeout_secs,
        templates_dir: string("templates")?.map(|t| base_dir.join(t)),
        lint_fails_check: match obj.get("lint_fails_check") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => return Err(err("lint_fails_check", format!("expected true or false, found {}", kind(other)))),
        },
        zero_downtime: match obj.get("zero_downtime") {
            None => true,
            Some(Value::Bool(b)) => *b,
            Some(other) => return Err(err("zero_downtime", format!("expected true or false, found {}", kind(other)))),
        },
        ddl_lock_timeout: match obj.get("ddl_lock_timeout") {
            None => DEFAULT_DDL_LOCK_TIMEOUT.to_string(),
            Some(Value::String(s)) if is_duration(s) => s.clone(),
            Some(other) => {
                return Err(err("ddl_lock_timeout", format!("expected a PostgreSQL duration such as \"5s\", \"500ms\" or \"1min\", found {}", kind(other))))
            }
        },
        diesel: None,
        standalone: false,
    })
}

/// A whole number with an optional PostgreSQL time unit (`5s`, `500ms`, `1min`, `0`).
fn is_duration(s: &str) -> bool {
    let unit = s.trim_start_matches(|c: char| c.is_ascii_digit());
    unit.len() < s.len() && ["", "ms", "s", "min", "h"].contains(&unit)
}

fn kind(v: &Value) -> String {
    match v {
        Value::Null => "nothing".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => format!("number `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "a table".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cfg(v: Value) -> Result<Config> {
        from_table(&v, Path::new("/ws/Cargo.toml"), "workspace.metadata.migrate", Path::new("/ws"))
    }

    #[test]
    fn defaults_apply_to_an_empty_table() {
        let c = cfg(json!({})).unwrap();
        assert_eq!(c.models, vec!["src"]);
        assert_eq!(c.migrations_dir, Path::new("/ws/migrations"));
        assert_eq!(c.database_url_env, "DATABASE_URL");
        assert_eq!(c.database_url, None);
        assert_eq!(c.guard, ProductionGuard::default());
        assert_eq!(c.lock_timeout_secs, 60);
    }

    #[test]
    fn every_key_is_read() {
        let c = cfg(json!({
            "models": ["crates/*/src/models"], "migrations": "db/migrations",
            "database_url_env": "APP_DB", "database_url": "sqlite://dev.db",
            "production_env": "APP_ENV", "production_value": "prod",
            "confirm_env": "OK_PROD", "confirm_value": "sure", "lock_timeout": 5
        }))
        .unwrap();
        assert_eq!(c.models, vec!["crates/*/src/models"]);
        assert_eq!(c.migrations_dir, Path::new("/ws/db/migrations"));
        assert_eq!(c.database_url_env, "APP_DB");
        assert_eq!(c.database_url.as_deref(), Some("sqlite://dev.db"));
        assert_eq!(c.guard.env, "APP_ENV");
        assert_eq!(c.guard.confirm_value, "sure");
        assert_eq!(c.lock_timeout_secs, 5);
    }

    #[test]
    fn diesel_toml_except_tables_become_excluded_globs() {
        let text = "[print_schema]\nfilter = { except_tables = [\"previously_run_sql\", \"^spatial_ref_sys$\", \"^legacy_.*\", \"(a|b)\"] }\n";
        let d = crate::project::diesel_toml::parse(text, Path::new("/ws/diesel.toml")).unwrap();
        assert_eq!(excluded_tables(&d), ["*previously_run_sql*", "spatial_ref_sys", "legacy_*"]);
    }

    #[test]
    fn ignore_and_types_are_read_and_checked() {
        let c = cfg(json!({"ignore": ["recent_*", "spatial_ref_sys"], "types": {"Foo": "foo"}})).unwrap();
        assert_eq!(c.ignore, vec!["recent_*", "spatial_ref_sys"]);
        assert_eq!(c.types.get("Foo").map(String::as_str), Some("foo"));
        let mut c = c;
        c.excluded.push("legacy_*".into());
        assert_eq!(c.ignored(), vec!["recent_*", "spatial_ref_sys", "legacy_*"]);
        let e = cfg(json!({"ignore": "x"})).unwrap_err().to_string();
        assert!(e.contains("ignore") && e.contains("array"), "{e}");
        let e = cfg(json!({"ignore": ["[x"]})).unwrap_err().to_string();
        assert!(e.contains("ignore[0]") && e.contains("glob"), "{e}");
        let e = cfg(json!({"types": {"Foo": 1}})).unwrap_err().to_string();
        assert!(e.contains("types.Foo"), "{e}");
    }

    #[test]
    fn wrong_types_name_file_and_key() {
        let e = cfg(json!({"migrations": 3})).unwrap_err().to_string();
        assert!(e.contains("/ws/Cargo.toml") && e.contains("workspace.metadata.migrate.migrations") && e.contains("number `3`"), "{e}");
        let e = cfg(json!({"models": [1]})).unwrap_err().to_string();
        assert!(e.contains("models[0]"), "{e}");
        let e = cfg(json!({"modles": ["x"]})).unwrap_err().to_string();
        assert!(e.contains("unknown key") && e.contains("modles"), "{e}");
        let e = cfg(json!({"lock_timeout": "soon"})).unwrap_err().to_string();
        assert!(e.contains("lock_timeout"), "{e}");
    }

    #[test]
    fn zero_downtime_keys_default_on_and_are_checked() {
        let c = cfg(json!({})).unwrap();
        assert!(c.zero_downtime);
        assert_eq!(c.ddl_lock_timeout, "5s");
        let c = cfg(json!({"zero_downtime": false, "ddl_lock_timeout": "750ms", "lock_timeout": 9})).unwrap();
        assert!(!c.zero_downtime);
        assert_eq!((c.ddl_lock_timeout.as_str(), c.lock_timeout_secs), ("750ms", 9));
        for bad in [json!("5 seconds"), json!("s"), json!(""), json!(5), json!("5s'; DROP TABLE x")] {
            let e = cfg(json!({ "ddl_lock_timeout": bad })).unwrap_err().to_string();
            assert!(e.contains("ddl_lock_timeout") && e.contains("PostgreSQL duration"), "{bad}: {e}");
        }
        let e = cfg(json!({"zero_downtime": "yes"})).unwrap_err().to_string();
        assert!(e.contains("zero_downtime") && e.contains("true or false"), "{e}");
    }
}
