//! PostgreSQL rendering: each [`Op`] as the statement(s) a careful engineer would
//! write by hand, identifiers quoted only when PostgreSQL needs it.
//!
//! Types (after [`fold_type`], which [`crate::dialect::introspect::postgres::comparable`]
//! applies to the models too, so round trips compare equal):
//!
//! | `SqlType`                         | PostgreSQL                                   |
//! |-----------------------------------|----------------------------------------------|
//! | `SmallInt`, `TinyInt`             | `SMALLINT` (no 1-byte integer)               |
//! | `Integer` / `BigInt`              | `INTEGER` / `BIGINT`                         |
//! | `Unsigned<TinyInt>`               | `SMALLINT` (next wider signed type)          |
//! | `Unsigned<SmallInt>`              | `INTEGER`                                    |
//! | `Unsigned<Integer>`               | `BIGINT`                                     |
//! | `Unsigned<BigInt>`                | `BIGINT` (nothing wider that can be serial; values above 2^63-1 do not fit) |
//! | `Unsigned<T>` otherwise           | `T`                                          |
//! | auto-increment integer            | `SMALLSERIAL` / `SERIAL` / `BIGSERIAL`       |
//! | `Float` / `Double` / `Numeric`    | `REAL` / `DOUBLE PRECISION` / `NUMERIC`      |
//! | `Bool`                            | `BOOLEAN`                                    |
//! | `Text`, `Varchar(n)`, `Char(n)`   | `TEXT`, `VARCHAR(n)`, `CHAR(n)` (`CHAR` alone is `CHAR(1)`) |
//! | `CChar` / `Citext`                | `"char"` / `CITEXT` (`CREATE EXTENSION IF NOT EXISTS citext` first) |
//! | `Binary`                          | `BYTEA`                                      |
//! | `Date`, `Time`, `Interval`        | `DATE`, `TIME`, `INTERVAL`                   |
//! | `Timestamp`, `Datetime`           | `TIMESTAMP` (PostgreSQL has no `DATETIME`)   |
//! | `Timestamptz`                     | `TIMESTAMPTZ`                                |
//! | `Uuid`, `Json`, `Jsonb`, `Inet`, `Cidr`, `MacAddr`, `MacAddr8`, `Money`, `Oid`, `PgLsn` | same name |
//! | `Array<T>`                        | `T[]` (nested arrays fold: PostgreSQL arrays have no fixed dimension) |
//! | `Range<T>` / `Multirange<T>`      | `int4range`, `int8range`, `numrange`, `tsrange`, `tstzrange`, `daterange` (and `…multirange`); smaller integers use `int4…`, floats `num…` |
//! | `Custom { name }`                 | the type `name` (an enum from `CREATE TYPE`) |
//!
//! `max_length` only means something for `VARCHAR` and `CHAR` (and arrays of them);
//! other types ignore it.

use std::collections::BTreeSet;

use super::{CannotRender, OpRenderer, Rendered, Step};
// PostgreSQL's one quoting (in `crate::dialect::postgres`), also reachable from here
// for the other PostgreSQL renderers.
pub use crate::dialect::postgres::ident;
pub(crate) use crate::dialect::postgres::{literal, qualify, truncate};
use crate::dialect::types::postgres::{fold_type, range_element};
use crate::dialect::{Dialect, Postgres};
use crate::schema::diff::Op;
use crate::schema::model::{Column, EnumType, QualifiedName, Schema, SqlType, Table};

pub fn render(ops: &[Op], old: &Schema, new: &Schema) -> Rendered {
    Postgres.render(ops, old, new)
}

/// PostgreSQL's [`OpRenderer`]: each op on its own, after the schemas and the
/// `citext` extension it needs.
pub(crate) struct Renderer<'a> {
    old: &'a Schema,
    new: &'a Schema,
    citext: bool,
    /// Schemas that exist already: those of `old`'s tables and enums, plus those created so far.
    schemas: BTreeSet<String>,
}

impl<'a> Renderer<'a> {
    pub(crate) fn new(old: &'a Schema, new: &'a Schema) -> Self {
        let schemas = old.tables.values().filter_map(|t| t.schema.clone()).chain(old.enums.values().filter_map(|e| e.schema.clone())).collect();
        Renderer { old, new, citext: false, schemas }
    }
}

impl OpRenderer for Renderer<'_> {
    fn prelude(&mut self, op: &Op) -> Vec<String> {
        let mut prelude = Vec::new();
        if !self.citext && uses_citext(op) {
            self.citext = true;
            prelude.push("CREATE EXTENSION IF NOT EXISTS citext;".to_string());
        }
        let needed_schema = match op {
            Op::CreateTable { table } => table.schema.clone(),
            Op::CreateEnum { enum_type } => enum_type.schema.clone(),
            Op::RenameTable { to, .. } => split(to, self.old, self.new).0,
            _ => None,
        };
        if let Some(s) = needed_schema {
            if self.schemas.insert(s.clone()) {
                prelude.push(format!("CREATE SCHEMA IF NOT EXISTS {};", ident(&s)));
            }
        }
        prelude
    }

    fn op(&mut self, _i: usize, op: &Op) -> Result<Step, CannotRender> {
        Ok(Step::Write(render_op(op, self.old, self.new)))
    }
}

fn render_op(op: &Op, old: &Schema, new: &Schema) -> Vec<String> {
    let table = |t: &str| table_name(t, old, new);
    match op {
        Op::CreateEnum { enum_type } => vec![create_enum(enum_type, &enum_name(&enum_type.qualified_name(), old, new))],
        Op::AlterEnum { old: o, new: n } => alter_enum(o, n, old, new),
        Op::DropEnum { enum_type } => vec![format!("DROP TYPE {};", enum_name(&enum_type.qualified_name(), old, new))],
        Op::CreateTable { table } => vec![create_table(table, old, new)],
        Op::DropTable { table: t } => vec![format!("DROP TABLE {};", qualify(t.schema.as_deref(), &t.name))],
        Op::RenameTable { from, to } => rename_table(from, to, old, new),
        Op::AddColumn { table: t, column } => vec![format!("ALTER TABLE {} ADD COLUMN {};", table(t), column_def(column, false, old, new))],
        Op::DropColumn { table: t, column } => vec![format!("ALTER TABLE {} DROP COLUMN {};", table(t), ident(&column.name))],
        Op::RenameColumn { table: t, from, to } => {
            vec![format!("ALTER TABLE {} RENAME COLUMN {} TO {};", table(t), ident(from), ident(to))]
        }
        Op::AlterColumn { table: t, old: o, new: n } => alter_column(&table(t), o, n, old, new),
        Op::Backfill { table: t, column, value } => {
            let c = ident(column);
            vec![format!("UPDATE {} SET {c} = {value} WHERE {c} IS NULL;", table(t))]
        }
        Op::AlterPrimaryKey { table: t, old: o, new: n } => {
            let (_, bare) = split(t, old, new);
            let mut parts = Vec::new();
            if !o.is_empty() {
                // PostgreSQL names the key `<table>_pkey`; renames keep that in step (see `rename_table`).
                parts.push(format!("DROP CONSTRAINT {}", ident(&pkey_name(&bare))));
            }
            if !n.is_empty() {
                parts.push(format!("ADD PRIMARY KEY ({})", columns(n)));
            }
            if parts.is_empty() {
                return vec![];
            }
            vec![format!("ALTER TABLE {} {};", table(t), parts.join(", "))]
        }
        Op::CreateIndex { table: t, index } => {
            vec![format!("CREATE {}INDEX {} ON {} ({});", if index.unique { "UNIQUE " } else { "" }, ident(&index.name), table(t), columns(&index.columns))]
        }
        Op::DropIndex { table: t, index } => {
            // An index lives in its table's schema.
            let (schema, _) = split(t, old, new);
            vec![format!("DROP INDEX {};", qualify(schema.as_deref(), &index.name))]
        }
        Op::AddUnique { table: t, unique } => {
            vec![format!("ALTER TABLE {} ADD CONSTRAINT {} UNIQUE ({});", table(t), ident(&unique.name), columns(&unique.columns))]
        }
        Op::DropUnique { table: t, unique } => drop_constraint(&table(t), &unique.name),
        Op::AddForeignKey { table: t, fk } => {
            vec![format!("ALTER TABLE {} ADD {};", table(t), Postgres.fk_clause(fk, &table(&fk.ref_table)))]
        }
        Op::DropForeignKey { table: t, fk } => drop_constraint(&table(t), &fk.name),
        Op::AddCheck { table: t, check } => {
            vec![format!("ALTER TABLE {} ADD CONSTRAINT {} CHECK ({});", table(t), ident(&check.name), check.expr)]
        }
        Op::DropCheck { table: t, check } => drop_constraint(&table(t), &check.name),
    }
}

fn drop_constraint(table: &str, name: &str) -> Vec<String> {
    vec![format!("ALTER TABLE {table} DROP CONSTRAINT {};", ident(name))]
}

fn create_enum(e: &EnumType, name: &str) -> String {
    let labels: Vec<String> = e.variants.iter().map(|v| literal(v)).collect();
    format!("CREATE TYPE {name} AS ENUM ({});", labels.join(", "))
}

/// Added labels only: `ALTER TYPE … ADD VALUE`. Anything else (a label removed or
/// moved): swap in a new type and convert every column through text.
fn alter_enum(o: &EnumType, n: &EnumType, old: &Schema, new: &Schema) -> Vec<String> {
    let name = enum_name(&n.qualified_name(), old, new);
    let kept: Vec<&String> = n.variants.iter().filter(|v| o.variants.contains(v)).collect();
    let only_added = kept.len() == o.variants.len() && kept.iter().zip(&o.variants).all(|(a, b)| *a == b);
    if only_added {
        let mut out = Vec::new();
        for (i, label) in n.variants.iter().enumerate() {
            if o.variants.contains(label) {
                continue;
            }
            let appended = n.variants[i..].iter().all(|v| !o.variants.contains(v));
            let position = if appended {
                String::new()
            } else if i > 0 {
                format!(" AFTER {}", literal(&n.variants[i - 1]))
            } else {
                format!(" BEFORE {}", literal(&n.variants[1]))
            };
            out.push(format!("ALTER TYPE {name} ADD VALUE {}{position};", literal(label)));
        }
        return out;
    }
    let old_bare = format!("{}_old", truncate(&n.name, 59));
    let mut out = vec![format!("ALTER TYPE {name} RENAME TO {};", ident(&old_bare)), create_enum(n, &name)];
    let key = n.qualified_name();
    for t in new.tables.values() {
        let Some(ot) = old_table_of(t, old) else { continue };
        for c in &t.columns {
            let Some(oc) = ot.column(&c.name).or_else(|| c.renamed_from.as_deref().and_then(|r| ot.column(r))) else { continue };
            if !uses_enum(&c.sql_type, &key) || !uses_enum(&oc.sql_type, &key) {
                continue;
            }
            let tname = qualify(t.schema.as_deref(), &t.name);
            let col = ident(&c.name);
            let ty = type_sql(&c.sql_type, c.max_length, old, new);
            let via = if matches!(c.sql_type, SqlType::Array(_)) { "text[]" } else { "text" };
            // A default typed with the old enum cannot be cast automatically.
            if c.default.is_some() {
                out.push(format!("ALTER TABLE {tname} ALTER COLUMN {col} DROP DEFAULT;"));
            }
            out.push(format!("ALTER TABLE {tname} ALTER COLUMN {col} TYPE {ty} USING {col}::{via}::{ty};"));
            if let Some(d) = &c.default {
                out.push(format!("ALTER TABLE {tname} ALTER COLUMN {col} SET DEFAULT {d};"));
            }
        }
    }
    out.push(format!("DROP TYPE {};", qualify(n.schema.as_deref(), &old_bare)));
    out
}

/// The table `t` (of `new`) was before, by its name or its `@renamed_from`.
fn old_table_of<'a>(t: &Table, old: &'a Schema) -> Option<&'a Table> {
    old.tables.get(&t.qualified_name()).or_else(|| {
        let from = t.renamed_from.as_deref()?;
        old.tables.get(from).or_else(|| old.tables.get(&crate::schema::model::qualified_name(t.schema.as_deref(), from)))
    })
}

fn uses_enum(t: &SqlType, key: &str) -> bool {
    match t {
        SqlType::Custom { name } => name == key,
        SqlType::Array(inner) => uses_enum(inner, key),
        _ => false,
    }
}

fn create_table(t: &Table, old: &Schema, new: &Schema) -> String {
    let inline_pk = t.primary_key.len() == 1;
    let mut lines: Vec<String> = t.columns.iter().map(|c| column_def(c, inline_pk && t.primary_key[0] == c.name, old, new)).collect();
    if t.primary_key.len() > 1 {
        lines.push(format!("PRIMARY KEY ({})", columns(&t.primary_key)));
    }
    for u in &t.uniques {
        lines.push(format!("CONSTRAINT {} UNIQUE ({})", ident(&u.name), columns(&u.columns)));
    }
    for c in &t.checks {
        lines.push(format!("CONSTRAINT {} CHECK ({})", ident(&c.name), c.expr));
    }
    format!("CREATE TABLE {} (\n    {}\n);", qualify(t.schema.as_deref(), &t.name), lines.join(",\n    "))
}

/// `name TYPE [PRIMARY KEY] [NOT NULL] [DEFAULT …]`; an auto-increment integer is a serial.
fn column_def(c: &Column, primary_key: bool, old: &Schema, new: &Schema) -> String {
    let mut s = format!("{} {}", ident(&c.name), column_type(c, old, new));
    if primary_key {
        s.push_str(" PRIMARY KEY");
    } else if !c.nullable {
        s.push_str(" NOT NULL");
    }
    if let Some(d) = c.default.as_deref().filter(|_| !is_serial(c)) {
        s.push_str(&format!(" DEFAULT {d}"));
    }
    s
}

fn is_serial(c: &Column) -> bool {
    c.auto_increment && fold_type(&c.sql_type).is_integer()
}

fn column_type(c: &Column, old: &Schema, new: &Schema) -> String {
    if is_serial(c) {
        return match fold_type(&c.sql_type) {
            SqlType::SmallInt => "SMALLSERIAL",
            SqlType::BigInt => "BIGSERIAL",
            _ => "SERIAL",
        }
        .to_string();
    }
    type_sql(&c.sql_type, c.max_length, old, new)
}

/// One `ALTER TABLE` with a clause per change; identity (auto-increment) changes
/// need statements of their own.
fn alter_column(table: &str, o: &Column, n: &Column, old: &Schema, new: &Schema) -> Vec<String> {
    let col = ident(&n.name);
    let mut clauses = Vec::new();
    let (ot, nt) = (type_sql(&o.sql_type, o.max_length, old, new), type_sql(&n.sql_type, n.max_length, old, new));
    if ot != nt {
        clauses.push(format!("ALTER COLUMN {col} TYPE {nt} USING {col}::{nt}"));
    }
    if o.nullable != n.nullable {
        clauses.push(format!("ALTER COLUMN {col} {} NOT NULL", if n.nullable { "DROP" } else { "SET" }));
    }
    let (od, nd) = (o.default.as_deref().filter(|_| !is_serial(o)), n.default.as_deref().filter(|_| !is_serial(n)));
    if od != nd && !is_serial(n) {
        match nd {
            Some(d) => clauses.push(format!("ALTER COLUMN {col} SET DEFAULT {d}")),
            None if !is_serial(o) => clauses.push(format!("ALTER COLUMN {col} DROP DEFAULT")),
            None => {}
        }
    }
    let mut out = Vec::new();
    if is_serial(o) && !is_serial(n) {
        // A serial's default is its sequence; an identity column has none to drop.
        out.push(format!("ALTER TABLE {table} ALTER COLUMN {col} DROP IDENTITY IF EXISTS;"));
        out.push(format!("ALTER TABLE {table} ALTER COLUMN {col} DROP DEFAULT;"));
    }
    if !clauses.is_empty() {
        out.push(format!("ALTER TABLE {table} {};", clauses.join(", ")));
    }
    if !is_serial(o) && is_serial(n) {
        if o.default.is_some() {
            out.push(format!("ALTER TABLE {table} ALTER COLUMN {col} DROP DEFAULT;"));
        }
        out.push(format!("ALTER TABLE {table} ALTER COLUMN {col} ADD GENERATED BY DEFAULT AS IDENTITY;"));
    }
    if out.is_empty() {
        out.push(super::comment(&format!(
            "{table}.{col}: {} and {} are the same on PostgreSQL",
            crate::schema::diff::describe_type(o),
            crate::schema::diff::describe_type(n)
        )));
    }
    out
}

/// `ALTER TABLE … RENAME TO …` (and `SET SCHEMA` when the schema changes); the
/// primary key constraint is renamed along so that later key changes find it.
fn rename_table(from: &str, to: &str, old: &Schema, new: &Schema) -> Vec<String> {
    let (fs, fname) = split(from, old, new);
    let (ts, tname) = split(to, old, new);
    let mut out = Vec::new();
    if fs != ts {
        out.push(format!("ALTER TABLE {} SET SCHEMA {};", qualify(fs.as_deref(), &fname), ts.as_deref().map_or("public".to_string(), ident)));
    }
    if fname != tname {
        out.push(format!("ALTER TABLE {} RENAME TO {};", qualify(ts.as_deref(), &fname), ident(&tname)));
        let had_pk = old.tables.get(from).or_else(|| new.tables.get(from)).is_some_and(|t| !t.primary_key.is_empty());
        if had_pk {
            out.push(format!(
                "ALTER TABLE {} RENAME CONSTRAINT {} TO {};",
                qualify(ts.as_deref(), &tname),
                ident(&pkey_name(&fname)),
                ident(&pkey_name(&tname))
            ));
        }
    }
    out
}

/// PostgreSQL's name for a table's primary key constraint.
fn pkey_name(table: &str) -> String {
    format!("{}_pkey", truncate(table, 58))
}

/// (schema, bare name) of a qualified table key, from either schema or by splitting.
pub(crate) fn split(key: &str, old: &Schema, new: &Schema) -> (Option<String>, String) {
    if let Some(t) = new.tables.get(key).or_else(|| old.tables.get(key)) {
        return (t.schema.clone(), t.name.clone());
    }
    let q = QualifiedName::from_key(key);
    (q.schema, q.name)
}

pub(crate) fn table_name(key: &str, old: &Schema, new: &Schema) -> String {
    let (s, n) = split(key, old, new);
    qualify(s.as_deref(), &n)
}

fn enum_name(key: &str, old: &Schema, new: &Schema) -> String {
    match new.enums.get(key).or_else(|| old.enums.get(key)) {
        Some(e) => qualify(e.schema.as_deref(), &e.name),
        None => {
            let q = QualifiedName::from_key(key);
            qualify(q.schema.as_deref(), &q.name)
        }
    }
}

pub(crate) fn columns(cols: &[String]) -> String {
    Postgres.quote_list(cols)
}

fn range_prefix(t: &SqlType) -> &'static str {
    match range_element(t) {
        SqlType::Integer => "int4",
        SqlType::BigInt => "int8",
        SqlType::Timestamp => "ts",
        SqlType::Timestamptz => "tstz",
        SqlType::Date => "date",
        _ => "num",
    }
}

fn type_sql(t: &SqlType, len: Option<u32>, old: &Schema, new: &Schema) -> String {
    let t = fold_type(t);
    match &t {
        SqlType::SmallInt | SqlType::TinyInt => "SMALLINT".into(),
        SqlType::Integer => "INTEGER".into(),
        SqlType::BigInt => "BIGINT".into(),
        SqlType::Float => "REAL".into(),
        SqlType::Double => "DOUBLE PRECISION".into(),
        SqlType::Numeric => "NUMERIC".into(),
        SqlType::Bool => "BOOLEAN".into(),
        SqlType::Text => "TEXT".into(),
        SqlType::Varchar => len.map_or("VARCHAR".into(), |n| format!("VARCHAR({n})")),
        SqlType::Char => format!("CHAR({})", len.unwrap_or(1)),
        SqlType::CChar => "\"char\"".into(),
        SqlType::Citext => "CITEXT".into(),
        SqlType::Binary => "BYTEA".into(),
        SqlType::Date => "DATE".into(),
        SqlType::Time => "TIME".into(),
        SqlType::Timestamp | SqlType::Datetime => "TIMESTAMP".into(),
        SqlType::Timestamptz => "TIMESTAMPTZ".into(),
        SqlType::Interval => "INTERVAL".into(),
        SqlType::Uuid => "UUID".into(),
        SqlType::Json => "JSON".into(),
        SqlType::Jsonb => "JSONB".into(),
        SqlType::Array(inner) => format!("{}[]", type_sql(inner, len, old, new)),
        SqlType::Range(inner) => format!("{}range", range_prefix(inner)),
        SqlType::Multirange(inner) => format!("{}multirange", range_prefix(inner)),
        SqlType::Inet => "INET".into(),
        SqlType::Cidr => "CIDR".into(),
        SqlType::MacAddr => "MACADDR".into(),
        SqlType::MacAddr8 => "MACADDR8".into(),
        SqlType::Money => "MONEY".into(),
        SqlType::Oid => "OID".into(),
        SqlType::PgLsn => "PG_LSN".into(),
        SqlType::Custom { name } => enum_name(name, old, new),
        SqlType::Unsigned(_) => unreachable!("fold_type removes Unsigned"),
    }
}

fn uses_citext(op: &Op) -> bool {
    fn citext(t: &SqlType) -> bool {
        match t {
            SqlType::Citext => true,
            SqlType::Array(i) | SqlType::Unsigned(i) => citext(i),
            _ => false,
        }
    }
    match op {
        Op::CreateTable { table } => table.columns.iter().any(|c| citext(&c.sql_type)),
        Op::AddColumn { column, .. } => citext(&column.sql_type),
        Op::AlterColumn { new, .. } => citext(&new.sql_type),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::model::{Action, Check, ForeignKey, Index, Source, UniqueConstraint};

    fn mood(variants: &[&str]) -> EnumType {
        EnumType { name: "mood".into(), schema: None, variants: variants.iter().map(|s| s.to_string()).collect(), source: Source::none() }
    }

    fn sql(ops: &[Op]) -> String {
        render(ops, &Schema::default(), &Schema::default()).sql
    }

    fn schema_with(tables: Vec<Table>, enums: Vec<EnumType>) -> Schema {
        Schema {
            tables: tables.into_iter().map(|t| (t.qualified_name(), t)).collect(),
            enums: enums.into_iter().map(|e| (e.qualified_name(), e)).collect(),
            unmanaged: vec![],
        }
    }

    #[test]
    fn create_table_with_every_column_feature() {
        let mut users = Table::new(
            "users",
            vec![
                Column { auto_increment: true, ..Column::new("id", SqlType::Integer) },
                Column { max_length: Some(255), ..Column::new("email", SqlType::Varchar) },
                Column { default: Some("'active'".into()), ..Column::new("status", SqlType::Text) },
                Column { nullable: true, ..Column::new("age", SqlType::TinyInt) },
                Column::new("user", SqlType::Unsigned(Box::new(SqlType::Integer))),
                Column { default: Some("CURRENT_TIMESTAMP".into()), ..Column::new("createdAt", SqlType::Datetime) },
                Column { nullable: true, ..Column::new("tags", SqlType::Array(Box::new(SqlType::Text))) },
                Column { nullable: true, ..Column::new("during", SqlType::Range(Box::new(SqlType::Timestamptz))) },
                Column { nullable: true, ..Column::new("mood", SqlType::Custom { name: "mood".into() }) },
                Column { nullable: true, ..Column::new("code", SqlType::Char) },
                Column { nullable: true, ..Column::new("flag", SqlType::CChar) },
            ],
            &["id"],
        );
        users.uniques.push(UniqueConstraint { name: "uq_users_email".into(), columns: vec!["email".into()] });
        users.checks.push(Check { name: "ck_users_age".into(), expr: "age >= 0".into() });
        let new = schema_with(vec![users.clone()], vec![mood(&["happy"])]);
        let out = render(&[Op::CreateTable { table: users }], &Schema::default(), &new);
        assert_eq!(
            out.sql,
            "CREATE TABLE users (\n    id SERIAL PRIMARY KEY,\n    email VARCHAR(255) NOT NULL,\n    status TEXT NOT NULL DEFAULT 'active',\n    age SMALLINT,\n    \"user\" BIGINT NOT NULL,\n    \"createdAt\" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    tags TEXT[],\n    during tstzrange,\n    mood mood,\n    code CHAR(1),\n    flag \"char\",\n    CONSTRAINT uq_users_email UNIQUE (email),\n    CONSTRAINT ck_users_age CHECK (age >= 0)\n);\n"
        );
        assert!(out.warnings.is_empty());
        assert!(out.run_in_transaction);
    }

    #[test]
    fn composite_primary_key_schema_and_serials() {
        let t = Table {
            schema: Some("billing".into()),
            ..Table::new(
                "lines",
                vec![Column::new("invoice_no", SqlType::Unsigned(Box::new(SqlType::BigInt))), Column::new("line_no", SqlType::SmallInt)],
                &["invoice_no", "line_no"],
            )
        };
        let big =
            Table { schema: Some("billing".into()), ..Table::new("big", vec![Column { auto_increment: true, ..Column::new("id", SqlType::BigInt) }], &["id"]) };
        assert_eq!(
            sql(&[Op::CreateTable { table: t }, Op::CreateTable { table: big }]),
            "CREATE SCHEMA IF NOT EXISTS billing;\n\nCREATE TABLE billing.lines (\n    invoice_no BIGINT NOT NULL,\n    line_no SMALLINT NOT NULL,\n    PRIMARY KEY (invoice_no, line_no)\n);\n\nCREATE TABLE billing.big (\n    id BIGSERIAL PRIMARY KEY\n);\n"
        );
    }

    #[test]
    fn citext_needs_the_extension_once() {
        let t = Table::new("a", vec![Column::new("name", SqlType::Citext)], &[]);
        let add = Op::AddColumn { table: "a".into(), column: Column { nullable: true, ..Column::new("alias", SqlType::Citext) } };
        assert_eq!(
            sql(&[Op::CreateTable { table: t }, add]),
            "CREATE EXTENSION IF NOT EXISTS citext;\n\nCREATE TABLE a (\n    name CITEXT NOT NULL\n);\n\nALTER TABLE a ADD COLUMN alias CITEXT;\n"
        );
    }

    #[test]
    fn columns_add_drop_rename_and_backfill() {
        let phone = Column { nullable: true, max_length: Some(40), ..Column::new("phone", SqlType::Varchar) };
        let strict = Column { nullable: false, ..phone.clone() };
        let ops = [
            Op::AddColumn { table: "users".into(), column: phone.clone() },
            Op::Backfill { table: "users".into(), column: "phone".into(), value: "''".into() },
            Op::AlterColumn { table: "users".into(), old: phone.clone(), new: strict },
            Op::RenameColumn { table: "users".into(), from: "phone".into(), to: "order".into() },
            Op::DropColumn { table: "users".into(), column: phone },
        ];
        let out = render(&ops, &Schema::default(), &Schema::default());
        assert_eq!(
            out.sql,
            "ALTER TABLE users ADD COLUMN phone VARCHAR(40);\n\n\
             -- DANGER: users.phone is NOT NULL without a default: existing rows are filled with ''; edit the value if that is wrong\n\
             UPDATE users SET phone = '' WHERE phone IS NULL;\n\n\
             -- DANGER: makes users.phone NOT NULL: fails if any row still holds NULL\n\
             ALTER TABLE users ALTER COLUMN phone SET NOT NULL;\n\n\
             ALTER TABLE users RENAME COLUMN phone TO \"order\";\n\n\
             -- DANGER: drops column users.phone and its data\n\
             ALTER TABLE users DROP COLUMN phone;\n"
        );
        assert_eq!(out.warnings.len(), 3);
        assert!(out.warnings[2].contains("drops column users.phone"));
    }

    #[test]
    fn alter_column_is_one_statement() {
        let old = Column { nullable: true, ..Column::new("age", SqlType::Integer) };
        let new = Column { default: Some("0".into()), ..Column::new("age", SqlType::BigInt) };
        assert_eq!(
            sql(&[Op::AlterColumn { table: "users".into(), old, new }]),
            "-- DANGER: makes users.age NOT NULL: fails if any row still holds NULL\n\
             ALTER TABLE users ALTER COLUMN age TYPE BIGINT USING age::BIGINT, ALTER COLUMN age SET NOT NULL, ALTER COLUMN age SET DEFAULT 0;\n"
        );
        let old = Column { default: Some("0".into()), ..Column::new("age", SqlType::Integer) };
        let new = Column { nullable: true, max_length: None, ..Column::new("age", SqlType::Integer) };
        assert_eq!(
            sql(&[Op::AlterColumn { table: "users".into(), old, new }]),
            "-- DANGER: drops the default 0 of users.age: inserts that relied on it fail\nALTER TABLE users ALTER COLUMN age DROP NOT NULL, ALTER COLUMN age DROP DEFAULT;\n"
        );
        // Same type on PostgreSQL: nothing to run.
        let (old, new) = (Column::new("n", SqlType::TinyInt), Column::new("n", SqlType::SmallInt));
        assert!(sql(&[Op::AlterColumn { table: "t".into(), old, new }]).starts_with("-- t.n: TinyInt and SmallInt are the same"));
        // Auto-increment switched on and off.
        let (plain, serial) = (Column::new("id", SqlType::Integer), Column { auto_increment: true, ..Column::new("id", SqlType::Integer) });
        assert_eq!(
            sql(&[Op::AlterColumn { table: "t".into(), old: plain.clone(), new: serial.clone() }]),
            "ALTER TABLE t ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;\n"
        );
        assert_eq!(
            sql(&[Op::AlterColumn { table: "t".into(), old: serial, new: plain }]),
            "-- DANGER: t.id no longer hands out ids: inserts without one fail\nALTER TABLE t ALTER COLUMN id DROP IDENTITY IF EXISTS;\nALTER TABLE t ALTER COLUMN id DROP DEFAULT;\n"
        );
    }

    #[test]
    fn tables_renamed_dropped_and_keys_changed() {
        let old = schema_with(vec![Table::new("members", vec![Column::new("id", SqlType::Integer)], &["id"])], vec![]);
        let dropped = Table::new("members", vec![Column::new("id", SqlType::Integer)], &["id"]);
        let out = render(
            &[
                Op::RenameTable { from: "members".into(), to: "users".into() },
                Op::AlterPrimaryKey { table: "users".into(), old: vec!["id".into()], new: vec!["id".into(), "tenant".into()] },
                Op::DropTable { table: dropped },
            ],
            &old,
            &Schema::default(),
        );
        assert_eq!(
            out.sql,
            "ALTER TABLE members RENAME TO users;\nALTER TABLE users RENAME CONSTRAINT members_pkey TO users_pkey;\n\n\
             -- DANGER: drops the primary key (id) of users for (id, tenant): what it kept unique may no longer be\n\
             ALTER TABLE users DROP CONSTRAINT users_pkey, ADD PRIMARY KEY (id, tenant);\n\n\
             -- DANGER: drops table members and every row in it\nDROP TABLE members;\n"
        );
        assert_eq!(
            sql(&[Op::RenameTable { from: "a.t".into(), to: "b.u".into() }]),
            "CREATE SCHEMA IF NOT EXISTS b;\n\nALTER TABLE a.t SET SCHEMA b;\nALTER TABLE b.t RENAME TO u;\n"
        );
    }

    #[test]
    fn indexes_uniques_checks_and_foreign_keys() {
        let fk = ForeignKey {
            name: "fk_users_tenant_id_tenants".into(),
            columns: vec!["tenant_id".into()],
            ref_table: "tenants".into(),
            ref_columns: vec!["id".into()],
            on_delete: Some(Action::SetNull),
            on_update: Some(Action::Cascade),
        };
        let index = Index { name: "ix_users_status".into(), columns: vec!["status".into(), "Kind".into()], unique: false };
        let unique = UniqueConstraint { name: "uq_users_email".into(), columns: vec!["email".into()] };
        let check = Check { name: "ck_users_age".into(), expr: "age >= 0".into() };
        let t = || "app.users".to_string();
        assert_eq!(
            sql(&[
                Op::CreateIndex { table: t(), index: index.clone() },
                Op::AddUnique { table: t(), unique: unique.clone() },
                Op::AddCheck { table: t(), check: check.clone() },
                Op::AddForeignKey { table: t(), fk: fk.clone() },
                Op::DropForeignKey { table: t(), fk },
                Op::DropCheck { table: t(), check },
                Op::DropUnique { table: t(), unique },
                Op::DropIndex { table: t(), index },
            ]),
            "CREATE INDEX ix_users_status ON app.users (status, \"Kind\");\n\n\
             ALTER TABLE app.users ADD CONSTRAINT uq_users_email UNIQUE (email);\n\n\
             ALTER TABLE app.users ADD CONSTRAINT ck_users_age CHECK (age >= 0);\n\n\
             ALTER TABLE app.users ADD CONSTRAINT fk_users_tenant_id_tenants FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE SET NULL ON UPDATE CASCADE;\n\n\
             -- DANGER: drops foreign key fk_users_tenant_id_tenants on app.users and its ON DELETE SET NULL, ON UPDATE CASCADE: references are not enforced until it is added back\n\
             ALTER TABLE app.users DROP CONSTRAINT fk_users_tenant_id_tenants;\n\n\
             -- DANGER: drops check ck_users_age on app.users: rows it refused become possible\n\
             ALTER TABLE app.users DROP CONSTRAINT ck_users_age;\n\n\
             -- DANGER: drops unique constraint uq_users_email on app.users: duplicates become possible\n\
             ALTER TABLE app.users DROP CONSTRAINT uq_users_email;\n\n\
             -- DANGER: drops index ix_users_status on app.users: queries that used it get slower\n\
             DROP INDEX app.ix_users_status;\n"
        );
    }

    #[test]
    fn enum_types() {
        assert_eq!(sql(&[Op::CreateEnum { enum_type: mood(&["happy", "so-so", "it's"]) }]), "CREATE TYPE mood AS ENUM ('happy', 'so-so', 'it''s');\n");
        let out = render(&[Op::DropEnum { enum_type: mood(&["happy"]) }], &Schema::default(), &Schema::default());
        assert_eq!(out.sql, "-- DANGER: drops type mood\nDROP TYPE mood;\n");
        assert_eq!(out.warnings, vec!["drops type mood".to_string()]);
        // Labels added only.
        assert_eq!(
            sql(&[Op::AlterEnum { old: mood(&["happy", "sad"]), new: mood(&["calm", "happy", "meh", "sad", "angry", "glad"]) }]),
            "ALTER TYPE mood ADD VALUE 'calm' BEFORE 'happy';\nALTER TYPE mood ADD VALUE 'meh' AFTER 'happy';\nALTER TYPE mood ADD VALUE 'angry';\nALTER TYPE mood ADD VALUE 'glad';\n"
        );
        // A label removed: swap the type under every column that uses it.
        let users = Table::new(
            "users",
            vec![
                Column { default: Some("'happy'".into()), ..Column::new("mood", SqlType::Custom { name: "mood".into() }) },
                Column { nullable: true, ..Column::new("moods", SqlType::Array(Box::new(SqlType::Custom { name: "mood".into() }))) },
            ],
            &[],
        );
        let old = schema_with(vec![users.clone()], vec![mood(&["happy", "sad"])]);
        let new = schema_with(vec![users], vec![mood(&["happy"])]);
        assert_eq!(
            render(&[Op::AlterEnum { old: mood(&["happy", "sad"]), new: mood(&["happy"]) }], &old, &new).sql,
            "-- DANGER: removes label(s) 'sad' from type mood: rows holding them make the migration fail\nALTER TYPE mood RENAME TO mood_old;\nCREATE TYPE mood AS ENUM ('happy');\n\
             ALTER TABLE users ALTER COLUMN mood DROP DEFAULT;\n\
             ALTER TABLE users ALTER COLUMN mood TYPE mood USING mood::text::mood;\n\
             ALTER TABLE users ALTER COLUMN mood SET DEFAULT 'happy';\n\
             ALTER TABLE users ALTER COLUMN moods TYPE mood[] USING moods::text[]::mood[];\n\
             DROP TYPE mood_old;\n"
        );
    }

    #[test]
    fn identifiers_quoted_only_when_needed() {
        assert_eq!(ident("users"), "users");
        assert_eq!(ident("user"), "\"user\"");
        assert_eq!(ident("Users"), "\"Users\"");
        assert_eq!(ident("a b\"c"), "\"a b\"\"c\"");
        assert_eq!(ident("9lives"), "\"9lives\"");
        assert_eq!(ident("position"), "position");
    }

    #[test]
    fn fold_type_is_idempotent() {
        for t in [
            SqlType::Unsigned(Box::new(SqlType::TinyInt)),
            SqlType::Unsigned(Box::new(SqlType::BigInt)),
            SqlType::Array(Box::new(SqlType::Array(Box::new(SqlType::Datetime)))),
            SqlType::Range(Box::new(SqlType::SmallInt)),
            SqlType::Multirange(Box::new(SqlType::Double)),
        ] {
            let once = fold_type(&t);
            assert_eq!(fold_type(&once), once);
        }
        assert_eq!(fold_type(&SqlType::Unsigned(Box::new(SqlType::TinyInt))), SqlType::SmallInt);
        assert_eq!(fold_type(&SqlType::Unsigned(Box::new(SqlType::SmallInt))), SqlType::Integer);
        assert_eq!(fold_type(&SqlType::Array(Box::new(SqlType::Array(Box::new(SqlType::Datetime))))), SqlType::Array(Box::new(SqlType::Timestamp)));
    }
}
