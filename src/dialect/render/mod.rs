//! SQL rendering: [`crate::schema::diff::Op`]s into the statements of one dialect, one
//! file per dialect. `up.sql` is `render(diff(old, new))`, `down.sql` is
//! `render(diff(new, old))`, so every dialect only ever renders forwards.
//!
//! [`run`] is the one render loop, and it keeps the conventions every dialect
//! follows: the statements of one op are grouped (each ending with `;`), ops
//! separated by a blank line; an op with a [`crate::schema::diff::Op::danger`] is
//! preceded by `-- DANGER: …` lines and the danger is a warning; an op a dialect
//! cannot render is an `-- ERROR: …` line and a warning. A dialect's
//! [`OpRenderer`] only says what each op is in its SQL, and may fold several ops
//! into one step written later (SQLite's table rebuild).

use std::collections::BTreeMap;

use crate::backend::Backend;
use crate::schema::diff::Op;
use crate::schema::model::Schema;

pub mod mysql;
pub mod postgres;
pub mod sqlite;
pub mod zero_downtime;

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
    crate::dialect::of(backend).render(ops, old, new)
}

/// What a dialect makes of one op.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The op's statements, written as one block after its danger; none means the
    /// op has nothing to run here (and so nothing to warn about).
    Write(Vec<String>),
    /// Folded into the later step `key` (see [`OpRenderer::step_after`]), which
    /// carries the op's danger.
    Fold(String),
}

/// Why a dialect could not write SQL for an op: written in its place as an
/// `-- ERROR: ` line and reported as a warning.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CannotRender {
    /// A table to rebuild is missing from the schema after the migration.
    #[error("table {table} is not in the new schema; cannot rebuild it")]
    RebuildMissingTable { table: String },
}

/// One dialect's rendering of one op list; [`run`] calls it in order.
pub trait OpRenderer {
    /// Blocks before the first op.
    fn header(&mut self) -> Vec<String> {
        Vec::new()
    }

    /// Statements op `op` needs run first, as a block of their own (PostgreSQL's
    /// `CREATE SCHEMA`, `CREATE EXTENSION`).
    fn prelude(&mut self, _op: &Op) -> Vec<String> {
        Vec::new()
    }

    /// Op `i` of the list.
    fn op(&mut self, i: usize, op: &Op) -> Result<Step, CannotRender>;

    /// A step written after op `i` on its own, with the ops folded into it:
    /// `(key, statements)`.
    fn step_after(&mut self, _i: usize) -> Option<(String, Result<Vec<String>, CannotRender>)> {
        None
    }

    /// Blocks after the last op.
    fn footer(&mut self) -> Vec<String> {
        Vec::new()
    }

    /// `false` when the SQL manages its transaction itself.
    fn run_in_transaction(&self) -> bool {
        true
    }
}

/// The one render loop: every dialect's ops, dangers, blocks and warnings.
pub fn run(r: &mut dyn OpRenderer, ops: &[Op]) -> Rendered {
    let mut blocks = r.header();
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    let mut folded: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (i, op) in ops.iter().enumerate() {
        let prelude = r.prelude(op);
        if !prelude.is_empty() {
            blocks.push(prelude.join("\n"));
        }
        let statements = match r.op(i, op) {
            Ok(Step::Fold(key)) => {
                // The danger is written with the step the op is folded into.
                let danger = op.danger();
                warnings.extend(danger.clone());
                folded.entry(key).or_default().extend(danger);
                None
            }
            Ok(Step::Write(statements)) if statements.is_empty() => None,
            Ok(Step::Write(statements)) => Some(Ok(statements)),
            Err(e) => Some(Err(e)),
        };
        if let Some(statements) = statements {
            let danger: Vec<String> = op.danger().into_iter().collect();
            warnings.extend(danger.iter().cloned());
            blocks.push(block(&danger, statements, &mut errors));
        }
        if let Some((key, statements)) = r.step_after(i) {
            let dangers = folded.remove(&key).unwrap_or_default();
            blocks.push(block(&dangers, statements, &mut errors));
        }
    }
    blocks.extend(r.footer());
    // What could not be rendered is said last, after the dangers.
    warnings.extend(errors);
    Rendered { sql: file(&blocks), warnings, run_in_transaction: r.run_in_transaction() }
}

/// A file's text from its blocks: a blank line between blocks, a line break at the end.
pub(super) fn file(blocks: &[String]) -> String {
    let mut sql = blocks.join("\n\n");
    if !sql.is_empty() {
        sql.push('\n');
    }
    sql
}

/// One block: `-- DANGER:` lines, then the statements (or the `-- ERROR:` line
/// said instead, its text added to `errors`).
pub(super) fn block(dangers: &[String], statements: Result<Vec<String>, CannotRender>, errors: &mut Vec<String>) -> String {
    let mut block = String::new();
    for d in dangers {
        block.push_str(&comment(&format!("DANGER: {d}")));
        block.push('\n');
    }
    match statements {
        Ok(statements) => block.push_str(&statements.join("\n")),
        Err(e) => {
            let e = e.to_string();
            block.push_str(&comment(&format!("ERROR: {e}")));
            errors.push(e);
        }
    }
    block
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

    /// Renders op `i` as `S{i};`, except: the ops of table `t` fold into one step
    /// after the last of them, `skip` renders nothing, and `bad` cannot be rendered.
    struct Fake<'a>(&'a [Op]);

    fn table_of(op: &Op) -> Option<&str> {
        match op {
            Op::DropColumn { table, .. } | Op::Backfill { table, .. } => Some(table),
            _ => None,
        }
    }

    impl OpRenderer for Fake<'_> {
        fn header(&mut self) -> Vec<String> {
            vec!["BEGIN;".into()]
        }

        fn op(&mut self, i: usize, op: &Op) -> Result<Step, CannotRender> {
            match table_of(op) {
                Some("t") => Ok(Step::Fold("t".into())),
                Some("skip") => Ok(Step::Write(vec![])),
                Some("bad") => Err(CannotRender::RebuildMissingTable { table: "bad".into() }),
                _ => Ok(Step::Write(vec![format!("S{i};")])),
            }
        }

        fn step_after(&mut self, i: usize) -> Option<(String, Result<Vec<String>, CannotRender>)> {
            let last = self.0.iter().rposition(|op| table_of(op) == Some("t"))?;
            (i == last).then(|| ("t".to_string(), Ok(vec!["REBUILD t;".to_string()])))
        }

        fn footer(&mut self) -> Vec<String> {
            vec!["COMMIT;".into()]
        }

        fn run_in_transaction(&self) -> bool {
            false
        }
    }

    #[test]
    fn the_loop_groups_warns_and_folds_for_every_dialect() {
        let drop = |table: &str| Op::DropColumn { table: table.into(), column: Column::new("c", SqlType::Integer) };
        let ops = [drop("t"), drop("u"), drop("skip"), drop("bad"), drop("t")];
        let out = run(&mut Fake(&ops), &ops);
        assert_eq!(
            out.sql,
            "BEGIN;\n\n\
             -- DANGER: drops column u.c and its data\nS1;\n\n\
             -- DANGER: drops column bad.c and its data\n-- ERROR: table bad is not in the new schema; cannot rebuild it\n\n\
             -- DANGER: drops column t.c and its data\n-- DANGER: drops column t.c and its data\nREBUILD t;\n\n\
             COMMIT;\n"
        );
        // In op order, a folded op's where it stands; what could not be rendered last.
        assert_eq!(
            out.warnings,
            [
                "drops column t.c and its data",
                "drops column u.c and its data",
                "drops column bad.c and its data",
                "drops column t.c and its data",
                "table bad is not in the new schema; cannot rebuild it"
            ]
        );
        assert!(!out.run_in_transaction);
    }

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
