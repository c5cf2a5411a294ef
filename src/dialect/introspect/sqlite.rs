//! SQLite introspection and comparison folding.
//!
//! Four catalog queries, each aggregated by SQLite into one JSON array: tables
//! (`sqlite_master`), columns (`pragma_table_info`), indexes (`pragma_index_list` ×
//! `pragma_index_info`) and foreign keys (`pragma_foreign_key_list`). Constraint
//! names and check expressions exist only in the table's `CREATE TABLE` text, so
//! [`parse_create_table`] reads its `CONSTRAINT name …` clauses with the SQL
//! [`lexer`].
//!
//! Unnamed constraints (tables written by hand or by another tool) get the model
//! registry's deterministic names: `uq_<table>_<cols>`, `fk_<table>_<cols>_<ref>`
//! and `ck_<table>` (with `_2`, `_3`… on clashes; the registry also appends the
//! columns a check mentions, which cannot be known reliably here, so unnamed checks
//! compare by name only when the model names them `ck_<table>`). A `UNIQUE` index
//! (`CREATE UNIQUE INDEX`) is a [`UniqueConstraint`] named like the index.
//!
//! A lone `INTEGER PRIMARY KEY` (a rowid alias) is reported as `auto_increment`
//! with or without the `AUTOINCREMENT` keyword: both hand out ids, which is what the
//! models mean by it.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::backend::Backend;
use crate::dialect::connection::Connection;
use crate::dialect::lexer::{self, Lexeme, LexemeKind};
use crate::dialect::sqlite::default_sql;
use crate::dialect::{Dialect, Sqlite};
use crate::error::{Error, Result};
use crate::schema::model::{
    qualified_name, Action, Check, Column, ForeignKey, Index, QualifiedName, Schema, SqlType, Table, UniqueConstraint, Unmanaged, UnmanagedKind,
};

/// Tables, views and triggers; `kind` is `pragma_table_list`'s word for a table
/// (`table`, `virtual`, `shadow`: an FTS5 table and the tables it keeps its data in).
const TABLES: &str = "SELECT json_group_array(json_object('name', m.name, 'sql', m.sql, 'type', m.type, 'tbl', m.tbl_name, \
     'kind', (SELECT l.type FROM pragma_table_list l WHERE l.schema = 'main' AND l.name = m.name))) AS value \
     FROM sqlite_master m WHERE m.type IN ('table', 'view', 'trigger', 'index')";
const COLUMNS: &str = "SELECT json_group_array(json_object('table', m.name, 'cid', p.cid, 'name', p.name, 'type', p.type, \
     'notnull', p.\"notnull\", 'dflt', p.dflt_value, 'pk', p.pk)) AS value \
     FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";
const INDEXES: &str = "SELECT json_group_array(json_object('table', m.name, 'index', l.name, 'unique', l.\"unique\", \
     'origin', l.origin, 'partial', l.partial, 'seqno', i.seqno, 'column', i.name)) AS value \
     FROM sqlite_master m JOIN pragma_index_list(m.name) l JOIN pragma_index_info(l.name) i WHERE m.type = 'table'";
const FOREIGN_KEYS: &str = "SELECT json_group_array(json_object('table', m.name, 'id', f.id, 'seq', f.seq, 'ref', f.\"table\", \
     'from', f.\"from\", 'to', f.\"to\", 'on_update', f.on_update, 'on_delete', f.on_delete)) AS value \
     FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'";

#[derive(Deserialize)]
struct TableRow {
    name: String,
    sql: Option<String>,
    #[serde(rename = "type")]
    ty: String,
    tbl: String,
    kind: Option<String>,
}

#[derive(Deserialize)]
struct ColumnRow {
    table: String,
    cid: i64,
    name: String,
    #[serde(rename = "type")]
    ty: String,
    notnull: i64,
    dflt: Option<String>,
    pk: i64,
}

#[derive(Deserialize)]
struct IndexRow {
    table: String,
    index: String,
    unique: i64,
    origin: String,
    partial: i64,
    seqno: i64,
    column: Option<String>,
}

#[derive(Deserialize)]
struct FkRow {
    table: String,
    id: i64,
    seq: i64,
    #[serde(rename = "ref")]
    ref_table: String,
    from: String,
    to: Option<String>,
    on_update: String,
    on_delete: String,
}

fn fetch<T: for<'de> Deserialize<'de>>(conn: &mut Connection, what: &str, sql: &str) -> Result<Vec<T>> {
    let context = format!("introspecting {what}");
    let rows = conn.query_texts(sql, &[]).map_err(|e| Error::database(&context, e))?;
    let json = rows.into_iter().flatten().next().unwrap_or_else(|| "[]".into());
    serde_json::from_str(&json).map_err(|e| Error::database(context, e))
}

fn skipped(table: &str) -> bool {
    table.starts_with("sqlite_") || super::is_state_table(table)
}

pub fn introspect(conn: &mut Connection) -> Result<Schema> {
    let tables: Vec<TableRow> = fetch(conn, "tables", TABLES)?;
    let mut columns: Vec<ColumnRow> = fetch(conn, "columns", COLUMNS)?;
    let mut indexes: Vec<IndexRow> = fetch(conn, "indexes", INDEXES)?;
    let mut fks: Vec<FkRow> = fetch(conn, "foreign keys", FOREIGN_KEYS)?;
    columns.sort_by(|a, b| (&a.table, a.cid).cmp(&(&b.table, b.cid)));
    indexes.sort_by(|a, b| (&a.table, &a.index, a.seqno).cmp(&(&b.table, &b.index, b.seqno)));
    fks.sort_by(|a, b| (&a.table, a.id, a.seq).cmp(&(&b.table, b.id, b.seq)));

    let mut schema = Schema::default();
    let mut parsed = BTreeMap::new();
    // Partial and expression indexes are recreated from their own statement.
    let index_sql: BTreeMap<&str, &str> = tables.iter().filter(|t| t.ty == "index").filter_map(|t| Some((t.name.as_str(), t.sql.as_deref()?))).collect();
    for t in tables.iter().filter(|t| !skipped(&t.name) && t.ty != "index") {
        let unmanaged = match (t.ty.as_str(), t.kind.as_deref()) {
            ("view", _) => Some((UnmanagedKind::View, None)),
            ("trigger", _) => Some((UnmanagedKind::Trigger, Some(t.tbl.clone()))),
            (_, Some("virtual")) => Some((UnmanagedKind::VirtualTable, None)),
            (_, Some("shadow")) => Some((UnmanagedKind::ShadowTable, None)),
            _ if t.sql.as_deref().is_some_and(is_virtual) => Some((UnmanagedKind::VirtualTable, None)),
            _ => None,
        };
        if let Some((kind, table)) = unmanaged {
            // Views and triggers keep their statement, so a table rebuild can recreate them.
            let sql = matches!(kind, UnmanagedKind::View | UnmanagedKind::Trigger).then(|| t.sql.clone()).flatten();
            schema.unmanaged.push(Unmanaged { kind, name: t.name.clone(), table, sql });
            continue;
        }
        parsed.insert(t.name.clone(), parse_create_table(t.sql.as_deref().unwrap_or("")));
        schema.tables.insert(t.name.clone(), Table::new(&t.name, Vec::new(), &[]));
    }

    let mut pk: BTreeMap<String, Vec<(i64, String)>> = BTreeMap::new();
    for c in &columns {
        let Some(t) = schema.tables.get_mut(&c.table) else { continue };
        let (sql_type, max_length) = parse_type(&c.ty);
        if c.pk > 0 {
            pk.entry(c.table.clone()).or_default().push((c.pk, c.name.clone()));
        }
        t.columns.push(Column {
            name: c.name.clone(),
            sql_type,
            nullable: c.notnull == 0,
            max_length,
            default: c.dflt.clone(),
            auto_increment: false,
            renamed_from: None,
            doc: None,
        });
    }
    for (name, mut cols) in pk {
        let t = schema.tables.get_mut(&name).expect("only known tables have key columns");
        cols.sort();
        t.primary_key = cols.into_iter().map(|(_, c)| c).collect();
        if let [only] = t.primary_key.as_slice() {
            let declared = columns.iter().find(|c| c.table == name && c.name == *only).map(|c| c.ty.trim().to_ascii_uppercase());
            let col = t.columns.iter_mut().find(|c| c.name == *only).expect("key columns are columns");
            // The rowid alias: never NULL, ids handed out by SQLite.
            if declared.as_deref() == Some("INTEGER") && col.default.is_none() {
                col.auto_increment = true;
                col.nullable = false;
            }
        }
    }

    // Indexes: one row per (index, column); `origin` says what made it.
    let mut by_index: BTreeMap<(String, String), (Vec<String>, &IndexRow)> = BTreeMap::new();
    for r in &indexes {
        let e = by_index.entry((r.table.clone(), r.index.clone())).or_insert_with(|| (Vec::new(), r));
        e.0.push(r.column.clone().unwrap_or_default());
    }
    for ((table, index), (cols, r)) in by_index {
        if !schema.tables.contains_key(&table) {
            continue;
        }
        // Expression and partial indexes are outside the model.
        if r.partial != 0 || cols.iter().any(String::is_empty) {
            let kind = if r.partial != 0 { UnmanagedKind::PartialIndex } else { UnmanagedKind::ExpressionIndex };
            let sql = index_sql.get(index.as_str()).map(|s| s.to_string());
            schema.unmanaged.push(Unmanaged { kind, name: index, table: Some(table), sql });
            continue;
        }
        let t = schema.tables.get_mut(&table).expect("checked above");
        if r.origin == "pk" {
            continue;
        }
        let p = &parsed[&table];
        if r.origin == "u" {
            let name = p.uniques.iter().find(|(_, c)| *c == cols).and_then(|(n, _)| n.clone()).unwrap_or_else(|| format!("uq_{table}_{}", cols.join("_")));
            t.uniques.push(UniqueConstraint { name, columns: cols });
        } else if r.unique != 0 {
            t.uniques.push(UniqueConstraint { name: index, columns: cols });
        } else {
            t.indexes.push(Index { name: index, columns: cols, unique: false });
        }
    }

    // Foreign keys: one row per (constraint, column).
    let mut by_fk: BTreeMap<(String, i64), Vec<&FkRow>> = BTreeMap::new();
    for r in &fks {
        by_fk.entry((r.table.clone(), r.id)).or_default().push(r);
    }
    // Numbered from the end: `pragma_foreign_key_list` lists the last-declared first.
    for ((table, _), rows) in by_fk.into_iter().rev() {
        if !schema.tables.contains_key(&table) {
            continue;
        }
        let first = rows[0];
        let columns: Vec<String> = rows.iter().map(|r| r.from.clone()).collect();
        let ref_columns: Vec<String> = if rows.iter().all(|r| r.to.is_some()) {
            rows.iter().filter_map(|r| r.to.clone()).collect()
        } else {
            // `REFERENCES parent` without columns means the parent's primary key.
            schema.tables.get(&first.ref_table).map(|p| p.primary_key.clone()).unwrap_or_default()
        };
        let name = parsed[&table]
            .foreign_keys
            .iter()
            .find(|(_, c)| *c == columns)
            .and_then(|(n, _)| n.clone())
            .unwrap_or_else(|| format!("fk_{table}_{}_{}", columns.join("_"), first.ref_table));
        let fk = ForeignKey {
            name,
            columns,
            ref_table: qualified_name(None, &first.ref_table),
            ref_columns,
            on_delete: action(&first.on_delete),
            on_update: action(&first.on_update),
        };
        schema.tables.get_mut(&table).expect("checked above").foreign_keys.push(fk);
    }

    schema.unmanaged.sort();
    for (name, p) in &parsed {
        let t = schema.tables.get_mut(name).expect("parsed tables are tables");
        for (n, expr) in &p.checks {
            let name = n.clone().unwrap_or_else(|| {
                let base = format!("ck_{name}");
                let mut candidate = base.clone();
                let mut k = 1;
                while t.checks.iter().any(|c| c.name == candidate) || p.checks.iter().any(|(n, _)| n.as_deref() == Some(&candidate)) {
                    k += 1;
                    candidate = format!("{base}_{k}");
                }
                candidate
            });
            t.checks.push(Check { name, expr: expr.clone() });
        }
        t.indexes.sort_by(|a, b| a.name.cmp(&b.name));
        t.uniques.sort_by(|a, b| a.name.cmp(&b.name));
        t.foreign_keys.sort_by(|a, b| a.name.cmp(&b.name));
        t.checks.sort_by(|a, b| a.name.cmp(&b.name));
    }
    schema.key_tables();
    Ok(schema)
}

/// `CREATE VIRTUAL TABLE …`, for SQLite builds without `pragma_table_list`.
fn is_virtual(sql: &str) -> bool {
    let words: Vec<String> = sql.split_whitespace().take(2).map(str::to_ascii_uppercase).collect();
    words == ["CREATE", "VIRTUAL"]
}

/// `NO ACTION` is the default, which the models leave out.
fn action(s: &str) -> Option<Action> {
    match s.to_ascii_uppercase().as_str() {
        "CASCADE" => Some(Action::Cascade),
        "SET NULL" => Some(Action::SetNull),
        "SET DEFAULT" => Some(Action::SetDefault),
        "RESTRICT" => Some(Action::Restrict),
        _ => None,
    }
}

/// A declared type back into the [`SqlType`] the renderer wrote it for (the
/// renderer's table, plus common spellings of other tools).
pub fn parse_type(declared: &str) -> (SqlType, Option<u32>) {
    let upper = declared.trim().to_ascii_uppercase();
    let (base, max_length) = match upper.split_once('(') {
        Some((b, rest)) => {
            let inner = rest.trim_end().trim_end_matches(')');
            let after = rest.split_once(')').map(|(_, a)| a.trim()).unwrap_or("");
            (format!("{} {after}", b.trim()).trim().to_string(), inner.trim().parse::<u32>().ok())
        }
        None => (upper.clone(), None),
    };
    let base: String = base.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(inner) = base.strip_suffix(" UNSIGNED") {
        let (t, _) = parse_type(inner);
        return (SqlType::Unsigned(Box::new(t)), max_length);
    }
    let t = match base.as_str() {
        "INTEGER" | "INT" | "MEDIUMINT" | "INT4" => SqlType::Integer,
        "BIGINT" | "INT8" => SqlType::BigInt,
        "SMALLINT" | "INT2" => SqlType::SmallInt,
        "TINYINT" => SqlType::TinyInt,
        "REAL" | "FLOAT" | "FLOAT4" => SqlType::Float,
        "DOUBLE" | "DOUBLE PRECISION" | "FLOAT8" => SqlType::Double,
        "NUMERIC" | "DECIMAL" => SqlType::Numeric,
        "BOOLEAN" | "BOOL" => SqlType::Bool,
        "TEXT" | "CLOB" => SqlType::Text,
        "VARCHAR" | "CHARACTER VARYING" | "NVARCHAR" | "VARYING CHARACTER" => SqlType::Varchar,
        "CHAR" | "CHARACTER" | "NCHAR" => SqlType::Char,
        "BLOB" | "BINARY" | "VARBINARY" | "BYTEA" | "" => SqlType::Binary,
        "DATE" => SqlType::Date,
        "TIME" => SqlType::Time,
        "TIMESTAMP" => SqlType::Timestamp,
        "TIMESTAMPTZ" | "TIMESTAMP WITH TIME ZONE" => SqlType::Timestamptz,
        "DATETIME" => SqlType::Datetime,
        "JSON" => SqlType::Json,
        "JSONB" => SqlType::Jsonb,
        other => SqlType::Custom { name: other.to_ascii_lowercase() },
    };
    (t, max_length)
}

/// What [`parse_create_table`] finds: `(name if named, columns)` per unique and
/// foreign key, `(name if named, expression)` per check.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Constraints {
    pub uniques: Vec<(Option<String>, Vec<String>)>,
    pub foreign_keys: Vec<(Option<String>, Vec<String>)>,
    pub checks: Vec<(Option<String>, String)>,
}

const OPEN: LexemeKind = LexemeKind::Punct(b'(');
const CLOSE: LexemeKind = LexemeKind::Punct(b')');
const COMMA: LexemeKind = LexemeKind::Punct(b',');

/// The named and unnamed constraints of a `CREATE TABLE` statement, read with the
/// one [`lexer`] (quotes, comments and nested parentheses respected).
pub fn parse_create_table(sql: &str) -> Constraints {
    let toks: Vec<Lexeme<'_>> = lexer::tokens(sql, Backend::Sqlite).collect();
    let mut out = Constraints::default();
    let Some(open) = toks.iter().position(|t| t.kind == OPEN) else { return out };
    // The definitions: split at depth-1 commas.
    let mut items: Vec<&[Lexeme<'_>]> = Vec::new();
    let (mut depth, mut item_start) = (0usize, open + 1);
    for (k, t) in toks.iter().enumerate().skip(open) {
        match t.kind {
            OPEN => depth += 1,
            CLOSE => {
                depth -= 1;
                if depth == 0 {
                    items.push(&toks[item_start..k]);
                    break;
                }
            }
            COMMA if depth == 1 => {
                items.push(&toks[item_start..k]);
                item_start = k + 1;
            }
            _ => {}
        }
    }
    // A parenthesised group starting at `k` (an `Open`): its words and inner text span.
    let group = |item: &[Lexeme<'_>], k: usize| -> Option<(Vec<String>, usize, usize, usize)> {
        if item.get(k).map(|t| t.kind) != Some(OPEN) {
            return None;
        }
        let mut d = 0;
        for (j, t) in item.iter().enumerate().skip(k) {
            match t.kind {
                OPEN => d += 1,
                CLOSE => {
                    d -= 1;
                    if d == 0 {
                        let words = item[k + 1..j].iter().filter_map(Lexeme::ident).collect();
                        return Some((words, item[k].offset + 1, t.offset, j));
                    }
                }
                _ => {}
            }
        }
        None
    };
    for item in items {
        let Some(first) = item.first() else { continue };
        let table_level = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"].iter().any(|kw| first.is_keyword(kw));
        let column = if table_level { None } else { first.ident() };
        let mut name: Option<String> = None;
        let mut k = usize::from(!table_level);
        while k < item.len() {
            let t = &item[k];
            if t.is_keyword("CONSTRAINT") {
                name = item.get(k + 1).and_then(Lexeme::ident);
                k += 2;
                continue;
            }
            if t.is_keyword("UNIQUE") {
                match (&column, group(item, k + 1)) {
                    (None, Some((cols, _, _, end))) => {
                        out.uniques.push((name.take(), cols));
                        k = end + 1;
                    }
                    (Some(c), _) => {
                        out.uniques.push((name.take(), vec![c.clone()]));
                        k += 1;
                    }
                    _ => k += 1,
                }
                continue;
            }
            if t.is_keyword("CHECK") {
                if let Some((_, from, to, end)) = group(item, k + 1) {
                    out.checks.push((name.take(), sql[from..to].trim().to_string()));
                    k = end + 1;
                    continue;
                }
            }
            if t.is_keyword("FOREIGN") {
                if let Some((cols, _, _, end)) = group(item, k + 2) {
                    out.foreign_keys.push((name.take(), cols));
                    k = end + 1;
                    continue;
                }
            }
            if t.is_keyword("REFERENCES") {
                if let Some(c) = &column {
                    out.foreign_keys.push((name.take(), vec![c.clone()]));
                }
                k += 1;
                continue;
            }
            if t.is_keyword("PRIMARY") || t.is_keyword("NOT") || t.is_keyword("DEFAULT") || t.is_keyword("COLLATE") || t.is_keyword("GENERATED") {
                name = None;
            }
            k += 1;
        }
    }
    out
}

/// An SQL expression as SQLite's catalog may spell it differently from the models:
/// outer parentheses, whitespace, comments and letter case (outside string
/// literals) removed. Read with the one [`lexer`]: a space is kept only where it
/// (or a comment) separated two word-like tokens.
pub fn normalize_expr(expr: &str) -> String {
    let mut out = String::with_capacity(expr.len());
    let punct = |c: char| !(c.is_alphanumeric() || c == '_' || c == '\'' || c == '"');
    let mut end = 0;
    for t in lexer::tokens(expr.trim(), Backend::Sqlite) {
        let text = if t.kind == LexemeKind::String { t.text.to_string() } else { t.text.to_ascii_lowercase() };
        let apart = t.offset > end;
        if apart && !out.is_empty() && !text.starts_with(punct) && !out.ends_with(punct) {
            out.push(' ');
        }
        out.push_str(&text);
        end = t.end();
    }
    let mut e = out.as_str();
    while e.starts_with('(') && e.ends_with(')') && lexer::is_wrapped(e, Backend::Sqlite) {
        e = &e[1..e.len() - 1];
    }
    e.to_string()
}

/// Folds what SQLite cannot keep (see [`crate::dialect::render::sqlite`]'s type table) on
/// both the models and an introspected schema.
pub fn comparable(schema: &mut Schema) {
    schema.enums.clear();
    // One namespace per database file: `billing.invoices` is created as `invoices`.
    let bare = |key: &str| qualified_name(None, &QualifiedName::from_key(key).name);
    schema.tables = std::mem::take(&mut schema.tables)
        .into_values()
        .map(|mut t| {
            t.schema = None;
            for f in &mut t.foreign_keys {
                f.ref_table = bare(&f.ref_table);
            }
            (t.qualified_name(), t)
        })
        .collect();
    for t in schema.tables.values_mut() {
        let lone_pk = match t.primary_key.as_slice() {
            [pk] => Some(pk.clone()),
            _ => None,
        };
        for c in &mut t.columns {
            if c.auto_increment || (lone_pk.as_deref() == Some(c.name.as_str()) && c.sql_type == SqlType::Integer && c.default.is_none()) {
                // Always written `INTEGER PRIMARY KEY AUTOINCREMENT`: the rowid alias.
                c.auto_increment = true;
                c.sql_type = SqlType::Integer;
                c.max_length = None;
                c.nullable = false;
            } else {
                c.sql_type = Sqlite.fold(&c.sql_type, c.max_length).0;
            }
            if let Some(d) = &c.default {
                c.default = Some(normalize_expr(&default_sql(d)));
            }
        }
        // `ADD COLUMN` can only append, and Diesel names every column it selects, so
        // where a column sits is not a difference worth a table rebuild.
        t.columns.sort_by(|a, b| a.name.cmp(&b.name));
        for k in &mut t.checks {
            k.expr = normalize_expr(&k.expr);
        }
        for f in &mut t.foreign_keys {
            if f.on_delete == Some(Action::NoAction) {
                f.on_delete = None;
            }
            if f.on_update == Some(Action::NoAction) {
                f.on_update = None;
            }
        }
        let (unique, plain): (Vec<Index>, Vec<Index>) = std::mem::take(&mut t.indexes).into_iter().partition(|i| i.unique);
        t.indexes = plain;
        t.uniques.extend(unique.into_iter().map(|i| UniqueConstraint { name: i.name, columns: i.columns }));
        t.indexes.sort_by(|a, b| a.name.cmp(&b.name));
        t.uniques.sort_by(|a, b| a.name.cmp(&b.name));
        t.foreign_keys.sort_by(|a, b| a.name.cmp(&b.name));
        t.checks.sort_by(|a, b| a.name.cmp(&b.name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_named_and_unnamed_constraints() {
        let sql = "CREATE TABLE \"Odd\" (\n  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,\n  email VARCHAR(255) NOT NULL UNIQUE,\n  \
                   code TEXT CONSTRAINT uq_code UNIQUE CHECK (length(code) > 2),\n  parent INTEGER REFERENCES \"Odd\" (id),\n  \
                   note TEXT DEFAULT 'a, (b)' -- comment, with (parens\n  , CONSTRAINT ck_note CHECK (note <> 'x)' AND (1 = 1)),\n  \
                   CONSTRAINT [fk two] FOREIGN KEY (a, \"b\") REFERENCES t (x, y) ON DELETE CASCADE,\n  UNIQUE (a, b),\n  CHECK (a > 0)\n)";
        let c = parse_create_table(sql);
        assert_eq!(c.uniques, vec![(None, vec!["email".to_string()]), (Some("uq_code".into()), vec!["code".into()]), (None, vec!["a".into(), "b".into()])]);
        assert_eq!(c.foreign_keys, vec![(None, vec!["parent".to_string()]), (Some("fk two".into()), vec!["a".into(), "b".into()])]);
        assert_eq!(c.checks, vec![(None, "length(code) > 2".to_string()), (Some("ck_note".into()), "note <> 'x)' AND (1 = 1)".into()), (None, "a > 0".into())]);
    }

    #[test]
    fn types_round_trip_through_the_declared_type() {
        use crate::dialect::types::sqlite::declared_type;
        for t in [
            SqlType::SmallInt,
            SqlType::Integer,
            SqlType::BigInt,
            SqlType::TinyInt,
            SqlType::Unsigned(Box::new(SqlType::BigInt)),
            SqlType::Float,
            SqlType::Double,
            SqlType::Numeric,
            SqlType::Bool,
            SqlType::Text,
            SqlType::Varchar,
            SqlType::Char,
            SqlType::Binary,
            SqlType::Date,
            SqlType::Time,
            SqlType::Timestamp,
            SqlType::Timestamptz,
            SqlType::Datetime,
            SqlType::Json,
            SqlType::Jsonb,
        ] {
            assert_eq!(parse_type(&declared_type(&t)), (t.clone(), None), "{t}");
        }
        assert_eq!(parse_type("varchar( 40 )"), (SqlType::Varchar, Some(40)));
        assert_eq!(parse_type("BIGINT UNSIGNED"), (SqlType::Unsigned(Box::new(SqlType::BigInt)), None));
        assert_eq!(parse_type("NUMERIC(10, 2)"), (SqlType::Numeric, None));
    }

    #[test]
    fn expressions_fold_case_space_and_parentheses_only() {
        assert_eq!(normalize_expr("((likes  >= 0))"), "likes>=0");
        assert_eq!(normalize_expr("likes >= 0"), normalize_expr("(LIKES>=0)"));
        assert_eq!(normalize_expr("'A  B'"), "'A  B'");
        assert_ne!(normalize_expr("'A'"), normalize_expr("'a'"));
        assert_eq!(normalize_expr("(a > 0) AND (b > 0)"), "(a>0)and(b>0)");
        assert_eq!(normalize_expr("x is not null"), "x is not null");
        let once = normalize_expr(" ( Upper( name ) <> '' ) ");
        assert_eq!(normalize_expr(&once), once);
    }

    /// SQLite keeps a hand-written `CREATE TABLE` as written, comments inside a
    /// `CHECK (…)` included; read as text, the comment made the check differ from
    /// the models' forever. Read with the lexer, a comment is whitespace.
    #[test]
    fn a_comment_inside_a_check_is_no_difference() {
        let parsed =
            parse_create_table("CREATE TABLE t (\n  age INTEGER,\n  CONSTRAINT ck_t CHECK (age >= 0 -- adults only\n  /* and none */ AND age < 200)\n)");
        let (name, expr) = &parsed.checks[0];
        assert_eq!(name.as_deref(), Some("ck_t"));
        assert_eq!(normalize_expr(expr), normalize_expr("age >= 0 AND age < 200"));
        assert_eq!(normalize_expr("a/**/b"), "a b");
    }
}
