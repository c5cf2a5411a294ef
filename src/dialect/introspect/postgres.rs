//! PostgreSQL introspection from `pg_catalog`, six queries in all (relations,
//! columns, indexes, constraints, enums, triggers and rules), each aggregated by
//! the server into one JSON text value, and [`comparable`]: what PostgreSQL
//! rewrites or cannot keep.
//!
//! What the schema model cannot describe is read too, into [`Schema::unmanaged`]:
//! views and materialized views, tables owned by an extension (`CREATE
//! EXTENSION postgis` makes `spatial_ref_sys`), partial and expression indexes,
//! exclusion constraints, triggers and rules. A unique index that backs a `UNIQUE`
//! constraint is a [`UniqueConstraint`]; one made by `CREATE UNIQUE INDEX` is an
//! [`Index`] with `unique`, because the two are dropped differently.

pub mod expr;

use serde::Deserialize;

use crate::dialect::connection::{Connection, Param};
use crate::dialect::postgres::truncate;
use crate::dialect::{Dialect, Postgres};
use crate::error::{Error, Result};
use crate::schema::model::{
    qualified_name, Action, Check, Column, EnumType, ForeignKey, Index, Schema, Source, SqlType, Table, UniqueConstraint, Unmanaged, UnmanagedKind,
};
use expr::normalize_expr;

/// Restricts `n` (a `pg_namespace`) to the current schema and the `schemas` parameter (a JSON array).
const NAMESPACES: &str = "(n.nspname = current_schema() OR n.nspname IN (SELECT json_array_elements_text(CAST(? AS json))))";

const TABLES: &str = "SELECT CAST(COALESCE(json_agg(json_build_object('schema', n.nspname, 'name', c.relname, 'kind', c.relkind, \
     'extension', EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = CAST('pg_class' AS regclass) AND d.objid = c.oid AND d.deptype = 'e')) \
     ORDER BY n.nspname, c.relname), '[]') AS TEXT) AS value \
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
     WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition AND NAMESPACES";

const COLUMNS: &str = "SELECT CAST(COALESCE(json_agg(json_build_object(\
     'schema', n.nspname, 'table', c.relname, 'name', a.attname, \
     'type', format_type(a.atttypid, a.atttypmod), 'not_null', a.attnotnull, \
     'default', pg_get_expr(d.adbin, d.adrelid), 'identity', a.attidentity <> '', \
     'base_schema', bn.nspname, 'base_name', bt.typname, 'is_enum', bt.typtype = 'e', \
     'current', n.nspname = current_schema(), 'base_current', bn.nspname = current_schema()) \
     ORDER BY n.nspname, c.relname, a.attnum), '[]') AS TEXT) AS value \
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped \
     JOIN pg_type t ON t.oid = a.atttypid \
     JOIN pg_type bt ON bt.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END \
     JOIN pg_namespace bn ON bn.oid = bt.typnamespace \
     LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum \
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND NAMESPACES";

/// Primary-key indexes are left out (the constraints query has them); expression
/// and partial indexes are flagged (the schema model cannot describe them), and so
/// are indexes that back a constraint (`UNIQUE`, `EXCLUDE`).
const INDEXES: &str = "SELECT CAST(COALESCE(json_agg(json_build_object(\
     'schema', n.nspname, 'table', c.relname, 'name', ic.relname, 'unique', i.indisunique, \
     'partial', i.indpred IS NOT NULL, 'expression', i.indexprs IS NOT NULL, \
     'constraint', (SELECT k.contype FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('u', 'x') LIMIT 1), \
     'columns', (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(CAST(i.indkey AS int2[])) WITH ORDINALITY k(attnum, ord) \
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE k.ord <= i.indnkeyatts)) \
     ORDER BY n.nspname, c.relname, ic.relname), '[]') AS TEXT) AS value \
     FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid \
     JOIN pg_namespace n ON n.oid = c.relnamespace \
     WHERE NOT i.indisprimary AND c.relkind IN ('r', 'p', 'm') AND NAMESPACES";

/// Primary keys, foreign keys and checks (uniques come from their indexes).
const CONSTRAINTS: &str = "SELECT CAST(COALESCE(json_agg(json_build_object(\
     'schema', n.nspname, 'table', c.relname, 'name', k.conname, 'kind', k.contype, \
     'columns', (SELECT json_agg(a.attname ORDER BY x.ord) FROM unnest(k.conkey) WITH ORDINALITY x(attnum, ord) \
                 JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.attnum), \
     'ref_schema', rn.nspname, 'ref_table', rc.relname, 'ref_current', rn.nspname = current_schema(), \
     'ref_columns', (SELECT json_agg(a.attname ORDER BY x.ord) FROM unnest(k.confkey) WITH ORDINALITY x(attnum, ord) \
                     JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.attnum), \
     'on_delete', k.confdeltype, 'on_update', k.confupdtype, 'definition', pg_get_constraintdef(k.oid)) \
     ORDER BY n.nspname, c.relname, k.conname), '[]') AS TEXT) AS value \
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
     LEFT JOIN pg_class rc ON rc.oid = k.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace \
     WHERE k.contype IN ('p', 'f', 'c') AND c.relkind IN ('r', 'p') AND NAMESPACES";

const ENUMS: &str = "SELECT CAST(COALESCE(json_agg(json_build_object(\
     'schema', n.nspname, 'name', t.typname, 'current', n.nspname = current_schema(), \
     'labels', (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)) \
     ORDER BY n.nspname, t.typname), '[]') AS TEXT) AS value \
     FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND NAMESPACES";

/// Triggers (not the internal ones behind foreign keys) and rules (not the
/// `_RETURN` rule that makes a view).
const TRIGGERS_AND_RULES: &str = "SELECT CAST(COALESCE(json_agg(json_build_object('schema', n.nspname, 'table', y.tbl, 'name', y.name, 'kind', y.kind) \
     ORDER BY n.nspname, y.tbl, y.name), '[]') AS TEXT) AS value FROM (\
     SELECT c.relnamespace AS ns, c.relname AS tbl, g.tgname AS name, 'trigger' AS kind \
     FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE NOT g.tgisinternal \
     UNION ALL SELECT c.relnamespace, c.relname, r.rulename, 'rule' \
     FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class WHERE r.rulename <> '_RETURN') y \
     JOIN pg_namespace n ON n.oid = y.ns WHERE NAMESPACES";

#[derive(Deserialize)]
struct TableRow {
    schema: String,
    name: String,
    kind: String,
    extension: bool,
}

#[derive(Deserialize)]
struct TriggerRow {
    schema: String,
    table: String,
    name: String,
    kind: String,
}

#[derive(Deserialize)]
struct ColumnRow {
    schema: String,
    table: String,
    name: String,
    #[serde(rename = "type")]
    type_: String,
    not_null: bool,
    default: Option<String>,
    identity: bool,
    base_schema: String,
    base_name: String,
    is_enum: bool,
    base_current: bool,
}

#[derive(Deserialize)]
struct IndexRow {
    schema: String,
    table: String,
    name: String,
    unique: bool,
    partial: bool,
    expression: bool,
    constraint: Option<String>,
    columns: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct ConstraintRow {
    schema: String,
    table: String,
    name: String,
    kind: String,
    columns: Option<Vec<String>>,
    ref_schema: Option<String>,
    ref_table: Option<String>,
    ref_current: Option<bool>,
    ref_columns: Option<Vec<String>>,
    on_delete: String,
    on_update: String,
    definition: String,
}

#[derive(Deserialize)]
struct EnumRow {
    schema: String,
    name: String,
    current: bool,
    labels: Option<Vec<String>>,
}

/// The live schema of the current schema plus `schemas`.
pub fn introspect(conn: &mut Connection, schemas: &[String]) -> Result<Schema> {
    let schemas_json = serde_json::to_string(schemas).expect("strings serialize");
    let mut fetch = |what: &str, sql: &str| -> Result<String> {
        let sql = sql.replace("NAMESPACES", NAMESPACES);
        let rows = conn.query_texts(&sql, &[Param::Text(schemas_json.clone())]).map_err(|e| Error::database(format!("introspecting {what}"), e))?;
        Ok(rows.into_iter().flatten().next().unwrap_or_else(|| "[]".into()))
    };
    let tables = fetch("tables", TABLES)?;
    let columns = fetch("columns", COLUMNS)?;
    let indexes = fetch("indexes", INDEXES)?;
    let constraints = fetch("constraints", CONSTRAINTS)?;
    let enums = fetch("enum types", ENUMS)?;
    let triggers = fetch("triggers and rules", TRIGGERS_AND_RULES)?;
    let current = current_schema(conn)?;
    let mut schema = assemble(&tables, &columns, &indexes, &constraints, &enums, &current)?;
    for t in parse::<TriggerRow>("triggers and rules", &triggers)? {
        let table = qualified_name((t.schema != current).then_some(t.schema.as_str()), &t.table);
        let kind = if t.kind == "rule" { UnmanagedKind::Rule } else { UnmanagedKind::Trigger };
        schema.unmanaged.push(Unmanaged { kind, name: t.name, table: Some(table), sql: None });
    }
    schema.unmanaged.sort();
    Ok(schema)
}

fn current_schema(conn: &mut Connection) -> Result<String> {
    let rows = conn.query_texts("SELECT CAST(current_schema() AS TEXT) AS value", &[]).map_err(|e| Error::database("introspecting the current schema", e))?;
    Ok(rows.into_iter().flatten().next().unwrap_or_else(|| "public".into()))
}

fn parse<T: for<'de> Deserialize<'de>>(what: &str, json: &str) -> Result<Vec<T>> {
    serde_json::from_str(json).map_err(|e| Error::database(format!("introspecting {what}"), format!("unexpected catalog JSON: {e}")))
}

/// Builds the schema from the five JSON documents; `current` is `current_schema()`.
fn assemble(tables: &str, columns: &str, indexes: &str, constraints: &str, enums: &str, current: &str) -> Result<Schema> {
    let key = |schema: &str, name: &str| qualified_name((schema != current).then_some(schema), name);
    let mut out = Schema::default();
    for t in parse::<TableRow>("tables", tables)? {
        if crate::dialect::introspect::is_state_table(&t.name) {
            continue;
        }
        let unmanaged = match t.kind.as_str() {
            _ if t.extension => Some(UnmanagedKind::ExtensionObject),
            "v" => Some(UnmanagedKind::View),
            "m" => Some(UnmanagedKind::MaterializedView),
            _ => None,
        };
        if let Some(kind) = unmanaged {
            out.unmanaged.push(Unmanaged { kind, name: key(&t.schema, &t.name), table: None, sql: None });
            continue;
        }
        out.tables.insert(key(&t.schema, &t.name), Table { schema: (t.schema != current).then_some(t.schema), ..Table::new(&t.name, Vec::new(), &[]) });
    }
    for c in parse::<ColumnRow>("columns", columns)? {
        let Some(table) = out.tables.get_mut(&key(&c.schema, &c.table)) else { continue };
        let enum_key = c.is_enum.then(|| qualified_name((!c.base_current).then_some(c.base_schema.as_str()), &c.base_name));
        let (sql_type, max_length) = parse_type(&c.type_, enum_key);
        let serial = c.default.as_deref().is_some_and(|d| d.starts_with("nextval(")) && sql_type.is_integer();
        table.columns.push(Column {
            name: c.name,
            sql_type,
            nullable: !c.not_null,
            max_length,
            default: if serial { None } else { c.default },
            auto_increment: c.identity || serial,
            renamed_from: None,
            doc: None,
        });
    }
    for i in parse::<IndexRow>("indexes", indexes)? {
        let table_key = key(&i.schema, &i.table);
        let unmanaged = match i.constraint.as_deref() {
            _ if i.partial => Some(UnmanagedKind::PartialIndex),
            _ if i.expression => Some(UnmanagedKind::ExpressionIndex),
            Some("x") => Some(UnmanagedKind::Constraint),
            _ => None,
        };
        let Some(table) = out.tables.get_mut(&table_key) else { continue };
        if let Some(kind) = unmanaged {
            out.unmanaged.push(Unmanaged { kind, name: i.name, table: Some(table_key), sql: None });
            continue;
        }
        let columns = i.columns.unwrap_or_default();
        if i.constraint.as_deref() == Some("u") {
            table.uniques.push(UniqueConstraint { name: i.name, columns });
        } else {
            table.indexes.push(Index { name: i.name, columns, unique: i.unique });
        }
    }
    for k in parse::<ConstraintRow>("constraints", constraints)? {
        let Some(table) = out.tables.get_mut(&key(&k.schema, &k.table)) else { continue };
        let columns = k.columns.unwrap_or_default();
        match k.kind.as_str() {
            "p" => table.primary_key = columns,
            "f" => {
                let ref_schema = k.ref_schema.unwrap_or_default();
                let ref_table = qualified_name((k.ref_current != Some(true)).then_some(ref_schema.as_str()), &k.ref_table.unwrap_or_default());
                table.foreign_keys.push(ForeignKey {
                    name: k.name,
                    columns,
                    ref_table,
                    ref_columns: k.ref_columns.unwrap_or_default(),
                    on_delete: action(&k.on_delete),
                    on_update: action(&k.on_update),
                });
            }
            _ => {
                let expr = k.definition.strip_prefix("CHECK ").unwrap_or(&k.definition);
                let expr = expr.strip_suffix(" NOT VALID").unwrap_or(expr);
                table.checks.push(Check { name: k.name, expr: expr.to_string() });
            }
        }
    }
    for t in out.tables.values_mut() {
        t.indexes.sort_by(|a, b| a.name.cmp(&b.name));
        t.uniques.sort_by(|a, b| a.name.cmp(&b.name));
        t.foreign_keys.sort_by(|a, b| a.name.cmp(&b.name));
        t.checks.sort_by(|a, b| a.name.cmp(&b.name));
    }
    for e in parse::<EnumRow>("enum types", enums)? {
        let schema = (!e.current).then_some(e.schema);
        out.enums.insert(
            qualified_name(schema.as_deref(), &e.name),
            EnumType { name: e.name, schema, variants: e.labels.unwrap_or_default(), source: Source::none() },
        );
    }
    out.unmanaged.sort();
    Ok(out)
}

/// `pg_constraint.confdeltype`: NO ACTION and RESTRICT are what the models write as nothing.
fn action(code: &str) -> Option<Action> {
    match code {
        "c" => Some(Action::Cascade),
        "n" => Some(Action::SetNull),
        "d" => Some(Action::SetDefault),
        _ => None,
    }
}

/// `format_type` output back to a type and a length; `enum_key` is set when the
/// (element) type is an enum.
fn parse_type(formatted: &str, enum_key: Option<String>) -> (SqlType, Option<u32>) {
    let mut base = formatted.trim();
    let mut dims = 0;
    while let Some(b) = base.strip_suffix("[]") {
        base = b;
        dims += 1;
    }
    let (t, len) = match enum_key {
        Some(name) => (SqlType::Custom { name }, None),
        None => scalar_type(base),
    };
    if dims > 0 {
        (SqlType::Array(Box::new(t)), len)
    } else {
        (t, len)
    }
}

fn scalar_type(s: &str) -> (SqlType, Option<u32>) {
    // `character varying(255)`, `numeric(10,2)`, `timestamp(3) without time zone`.
    let (name, arg) = match (s.find('('), s.find(')')) {
        (Some(a), Some(b)) if b > a => {
            let rest = format!("{}{}", &s[..a], &s[b + 1..]);
            (rest, s[a + 1..b].split(',').next().and_then(|n| n.trim().parse::<u32>().ok()))
        }
        _ => (s.to_string(), None),
    };
    let name = name.trim().trim_start_matches("pg_catalog.").trim_start_matches("public.");
    let t = match name {
        "smallint" | "int2" => SqlType::SmallInt,
        "integer" | "int4" | "int" => SqlType::Integer,
        "bigint" | "int8" => SqlType::BigInt,
        "real" | "float4" => SqlType::Float,
        "double precision" | "float8" => SqlType::Double,
        "numeric" | "decimal" => SqlType::Numeric,
        "boolean" | "bool" => SqlType::Bool,
        "text" => SqlType::Text,
        "character varying" | "varchar" => return (SqlType::Varchar, arg),
        "character" | "bpchar" | "char" => return (SqlType::Char, arg),
        "\"char\"" => SqlType::CChar,
        "citext" => SqlType::Citext,
        "bytea" => SqlType::Binary,
        "date" => SqlType::Date,
        "time without time zone" | "time" => SqlType::Time,
        "timestamp without time zone" | "timestamp" => SqlType::Timestamp,
        "timestamp with time zone" | "timestamptz" => SqlType::Timestamptz,
        "interval" => SqlType::Interval,
        "uuid" => SqlType::Uuid,
        "json" => SqlType::Json,
        "jsonb" => SqlType::Jsonb,
        "inet" => SqlType::Inet,
        "cidr" => SqlType::Cidr,
        "macaddr" => SqlType::MacAddr,
        "macaddr8" => SqlType::MacAddr8,
        "money" => SqlType::Money,
        "oid" => SqlType::Oid,
        "pg_lsn" => SqlType::PgLsn,
        "int4range" => SqlType::Range(Box::new(SqlType::Integer)),
        "int8range" => SqlType::Range(Box::new(SqlType::BigInt)),
        "numrange" => SqlType::Range(Box::new(SqlType::Numeric)),
        "tsrange" => SqlType::Range(Box::new(SqlType::Timestamp)),
        "tstzrange" => SqlType::Range(Box::new(SqlType::Timestamptz)),
        "daterange" => SqlType::Range(Box::new(SqlType::Date)),
        "int4multirange" => SqlType::Multirange(Box::new(SqlType::Integer)),
        "int8multirange" => SqlType::Multirange(Box::new(SqlType::BigInt)),
        "nummultirange" => SqlType::Multirange(Box::new(SqlType::Numeric)),
        "tsmultirange" => SqlType::Multirange(Box::new(SqlType::Timestamp)),
        "tstzmultirange" => SqlType::Multirange(Box::new(SqlType::Timestamptz)),
        "datemultirange" => SqlType::Multirange(Box::new(SqlType::Date)),
        // A type the model has no name for (a domain, `point`, `tsvector`): its own name.
        other => SqlType::Custom { name: other.replace('"', "") },
    };
    (t, None)
}

/// PostgreSQL's view of `schema`: types folded as [`crate::dialect::render::postgres`]
/// renders them, lengths only where PostgreSQL keeps them, names cut at 63 bytes,
/// default and check expressions in one canonical spelling, NO ACTION / RESTRICT as
/// no action, key columns NOT NULL, and a type the catalog or an extension
/// owns named without `pg_catalog.` or `public.` (as `format_type` names it).
/// Idempotent.
pub fn comparable(schema: &mut Schema) {
    for t in schema.tables.values_mut() {
        let pk = t.primary_key.clone();
        for c in &mut t.columns {
            let (t, len) = Postgres.fold(&c.sql_type, c.max_length);
            (c.sql_type, c.max_length) = (unqualified_builtin(t), len);
            c.auto_increment &= c.sql_type.is_integer();
            if c.auto_increment {
                c.default = None;
            }
            c.default = c.default.as_deref().map(normalize_expr).filter(|d| d != "NULL");
            if pk.contains(&c.name) {
                c.nullable = false;
            }
            c.name = truncate(&c.name, 63).to_string();
        }
        for name in &mut t.primary_key {
            *name = truncate(name, 63).to_string();
        }
        for i in &mut t.indexes {
            i.name = truncate(&i.name, 63).to_string();
        }
        for u in &mut t.uniques {
            u.name = truncate(&u.name, 63).to_string();
        }
        for f in &mut t.foreign_keys {
            f.name = truncate(&f.name, 63).to_string();
            for a in [&mut f.on_delete, &mut f.on_update] {
                if matches!(a, Some(Action::NoAction | Action::Restrict)) {
                    *a = None;
                }
            }
        }
        for c in &mut t.checks {
            c.name = truncate(&c.name, 63).to_string();
            c.expr = normalize_expr(&c.expr);
        }
        t.indexes.sort_by(|a, b| a.name.cmp(&b.name));
        t.uniques.sort_by(|a, b| a.name.cmp(&b.name));
        t.foreign_keys.sort_by(|a, b| a.name.cmp(&b.name));
        t.checks.sort_by(|a, b| a.name.cmp(&b.name));
    }
    // Label-less types stay: they tell the diff that the database owns the type
    // (see `EnumType::is_opaque`), so its enum is neither dropped nor relabelled.
}

/// `pg_catalog.tsvector` is `tsvector`: `diesel print-schema` qualifies the types
/// it declares, `format_type` does not.
fn unqualified_builtin(t: SqlType) -> SqlType {
    match t {
        SqlType::Custom { name } => {
            let bare = name.strip_prefix("pg_catalog.").or_else(|| name.strip_prefix("public.")).unwrap_or(&name);
            SqlType::Custom { name: bare.to_string() }
        }
        SqlType::Array(inner) => SqlType::Array(Box::new(unqualified_builtin(*inner))),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_type_maps_back() {
        assert_eq!(parse_type("character varying(255)", None), (SqlType::Varchar, Some(255)));
        assert_eq!(parse_type("character varying(20)[]", None), (SqlType::Array(Box::new(SqlType::Varchar)), Some(20)));
        assert_eq!(parse_type("timestamp(3) without time zone", None), (SqlType::Timestamp, None));
        assert_eq!(parse_type("timestamp with time zone", None), (SqlType::Timestamptz, None));
        assert_eq!(parse_type("numeric(10,2)", None), (SqlType::Numeric, None));
        assert_eq!(parse_type("\"char\"", None), (SqlType::CChar, None));
        assert_eq!(parse_type("character(1)", None), (SqlType::Char, Some(1)));
        assert_eq!(parse_type("int4multirange", None), (SqlType::Multirange(Box::new(SqlType::Integer)), None));
        assert_eq!(parse_type("mood[]", Some("mood".into())), (SqlType::Array(Box::new(SqlType::Custom { name: "mood".into() })), None));
        assert_eq!(parse_type("tsvector", None), (SqlType::Custom { name: "tsvector".into() }, None));
    }

    #[test]
    fn assemble_reads_the_catalog_json() {
        let tables = r#"[{"schema":"public","name":"users","kind":"r","extension":false},{"schema":"billing","name":"invoices","kind":"r","extension":false},{"schema":"public","name":"__diesel_schema_migrations","kind":"r","extension":false},
            {"schema":"public","name":"recent_users","kind":"m","extension":false},{"schema":"public","name":"user_names","kind":"v","extension":false},{"schema":"public","name":"spatial_ref_sys","kind":"r","extension":true}]"#;
        let columns = r#"[
            {"schema":"public","table":"users","name":"id","type":"integer","not_null":true,"default":"nextval('users_id_seq'::regclass)","identity":false,"base_schema":"pg_catalog","base_name":"int4","is_enum":false,"base_current":false},
            {"schema":"public","table":"users","name":"mood","type":"mood","not_null":false,"default":"'happy'::mood","identity":false,"base_schema":"public","base_name":"mood","is_enum":true,"base_current":true},
            {"schema":"billing","table":"invoices","name":"no","type":"bigint","not_null":true,"default":null,"identity":true,"base_schema":"pg_catalog","base_name":"int8","is_enum":false,"base_current":false}
        ]"#;
        let index = |name: &str, unique: bool, partial: bool, expression: bool, constraint: &str| {
            format!(
                r#"{{"schema":"public","table":"users","name":"{name}","unique":{unique},"partial":{partial},"expression":{expression},"constraint":{constraint},"columns":["mood"]}}"#
            )
        };
        let indexes = format!(
            "[{},{},{},{},{}]",
            index("uq_users_mood", true, false, false, r#""u""#),
            index("ix_users_mood", false, false, false, "null"),
            index("ux_users_mood", true, false, false, "null"),
            index("ix_users_active", false, true, false, "null"),
            index("ix_users_lower", false, false, true, "null")
        );
        let indexes = indexes.as_str();
        let constraints = r#"[
            {"schema":"public","table":"users","name":"users_pkey","kind":"p","columns":["id"],"ref_schema":null,"ref_table":null,"ref_current":null,"ref_columns":null,"on_delete":" ","on_update":" ","definition":"PRIMARY KEY (id)"},
            {"schema":"billing","table":"invoices","name":"fk_x","kind":"f","columns":["no"],"ref_schema":"public","ref_table":"users","ref_current":true,"ref_columns":["id"],"on_delete":"c","on_update":"r","definition":"..."},
            {"schema":"public","table":"users","name":"ck_id","kind":"c","columns":["id"],"ref_schema":null,"ref_table":null,"ref_current":null,"ref_columns":null,"on_delete":" ","on_update":" ","definition":"CHECK ((id > 0))"}
        ]"#;
        let enums = r#"[{"schema":"public","name":"mood","current":true,"labels":["happy","sad"]}]"#;
        let s = assemble(tables, columns, indexes, constraints, enums, "public").unwrap();
        assert_eq!(s.tables.keys().collect::<Vec<_>>(), ["billing.invoices", "users"]);
        let users = &s.tables["users"];
        assert!(users.columns[0].auto_increment && users.columns[0].default.is_none());
        assert_eq!(users.columns[1].sql_type, SqlType::Custom { name: "mood".into() });
        assert_eq!(users.primary_key, ["id"]);
        // A unique index backing a constraint is a constraint; a bare unique index
        // stays an index, so it is dropped with DROP INDEX (issue 13).
        assert_eq!(users.uniques.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), ["uq_users_mood"]);
        assert_eq!(users.indexes.iter().map(|i| (i.name.as_str(), i.unique)).collect::<Vec<_>>(), [("ix_users_mood", false), ("ux_users_mood", true)]);
        let unmanaged: Vec<String> = s.unmanaged.iter().map(ToString::to_string).collect();
        assert_eq!(
            unmanaged,
            [
                "view user_names",
                "materialized view recent_users",
                "partial index ix_users_active on users",
                "expression index ix_users_lower on users",
                "extension object spatial_ref_sys"
            ]
        );
        assert_eq!(users.checks[0].expr, "((id > 0))");
        let inv = &s.tables["billing.invoices"];
        assert_eq!(inv.schema.as_deref(), Some("billing"));
        assert!(inv.columns[0].auto_increment);
        assert_eq!(inv.foreign_keys[0].ref_table, "users");
        assert_eq!((inv.foreign_keys[0].on_delete, inv.foreign_keys[0].on_update), (Some(Action::Cascade), None));
        assert_eq!(s.enums["mood"].variants, ["happy", "sad"]);
        // Malformed JSON is a database error naming what was read.
        let err = assemble("{", "[]", "[]", "[]", "[]", "public").unwrap_err().to_string();
        assert!(err.contains("introspecting tables"), "{err}");
    }

    #[test]
    fn comparable_folds_what_postgres_cannot_keep() {
        let mut s = Schema::default();
        let col = |name: &str, sql_type: SqlType| Column {
            name: name.into(),
            sql_type,
            nullable: true,
            max_length: Some(9),
            default: None,
            auto_increment: false,
            renamed_from: None,
            doc: None,
        };
        s.tables.insert(
            "t".into(),
            Table {
                name: "t".into(),
                schema: None,
                columns: vec![
                    Column { auto_increment: true, default: Some("1".into()), ..col("id", SqlType::Unsigned(Box::new(SqlType::Integer))) },
                    Column { default: Some("NULL::text".into()), ..col("note", SqlType::Text) },
                    Column { max_length: None, ..col("c", SqlType::Char) },
                    col("at", SqlType::Datetime),
                ],
                primary_key: vec!["id".into()],
                indexes: vec![],
                uniques: vec![],
                foreign_keys: vec![ForeignKey {
                    name: "f".repeat(70),
                    columns: vec![],
                    ref_table: "t".into(),
                    ref_columns: vec![],
                    on_delete: Some(Action::Restrict),
                    on_update: Some(Action::NoAction),
                }],
                checks: vec![Check { name: "ck".into(), expr: "(a >= 0)".into() }],
                renamed_from: None,
                doc: None,
                source: Source::none(),
            },
        );
        s.enums.insert("opaque".into(), EnumType { name: "opaque".into(), schema: None, variants: vec![], source: Source::none() });
        comparable(&mut s);
        let t = &s.tables["t"];
        assert_eq!(
            (t.columns[0].sql_type.clone(), t.columns[0].nullable, t.columns[0].max_length, t.columns[0].default.clone()),
            (SqlType::BigInt, false, None, None)
        );
        assert_eq!(t.columns[1].default, None);
        assert_eq!(t.columns[2].max_length, Some(1));
        assert_eq!(t.columns[3].sql_type, SqlType::Timestamp);
        assert_eq!(t.foreign_keys[0].name.len(), 63);
        assert_eq!((t.foreign_keys[0].on_delete, t.foreign_keys[0].on_update), (None, None));
        assert_eq!(t.checks[0].expr, "a >= 0");
        // A label-less type stays, marking a type the database owns (issue 13).
        assert!(s.enums["opaque"].is_opaque());
        let again = {
            let mut c = s.clone();
            comparable(&mut c);
            c
        };
        assert_eq!(again, s);
    }
}
