//! SQL rendering: [`crate::diff::Op`]s into the statements of one dialect, one
//! file per dialect. `up.sql` is `render(diff(old, new))`, `down.sql` is
//! `render(diff(new, old))`, so every dialect only ever renders forwards.
//!
//! Conventions every dialect follows: each statement ends with `;` on its own
//! line(s); the statements of one op are grouped, ops separated by a blank line;
//! an op with a [`crate::diff::Op::danger`] is preceded by `-- DANGER: …` lines.

use crate::database_url::Backend;
use crate::diff::Op;
use crate::schema::Schema;

pub mod mysql;
pub mod postgres;
pub mod sqlite;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    pub sql: String,
    /// Printed by `revision` and written as comments at the top of the file.
    pub warnings: Vec<String>,
    /// `false` when the SQL manages transactions itself (`metadata.toml`'s
    /// `run_in_transaction`).
    pub run_in_transaction: bool,
}

/// `old` is the schema before `ops`, `new` the schema after them.
pub fn render(backend: Backend, ops: &[Op], old: &Schema, new: &Schema) -> Rendered {
    match backend {
        Backend::Sqlite => sqlite::render(ops, old, new),
        Backend::Postgres => postgres::render(ops, old, new),
        Backend::Mysql => mysql::render(ops, old, new),
    }
}
