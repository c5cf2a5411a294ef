//! Why the model files could not be read into a schema, as data: the registry
//! (`schema::registry`) finds these, naming the file and line; the error type carries them.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// The file is not Rust syntax.
    #[error("{file}:{line}:{col}: {message}")]
    Parse { file: String, line: usize, col: usize, message: String },

    /// Rust syntax, but not what `table!`, `joinable!` or `#[diesel(…)]` accept.
    #[error("{file}:{line}:{col}: malformed {what}: {message}")]
    Malformed { file: String, line: usize, col: usize, what: &'static str, message: String },

    #[error("{file}:{line}:{col}: column `{table}.{column}`: {message}")]
    Type { file: String, line: usize, col: usize, table: String, column: String, message: String },

    /// A bad `@` line: syntax, or a column, table or name it cannot use.
    #[error("{file}:{line}: `{text}`: {message}")]
    Annotation { file: String, line: usize, text: String, message: String },

    #[error("table `{name}` is defined twice: at {first} and at {second}")]
    DuplicateTable { name: String, first: Source, second: Source },

    #[error("SQL type `{name}` is declared twice with different `@enum` labels: at {first} and at {second}")]
    DuplicateType { name: String, first: Source, second: Source },

    /// `joinable` is the macro's body as written, e.g. `posts -> users (author_id)`.
    #[error("{file}:{line}:{col}: `joinable!({joinable})`: {message}")]
    Joinable { file: String, line: usize, col: usize, joinable: String, message: String },

    /// An empty list would read as "no tables" and autogenerate would drop them all.
    #[error("no model paths configured: list the directories or globs holding `table!` models in `models`")]
    NoModelPaths,

    #[error("model path `{path}` matches no `.rs` file (relative to `{}`)", base_dir.display())]
    NoFiles { path: String, base_dir: PathBuf },

    #[error("model path `{pattern}` is not a valid glob: {message}")]
    BadGlob { pattern: String, message: String },

    #[error("{file}: not valid UTF-8 (byte {offset})")]
    NotUtf8 { file: String, offset: usize },

    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
}

/// Where a definition lives: `file` is relative to the configured base directory,
/// with forward slashes, so snapshots compare equal across machines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub file: String,
    pub line: usize,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}
