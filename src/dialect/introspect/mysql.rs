//! MySQL / MariaDB introspection from `information_schema`, restricted to
//! `DATABASE()`, and the folding that makes models and a live database comparable.
//!
//! Five catalog queries whatever the size of the schema (server, columns, index
//! columns, foreign key columns, checks). Each returns one `JSON_OBJECT` per row
//! rather than one `JSON_ARRAYAGG` per query: MariaDB builds `JSON_ARRAYAGG` on
//! `GROUP_CONCAT` and silently cuts it at `group_concat_max_len` (1 MB), which a
//! large schema exceeds.
//!
//! Server quirks handled here: MariaDB stores `JSON` as `LONGTEXT` plus a column
//! check `json_valid(`col`)` named after the column, a name a column rename keeps
//! (read back as `Json`, check dropped); `BOOLEAN` is `tinyint(1)`; MariaDB reports defaults as SQL (`'active'`,
//! `current_timestamp()`, the text `NULL` for "no default") while MySQL 8 reports
//! string defaults unquoted and flags expressions `DEFAULT_GENERATED`; InnoDB's
//! own indexes for foreign keys (named after the key, or after its first column
//! when the key was declared without a name) are left out; enum
//! columns become one enum type per column, named the way Diesel's `print-schema`
//! names them (`{table}_{column}_enum`).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::backend::Backend;
use crate::dialect::connection::Connection;
use crate::dialect::introspect::is_state_table;
use crate::dialect::lexer::{self, Lexeme, LexemeKind};
use crate::dialect::mysql::{ident, translate_default};
use crate::dialect::{sql_string, Dialect, Mysql};
use crate::error::{Error, Result};
use crate::schema::model::{
    qualified_name, Action, Check, Column, EnumType, ForeignKey, Index, Schema, Source, SqlType, Table, UniqueConstraint, Unmanaged, UnmanagedKind,
};

#[derive(Deserialize)]
struct ServerRow {
    version: String,
    db: Option<String>,
}

#[derive(Deserialize)]
struct ColumnRow {
    table: String,
    name: String,
    pos: u64,
    #[serde(rename = "type")]
    column_type: String,
    nullable: String,
    default: Option<String>,
    extra: Option<String>,
}

#[derive(Deserialize)]
struct IndexRow {
    table: String,
    name: String,
    non_unique: u64,
    seq: u64,
    column: Option<String>,
}

#[derive(Deserialize)]
struct ForeignKeyRow {
    table: String,
    name: String,
    column: String,
    seq: u64,
    ref_schema: Option<String>,
    ref_table: String,
    ref_column: String,
    on_update: String,
    on_delete: String,
}

#[derive(Deserialize)]
struct CheckRow {
    table: String,
    name: String,
    level: Option<String>,
    expr: String,
}

const SERVER_SQL: &str = "SELECT CAST(JSON_OBJECT('version', VERSION(), 'db', DATABASE()) AS CHAR) AS value";

const COLUMNS_SQL: &str = "SELECT CAST(JSON_OBJECT('table', c.TABLE_NAME, 'name', c.COLUMN_NAME, 'pos', c.ORDINAL_POSITION, \
     'type', c.COLUMN_TYPE, 'nullable', c.IS_NULLABLE, 'default', c.COLUMN_DEFAULT, 'extra', c.EXTRA) AS CHAR) AS value \
     FROM information_schema.COLUMNS c JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME \
     WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'";

const INDEXES_SQL: &str = "SELECT CAST(JSON_OBJECT('table', TABLE_NAME, 'name', INDEX_NAME, 'non_unique', NON_UNIQUE, \
     'seq', SEQ_IN_INDEX, 'column', COLUMN_NAME) AS CHAR) AS value \
     FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()";

const FOREIGN_KEYS_SQL: &str = "SELECT CAST(JSON_OBJECT('table', k.TABLE_NAME, 'name', k.CONSTRAINT_NAME, 'column', k.COLUMN_NAME, \
     'seq', k.ORDINAL_POSITION, 'ref_schema', k.REFERENCED_TABLE_SCHEMA, 'ref_table', k.REFERENCED_TABLE_NAME, \
     'ref_column', k.REFERENCED_COLUMN_NAME, 'on_update', r.UPDATE_RULE, 'on_delete', r.DELETE_RULE) AS CHAR) AS value \
     FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r \
     ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME \
     WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL";

/// MariaDB's `CHECK_CONSTRAINTS` names the table (check names are per table there).
const CHECKS_MARIADB_SQL: &str = "SELECT CAST(JSON_OBJECT('table', TABLE_NAME, 'name', CONSTRAINT_NAME, 'level', LEVEL, \
     'expr', CHECK_CLAUSE) AS CHAR) AS value FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()";

/// MySQL's does not (check names are per schema there): the table comes from `TABLE_CONSTRAINTS`.
const CHECKS_MYSQL_SQL: &str = "SELECT CAST(JSON_OBJECT('table', t.TABLE_NAME, 'name', t.CONSTRAINT_NAME, 'level', 'Table', \
     'expr', c.CHECK_CLAUSE) AS CHAR) AS value FROM information_schema.TABLE_CONSTRAINTS t \
     JOIN information_schema.CHECK_CONSTRAINTS c ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME \
     WHERE t.TABLE_SCHEMA = DATABASE() AND t.CONSTRAINT_TYPE = 'CHECK'";

/// Views and triggers: objects the schema model cannot describe, listed so that
/// `check --db -v` can say it left them alone (and a `table!` of a view's name
/// stays out of the diff).
const VIEWS_AND_TRIGGERS_SQL: &str = "SELECT CAST(JSON_OBJECT('kind', 'view', 'name', TABLE_NAME, 'table', NULL) AS CHAR) AS value \
     FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() \
     UNION ALL SELECT CAST(JSON_OBJECT('kind', 'trigger', 'name', TRIGGER_NAME, 'table', EVENT_OBJECT_TABLE) AS CHAR) \
     FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()";

#[derive(Deserialize)]
struct OtherRow {
    kind: String,
    name: String,
    table: Option<String>,
}

fn rows<T: for<'de> Deserialize<'de>>(conn: &mut Connection, what: &str, sql: &str) -> Result<Vec<T>> {
    let context = format!("introspecting {what}");
    let texts = conn.query_texts(sql, &[]).map_err(|e| Error::database(&context, e))?;
    texts.into_iter().flatten().map(|t| serde_json::from_str(&t).map_err(|e| Error::database(&context, format!("{e} in `{t}`")))).collect()
}

pub fn introspect(conn: &mut Connection) -> Result<Schema> {
    let server: Vec<ServerRow> = rows(conn, "the server", SERVER_SQL)?;
    let server = server.into_iter().next().ok_or_else(|| Error::database("introspecting the server", "no row"))?;
    let mariadb = server.version.to_ascii_lowercase().contains("mariadb");
    let current_db = server.db.ok_or_else(|| Error::database("introspecting the schema", "no database selected in the URL"))?;

    let mut columns: Vec<ColumnRow> = rows(conn, "columns", COLUMNS_SQL)?;
    let indexes: Vec<IndexRow> = rows(conn, "indexes", INDEXES_SQL)?;
    let mut fk_rows: Vec<ForeignKeyRow> = rows(conn, "foreign keys", FOREIGN_KEYS_SQL)?;
    let check_rows: Vec<CheckRow> = rows(conn, "check constraints", if mariadb { CHECKS_MARIADB_SQL } else { CHECKS_MYSQL_SQL })?;

    let mut schema = Schema::default();
    columns.sort_by(|a, b| (&a.table, a.pos).cmp(&(&b.table, b.pos)));
    for row in columns.into_iter().filter(|r| !is_state_table(&r.table)) {
        let table = schema.tables.entry(row.table.clone()).or_insert_with(|| Table::new(&row.table, Vec::new(), &[]));
        let (sql_type, max_length, variants) = parse_column_type(&row.column_type);
        let sql_type = match variants {
            Some(variants) => {
                let name = column_enum_name(&row.table, &row.name);
                schema.enums.insert(name.clone(), EnumType { name: name.clone(), schema: None, variants, source: Source::none() });
                SqlType::Custom { name }
            }
            None => sql_type,
        };
        let extra = row.extra.unwrap_or_default().to_ascii_lowercase();
        let default = column_default(row.default, &sql_type, &extra, mariadb);
        table.columns.push(Column {
            name: row.name,
            sql_type,
            nullable: row.nullable.eq_ignore_ascii_case("YES"),
            max_length,
            default,
            auto_increment: extra.contains("auto_increment"),
            renamed_from: None,
            doc: None,
        });
    }

    for ck in check_rows {
        let Some(table) = schema.tables.get_mut(&ck.table) else { continue };
        // MariaDB's JSON: LONGTEXT with a column check `json_valid(`col`)`, named
        // after the column (and keeping that name when the column is renamed).
        if ck.level.as_deref().is_some_and(|l| l.eq_ignore_ascii_case("column")) {
            let clause = normalize_expr(&ck.expr);
            let json = table.columns.iter_mut().find(|c| c.sql_type == SqlType::Text && clause == normalize_expr(&format!("json_valid({})", ident(&c.name))));
            if let Some(c) = json {
                c.sql_type = SqlType::Json;
                continue;
            }
        }
        table.checks.push(Check { name: ck.name, expr: ck.expr });
    }

    fk_rows.sort_by(|a, b| (&a.table, &a.name, a.seq).cmp(&(&b.table, &b.name, b.seq)));
    for row in fk_rows {
        let Some(table) = schema.tables.get_mut(&row.table) else { continue };
        let ref_table = qualified_name(row.ref_schema.as_deref().filter(|s| *s != current_db), &row.ref_table);
        match table.foreign_keys.last_mut().filter(|fk| fk.name == row.name) {
            Some(fk) => {
                fk.columns.push(row.column);
                fk.ref_columns.push(row.ref_column);
            }
            None => table.foreign_keys.push(ForeignKey {
                name: row.name,
                columns: vec![row.column],
                ref_table,
                ref_columns: vec![row.ref_column],
                on_delete: action(&row.on_delete),
                on_update: action(&row.on_update),
            }),
        }
    }

    for o in rows::<OtherRow>(conn, "views and triggers", VIEWS_AND_TRIGGERS_SQL)? {
        let kind = if o.kind == "view" { UnmanagedKind::View } else { UnmanagedKind::Trigger };
        schema.unmanaged.push(Unmanaged { kind, name: o.name, table: o.table, sql: None });
    }
    let mut grouped: BTreeMap<(String, String), IndexColumns> = BTreeMap::new();
    let mut expression_indexes: Vec<(String, String)> = Vec::new();
    for row in indexes {
        let Some(column) = row.column else {
            // A functional key part (MySQL 8): the model cannot describe the index.
            if !expression_indexes.contains(&(row.table.clone(), row.name.clone())) {
                expression_indexes.push((row.table, row.name));
            }
            continue;
        };
        let entry = grouped.entry((row.table, row.name)).or_insert((row.non_unique == 0, Vec::new()));
        entry.1.push((row.seq, column));
    }
    for (table, name) in &expression_indexes {
        if schema.tables.contains_key(table) {
            schema.unmanaged.push(Unmanaged { kind: UnmanagedKind::ExpressionIndex, name: name.clone(), table: Some(table.clone()), sql: None });
        }
    }
    schema.unmanaged.sort();
    for ((table_name, name), (unique, mut cols)) in grouped {
        if expression_indexes.iter().any(|(t, n)| *t == table_name && *n == name) {
            continue;
        }
        let Some(table) = schema.tables.get_mut(&table_name) else { continue };
        cols.sort();
        let columns: Vec<String> = cols.into_iter().map(|(_, c)| c).collect();
        if name == "PRIMARY" {
            table.primary_key = columns;
        } else if !unique && table.foreign_keys.iter().any(|fk| fk.columns == columns && (fk.name == name || fk.columns[0] == name)) {
            // InnoDB's own index for a foreign key; see the module doc.
        } else if unique {
            table.uniques.push(UniqueConstraint { name, columns });
        } else {
            table.indexes.push(Index { name, columns, unique: false });
        }
    }

    for t in schema.tables.values_mut() {
        sort_by_name(t);
    }
    schema.key_tables();
    Ok(schema)
}

/// Whether an index is unique, and its columns with their position in it.
type IndexColumns = (bool, Vec<(u64, String)>);

fn sort_by_name(t: &mut Table) {
    t.indexes.sort_by(|a, b| a.name.cmp(&b.name));
    t.uniques.sort_by(|a, b| a.name.cmp(&b.name));
    t.foreign_keys.sort_by(|a, b| a.name.cmp(&b.name));
    t.checks.sort_by(|a, b| a.name.cmp(&b.name));
}

/// `RESTRICT` and `NO ACTION` are the same thing in InnoDB and what a key without
/// an action gets (MariaDB reports `RESTRICT`, MySQL `NO ACTION`): both read `None`.
fn action(rule: &str) -> Option<Action> {
    match rule.to_ascii_uppercase().as_str() {
        "CASCADE" => Some(Action::Cascade),
        "SET NULL" => Some(Action::SetNull),
        "SET DEFAULT" => Some(Action::SetDefault),
        _ => None,
    }
}

/// `COLUMN_TYPE` (`int(11) unsigned`, `varchar(20)`, `enum('a','b')`) into the
/// model's type, length and, for an enum, its labels.
fn parse_column_type(column_type: &str) -> (SqlType, Option<u32>, Option<Vec<String>>) {
    let lower = column_type.trim().to_ascii_lowercase();
    let (base, args, rest) = match lower.find('(') {
        Some(open) => {
            let close = lower.rfind(')').unwrap_or(lower.len());
            (&lower[..open], &column_type.trim()[open + 1..close.max(open + 1)], lower.get(close + 1..).unwrap_or(""))
        }
        None => {
            let (b, r) = lower.split_once(' ').unwrap_or((&lower, ""));
            (b, "", r)
        }
    };
    let unsigned = rest.split_whitespace().any(|w| w == "unsigned");
    let len = args.split(',').next().and_then(|n| n.trim().parse::<u32>().ok());
    let ty = match base.trim() {
        "tinyint" if args.trim() == "1" && !unsigned => return (SqlType::Bool, None, None),
        "bool" | "boolean" => SqlType::Bool,
        "tinyint" => SqlType::TinyInt,
        "smallint" => SqlType::SmallInt,
        "mediumint" | "int" | "integer" => SqlType::Integer,
        "bigint" => SqlType::BigInt,
        "float" => SqlType::Float,
        "double" | "real" | "double precision" => SqlType::Double,
        "decimal" | "numeric" | "dec" | "fixed" => SqlType::Numeric,
        "varchar" => return (SqlType::Varchar, len, None),
        "char" => return (SqlType::Char, len, None),
        "tinytext" | "text" | "mediumtext" | "longtext" => SqlType::Text,
        "json" => SqlType::Json,
        "varbinary" | "binary" => return (SqlType::Binary, len, None),
        "tinyblob" | "blob" | "mediumblob" | "longblob" | "bit" => SqlType::Binary,
        "date" => SqlType::Date,
        "time" => SqlType::Time,
        "datetime" => SqlType::Datetime,
        "timestamp" => SqlType::Timestamp,
        "enum" => return (SqlType::Text, None, Some(parse_labels(args))),
        _ => return (SqlType::Custom { name: lower }, None, None),
    };
    let ty = if unsigned { SqlType::Unsigned(Box::new(ty)) } else { ty };
    (ty, None, None)
}

/// `'a','it''s'` into its labels.
fn parse_labels(args: &str) -> Vec<String> {
    let mut labels = Vec::new();
    let mut chars = args.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\'' {
            continue;
        }
        let mut label = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\'' if chars.peek() == Some(&'\'') => {
                    chars.next();
                    label.push('\'');
                }
                '\'' => break,
                '\\' => {
                    if let Some(n) = chars.next() {
                        label.push(n);
                    }
                }
                c => label.push(c),
            }
        }
        labels.push(label);
    }
    labels
}

/// `COLUMN_DEFAULT` as SQL. MariaDB already reports SQL (with the text `NULL` for
/// none); MySQL reports a literal's bare value and flags expressions.
fn column_default(raw: Option<String>, ty: &SqlType, extra: &str, mariadb: bool) -> Option<String> {
    let raw = raw?;
    if mariadb {
        return (!raw.eq_ignore_ascii_case("null")).then_some(raw);
    }
    let lower = raw.to_ascii_lowercase();
    let numeric = ty.is_integer() || matches!(ty, SqlType::Bool | SqlType::Float | SqlType::Double | SqlType::Numeric | SqlType::Unsigned(_));
    if extra.contains("default_generated") || numeric || lower.starts_with("current_timestamp") {
        Some(raw)
    } else {
        // The value as MySQL stores it, quoted the way `normalize_default` compares it.
        Some(sql_string(&raw))
    }
}

/// What this backend stores of `schema`, applied to the models and to the
/// introspected database alike (see [`crate::dialect::introspect::comparable`]): types
/// folded as [`Dialect::fold`] renders them, primary key columns NOT NULL, unique
/// indexes as unique constraints, `RESTRICT`/`NO ACTION` as no action, one enum
/// per enum column ([`column_enum_name`]), defaults and checks in one
/// spelling (no backticks, outer parentheses, case or spacing differences).
pub fn comparable(schema: &mut Schema) {
    let enums = std::mem::take(&mut schema.enums);
    for t in schema.tables.values_mut() {
        let table_name = t.name.clone();
        let pk = t.primary_key.clone();
        for c in &mut t.columns {
            (c.sql_type, c.max_length) = Mysql.fold(&c.sql_type, c.max_length);
            if pk.contains(&c.name) {
                c.nullable = false;
            }
            c.default = c.default.as_deref().and_then(|d| normalize_default(d, &c.sql_type));
            if let SqlType::Custom { name } = &c.sql_type {
                if let Some(e) = enums.get(name) {
                    let e = if e.variants.is_empty() {
                        EnumType { source: Source::none(), ..e.clone() }
                    } else {
                        EnumType { name: column_enum_name(&table_name, &c.name), schema: None, variants: e.variants.clone(), source: Source::none() }
                    };
                    c.sql_type = SqlType::Custom { name: e.qualified_name() };
                    schema.enums.insert(e.qualified_name(), e);
                }
            }
        }
        for i in std::mem::take(&mut t.indexes) {
            if i.unique {
                t.uniques.push(UniqueConstraint { name: i.name, columns: i.columns });
            } else {
                t.indexes.push(i);
            }
        }
        for fk in &mut t.foreign_keys {
            for a in [&mut fk.on_delete, &mut fk.on_update] {
                if matches!(a, Some(Action::Restrict | Action::NoAction)) {
                    *a = None;
                }
            }
        }
        for ck in &mut t.checks {
            ck.expr = normalize_expr(&ck.expr);
        }
        sort_by_name(t);
    }
}

/// MySQL keeps no enum names, only each column's labels: every enum column has an
/// enum of its own, named the way Diesel's `print-schema` names it. The name stays
/// when labels change, so that is an `AlterEnum` whether the old side is the
/// snapshot or the database.
fn column_enum_name(table: &str, column: &str) -> String {
    format!("{table}_{column}_enum")
}

/// One spelling of a default: `None` for `NULL`, numbers without quotes or
/// trailing zeros (`0.000…` is `0`), booleans as `1`/`0`, PostgreSQL function
/// names translated, expressions through [`normalize_expr`].
pub fn normalize_default(expr: &str, ty: &SqlType) -> Option<String> {
    let mut e = strip_parens(expr.trim()).to_string();
    if e.eq_ignore_ascii_case("null") {
        return None;
    }
    e = translate_default(&e);
    let numeric = ty.is_integer() || matches!(ty, SqlType::Bool | SqlType::Float | SqlType::Double | SqlType::Numeric | SqlType::Unsigned(_));
    if numeric {
        let unquoted = e.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')).unwrap_or(&e);
        match unquoted.to_ascii_lowercase().as_str() {
            "true" => return Some("1".into()),
            "false" => return Some("0".into()),
            _ => {}
        }
        if let Some(n) = canonical_number(unquoted) {
            return Some(n);
        }
    }
    Some(normalize_expr(&e))
}

fn canonical_number(s: &str) -> Option<String> {
    let s = s.trim().strip_prefix('+').unwrap_or(s.trim());
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') || digits.matches('.').count() > 1 {
        return None;
    }
    let mut n = s.to_string();
    if n.contains('.') {
        n = n.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if n == "-0" || n.is_empty() || n == "-" {
        n = "0".into();
    }
    Some(n)
}

/// Drops parentheses that wrap the whole expression, repeatedly.
fn strip_parens(mut s: &str) -> &str {
    loop {
        let t = s.trim();
        if !(t.starts_with('(') && t.ends_with(')') && lexer::is_wrapped(t, Backend::Mysql)) {
            return t;
        }
        s = &t[1..t.len() - 1];
    }
}

/// An SQL expression in one spelling: outside string literals no backticks, lower
/// case, no charset introducers, no comments, and whitespace only where it separates
/// two words; outer parentheses dropped. String literals keep their text, with a
/// quote escaped one way (`''`). Read with the one [`lexer`].
pub fn normalize_expr(expr: &str) -> String {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let lexemes: Vec<Lexeme<'_>> = lexer::tokens(strip_parens(expr), Backend::Mysql).collect();
    let mut out = String::with_capacity(expr.len());
    let mut end = 0;
    let mut introducer_apart = None;
    for (k, t) in lexemes.iter().enumerate() {
        let apart = introducer_apart.take().unwrap_or(t.offset > end);
        end = t.end();
        if t.kind == LexemeKind::String {
            if apart && out.ends_with(word) {
                out.push(' ');
            }
            push_literal(&mut out, t.text);
            continue;
        }
        // A charset introducer (`_utf8mb4'x'`) that MySQL adds before a literal.
        let introducer = t.kind == LexemeKind::Word
            && t.text.len() > 1
            && t.text.starts_with('_')
            && t.text[1..].bytes().all(|b| b.is_ascii_alphanumeric())
            && lexemes.get(k + 1).is_some_and(|n| n.kind == LexemeKind::String && n.text.starts_with('\''));
        if introducer {
            introducer_apart = Some(apart);
            continue;
        }
        let text = if t.kind == LexemeKind::QuotedIdent { t.text.replace('`', "") } else { t.text.to_string() }.to_lowercase();
        if apart && text.starts_with(word) && out.ends_with(word) {
            out.push(' ');
        }
        out.push_str(&text);
    }
    strip_parens(&out).to_string()
}

/// A `'…'` literal as written, its escaped quotes (`\'`) spelled `''`; a `"…"` one
/// as written.
fn push_literal(out: &mut String, literal: &str) {
    if literal.starts_with('"') {
        out.push_str(literal);
        return;
    }
    let inner = literal[1..].strip_suffix('\'').unwrap_or(&literal[1..]);
    out.push('\'');
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\'') => out.push_str("''"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => {}
            },
            c => out.push(c),
        }
    }
    out.push('\'');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_types() {
        assert_eq!(parse_column_type("int(11)"), (SqlType::Integer, None, None));
        assert_eq!(parse_column_type("bigint(20) unsigned"), (SqlType::Unsigned(Box::new(SqlType::BigInt)), None, None));
        assert_eq!(parse_column_type("int unsigned zerofill"), (SqlType::Unsigned(Box::new(SqlType::Integer)), None, None));
        assert_eq!(parse_column_type("tinyint(1)"), (SqlType::Bool, None, None));
        assert_eq!(parse_column_type("tinyint(4)"), (SqlType::TinyInt, None, None));
        assert_eq!(parse_column_type("varchar(20)"), (SqlType::Varchar, Some(20), None));
        assert_eq!(parse_column_type("decimal(65,30)"), (SqlType::Numeric, None, None));
        assert_eq!(parse_column_type("varbinary(16)"), (SqlType::Binary, Some(16), None));
        assert_eq!(parse_column_type("longtext"), (SqlType::Text, None, None));
        assert_eq!(parse_column_type("timestamp(6)"), (SqlType::Timestamp, None, None));
        assert_eq!(parse_column_type("geometry"), (SqlType::Custom { name: "geometry".into() }, None, None));
        let (_, _, labels) = parse_column_type("enum('a','it''s','B,c')");
        assert_eq!(labels.unwrap(), vec!["a", "it's", "B,c"]);
    }

    #[test]
    fn defaults_in_one_spelling() {
        let d = |e: &str, t: SqlType| normalize_default(e, &t);
        assert_eq!(d("NULL", SqlType::Text), None);
        assert_eq!(d("'active'", SqlType::Varchar), d("('active')", SqlType::Varchar));
        assert_eq!(d("false", SqlType::Bool), Some("0".into()));
        assert_eq!(d("0", SqlType::Bool), Some("0".into()));
        assert_eq!(d("0.000000000000000000000000000000", SqlType::Numeric), Some("0".into()));
        assert_eq!(d("'1.50'", SqlType::Numeric), Some("1.5".into()));
        assert_eq!(d("CURRENT_TIMESTAMP", SqlType::Timestamp), d("current_timestamp()", SqlType::Timestamp));
        assert_eq!(d("now()", SqlType::Timestamp), d("current_timestamp()", SqlType::Timestamp));
        assert_eq!(d("gen_random_uuid()", SqlType::Char), d("uuid()", SqlType::Char));
        assert_ne!(d("'Active'", SqlType::Varchar), d("'active'", SqlType::Varchar), "literals keep their case");
        assert_ne!(d("1", SqlType::Integer), d("10", SqlType::Integer));
    }

    #[test]
    fn checks_in_one_spelling() {
        assert_eq!(normalize_expr("char_length(`slug`) > 2 and `slug` <> 'Zz'"), normalize_expr("(CHAR_LENGTH(slug) > 2 AND slug <> 'Zz')"));
        assert_eq!(normalize_expr("`age` >= 0"), "age>=0");
        assert_eq!(normalize_expr("(a) + (b)"), "(a)+(b)");
        assert_eq!(normalize_expr("x = _utf8mb4'it\\'s'"), normalize_expr("x = 'it''s'"));
        assert_ne!(normalize_expr("x is not null"), normalize_expr("x is null"));
        assert_ne!(normalize_expr("s = 'A  B'"), normalize_expr("s = 'a b'"));
        // MariaDB escapes a quote with a backslash: a `)` after it is no longer taken
        // for inside the string (which stripped the parentheses of `(a) and (b)`).
        assert_eq!(normalize_expr("(s <> 'it\\'s') and (n > 0)"), normalize_expr("(s <> 'it''s') and (n > 0)"));
        assert_eq!(normalize_expr("(a > 0) and (b > 0)"), "(a>0)and(b>0)");
        let once = normalize_expr("(`a` >= 0 AND b IN ('x', 'y'))");
        assert_eq!(normalize_expr(&once), once, "idempotent");
    }

    #[test]
    fn comparable_folds_models_like_the_server() {
        let col = |name: &str, t: SqlType| Column {
            name: name.into(),
            sql_type: t,
            nullable: true,
            max_length: None,
            default: None,
            auto_increment: false,
            renamed_from: None,
            doc: None,
        };
        let mut t = Table::new("t", Vec::new(), &[]);
        t.primary_key = vec!["id".into()];
        t.columns = vec![
            col("id", SqlType::Uuid),
            col("m", SqlType::Custom { name: "mood".into() }),
            col("j", SqlType::Jsonb),
            col("s", SqlType::Varchar),
            col("m2", SqlType::Custom { name: "mood".into() }),
        ];
        t.indexes.push(Index { name: "ux".into(), columns: vec!["s".into()], unique: true });
        t.foreign_keys.push(ForeignKey {
            name: "fk".into(),
            columns: vec!["m".into()],
            ref_table: "u".into(),
            ref_columns: vec!["id".into()],
            on_delete: Some(Action::Restrict),
            on_update: Some(Action::Cascade),
        });
        let mut s = Schema::default();
        s.tables.insert("t".into(), t);
        s.enums.insert(
            "mood".into(),
            EnumType { name: "mood".into(), schema: None, variants: vec!["a".into(), "b".into()], source: Source { file: "x.rs".into(), line: 3 } },
        );
        s.enums.insert("unused".into(), EnumType { name: "unused".into(), schema: None, variants: vec!["z".into()], source: Source::none() });
        comparable(&mut s);
        let t = &s.tables["t"];
        assert_eq!((&t.columns[0].sql_type, t.columns[0].max_length, t.columns[0].nullable), (&SqlType::Char, Some(36), false));
        assert_eq!(t.columns[1].sql_type, SqlType::Custom { name: "t_m_enum".into() });
        assert_eq!(t.columns[4].sql_type, SqlType::Custom { name: "t_m2_enum".into() });
        assert_eq!(t.columns[2].sql_type, SqlType::Json);
        assert_eq!(t.columns[3].max_length, Some(255));
        assert_eq!((t.indexes.len(), t.uniques[0].name.as_str()), (0, "ux"));
        assert_eq!((t.foreign_keys[0].on_delete, t.foreign_keys[0].on_update), (None, Some(Action::Cascade)));
        assert_eq!(s.enums.keys().collect::<Vec<_>>(), vec!["t_m2_enum", "t_m_enum"], "one per column; unused ones go");
        assert_eq!(s.enums["t_m_enum"].variants, ["a", "b"]);
        let again = {
            let mut c = s.clone();
            comparable(&mut c);
            c
        };
        assert_eq!(again, s, "idempotent");
    }
}
