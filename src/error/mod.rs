//! One error type for the core. Every variant carries what a user needs to act:
//! the file and key, the migration directory and line, or the URL with its
//! password redacted. Rendering (colour, exit code) happens in the command handlers.
//!
//! The bottom of the tree: it uses nothing of ours, so every layer can return it.
//! The typed error data of the layers above lives here with it ([`chain`] problems,
//! [`registry`] errors, a failed migration's [`failure`] report, a database's
//! [`diagnostic`]), and each layer re-exports its own under its old path.

use std::path::{Path, PathBuf};

pub mod chain;
pub mod diagnostic;
pub mod failure;
pub mod registry;

use diagnostic::Diagnostic;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Exit code for usage, configuration and I/O problems.
pub const EXIT_USAGE: u8 = 2;
/// Exit code for a failure reported by the database.
pub const EXIT_DATABASE: u8 = 3;
/// Exit code for "out of sync" findings (chain problems, refused upgrades).
pub const EXIT_OUT_OF_SYNC: u8 = 1;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("could not find `Cargo.toml` in `{}` or any parent directory\n  hint: run inside a cargo project or pass --manifest-path", dir.display())]
    NoManifest { dir: PathBuf },

    #[error("manifest path `{}` does not exist", path.display())]
    ManifestNotFound { path: PathBuf },

    #[error("`cargo metadata` failed for `{}`:\n{message}", manifest.display())]
    CargoMetadata { manifest: PathBuf, message: String },

    #[error("{}: `{key}`: {message}", file.display())]
    Config { file: PathBuf, key: String, message: String },

    #[error("package `{name}` is not a member of this workspace (members: {})", members.join(", "))]
    UnknownPackage { name: String, members: Vec<String> },

    /// `table` is the config table in use (`package.metadata.migrate` or
    /// `workspace.metadata.migrate`): the advice must point at the one that is read.
    #[error("no database URL: set {var} (in the environment or `.env`), pass --database-url, or set `database_url` in [{table}]")]
    NoDatabaseUrl { var: String, table: String },

    #[error("database URL `{url}`: {reason}")]
    BadUrl { url: String, reason: String },

    #[error(
        "database URL `{url}` needs the `{feature}` feature, which this build of cargo-migrate lacks\n  hint: cargo install cargo-migrate --features {feature}"
    )]
    BackendNotCompiled { url: String, feature: &'static str },

    #[error("could not connect to {target}: {message}")]
    Connect { target: String, message: String },

    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },

    #[error("{0}")]
    Chain(#[from] chain::ChainErrors),

    #[error("{0}")]
    Registry(#[from] registry::RegistryError),

    #[error("{0}")]
    Spec(String),

    #[error("{0}")]
    MigrationFailed(Box<failure::MigrationFailure>),

    /// A `down.sql` with only comments or whitespace under `downgrade --strict`.
    #[error("{}", render_no_statements(file, migration))]
    NoStatements { file: PathBuf, migration: String },

    #[error("database error while {context}: {diagnostic}")]
    Database { context: String, diagnostic: Diagnostic },

    #[error("{0}")]
    Refused(String),

    #[error("{path}: {message}")]
    Exists { path: String, message: String },

    #[error("{0}")]
    Usage(String),

    /// `check`/`lint` found problems; they were already printed as the result.
    #[error("{0}")]
    OutOfSync(String),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }

    /// A database error with the database's full diagnostic (detail and hint included).
    pub fn database(context: impl Into<String>, err: impl Into<Diagnostic>) -> Self {
        Error::Database { context: context.into(), diagnostic: err.into() }
    }

    /// The documented exit code (README, "Exit codes").
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Connect { .. } | Error::MigrationFailed(_) | Error::Database { .. } => EXIT_DATABASE,
            Error::Chain(_) | Error::Refused(_) | Error::NoStatements { .. } | Error::OutOfSync(_) => EXIT_OUT_OF_SYNC,
            _ => EXIT_USAGE,
        }
    }
}

/// The text a `down.sql` with no statements is refused with under `--strict`.
fn render_no_statements(file: &Path, migration: &str) -> String {
    format!(
        "{}: no statements (only comments or whitespace), so rolling back {migration} would undo nothing; --strict refuses it; nothing was run\n  hint: write its down.sql, or run without --strict to record it as rolled back while what its up.sql did stays",
        file.display()
    )
}
