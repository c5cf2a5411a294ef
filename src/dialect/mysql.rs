//! MySQL / MariaDB: how it quotes names and strings, stores the model's types and
//! reads a live schema back. The [`Dialect`] impl here is the one door to it; the work
//! lives in [`crate::dialect::render::mysql`], [`crate::dialect::introspect::mysql`] and
//! [`crate::dialect::types::mysql`].

use super::{quote_if, Dialect};
use crate::backend::Backend;
use crate::dialect::connection::Connection;
use crate::dialect::render::{mysql::Renderer, OpRenderer};
use crate::dialect::types::mysql::stored_type;
use crate::error::Result;
use crate::schema::diff::Op;
use crate::schema::model::{Schema, SqlType};

/// MySQL and MariaDB (the versions are in [`crate::dialect::render::mysql`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Mysql;

impl Dialect for Mysql {
    fn backend(&self) -> Backend {
        Backend::Mysql
    }

    fn quote_ident(&self, name: &str) -> String {
        ident(name)
    }

    fn literal(&self, s: &str) -> String {
        literal(s)
    }

    /// [`stored_type`]: the type and length MySQL keeps.
    fn fold(&self, t: &SqlType, max_length: Option<u32>) -> (SqlType, Option<u32>) {
        stored_type(t, max_length)
    }

    fn renderer<'a>(&self, ops: &'a [Op], old: &'a Schema, new: &'a Schema) -> Box<dyn OpRenderer + 'a> {
        Box::new(Renderer { ops, old, new })
    }

    fn introspect(&self, conn: &mut Connection, _schemas: &[String]) -> Result<Schema> {
        crate::dialect::introspect::mysql::introspect(conn)
    }

    fn comparable(&self, schema: &mut Schema) {
        crate::dialect::introspect::mysql::comparable(schema);
    }
}

/// An identifier, backtick-quoted when it needs to be (reserved words, upper case,
/// characters outside `[a-z0-9_]`), so the files stay readable.
pub fn ident(name: &str) -> String {
    let plain = name.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !RESERVED.contains(&name);
    quote_if(name, plain, '`')
}

/// A string literal: MySQL reads a backslash in one as an escape, so it is doubled too.
pub fn literal(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "''"))
}

/// PostgreSQL function spellings MySQL knows under another name.
pub fn translate_default(expr: &str) -> String {
    match expr.to_ascii_lowercase().as_str() {
        "now()" | "current_timestamp" | "current_timestamp()" | "localtimestamp" | "localtimestamp()" => "CURRENT_TIMESTAMP".into(),
        "gen_random_uuid()" | "uuid_generate_v4()" | "uuid()" => "uuid()".into(),
        _ => expr.to_string(),
    }
}

/// MySQL 8.0 and MariaDB 10.11 reserved words (lower case, sorted).
const RESERVED: &[&str] = &[
    "accessible",
    "add",
    "all",
    "alter",
    "analyze",
    "and",
    "as",
    "asc",
    "asensitive",
    "before",
    "between",
    "bigint",
    "binary",
    "blob",
    "both",
    "by",
    "call",
    "cascade",
    "case",
    "change",
    "char",
    "character",
    "check",
    "collate",
    "column",
    "condition",
    "constraint",
    "continue",
    "convert",
    "create",
    "cross",
    "cube",
    "cume_dist",
    "current_date",
    "current_role",
    "current_time",
    "current_timestamp",
    "current_user",
    "cursor",
    "database",
    "databases",
    "day_hour",
    "day_microsecond",
    "day_minute",
    "day_second",
    "dec",
    "decimal",
    "declare",
    "default",
    "delayed",
    "delete",
    "dense_rank",
    "desc",
    "describe",
    "deterministic",
    "distinct",
    "distinctrow",
    "div",
    "do_domain_ids",
    "double",
    "drop",
    "dual",
    "each",
    "else",
    "elseif",
    "empty",
    "enclosed",
    "escaped",
    "except",
    "exists",
    "exit",
    "explain",
    "false",
    "fetch",
    "first_value",
    "float",
    "float4",
    "float8",
    "for",
    "force",
    "foreign",
    "from",
    "fulltext",
    "function",
    "general",
    "generated",
    "get",
    "grant",
    "group",
    "grouping",
    "groups",
    "having",
    "high_priority",
    "hour_microsecond",
    "hour_minute",
    "hour_second",
    "if",
    "ignore",
    "ignore_domain_ids",
    "ignore_server_ids",
    "in",
    "index",
    "infile",
    "inner",
    "inout",
    "insensitive",
    "insert",
    "int",
    "int1",
    "int2",
    "int3",
    "int4",
    "int8",
    "integer",
    "intersect",
    "interval",
    "into",
    "io_after_gtids",
    "io_before_gtids",
    "is",
    "iterate",
    "join",
    "json_table",
    "key",
    "keys",
    "kill",
    "lag",
    "last_value",
    "lateral",
    "lead",
    "leading",
    "leave",
    "left",
    "like",
    "limit",
    "linear",
    "lines",
    "load",
    "localtime",
    "localtimestamp",
    "lock",
    "long",
    "longblob",
    "longtext",
    "loop",
    "low_priority",
    "master_bind",
    "master_heartbeat_period",
    "master_ssl_verify_server_cert",
    "match",
    "maxvalue",
    "mediumblob",
    "mediumint",
    "mediumtext",
    "middleint",
    "minute_microsecond",
    "minute_second",
    "mod",
    "modifies",
    "natural",
    "not",
    "no_write_to_binlog",
    "nth_value",
    "ntile",
    "null",
    "numeric",
    "of",
    "offset",
    "on",
    "optimize",
    "optimizer_costs",
    "option",
    "optionally",
    "or",
    "order",
    "out",
    "outer",
    "outfile",
    "over",
    "page_checksum",
    "parse_vcol_expr",
    "partition",
    "percent_rank",
    "position",
    "precision",
    "primary",
    "procedure",
    "purge",
    "range",
    "rank",
    "read",
    "reads",
    "read_write",
    "real",
    "recursive",
    "ref_system_id",
    "references",
    "regexp",
    "release",
    "rename",
    "repeat",
    "replace",
    "require",
    "resignal",
    "restrict",
    "return",
    "returning",
    "revoke",
    "right",
    "rlike",
    "row",
    "row_number",
    "rows",
    "schema",
    "schemas",
    "second_microsecond",
    "select",
    "sensitive",
    "separator",
    "set",
    "show",
    "signal",
    "slow",
    "smallint",
    "spatial",
    "specific",
    "sql",
    "sql_big_result",
    "sql_calc_found_rows",
    "sql_small_result",
    "sqlexception",
    "sqlstate",
    "sqlwarning",
    "ssl",
    "starting",
    "stats_auto_recalc",
    "stats_persistent",
    "stats_sample_pages",
    "stored",
    "straight_join",
    "system",
    "table",
    "terminated",
    "then",
    "tinyblob",
    "tinyint",
    "tinytext",
    "to",
    "trailing",
    "trigger",
    "true",
    "undo",
    "union",
    "unique",
    "unlock",
    "unsigned",
    "update",
    "usage",
    "use",
    "using",
    "utc_date",
    "utc_time",
    "utc_timestamp",
    "values",
    "varbinary",
    "varchar",
    "varcharacter",
    "varying",
    "virtual",
    "when",
    "where",
    "while",
    "window",
    "with",
    "write",
    "xor",
    "year_month",
    "zerofill",
];
