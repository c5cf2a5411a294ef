//! SQL rendering: [`crate::schema::diff::Op`]s into the statements of one dialect, one
//! file per dialect. `up.sql` is `render(diff(old, new))`, `down.sql` is
//! `render(diff(new, old))`, so every dialect only ever renders forwards.
//!
//! Conventions every dialect follows: each statement ends with `;` on its own
//! line(s); the statements of one op are grouped, ops separated by a blank line;
//! an op with a [`crate::schema::diff::Op::danger`] is preceded by `-- DANGER: …` lines.

use crate::backend::Backend;
use crate::schema::diff::Op;
use crate::schema::model::Schema;

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

/// An SQL line comment saying `text`. Names in it may hold line breaks (legal in a
/// quoted identifier, and a live database can have them), which would end the
/// comment and run the rest as SQL: they are folded into spaces.
pub fn comment(text: &str) -> String {
    format!("-- {}", one_line(text))
}

/// `text` with its line breaks folded into spaces, to sit in one `--` comment line.
pub fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialect::lexer;
    use crate::schema::model::{Column, EnumType, Source, SqlType, Table};

    /// Found by fuzzing: a name holding a line break (legal when quoted, and a live
    /// database can have one) ended the `--` comment it was named in, and the rest
    /// of the name ran as SQL.
    #[test]
    fn names_with_line_breaks_stay_inside_comments() {
        let name = "t\nDROP TABLE users;\r-- ";
        let table = Table::new(name, vec![Column::new("id", SqlType::Integer)], &["id"]);
        let enum_type = EnumType { name: name.into(), schema: None, variants: vec!["a".into()], source: Source::none() };
        let ops = [Op::DropTable { table }, Op::CreateEnum { enum_type }];
        for backend in [Backend::Sqlite, Backend::Postgres, Backend::Mysql] {
            let sql = render(backend, &ops, &Schema::default(), &Schema::default()).sql;
            let statements: Vec<&str> = lexer::split(&sql, backend).into_iter().map(|s| s.sql).collect();
            assert!(!statements.iter().any(|s| s.starts_with("DROP TABLE users")), "{backend:?}: {statements:?}\n{sql}");
        }
    }
}
