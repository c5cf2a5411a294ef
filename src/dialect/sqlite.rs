//! SQLite: how it quotes names and strings, stores the model's types and reads a live
//! schema back. The [`Dialect`] impl here is the one door to it; the work lives in
//! [`crate::dialect::render::sqlite`], [`crate::dialect::introspect::sqlite`] and
//! [`crate::dialect::types::sqlite`].

use super::{quote_unless_plain, sql_string, Dialect};
use crate::backend::Backend;
use crate::dialect::connection::Connection;
use crate::dialect::render::{sqlite::Plan, OpRenderer};
use crate::dialect::types::sqlite::folded_type;
use crate::error::Result;
use crate::schema::diff::Op;
use crate::schema::model::{Schema, SqlType};

/// SQLite, as the bundled library Diesel links.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sqlite;

impl Dialect for Sqlite {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    fn quote_ident(&self, name: &str) -> String {
        ident(name)
    }

    fn literal(&self, s: &str) -> String {
        literal(s)
    }

    /// [`folded_type`]: SQLite keeps any length it is given.
    fn fold(&self, t: &SqlType, max_length: Option<u32>) -> (SqlType, Option<u32>) {
        (folded_type(t).unwrap_or_else(|| t.clone()), max_length)
    }

    fn renderer<'a>(&self, ops: &'a [Op], old: &'a Schema, new: &'a Schema) -> Box<dyn OpRenderer + 'a> {
        Box::new(Plan::new(ops, old, new))
    }

    fn introspect(&self, conn: &mut Connection, _schemas: &[String]) -> Result<Schema> {
        crate::dialect::introspect::sqlite::introspect(conn)
    }

    fn comparable(&self, schema: &mut Schema) {
        crate::dialect::introspect::sqlite::comparable(schema);
    }
}

/// An identifier, double-quoted only when it has to be (keyword, upper case, odd characters).
pub fn ident(name: &str) -> String {
    quote_unless_plain(name, KEYWORDS, &[], '"')
}

/// A string literal.
pub fn literal(s: &str) -> String {
    sql_string(s)
}

/// A default expression as SQLite accepts it: literals and `CURRENT_*` as they are,
/// anything else in parentheses (SQLite's grammar requires them); `now()` is
/// spelled `CURRENT_TIMESTAMP`, SQLite has no such function.
pub fn default_sql(expr: &str) -> String {
    let e = expr.trim();
    let lower = e.to_ascii_lowercase();
    if matches!(lower.as_str(), "now()" | "current_timestamp()" | "localtimestamp") {
        return "CURRENT_TIMESTAMP".into();
    }
    let is_number = {
        let digits = e.strip_prefix(['-', '+']).unwrap_or(e);
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.') && digits.chars().any(|c| c.is_ascii_digit())
    };
    let is_string = e.len() >= 2 && e.starts_with('\'') && e.ends_with('\'') && !e[1..e.len() - 1].replace("''", "").contains('\'');
    let is_blob = (lower.starts_with("x'")) && e.ends_with('\'');
    let keyword = matches!(lower.as_str(), "null" | "true" | "false" | "current_timestamp" | "current_date" | "current_time");
    let wrapped = e.starts_with('(') && e.ends_with(')') && outer_parens(e);
    if is_number || is_string || is_blob || keyword || wrapped {
        if keyword {
            e.to_ascii_uppercase()
        } else {
            e.to_string()
        }
    } else {
        format!("({e})")
    }
}

/// Whether the `(` at the start of `e` closes at its very end.
fn outer_parens(e: &str) -> bool {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for (i, ch) in e.char_indices() {
        match quote {
            Some(q) if ch == q => quote = None,
            Some(_) => {}
            None => match ch {
                '\'' | '"' => quote = Some(ch),
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 && i != e.len() - 1 {
                        return false;
                    }
                }
                _ => {}
            },
        }
    }
    depth == 0
}

/// SQLite's keywords (<https://www.sqlite.org/lang_keywords.html>): identifiers
/// spelled like one are quoted.
const KEYWORDS: &[&str] = &[
    "abort",
    "action",
    "add",
    "after",
    "all",
    "alter",
    "always",
    "analyze",
    "and",
    "as",
    "asc",
    "attach",
    "autoincrement",
    "before",
    "begin",
    "between",
    "by",
    "cascade",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "commit",
    "conflict",
    "constraint",
    "create",
    "cross",
    "current",
    "current_date",
    "current_time",
    "current_timestamp",
    "database",
    "default",
    "deferrable",
    "deferred",
    "delete",
    "desc",
    "detach",
    "distinct",
    "do",
    "drop",
    "each",
    "else",
    "end",
    "escape",
    "except",
    "exclude",
    "exclusive",
    "exists",
    "explain",
    "fail",
    "filter",
    "first",
    "following",
    "for",
    "foreign",
    "from",
    "full",
    "generated",
    "glob",
    "group",
    "groups",
    "having",
    "if",
    "ignore",
    "immediate",
    "in",
    "index",
    "indexed",
    "initially",
    "inner",
    "insert",
    "instead",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "key",
    "last",
    "left",
    "like",
    "limit",
    "match",
    "materialized",
    "natural",
    "no",
    "not",
    "nothing",
    "notnull",
    "null",
    "nulls",
    "of",
    "offset",
    "on",
    "or",
    "order",
    "others",
    "outer",
    "over",
    "partition",
    "plan",
    "pragma",
    "preceding",
    "primary",
    "query",
    "raise",
    "range",
    "recursive",
    "references",
    "regexp",
    "reindex",
    "release",
    "rename",
    "replace",
    "restrict",
    "returning",
    "right",
    "rollback",
    "row",
    "rows",
    "savepoint",
    "select",
    "set",
    "table",
    "temp",
    "temporary",
    "then",
    "ties",
    "to",
    "transaction",
    "trigger",
    "unbounded",
    "union",
    "unique",
    "update",
    "using",
    "vacuum",
    "values",
    "view",
    "virtual",
    "when",
    "where",
    "window",
    "with",
    "without",
];
