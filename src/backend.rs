//! The three databases ([`Backend`]: one enum, used by every layer from the lexer up),
//! which one a URL selects, and how to show a URL without its password. Near the bottom
//! of the tree, beside [`crate::error`], because nearly every layer decides on it.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    Sqlite,
    Postgres,
    Mysql,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
            Backend::Mysql => "MySQL/MariaDB",
        }
    }

    /// DDL inside a transaction rolls back with it (not so on MySQL/MariaDB).
    pub fn transactional_ddl(self) -> bool {
        !matches!(self, Backend::Mysql)
    }

    /// The lowercase name: `--dialect`'s value and the JSON spelling.
    pub fn key(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
            Backend::Mysql => "mysql",
        }
    }

    /// The cargo feature that compiles this backend in.
    pub fn feature(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
            Backend::Mysql => "mysql",
        }
    }
}

/// A parsed database URL. `raw` is what Diesel connects with; never print it, print [`DatabaseUrl::redacted`].
#[derive(Clone)]
pub struct DatabaseUrl {
    raw: String,
    pub backend: Backend,
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DatabaseUrl({})", self.redacted())
    }
}

impl DatabaseUrl {
    /// Relative SQLite paths are taken relative to `base_dir` (the workspace root), so
    /// the command works the same from any directory of the workspace.
    pub fn parse(raw: &str, base_dir: &Path) -> Result<Self> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(Error::BadUrl { url: String::new(), reason: "the URL is empty".into() });
        }
        let lower = raw.to_ascii_lowercase();
        let backend = if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            Backend::Postgres
        } else if lower.starts_with("mysql://") || lower.starts_with("mariadb://") {
            Backend::Mysql
        } else if lower.starts_with("sqlite:") || lower.starts_with("file:") || !raw.contains("://") {
            Backend::Sqlite
        } else {
            return Err(Error::BadUrl { url: redact(raw), reason: "unknown scheme; use sqlite://PATH (or a file path), postgres://… or mysql://…".into() });
        };
        let raw = match backend {
            Backend::Sqlite => sqlite_path(raw, base_dir),
            Backend::Mysql if lower.starts_with("mariadb://") => format!("mysql://{}", &raw["mariadb://".len()..]),
            _ => raw.to_string(),
        };
        if backend != Backend::Sqlite && host_part(&raw).is_empty() {
            return Err(Error::BadUrl { url: redact(&raw), reason: "no host in the URL".into() });
        }
        Ok(DatabaseUrl { raw, backend })
    }

    /// The URL Diesel connects with (contains the password).
    pub fn expose(&self) -> &str {
        &self.raw
    }

    pub fn redacted(&self) -> String {
        redact(&self.raw)
    }

    /// "database `app` on db.example:5432 (postgres://app:***@db.example:5432/app)".
    pub fn describe(&self) -> String {
        match self.backend {
            Backend::Sqlite => format!("SQLite database `{}`", self.raw),
            _ => {
                let host = host_part(&self.raw);
                let db = database_part(&self.raw);
                format!("{} database `{}` on {} ({})", self.backend.name(), db, host, self.redacted())
            }
        }
    }

    /// The SQLite file, if this is a SQLite URL naming a file.
    pub fn sqlite_file(&self) -> Option<PathBuf> {
        (self.backend == Backend::Sqlite && self.raw != ":memory:" && !self.raw.starts_with("file:")).then(|| PathBuf::from(&self.raw))
    }

    pub fn database_name(&self) -> String {
        database_part(&self.raw)
    }
}

fn sqlite_path(raw: &str, base_dir: &Path) -> String {
    let path = raw.strip_prefix("sqlite://").or_else(|| raw.strip_prefix("sqlite:")).unwrap_or(raw);
    if path == ":memory:" || path.starts_with("file:") || Path::new(path).is_absolute() {
        return path.to_string();
    }
    base_dir.join(path).to_string_lossy().into_owned()
}

fn after_scheme(url: &str) -> &str {
    url.split_once("://").map(|(_, rest)| rest).unwrap_or(url)
}

fn host_part(url: &str) -> String {
    let rest = after_scheme(url);
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    authority.rsplit_once('@').map(|(_, h)| h).unwrap_or(authority).to_string()
}

fn database_part(url: &str) -> String {
    let rest = after_scheme(url);
    rest.split_once('/').map(|(_, p)| p.split('?').next().unwrap_or("").to_string()).unwrap_or_default()
}

/// Replaces the password of a URL (`user:secret@` and `password=secret`) with `***`.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return redact_params(url);
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{user}:***@{host}"),
            None => format!("{userinfo}@{host}"),
        },
        None => authority.to_string(),
    };
    format!("{scheme}://{authority}{}", redact_params(tail))
}

fn redact_params(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.to_ascii_lowercase().find("password=") {
        let start = i + "password=".len();
        out.push_str(&rest[..start]);
        out.push_str("***");
        let end = rest[start..].find(['&', ' ', '\n', '\'', '"']).map(|e| start + e).unwrap_or(rest.len());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Redacts every URL with a password found in free text (driver error messages).
pub fn redact_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.contains("://") {
            out.push_str(&redact(word));
        } else {
            out.push_str(&redact_params(word));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_follows_scheme() {
        let base = Path::new("/ws");
        assert_eq!(DatabaseUrl::parse("postgres://u@h/db", base).unwrap().backend, Backend::Postgres);
        assert_eq!(DatabaseUrl::parse("postgresql://u@h/db", base).unwrap().backend, Backend::Postgres);
        assert_eq!(DatabaseUrl::parse("mysql://root@h/db", base).unwrap().backend, Backend::Mysql);
        let s = DatabaseUrl::parse("sqlite://dev.sqlite3", base).unwrap();
        assert_eq!(s.backend, Backend::Sqlite);
        assert_eq!(s.expose(), "/ws/dev.sqlite3");
        assert_eq!(DatabaseUrl::parse("/abs/x.db", base).unwrap().expose(), "/abs/x.db");
        assert_eq!(DatabaseUrl::parse("sqlite:///abs/x.db", base).unwrap().expose(), "/abs/x.db");
        assert_eq!(DatabaseUrl::parse(":memory:", base).unwrap().expose(), ":memory:");
        assert!(DatabaseUrl::parse("redis://h", base).is_err());
        assert!(DatabaseUrl::parse("postgres:///db", base).is_err());
    }

    #[test]
    fn redaction_hides_passwords() {
        assert_eq!(redact("postgres://app:s3cret@db:5432/app"), "postgres://app:***@db:5432/app");
        assert_eq!(redact("postgres://app@db/app"), "postgres://app@db/app");
        assert_eq!(redact("mysql://u:p%40ss@h/db?password=x&ssl=1"), "mysql://u:***@h/db?password=***&ssl=1");
        assert_eq!(redact("postgres://u:a@b@h/db"), "postgres://u:***@h/db");
        let text = redact_text("could not connect to postgres://u:hunter2@h/db: password=hunter2 failed");
        assert!(!text.contains("hunter2"), "{text}");
    }

    #[test]
    fn describe_names_host_and_database() {
        let u = DatabaseUrl::parse("postgres://app:pw@db.example:5432/shop?sslmode=require", Path::new("/")).unwrap();
        let d = u.describe();
        assert!(d.contains("`shop`") && d.contains("db.example:5432") && !d.contains("pw"), "{d}");
    }
}
