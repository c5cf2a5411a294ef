//! PostgreSQL: how it quotes names and strings, stores the model's types and reads a
//! live schema back. The [`Dialect`] impl here is the one door to it; the work lives in
//! [`crate::dialect::render::postgres`], [`crate::dialect::introspect::postgres`] and
//! [`crate::dialect::types::postgres`].

use super::{quote_unless_plain, sql_string, Dialect};
use crate::backend::Backend;
use crate::dialect::connection::Connection;
use crate::dialect::render::{postgres::Renderer, OpRenderer};
use crate::dialect::types::postgres::{fold_type, takes_length};
use crate::error::Result;
use crate::schema::diff::Op;
use crate::schema::model::{Schema, SqlType};

/// PostgreSQL.
#[derive(Debug, Clone, Copy, Default)]
pub struct Postgres;

impl Dialect for Postgres {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    fn quote_ident(&self, name: &str) -> String {
        ident(name)
    }

    fn literal(&self, s: &str) -> String {
        literal(s)
    }

    /// [`fold_type`]; a length only where PostgreSQL keeps one (`CHAR` alone is `CHAR(1)`).
    fn fold(&self, t: &SqlType, max_length: Option<u32>) -> (SqlType, Option<u32>) {
        let t = fold_type(t);
        let len = if !takes_length(&t) {
            None
        } else if matches!(&t, SqlType::Char) || matches!(&t, SqlType::Array(i) if **i == SqlType::Char) {
            max_length.or(Some(1))
        } else {
            max_length
        };
        (t, len)
    }

    fn renderer<'a>(&self, _ops: &'a [Op], old: &'a Schema, new: &'a Schema) -> Box<dyn OpRenderer + 'a> {
        Box::new(Renderer::new(old, new))
    }

    fn introspect(&self, conn: &mut Connection, schemas: &[String]) -> Result<Schema> {
        crate::dialect::introspect::postgres::introspect(conn, schemas)
    }

    fn comparable(&self, schema: &mut Schema) {
        crate::dialect::introspect::postgres::comparable(schema);
    }
}

/// An identifier, double-quoted only when PostgreSQL would otherwise fold or reject it.
pub fn ident(name: &str) -> String {
    quote_unless_plain(name, RESERVED, &['$'], '"')
}

/// A schema-qualified name (`schema.name`), each part quoted as it needs.
pub fn qualify(schema: Option<&str>, name: &str) -> String {
    match schema {
        Some(s) => format!("{}.{}", ident(s), ident(name)),
        None => ident(name),
    }
}

/// A string literal (`standard_conforming_strings` is on since 9.1: a backslash is itself).
pub fn literal(s: &str) -> String {
    sql_string(s)
}

/// Cuts at 63 bytes (PostgreSQL's identifier limit) on a character boundary.
pub(crate) fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Words PostgreSQL reserves (its "reserved" and "reserved (can be function or
/// type)" key words): identifiers spelled like them must be quoted.
const RESERVED: &[&str] = &[
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "binary",
    "both",
    "case",
    "cast",
    "check",
    "collate",
    "collation",
    "column",
    "concurrently",
    "constraint",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "false",
    "fetch",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "grant",
    "group",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "lateral",
    "leading",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "natural",
    "not",
    "notnull",
    "null",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "outer",
    "overlaps",
    "placing",
    "primary",
    "references",
    "returning",
    "right",
    "select",
    "session_user",
    "similar",
    "some",
    "symmetric",
    "system_user",
    "table",
    "tablesample",
    "then",
    "to",
    "trailing",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "variadic",
    "verbose",
    "when",
    "where",
    "window",
    "with",
];
