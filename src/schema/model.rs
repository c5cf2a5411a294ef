//! The backend-neutral schema model: what the model registry finds in the code,
//! what the autogenerate snapshot stores (as JSON) and what the schema diff compares.
//!
//! Ordering is deterministic so that equal schemas serialize to identical JSON:
//! tables and enums are keyed by qualified name (`schema.name`, or `name` without a
//! schema; see [`QualifiedName`]), columns keep their declaration order (it is the table's column order),
//! and indexes, constraints and foreign keys are sorted by name, so reordering
//! annotation lines changes nothing.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::error::registry::Source;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Schema {
    /// Keyed by [`Table::qualified_name`].
    pub tables: BTreeMap<String, Table>,
    /// Custom SQL types (Postgres enums), keyed by [`EnumType::qualified_name`].
    pub enums: BTreeMap<String, EnumType>,
    /// Objects the schema model cannot describe (views, triggers, partial indexes,
    /// virtual tables…) or that configuration excludes. They are listed so that
    /// `check --db -v` can say what it left alone; the diff never looks at them, so
    /// autogenerate never drops what it cannot recreate. Absent from older
    /// snapshots, hence the serde default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmanaged: Vec<Unmanaged>,
}

/// One object left alone by diff and drift (see [`Schema::unmanaged`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Unmanaged {
    pub kind: UnmanagedKind,
    /// Qualified name of the object (for an index, trigger or rule: its own name).
    pub name: String,
    /// Qualified name of the table it belongs to, for indexes, triggers and rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// The statement that creates it, where the database keeps one (SQLite's
    /// `sqlite_master.sql`): a table rebuild drops and recreates what it would lose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sql: Option<String>,
}

/// Why an object is not managed. The kind decides behaviour (a view or virtual
/// table also hides a `table!` of the same name from the diff), never message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnmanagedKind {
    View,
    MaterializedView,
    /// SQLite `CREATE VIRTUAL TABLE` (FTS5, R-tree…).
    VirtualTable,
    /// A table a virtual table keeps its data in (`posts_fts_data`…).
    ShadowTable,
    PartialIndex,
    ExpressionIndex,
    Trigger,
    Rule,
    /// Created by `CREATE EXTENSION` (PostGIS's `spatial_ref_sys`…).
    ExtensionObject,
    /// A foreign key over several columns whose table the models leave out, or
    /// another constraint the annotations cannot state.
    Constraint,
    /// Matched by the `ignore` config key or excluded by `diesel.toml`'s `filter`.
    Ignored,
    /// A `table!` annotated `@unmanaged` (a view declared for Diesel's query DSL).
    Declared,
    /// A column named in `@unmanaged (col, …)`: the database has it, the models
    /// leave it out on purpose.
    Column,
}

impl UnmanagedKind {
    /// Whether a `table!` of this object's name describes it (and so must be kept
    /// out of the diff): views, virtual and shadow tables, excluded tables.
    pub fn hides_tables(self) -> bool {
        matches!(
            self,
            UnmanagedKind::View
                | UnmanagedKind::MaterializedView
                | UnmanagedKind::VirtualTable
                | UnmanagedKind::ShadowTable
                | UnmanagedKind::ExtensionObject
                | UnmanagedKind::Ignored
                | UnmanagedKind::Declared
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            UnmanagedKind::View => "view",
            UnmanagedKind::MaterializedView => "materialized view",
            UnmanagedKind::VirtualTable => "virtual table",
            UnmanagedKind::ShadowTable => "shadow table",
            UnmanagedKind::PartialIndex => "partial index",
            UnmanagedKind::ExpressionIndex => "expression index",
            UnmanagedKind::Trigger => "trigger",
            UnmanagedKind::Rule => "rule",
            UnmanagedKind::ExtensionObject => "extension object",
            UnmanagedKind::Constraint => "constraint",
            UnmanagedKind::Ignored => "ignored table",
            UnmanagedKind::Declared => "declared @unmanaged",
            UnmanagedKind::Column => "column",
        }
    }
}

impl fmt::Display for Unmanaged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.table {
            Some(t) => write!(f, "{} {} on {t}", self.kind.as_str(), self.name),
            None => write!(f, "{} {}", self.kind.as_str(), self.name),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// SQL name (`#[sql_name]` when given, else the Rust identifier).
    pub name: String,
    pub schema: Option<String>,
    pub columns: Vec<Column>,
    pub primary_key: Vec<String>,
    pub indexes: Vec<Index>,
    pub uniques: Vec<UniqueConstraint>,
    pub foreign_keys: Vec<ForeignKey>,
    pub checks: Vec<Check>,
    pub renamed_from: Option<String>,
    pub doc: Option<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// SQL name (`#[sql_name]` when given, else the Rust identifier).
    pub name: String,
    pub sql_type: SqlType,
    pub nullable: bool,
    pub max_length: Option<u32>,
    /// SQL expression, verbatim from `@default`.
    pub default: Option<String>,
    pub auto_increment: bool,
    pub renamed_from: Option<String>,
    pub doc: Option<String>,
}

/// A column type with Diesel's aliases folded together (`Int4` is `Integer`,
/// `Bytea` is `Binary`). Nullability lives on [`Column`]; inside `Array` and
/// `Range` it is dropped, because SQL element types are always nullable.
/// MySQL's sized text and blob types fold into `Text` and `Binary`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SqlType {
    SmallInt,
    Integer,
    BigInt,
    TinyInt,
    Unsigned(Box<SqlType>),
    Float,
    Double,
    Numeric,
    Bool,
    Text,
    Varchar,
    Char,
    /// Postgres `"char"`, a single byte.
    CChar,
    Citext,
    Binary,
    Date,
    Time,
    Timestamp,
    Timestamptz,
    /// MySQL `DATETIME`, kept apart from `TIMESTAMP` because its range differs.
    Datetime,
    Interval,
    Uuid,
    Json,
    Jsonb,
    Array(Box<SqlType>),
    Range(Box<SqlType>),
    Multirange(Box<SqlType>),
    Inet,
    Cidr,
    MacAddr,
    MacAddr8,
    Money,
    Oid,
    PgLsn,
    /// A type declared with `#[derive(SqlType)]`; `name` is a key of [`Schema::enums`].
    Custom {
        name: String,
    },
}

impl SqlType {
    pub fn is_integer(&self) -> bool {
        match self {
            SqlType::SmallInt | SqlType::Integer | SqlType::BigInt | SqlType::TinyInt => true,
            SqlType::Unsigned(inner) => inner.is_integer(),
            _ => false,
        }
    }
}

/// Diesel's spelling, so `cargo migrate models` reads like the `table!` it came from.
impl fmt::Display for SqlType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SqlType::Unsigned(t) => write!(f, "Unsigned<{t}>"),
            SqlType::Array(t) => write!(f, "Array<{t}>"),
            SqlType::Range(t) => write!(f, "Range<{t}>"),
            SqlType::Multirange(t) => write!(f, "Multirange<{t}>"),
            SqlType::Custom { name } => write!(f, "{name}"),
            other => fmt::Debug::fmt(other, f),
        }
    }
}

/// An index. `unique` marks a unique *index* (`CREATE UNIQUE INDEX`, dropped with
/// `DROP INDEX`), kept apart from a [`UniqueConstraint`] (dropped with `DROP
/// CONSTRAINT`) on PostgreSQL, where the two differ; MySQL and SQLite cannot tell
/// them apart and fold both into uniques.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub name: String,
    pub columns: Vec<String>,
    pub unique: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UniqueConstraint {
    pub name: String,
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForeignKey {
    pub name: String,
    pub columns: Vec<String>,
    /// Qualified name of the referenced table (a key of [`Schema::tables`]).
    pub ref_table: String,
    pub ref_columns: Vec<String>,
    pub on_delete: Option<Action>,
    pub on_update: Option<Action>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Cascade,
    SetNull,
    SetDefault,
    Restrict,
    NoAction,
}

impl Action {
    pub fn as_sql(self) -> &'static str {
        match self {
            Action::Cascade => "CASCADE",
            Action::SetNull => "SET NULL",
            Action::SetDefault => "SET DEFAULT",
            Action::Restrict => "RESTRICT",
            Action::NoAction => "NO ACTION",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub name: String,
    /// SQL boolean expression, verbatim from `@check`.
    pub expr: String,
}

/// A custom SQL type from a `sql_types` module. `variants` come from its `@enum`
/// line; empty means the type is not an enum we manage (a domain, a composite).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnumType {
    pub name: String,
    pub schema: Option<String>,
    pub variants: Vec<String>,
    pub source: Source,
}

/// A table or type name with its schema kept apart: `audit.log` may be the table
/// `log` in schema `audit` or a table named `audit.log`, and only this tells.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QualifiedName {
    pub schema: Option<String>,
    pub name: String,
}

impl QualifiedName {
    pub fn new(schema: Option<&str>, name: &str) -> Self {
        QualifiedName { schema: schema.map(str::to_string), name: name.to_string() }
    }

    /// The key tables and enums are stored under (and that snapshots keep):
    /// `schema.name`, or `name` alone. A part holding a dot (or starting with a
    /// double quote) is double-quoted, so every key reads back to its own parts
    /// and every name without a dot keeps the key it always had.
    pub fn key(&self) -> String {
        fn part(p: &str) -> String {
            if p.contains('.') || p.starts_with('"') {
                format!("\"{}\"", p.replace('"', "\"\""))
            } else {
                p.to_string()
            }
        }
        match &self.schema {
            Some(s) => format!("{}.{}", part(s), part(&self.name)),
            None => part(&self.name),
        }
    }

    /// The parts of a key written by [`QualifiedName::key`].
    pub fn from_key(key: &str) -> Self {
        /// One part at the start of `s`, and what follows it.
        fn part(s: &str) -> (String, &str) {
            let Some(quoted) = s.strip_prefix('"') else {
                return match s.find('.') {
                    Some(i) => (s[..i].to_string(), &s[i..]),
                    None => (s.to_string(), ""),
                };
            };
            let mut out = String::new();
            let mut chars = quoted.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if c == '"' {
                    if chars.peek().is_some_and(|(_, n)| *n == '"') {
                        chars.next();
                    } else {
                        return (out, &quoted[i + 1..]);
                    }
                }
                out.push(c);
            }
            (out, "")
        }
        let (first, rest) = part(key);
        match rest.strip_prefix('.') {
            Some(name) if !name.is_empty() => QualifiedName { schema: Some(first), name: part(name).0 },
            _ => QualifiedName { schema: None, name: first },
        }
    }
}

/// The key, as people read it in messages.
impl fmt::Display for QualifiedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

/// `schema.name`, or `name` alone: the key tables and enums are stored under
/// ([`QualifiedName::key`]).
/// `schema.name`, or `name` alone: the key tables and enums are stored under.
pub fn qualified_name(schema: Option<&str>, name: &str) -> String {
    QualifiedName::new(schema, name).key()
}

impl Schema {
    /// Re-keys tables by [`Table::qualified_name`]: what an introspector that read
    /// them by their bare names (one namespace: SQLite, MySQL's current database)
    /// does last, so a dot in a name stays part of it.
    pub fn key_tables(&mut self) {
        self.tables = std::mem::take(&mut self.tables).into_values().map(|t| (t.qualified_name(), t)).collect();
    }
}

impl Column {
    /// A NOT NULL column with no default, length or annotations.
    pub fn new(name: &str, sql_type: SqlType) -> Self {
        Column { name: name.into(), sql_type, nullable: false, max_length: None, default: None, auto_increment: false, renamed_from: None, doc: None }
    }
}

impl Source {
    /// No location: schemas read from a database or a snapshot.
    pub fn none() -> Self {
        Source { file: String::new(), line: 0 }
    }
}

impl Table {
    /// A table with these columns and key, and no indexes or constraints yet.
    pub fn new(name: &str, columns: Vec<Column>, primary_key: &[&str]) -> Self {
        Table {
            name: name.into(),
            schema: None,
            columns,
            primary_key: primary_key.iter().map(|s| s.to_string()).collect(),
            indexes: vec![],
            uniques: vec![],
            foreign_keys: vec![],
            checks: vec![],
            renamed_from: None,
            doc: None,
            source: Source::none(),
        }
    }

    pub fn qualified_name(&self) -> String {
        qualified_name(self.schema.as_deref(), &self.name)
    }

    pub fn qualified(&self) -> QualifiedName {
        QualifiedName::new(self.schema.as_deref(), &self.name)
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

impl EnumType {
    pub fn qualified_name(&self) -> String {
        qualified_name(self.schema.as_deref(), &self.name)
    }

    /// No `@enum` labels: a type the database owns (`tsvector`, a domain, an
    /// enum the models do not manage), never created, dropped or relabelled.
    pub fn is_opaque(&self) -> bool {
        self.variants.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_uses_diesel_spelling() {
        assert_eq!(SqlType::Unsigned(Box::new(SqlType::BigInt)).to_string(), "Unsigned<BigInt>");
        assert_eq!(SqlType::Array(Box::new(SqlType::Text)).to_string(), "Array<Text>");
        assert_eq!(SqlType::Custom { name: "auth.mood".into() }.to_string(), "auth.mood");
        assert_eq!(SqlType::Timestamptz.to_string(), "Timestamptz");
    }

    #[test]
    fn a_qualified_name_reads_back_from_its_key() {
        let cases = [
            (None, "users", "users"),
            (Some("billing"), "invoices", "billing.invoices"),
            (None, "audit.log", "\"audit.log\""),
            (Some("audit"), "log", "audit.log"),
            (Some("a.b"), "c.d", "\"a.b\".\"c.d\""),
            (Some("s"), "\"odd", "s.\"\"\"odd\""),
        ];
        for (schema, name, key) in cases {
            let q = QualifiedName::new(schema, name);
            assert_eq!(q.key(), key);
            assert_eq!(QualifiedName::from_key(key), q, "{key}");
        }
    }

    #[test]
    fn unsigned_integers_are_integers() {
        assert!(SqlType::Unsigned(Box::new(SqlType::TinyInt)).is_integer());
        assert!(!SqlType::Unsigned(Box::new(SqlType::Numeric)).is_integer());
        assert!(!SqlType::Text.is_integer());
    }
}
