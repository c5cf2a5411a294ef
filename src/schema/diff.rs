//! Schema diff: two [`Schema`]s (the schema at head and the models) into the
//! ordered operations that turn one into the other. Backend-neutral: what a
//! dialect can or cannot do in one statement is [`crate::dialect::render`]'s business.
//!
//! The order is fixed, so that `diff(new, old)` (what `down.sql` is rendered from)
//! is the mirror of `diff(old, new)`:
//!
//! 1. drop foreign keys, then indexes, uniques and checks that go away or change
//!    (including those of dropped tables and columns: they would block the drop);
//! 2. rename tables, then columns;
//! 3. create enum types (and add labels), then tables;
//! 4. add columns, change primary keys (before nullability changes: a column cannot
//!    become nullable while it is in the key), alter columns, drop columns, drop
//!    tables, then drop enum types (after the tables that used them);
//! 5. add uniques and checks, create indexes, add foreign keys (last, so that every
//!    table they reference exists: cyclic references just work).
//!
//! A created table's indexes and foreign keys come as their own `CreateIndex` and
//! `AddForeignKey` operations right after it; its primary key, uniques and checks
//! are part of `CreateTable`. A dropped table is preceded by `DropForeignKey` for
//! its foreign keys (and those of other tables that reference it) and `DropIndex`
//! for its indexes.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::schema::model::{Check, Column, EnumType, ForeignKey, Index, Schema, SqlType, Table, UniqueConstraint};

/// One schema change. Table names are qualified ([`Table::qualified_name`]) and
/// are the names the table has when the operation runs (after any rename before it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    CreateEnum {
        enum_type: EnumType,
    },
    /// Labels added, removed or reordered.
    AlterEnum {
        old: EnumType,
        new: EnumType,
    },
    DropEnum {
        enum_type: EnumType,
    },
    /// The whole new table; its indexes and foreign keys follow as their own ops.
    CreateTable {
        table: Table,
    },
    /// The whole table as it was (the mirror `CreateTable` of `down.sql`).
    DropTable {
        table: Table,
    },
    RenameTable {
        from: String,
        to: String,
    },
    AddColumn {
        table: String,
        column: Column,
    },
    DropColumn {
        table: String,
        column: Column,
    },
    RenameColumn {
        table: String,
        from: String,
        to: String,
    },
    /// Type, length, nullability or default changed; `old.name == new.name`.
    AlterColumn {
        table: String,
        old: Column,
        new: Column,
    },
    /// Fills existing rows of a column added as nullable before it becomes NOT NULL
    /// (the three-step pattern for a NOT NULL column without a default). `value` is
    /// an SQL literal of the column's type.
    Backfill {
        table: String,
        column: String,
        value: String,
    },
    /// An empty list is "no primary key".
    AlterPrimaryKey {
        table: String,
        old: Vec<String>,
        new: Vec<String>,
    },
    CreateIndex {
        table: String,
        index: Index,
    },
    DropIndex {
        table: String,
        index: Index,
    },
    AddUnique {
        table: String,
        unique: UniqueConstraint,
    },
    DropUnique {
        table: String,
        unique: UniqueConstraint,
    },
    AddForeignKey {
        table: String,
        fk: ForeignKey,
    },
    DropForeignKey {
        table: String,
        fk: ForeignKey,
    },
    AddCheck {
        table: String,
        check: Check,
    },
    DropCheck {
        table: String,
        check: Check,
    },
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
    /// Why this operation can lose data, break a populated table or weaken what the
    /// database enforces, if it can: every drop (table, column, index, constraint,
    /// default, foreign key action, enum label, type) and every narrowing. Rendered
    /// as `-- DANGER:` comments, printed by `revision`, and what
    /// `revision --fail-on-danger` fails on.
    pub fn danger(&self) -> Option<String> {
        match self {
            Op::DropTable { table } => Some(format!("drops table {} and every row in it", table.qualified_name())),
            Op::DropColumn { table, column } => Some(format!("drops column {table}.{} and its data", column.name)),
            Op::AlterColumn { table, old, new } => {
                let mut why = Vec::new();
                if narrows(old, new) {
                    why.push(format!(
                        "narrows {table}.{} from {} to {}: values that do not fit fail the migration or are cut",
                        new.name,
                        describe_type(old),
                        describe_type(new)
                    ));
                }
                if old.nullable && !new.nullable {
                    why.push(format!("makes {table}.{} NOT NULL: fails if any row still holds NULL", new.name));
                }
                if let (Some(d), None) = (&old.default, &new.default) {
                    // A default replaced by the ids the database hands out is no loss.
                    let now_generated = new.auto_increment && !old.auto_increment;
                    if !now_generated {
                        why.push(format!("drops the default {d} of {table}.{}: inserts that relied on it fail", new.name));
                    }
                }
                if old.auto_increment && !new.auto_increment {
                    why.push(format!("{table}.{} no longer hands out ids: inserts without one fail", new.name));
                }
                (!why.is_empty()).then(|| why.join("; "))
            }
            Op::Backfill { table, column, value } => {
                Some(format!("{table}.{column} is NOT NULL without a default: existing rows are filled with {value}; edit the value if that is wrong"))
            }
            Op::DropEnum { enum_type } => Some(format!("drops type {}", enum_type.qualified_name())),
            Op::AlterEnum { old, new } => {
                let gone: Vec<&String> = old.variants.iter().filter(|v| !new.variants.contains(v)).collect();
                (!gone.is_empty()).then(|| {
                    format!(
                        "removes label(s) {} from type {}: rows holding them make the migration fail",
                        gone.iter().map(|v| format!("'{v}'")).collect::<Vec<_>>().join(", "),
                        new.qualified_name()
                    )
                })
            }
            Op::AlterPrimaryKey { table, old, new } if !old.is_empty() => Some(format!(
                "drops the primary key ({}) of {table}{}: what it kept unique may no longer be",
                old.join(", "),
                if new.is_empty() { String::new() } else { format!(" for ({})", new.join(", ")) }
            )),
            Op::DropIndex { table, index } if index.unique => Some(format!("drops unique index {} on {table}: duplicates become possible", index.name)),
            Op::DropIndex { table, index } => Some(format!("drops index {} on {table}: queries that used it get slower", index.name)),
            Op::DropUnique { table, unique } => Some(format!("drops unique constraint {} on {table}: duplicates become possible", unique.name)),
            Op::DropCheck { table, check } => Some(format!("drops check {} on {table}: rows it refused become possible", check.name)),
            Op::DropForeignKey { table, fk } => {
                let actions: Vec<String> = [("ON DELETE", fk.on_delete), ("ON UPDATE", fk.on_update)]
                    .iter()
                    .filter_map(|(when, a)| a.map(|a| format!("{when} {}", a.as_sql())))
                    .collect();
                let actions = if actions.is_empty() { String::new() } else { format!(" and its {}", actions.join(", ")) };
                Some(format!("drops foreign key {} on {table}{actions}: references are not enforced until it is added back", fk.name))
            }
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
    let mut p = Phases::default();
    let pairs = table_pairs(old, new, renames);

    // A type without labels is one the database owns (a `SqlType` declared without
    // `@enum`, an extension's type): never created, dropped or relabelled.
    for (key, enum_type) in new.enums.iter().filter(|(_, e)| !e.is_opaque()) {
        match old.enums.get(key) {
            None => p.create_enum.push(Op::CreateEnum { enum_type: enum_type.clone() }),
            Some(o) if o.is_opaque() => {}
            Some(o) if o.variants != enum_type.variants => p.create_enum.push(Op::AlterEnum { old: o.clone(), new: enum_type.clone() }),
            Some(_) => {}
        }
    }
    for (key, enum_type) in old.enums.iter().filter(|(_, e)| !e.is_opaque()) {
        if !new.enums.contains_key(key) {
            p.drop_enum.push(Op::DropEnum { enum_type: enum_type.clone() });
        }
    }

    for new_key in dependency_order(new) {
        let table = &new.tables[&new_key];
        if pairs.iter().any(|(_, n)| *n == new_key) {
            continue;
        }
        p.create_table.push(Op::CreateTable { table: table.clone() });
        for index in &table.indexes {
            p.create_index.push(Op::CreateIndex { table: new_key.clone(), index: index.clone() });
        }
        for fk in &table.foreign_keys {
            p.add_fk.push(Op::AddForeignKey { table: new_key.clone(), fk: fk.clone() });
        }
    }
    for old_key in dependency_order(old) {
        let table = &old.tables[&old_key];
        if pairs.iter().any(|(o, _)| *o == old_key) {
            continue;
        }
        let old_key = &old_key;
        for fk in &table.foreign_keys {
            p.drop_fk.push(Op::DropForeignKey { table: old_key.clone(), fk: fk.clone() });
        }
        for index in &table.indexes {
            p.drop_index.push(Op::DropIndex { table: old_key.clone(), index: index.clone() });
        }
        p.drop_table.push(Op::DropTable { table: table.clone() });
    }

    for (old_key, new_key) in &pairs {
        diff_table(&old.tables[old_key], &new.tables[new_key], (old_key, new_key), renames, new, &mut p);
    }
    p.into_ops()
}

/// Table keys with every table after the tables it references (by name where the
/// references allow; a cycle is broken by name). Creates follow this order and drops
/// (reversed) the opposite, so a referencing table is dropped before its parent.
fn dependency_order(schema: &Schema) -> Vec<String> {
    // Kahn's algorithm, taking the first ready table by name each time: the order of
    // placing the first table whose references are all placed, without rescanning.
    let mut waiting: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut waiters: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (key, table) in &schema.tables {
        let parents: BTreeSet<&str> =
            table.foreign_keys.iter().map(|fk| fk.ref_table.as_str()).filter(|r| r != key && schema.tables.contains_key(*r)).collect();
        for parent in &parents {
            waiters.entry(parent).or_default().push(key);
        }
        waiting.insert(key, parents);
    }
    let mut left: BTreeSet<&str> = schema.tables.keys().map(String::as_str).collect();
    let mut ready: BTreeSet<&str> = waiting.iter().filter(|(_, parents)| parents.is_empty()).map(|(k, _)| *k).collect();
    let mut placed = Vec::with_capacity(left.len());
    // In a cycle no table is ready: take the first by name.
    while let Some(next) = ready.pop_first().or_else(|| left.first().copied()) {
        left.remove(next);
        for waiter in waiters.get(next).into_iter().flatten() {
            if let Some(parents) = waiting.get_mut(waiter) {
                if parents.remove(next) && parents.is_empty() && left.contains(waiter) {
                    ready.insert(waiter);
                }
            }
        }
        placed.push(next.to_string());
    }
    placed
}

/// Operations grouped by phase; each drop phase is reversed at the end so that a
/// `down.sql` undoes the matching `up.sql` in exactly the opposite order.
#[derive(Default)]
struct Phases {
    drop_fk: Vec<Op>,
    drop_index: Vec<Op>,
    drop_unique: Vec<Op>,
    drop_check: Vec<Op>,
    rename_table: Vec<Op>,
    rename_column: Vec<Op>,
    create_enum: Vec<Op>,
    create_table: Vec<Op>,
    add_column: Vec<Op>,
    alter_column: Vec<Op>,
    alter_pk: Vec<Op>,
    drop_column: Vec<Op>,
    drop_table: Vec<Op>,
    drop_enum: Vec<Op>,
    add_unique: Vec<Op>,
    add_check: Vec<Op>,
    create_index: Vec<Op>,
    add_fk: Vec<Op>,
}

impl Phases {
    fn into_ops(self) -> Vec<Op> {
        let rev = |mut v: Vec<Op>| {
            v.reverse();
            v
        };
        [
            rev(self.drop_fk),
            rev(self.drop_index),
            rev(self.drop_check),
            rev(self.drop_unique),
            self.rename_table,
            self.rename_column,
            self.create_enum,
            self.create_table,
            self.add_column,
            self.alter_pk,
            self.alter_column,
            rev(self.drop_column),
            rev(self.drop_table),
            rev(self.drop_enum),
            self.add_unique,
            self.add_check,
            self.create_index,
            self.add_fk,
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// (old key, new key) of every table that exists on both sides, renamed or not.
fn table_pairs(old: &Schema, new: &Schema, renames: &Renames) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for new_key in new.tables.keys() {
        let renamed = renames.tables.iter().find(|(o, n)| *n == new_key && old.tables.contains_key(*o)).map(|(o, _)| o.clone());
        let old_key = match renamed {
            Some(o) => Some(o),
            // A table renamed away leaves its name free for a new table.
            None if old.tables.contains_key(new_key) && !renames.tables.contains_key(new_key) => Some(new_key.clone()),
            None => None,
        };
        if let Some(o) = old_key {
            pairs.push((o, new_key.clone()));
        }
    }
    pairs
}

/// The new name of column `old_col` of the table now called `table`.
fn new_column_name<'a>(renames: &'a Renames, table: &str, old_col: &'a str) -> &'a str {
    renames.columns.get(&(table.to_string(), old_col.to_string())).map_or(old_col, String::as_str)
}

fn diff_table(o: &Table, n: &Table, (old_key, new_key): (&str, &str), renames: &Renames, new: &Schema, p: &mut Phases) {
    if old_key != new_key {
        p.rename_table.push(Op::RenameTable { from: old_key.to_string(), to: new_key.to_string() });
    }
    let rename = |c: &str| new_column_name(renames, new_key, c).to_string();
    let mapped = |cols: &[String]| cols.iter().map(|c| rename(c)).collect::<Vec<_>>();

    // Columns: old name -> new name for those that survive.
    let mut kept: Vec<(&Column, &Column)> = Vec::new();
    for oc in &o.columns {
        let name = rename(&oc.name);
        match n.column(&name) {
            Some(nc) => {
                if name != oc.name {
                    p.rename_column.push(Op::RenameColumn { table: new_key.to_string(), from: oc.name.clone(), to: name.clone() });
                }
                kept.push((oc, nc));
            }
            None => p.drop_column.push(Op::DropColumn { table: new_key.to_string(), column: oc.clone() }),
        }
    }
    for nc in &n.columns {
        if kept.iter().any(|(_, k)| k.name == nc.name) {
            continue;
        }
        if !nc.nullable && nc.default.is_none() && !nc.auto_increment {
            let loose = Column { nullable: true, ..nc.clone() };
            p.add_column.push(Op::AddColumn { table: new_key.to_string(), column: loose.clone() });
            p.add_column.push(Op::Backfill { table: new_key.to_string(), column: nc.name.clone(), value: zero_value(nc, enum_of(new, nc)) });
            p.add_column.push(Op::AlterColumn { table: new_key.to_string(), old: loose, new: nc.clone() });
        } else {
            p.add_column.push(Op::AddColumn { table: new_key.to_string(), column: nc.clone() });
        }
    }
    for (oc, nc) in &kept {
        let renamed = Column { name: nc.name.clone(), ..(*oc).clone() };
        if column_changed(&renamed, nc) {
            p.alter_column.push(Op::AlterColumn { table: new_key.to_string(), old: renamed, new: (*nc).clone() });
        }
    }
    let old_pk = mapped(&o.primary_key);
    if old_pk != n.primary_key {
        p.alter_pk.push(Op::AlterPrimaryKey { table: new_key.to_string(), old: old_pk, new: n.primary_key.clone() });
    }

    // Constraints and indexes are matched by name; one whose definition changed is
    // dropped (under the old table name, before renames) and added again.
    let same_index = |a: &Index, b: &Index| mapped(&a.columns) == b.columns && a.unique == b.unique;
    pair_by_name(
        &o.indexes,
        &n.indexes,
        |i| &i.name,
        same_index,
        |i| p.drop_index.push(Op::DropIndex { table: old_key.to_string(), index: i.clone() }),
        |i| p.create_index.push(Op::CreateIndex { table: new_key.to_string(), index: i.clone() }),
    );
    let same_unique = |a: &UniqueConstraint, b: &UniqueConstraint| mapped(&a.columns) == b.columns;
    pair_by_name(
        &o.uniques,
        &n.uniques,
        |u| &u.name,
        same_unique,
        |u| p.drop_unique.push(Op::DropUnique { table: old_key.to_string(), unique: u.clone() }),
        |u| p.add_unique.push(Op::AddUnique { table: new_key.to_string(), unique: u.clone() }),
    );
    let same_check = |a: &Check, b: &Check| squash(&a.expr) == squash(&b.expr);
    pair_by_name(
        &o.checks,
        &n.checks,
        |c| &c.name,
        same_check,
        |c| p.drop_check.push(Op::DropCheck { table: old_key.to_string(), check: c.clone() }),
        |c| p.add_check.push(Op::AddCheck { table: new_key.to_string(), check: c.clone() }),
    );
    let same_fk = |a: &ForeignKey, b: &ForeignKey| {
        let ref_table = renames.tables.get(&a.ref_table).cloned().unwrap_or_else(|| a.ref_table.clone());
        let ref_columns: Vec<String> = a.ref_columns.iter().map(|c| new_column_name(renames, &ref_table, c).to_string()).collect();
        mapped(&a.columns) == b.columns && ref_table == b.ref_table && ref_columns == b.ref_columns && a.on_delete == b.on_delete && a.on_update == b.on_update
    };
    // A foreign key is matched by name, else by what it is: a database's
    // `posts_user_id_fkey` is the models' `joinable!` key under another name, and
    // renaming a constraint is not worth a migration (nor the window without it).
    // Not across a rename of either table: there the generated name follows the new
    // table name, and the key is renamed by drop + add as before.
    let same_unrenamed_fk = |a: &ForeignKey, b: &ForeignKey| old_key == new_key && a.ref_table == b.ref_table && same_fk(a, b);
    let (mut old_fks, mut new_fks): (Vec<&ForeignKey>, Vec<&ForeignKey>) = (o.foreign_keys.iter().collect(), n.foreign_keys.iter().collect());
    old_fks.retain(|of| match new_fks.iter().position(|nf| nf.name == of.name) {
        Some(i) if same_fk(of, new_fks[i]) => {
            new_fks.remove(i);
            false
        }
        _ => true,
    });
    old_fks.retain(|of| match new_fks.iter().position(|nf| same_unrenamed_fk(of, nf) && !o.foreign_keys.iter().any(|x| x.name == nf.name)) {
        Some(i) => {
            new_fks.remove(i);
            false
        }
        None => true,
    });
    for f in old_fks {
        p.drop_fk.push(Op::DropForeignKey { table: old_key.to_string(), fk: f.clone() });
    }
    for f in new_fks {
        p.add_fk.push(Op::AddForeignKey { table: new_key.to_string(), fk: f.clone() });
    }
}

fn pair_by_name<T>(old: &[T], new: &[T], name: impl Fn(&T) -> &String, same: impl Fn(&T, &T) -> bool, mut drop: impl FnMut(&T), mut add: impl FnMut(&T)) {
    for o in old {
        match new.iter().find(|n| name(n) == name(o)) {
            Some(n) if same(o, n) => {}
            _ => drop(o),
        }
    }
    for n in new {
        match old.iter().find(|o| name(o) == name(n)) {
            Some(o) if same(o, n) => {}
            _ => add(n),
        }
    }
}

fn enum_of<'a>(schema: &'a Schema, column: &Column) -> Option<&'a EnumType> {
    match &column.sql_type {
        SqlType::Custom { name } => schema.enums.get(name),
        _ => None,
    }
}

/// Whether anything a migration must change differs (docs and rename hints do not count).
pub(crate) fn column_changed(a: &Column, b: &Column) -> bool {
    a.sql_type != b.sql_type
        || a.max_length != b.max_length
        || a.nullable != b.nullable
        || a.auto_increment != b.auto_increment
        || a.default.as_deref().map(squash) != b.default.as_deref().map(squash)
}

/// Whitespace-insensitive form of an SQL expression, for comparing defaults and checks.
fn squash(expr: &str) -> String {
    expr.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The value existing rows get when a NOT NULL column without a default is added
/// (the seeds' pattern: add nullable, backfill, set NOT NULL). `enum_type` gives
/// the first label of an enum column.
pub fn zero_value(column: &Column, enum_type: Option<&EnumType>) -> String {
    fn of(t: &SqlType, enum_type: Option<&EnumType>) -> String {
        match t {
            SqlType::SmallInt | SqlType::Integer | SqlType::BigInt | SqlType::TinyInt | SqlType::Unsigned(_) => "0".into(),
            SqlType::Float | SqlType::Double | SqlType::Numeric | SqlType::Money | SqlType::Oid => "0".into(),
            SqlType::Bool => "FALSE".into(),
            SqlType::Text | SqlType::Varchar | SqlType::Char | SqlType::CChar | SqlType::Citext | SqlType::Binary => "''".into(),
            SqlType::Date => "'1970-01-01'".into(),
            SqlType::Time => "'00:00:00'".into(),
            SqlType::Timestamp | SqlType::Timestamptz | SqlType::Datetime => "CURRENT_TIMESTAMP".into(),
            SqlType::Interval => "'0 seconds'".into(),
            SqlType::Uuid => "'00000000-0000-0000-0000-000000000000'".into(),
            SqlType::Json | SqlType::Jsonb => "'{}'".into(),
            SqlType::Array(_) => "'{}'".into(),
            SqlType::Range(_) | SqlType::Multirange(_) => "'empty'".into(),
            SqlType::Inet | SqlType::Cidr => "'0.0.0.0'".into(),
            SqlType::MacAddr => "'00:00:00:00:00:00'".into(),
            SqlType::MacAddr8 => "'00:00:00:00:00:00:00:00'".into(),
            SqlType::PgLsn => "'0/0'".into(),
            SqlType::Custom { .. } => match enum_type.and_then(|e| e.variants.first()) {
                Some(v) => format!("'{}'", v.replace('\'', "''")),
                None => "''".into(),
            },
        }
    }
    of(&column.sql_type, enum_type)
}

/// Renames the models declare with `@renamed_from`: a table or column whose old
/// name exists on the `old` side while its new name does not.
pub fn declared_renames(old: &Schema, new: &Schema) -> Renames {
    let mut r = Renames::default();
    for (key, t) in &new.tables {
        if let Some(from) = &t.renamed_from {
            let from_key = crate::schema::model::qualified_name(t.schema.as_deref(), from);
            if old.tables.contains_key(&from_key) && !old.tables.contains_key(key) {
                r.tables.insert(from_key, key.clone());
            }
        }
    }
    for (key, t) in &new.tables {
        let old_key = r.tables.iter().find(|(_, n)| *n == key).map_or(key.clone(), |(o, _)| o.clone());
        let Some(ot) = old.tables.get(&old_key) else { continue };
        for c in &t.columns {
            if let Some(from) = &c.renamed_from {
                if ot.column(from).is_some() && ot.column(&c.name).is_none() {
                    r.columns.insert((key.clone(), from.clone()), c.name.clone());
                }
            }
        }
    }
    r
}

/// A drop and an add that may be one rename: same table (or same columns) and type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenameCandidate {
    /// `None` for a table rename; the new qualified table name for a column rename.
    pub table: Option<String>,
    pub from: String,
    pub to: String,
    /// The type, for the question (`a TEXT`), or the column count of a table.
    pub what: String,
}

impl std::fmt::Display for RenameCandidate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.table {
            Some(t) => write!(f, "{t}.{} to {t}.{} ({})", self.from, self.to, self.what),
            None => write!(f, "table {} to {} ({})", self.from, self.to, self.what),
        }
    }
}

/// Drops and adds that `renames` leaves unexplained and that look like renames.
pub fn rename_candidates(old: &Schema, new: &Schema, renames: &Renames) -> Vec<RenameCandidate> {
    let pairs = table_pairs(old, new, renames);
    let dropped: Vec<&Table> = old.tables.iter().filter(|(k, _)| !pairs.iter().any(|(o, _)| o == *k)).map(|(_, t)| t).collect();
    let created: Vec<&Table> = new.tables.iter().filter(|(k, _)| !pairs.iter().any(|(_, n)| n == *k)).map(|(_, t)| t).collect();
    let shape = |t: &Table| t.columns.iter().map(|c| (c.name.clone(), c.sql_type.clone(), c.max_length)).collect::<Vec<_>>();
    let mut out = Vec::new();
    for d in &dropped {
        for c in &created {
            if d.schema == c.schema && shape(d) == shape(c) {
                out.push(RenameCandidate { table: None, from: d.qualified_name(), to: c.qualified_name(), what: format!("{} columns", c.columns.len()) });
            }
        }
    }
    for (old_key, new_key) in &pairs {
        let (ot, nt) = (&old.tables[old_key], &new.tables[new_key]);
        let gone: Vec<&Column> = ot.columns.iter().filter(|c| nt.column(new_column_name(renames, new_key, &c.name)).is_none()).collect();
        let mapped_old: Vec<String> = ot.columns.iter().map(|c| new_column_name(renames, new_key, &c.name).to_string()).collect();
        let added: Vec<&Column> = nt.columns.iter().filter(|c| !mapped_old.contains(&c.name)).collect();
        for g in &gone {
            for a in &added {
                if g.sql_type == a.sql_type && g.max_length == a.max_length {
                    out.push(RenameCandidate {
                        table: Some(new_key.clone()),
                        from: g.name.clone(),
                        to: a.name.clone(),
                        what: format!("a {}", describe_type(a)),
                    });
                }
            }
        }
    }
    out
}

impl Renames {
    /// Settles one candidate as a rename.
    pub fn accept(&mut self, c: &RenameCandidate) {
        match &c.table {
            Some(t) => self.columns.insert((t.clone(), c.from.clone()), c.to.clone()),
            None => self.tables.insert(c.from.clone(), c.to.clone()),
        };
    }

    /// Parses `--rename users.name=full_name` or `--rename old_table=new_table`
    /// (`schema.table` names: `--rename auth.users.name=full_name`) against the two schemas.
    pub fn add_flag(&mut self, flag: &str, old: &Schema, new: &Schema) -> Result<(), String> {
        let (from, to) = flag.split_once('=').ok_or_else(|| format!("`--rename {flag}`: expected OLD=NEW, e.g. users.name=full_name or members=users"))?;
        let (from, to) = (from.trim(), to.trim());
        if old.tables.contains_key(from) {
            if !new.tables.contains_key(to) {
                return Err(format!("`--rename {flag}`: the models have no table `{to}`"));
            }
            self.tables.insert(from.to_string(), to.to_string());
            return Ok(());
        }
        let (table, column) =
            from.rsplit_once('.').ok_or_else(|| format!("`--rename {flag}`: no table `{from}` at head; for a column write TABLE.COLUMN=NEW_COLUMN"))?;
        let Some(ot) = old.tables.get(table) else {
            return Err(format!("`--rename {flag}`: no table `{table}` at head"));
        };
        if ot.column(column).is_none() {
            return Err(format!("`--rename {flag}`: table `{table}` has no column `{column}` at head"));
        }
        let new_table = self.tables.get(table).cloned().unwrap_or_else(|| table.to_string());
        let to = to.rsplit_once('.').map_or(to, |(_, c)| c);
        match new.tables.get(&new_table) {
            Some(nt) if nt.column(to).is_some() => {
                self.columns.insert((new_table, column.to_string()), to.to_string());
                Ok(())
            }
            _ => Err(format!("`--rename {flag}`: the models have no column `{new_table}.{to}`")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::registry::{assemble, parse_source};

    fn schema(src: &str) -> Schema {
        assemble(&[parse_source("src/m.rs", src).unwrap()]).unwrap_or_else(|e| panic!("{e}"))
    }

    /// A compact name per op, so expectations read like a migration.
    fn names(ops: &[Op]) -> Vec<String> {
        ops.iter()
            .map(|op| match op {
                Op::CreateEnum { enum_type } => format!("create_enum {}", enum_type.name),
                Op::AlterEnum { new, .. } => format!("alter_enum {}", new.name),
                Op::DropEnum { enum_type } => format!("drop_enum {}", enum_type.name),
                Op::CreateTable { table } => format!("create_table {}", table.name),
                Op::DropTable { table } => format!("drop_table {}", table.name),
                Op::RenameTable { from, to } => format!("rename_table {from}->{to}"),
                Op::AddColumn { table, column } => format!("add_column {table}.{}{}", column.name, if column.nullable { "?" } else { "" }),
                Op::DropColumn { table, column } => format!("drop_column {table}.{}", column.name),
                Op::RenameColumn { table, from, to } => format!("rename_column {table}.{from}->{to}"),
                Op::AlterColumn { table, new, .. } => format!("alter_column {table}.{}", new.name),
                Op::Backfill { table, column, value } => format!("backfill {table}.{column}={value}"),
                Op::AlterPrimaryKey { table, new, .. } => format!("alter_pk {table}({})", new.join(",")),
                Op::CreateIndex { index, .. } => format!("create_index {}", index.name),
                Op::DropIndex { index, .. } => format!("drop_index {}", index.name),
                Op::AddUnique { unique, .. } => format!("add_unique {}", unique.name),
                Op::DropUnique { unique, .. } => format!("drop_unique {}", unique.name),
                Op::AddForeignKey { fk, .. } => format!("add_fk {}", fk.name),
                Op::DropForeignKey { fk, .. } => format!("drop_fk {}", fk.name),
                Op::AddCheck { check, .. } => format!("add_check {}", check.name),
                Op::DropCheck { check, .. } => format!("drop_check {}", check.name),
            })
            .collect()
    }

    fn both_ways(old: &Schema, new: &Schema, renames: &Renames) -> (Vec<String>, Vec<String>) {
        (names(&diff(old, new, renames)), names(&diff(new, old, &renames.inverse())))
    }

    const BLOG: &str = r#"
diesel::table! {
    /// @index (name)
    users (id) {
        id -> Integer,
        /// @unique
        email -> Text,
        name -> Text,
    }
}
diesel::table! {
    /// @check (likes >= 0)
    posts (id) {
        id -> Integer,
        user_id -> Integer,
        likes -> Integer,
    }
}
diesel::joinable!(posts -> users (user_id));
"#;

    #[test]
    fn equal_schemas_need_nothing() {
        let s = schema(BLOG);
        assert!(diff(&s, &s, &Renames::default()).is_empty());
    }

    #[test]
    fn creating_everything_puts_foreign_keys_last_and_down_is_the_exact_mirror() {
        let (up, down) = both_ways(&Schema::default(), &schema(BLOG), &Renames::default());
        // Parents first, so on SQLite (foreign keys inline) each table names tables that exist.
        assert_eq!(up, ["create_table users", "create_table posts", "create_index ix_users_name", "add_fk fk_posts_user_id_users"]);
        let mut mirrored = down.clone();
        mirrored.reverse();
        assert_eq!(
            mirrored.iter().map(|s| s.replacen("drop_", "", 1)).collect::<Vec<_>>(),
            up.iter().map(|s| s.replacen("create_", "", 1).replacen("add_", "", 1)).collect::<Vec<_>>(),
            "down: {down:?}"
        );
    }

    #[test]
    fn self_referencing_and_cyclic_foreign_keys_come_after_every_table() {
        let s = schema(
            r#"
diesel::table! { a (id) { id -> Integer, b_id -> Nullable<Integer>, parent_id -> Nullable<Integer>, } }
diesel::table! { b (id) { id -> Integer, a_id -> Nullable<Integer>, } }
diesel::joinable!(a -> b (b_id));
diesel::joinable!(b -> a (a_id));
"#,
        );
        let mut s = s;
        let self_fk = ForeignKey {
            name: "fk_a_parent_id_a".into(),
            columns: vec!["parent_id".into()],
            ref_table: "a".into(),
            ref_columns: vec!["id".into()],
            on_delete: None,
            on_update: None,
        };
        s.tables.get_mut("a").unwrap().foreign_keys.push(self_fk);
        let (up, down) = both_ways(&Schema::default(), &s, &Renames::default());
        assert_eq!(up, ["create_table a", "create_table b", "add_fk fk_a_b_id_b", "add_fk fk_a_parent_id_a", "add_fk fk_b_a_id_a"]);
        assert_eq!(down, ["drop_fk fk_b_a_id_a", "drop_fk fk_a_parent_id_a", "drop_fk fk_a_b_id_b", "drop_table b", "drop_table a"]);
    }

    #[test]
    fn columns_added_dropped_and_altered() {
        let old = schema(BLOG);
        let new = schema(
            &BLOG
                .replace("name -> Text,", "name -> Nullable<Varchar>,\n phone -> Nullable<Text>,\n /// @default 0\n karma -> BigInt,")
                .replace("likes -> Integer,", "")
                .replace("/// @check (likes >= 0)", ""),
        );
        let (up, down) = both_ways(&old, &new, &Renames::default());
        assert_eq!(
            up,
            ["drop_check ck_posts_likes", "add_column users.phone?", "add_column users.karma", "alter_column users.name", "drop_column posts.likes"]
        );
        assert_eq!(
            down,
            [
                "add_column posts.likes?",
                "backfill posts.likes=0",
                "alter_column posts.likes",
                "alter_column users.name",
                "drop_column users.karma",
                "drop_column users.phone",
                "add_check ck_posts_likes",
            ]
        );
        let ops = diff(&old, &new, &Renames::default());
        let dangers: Vec<String> = ops.iter().filter_map(Op::danger).collect();
        assert_eq!(dangers, ["drops check ck_posts_likes on posts: rows it refused become possible", "drops column posts.likes and its data"], "{ops:#?}");
    }

    #[test]
    fn a_not_null_column_without_default_is_added_in_three_steps() {
        let old = schema(BLOG);
        let new = schema(&BLOG.replace("name -> Text,", "name -> Text,\n #[max_length = 20]\n phone -> Varchar,\n active -> Bool,"));
        let ops = diff(&old, &new, &Renames::default());
        assert_eq!(
            names(&ops),
            [
                "add_column users.phone?",
                "backfill users.phone=''",
                "alter_column users.phone",
                "add_column users.active?",
                "backfill users.active=FALSE",
                "alter_column users.active"
            ]
        );
        let Op::AlterColumn { old: loose, new: strict, .. } = &ops[2] else { panic!() };
        assert!(loose.nullable && !strict.nullable && loose.max_length == Some(20));
        assert!(ops[1].danger().unwrap().contains("existing rows are filled with ''"));
        // A NOT NULL column with a default needs no backfill.
        let new = schema(&BLOG.replace("name -> Text,", "name -> Text,\n /// @default 'x'\n phone -> Text,"));
        assert_eq!(names(&diff(&old, &new, &Renames::default())), ["add_column users.phone"]);
    }

    #[test]
    fn changed_indexes_constraints_keys_and_actions_are_dropped_and_added() {
        let old = schema(BLOG);
        let new = schema(
            &BLOG
                .replace("/// @index (name)", "/// @index ix_users_name (email, name)")
                .replace("/// @check (likes >= 0)", "/// @check ck_posts_likes (likes >  0)")
                .replace("posts (id)", "posts (id, user_id)"),
        );
        let (up, down) = both_ways(&old, &new, &Renames::default());
        // A composite key does not auto-increment, so `id` changes too.
        assert_eq!(
            up,
            [
                "drop_index ix_users_name",
                "drop_check ck_posts_likes",
                "alter_pk posts(id,user_id)",
                "alter_column posts.id",
                "add_check ck_posts_likes",
                "create_index ix_users_name"
            ]
        );
        assert_eq!(
            down,
            [
                "drop_index ix_users_name",
                "drop_check ck_posts_likes",
                "alter_pk posts(id)",
                "alter_column posts.id",
                "add_check ck_posts_likes",
                "create_index ix_users_name"
            ]
        );
        // Whitespace inside an expression is not a change.
        let spaced = schema(&BLOG.replace("(likes >= 0)", "(likes   >=  0)"));
        assert!(diff(&old, &spaced, &Renames::default()).is_empty());

        let mut cascade = old.clone();
        cascade.tables.get_mut("posts").unwrap().foreign_keys[0].on_delete = Some(crate::schema::model::Action::Cascade);
        assert_eq!(names(&diff(&old, &cascade, &Renames::default())), ["drop_fk fk_posts_user_id_users", "add_fk fk_posts_user_id_users"]);
    }

    #[test]
    fn dropping_a_referenced_table_drops_its_foreign_keys_and_indexes_first() {
        let old = schema(BLOG);
        let mut new = old.clone();
        new.tables.remove("users");
        new.tables.get_mut("posts").unwrap().foreign_keys.clear();
        let (up, down) = both_ways(&old, &new, &Renames::default());
        assert_eq!(up, ["drop_fk fk_posts_user_id_users", "drop_index ix_users_name", "drop_table users"]);
        assert_eq!(down, ["create_table users", "create_index ix_users_name", "add_fk fk_posts_user_id_users"]);
        assert!(diff(&old, &new, &Renames::default()).iter().any(|o| o.danger().is_some_and(|d| d.contains("drops table users"))));
    }

    #[test]
    fn declared_renames_become_rename_ops_both_ways() {
        let old = schema(BLOG);
        let new = schema(
            &BLOG
                .replace("    users (id) {", "    /// @renamed_from users\n    members (id) {")
                .replace("name -> Text,", "/// @renamed_from name\n full_name -> Text,")
                .replace("@index (name)", "@index (full_name)")
                .replace("joinable!(posts -> users", "joinable!(posts -> members"),
        );
        let renames = declared_renames(&old, &new);
        assert_eq!(renames.tables, BTreeMap::from([("users".to_string(), "members".to_string())]));
        assert_eq!(renames.columns, BTreeMap::from([(("members".to_string(), "name".to_string()), "full_name".to_string())]));
        let (up, down) = both_ways(&old, &new, &renames);
        // Generated names follow the table name, so those constraints are renamed by drop + add.
        assert_eq!(
            up,
            [
                "drop_fk fk_posts_user_id_users",
                "drop_index ix_users_name",
                "drop_unique uq_users_email",
                "rename_table users->members",
                "rename_column members.name->full_name",
                "add_unique uq_members_email",
                "create_index ix_members_full_name",
                "add_fk fk_posts_user_id_members"
            ]
        );
        assert_eq!(down[3..5], ["rename_table members->users".to_string(), "rename_column users.full_name->name".to_string()]);
        assert!(!diff(&old, &new, &renames).iter().any(|o| matches!(o, Op::DropTable { .. } | Op::DropColumn { .. })));
        // Once applied, the annotation no longer means anything.
        assert_eq!(declared_renames(&new, &new), Renames::default());
    }

    #[test]
    fn undeclared_renames_are_candidates_and_flags_settle_them() {
        let old = schema(BLOG);
        let new = schema(&BLOG.replace("name -> Text,", "full_name -> Text,").replace("@index (name)", "@index ix_users_name (full_name)"));
        let candidates = rename_candidates(&old, &new, &Renames::default());
        assert_eq!(candidates.len(), 1);
        assert_eq!(candidates[0].to_string(), "users.name to users.full_name (a Text)");
        // Unsettled, it is a drop and an add (the warning is the caller's to give).
        assert_eq!(
            names(&diff(&old, &new, &Renames::default())),
            [
                "drop_index ix_users_name",
                "add_column users.full_name?",
                "backfill users.full_name=''",
                "alter_column users.full_name",
                "drop_column users.name",
                "create_index ix_users_name"
            ]
        );

        let mut r = Renames::default();
        r.add_flag("users.name=full_name", &old, &new).unwrap();
        assert!(rename_candidates(&old, &new, &r).is_empty());
        // The index on the renamed column follows it without being rebuilt.
        assert_eq!(names(&diff(&old, &new, &r)), ["rename_column users.name->full_name"]);

        let renamed_table = schema(&BLOG.replace("users (id)", "people (id)").replace("posts -> users", "posts -> people"));
        let c = rename_candidates(&old, &renamed_table, &Renames::default());
        assert_eq!(c.iter().map(ToString::to_string).collect::<Vec<_>>(), ["table users to people (3 columns)"]);
        let mut r = Renames::default();
        r.add_flag("users=people", &old, &renamed_table).unwrap();
        assert!(names(&diff(&old, &renamed_table, &r)).contains(&"rename_table users->people".to_string()));

        for (flag, want) in [
            ("users.name", "expected OLD=NEW"),
            ("nope.name=x", "no table `nope` at head"),
            ("users.nope=x", "has no column `nope`"),
            ("users.name=nope", "no column `users.nope`"),
            ("users=nope", "no table `nope`"),
        ] {
            let e = Renames::default().add_flag(flag, &old, &new).unwrap_err();
            assert!(e.contains(want), "{flag}: {e}");
        }
    }

    #[test]
    fn enums_are_created_before_and_dropped_after_their_tables() {
        let src = r#"
pub mod sql_types {
    /// @enum happy, sad
    #[derive(diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "mood"))]
    pub struct Mood;
}
diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::Mood;
    people (id) { id -> Integer, mood -> Mood, }
}
"#;
        let s = schema(src);
        let (up, down) = both_ways(&Schema::default(), &s, &Renames::default());
        assert_eq!(up, ["create_enum mood", "create_table people"]);
        assert_eq!(down, ["drop_table people", "drop_enum mood"]);
        let more = schema(&src.replace("happy, sad", "happy, sad, meh"));
        assert_eq!(names(&diff(&s, &more, &Renames::default())), ["alter_enum mood"]);
        let with_col = schema(&src.replace("mood -> Mood,", "mood -> Mood,\n other -> Mood,"));
        let ops = diff(&s, &with_col, &Renames::default());
        assert!(matches!(&ops[1], Op::Backfill { value, .. } if value == "'happy'"), "{ops:#?}");
    }

    #[test]
    fn narrowing_is_recognised() {
        let col = |t: SqlType, len: Option<u32>| Column {
            name: "c".into(),
            sql_type: t,
            nullable: false,
            max_length: len,
            default: None,
            auto_increment: false,
            renamed_from: None,
            doc: None,
        };
        assert!(narrows(&col(SqlType::BigInt, None), &col(SqlType::Integer, None)));
        assert!(!narrows(&col(SqlType::Integer, None), &col(SqlType::BigInt, None)));
        assert!(narrows(&col(SqlType::Varchar, Some(255)), &col(SqlType::Varchar, Some(20))));
        assert!(!narrows(&col(SqlType::Varchar, Some(20)), &col(SqlType::Text, None)));
        assert!(narrows(&col(SqlType::Text, None), &col(SqlType::Varchar, Some(20))));
        assert!(narrows(&col(SqlType::Integer, None), &col(SqlType::Unsigned(Box::new(SqlType::Integer)), None)));
        assert!(!narrows(&col(SqlType::Integer, None), &col(SqlType::Text, None)));
        assert!(narrows(&col(SqlType::Text, None), &col(SqlType::Integer, None)));
        let op = Op::AlterColumn { table: "t".into(), old: col(SqlType::BigInt, None), new: col(SqlType::SmallInt, None) };
        assert_eq!(op.danger().unwrap(), "narrows t.c from BigInt to SmallInt: values that do not fit fail the migration or are cut");
    }

    /// Issue 13: enums declared the way `diesel print-schema` writes them (no `@enum`
    /// labels) produced `DROP TYPE` for types the columns still use.
    #[test]
    fn a_type_without_labels_is_never_created_dropped_or_relabelled() {
        let labelled = |v: &[&str]| EnumType {
            name: "mood".into(),
            schema: None,
            variants: v.iter().map(|s| s.to_string()).collect(),
            source: crate::schema::model::Source::none(),
        };
        let mut live = Schema::default();
        live.enums.insert("mood".into(), labelled(&["happy", "sad"]));
        let mut models = Schema::default();
        models.enums.insert("mood".into(), labelled(&[]));
        assert!(diff(&live, &models, &Renames::default()).is_empty());
        assert!(diff(&models, &live, &Renames::default()).is_empty());
        assert!(diff(&Schema::default(), &models, &Renames::default()).is_empty());
        // Labelled on both sides, it is managed: a removed label is an AlterEnum, marked.
        let mut fewer = live.clone();
        fewer.enums.insert("mood".into(), labelled(&["happy"]));
        let ops = diff(&live, &fewer, &Renames::default());
        assert!(matches!(ops.as_slice(), [Op::AlterEnum { .. }]) && ops[0].danger().unwrap().contains("'sad'"), "{ops:?}");
    }

    /// Issue 13: a database's `posts_user_id_fkey` against the models' `joinable!` key
    /// (named `fk_posts_user_id_users`) was dropped and added again.
    #[test]
    fn a_foreign_key_is_matched_by_what_it_is_when_names_differ() {
        let models = schema(BLOG);
        let mut live = models.clone();
        live.tables.get_mut("posts").unwrap().foreign_keys[0].name = "posts_user_id_fkey".into();
        assert!(diff(&live, &models, &Renames::default()).is_empty());
        live.tables.get_mut("posts").unwrap().foreign_keys[0].on_delete = Some(crate::schema::model::Action::Cascade);
        let ops = diff(&live, &models, &Renames::default());
        assert_eq!(names(&ops), ["drop_fk posts_user_id_fkey", "add_fk fk_posts_user_id_users"]);
        assert!(ops[0].danger().unwrap().contains("ON DELETE CASCADE"));
    }

    /// Found by running the models fuzz target on large schemas: ordering tables by
    /// their references rescanned every table for every table placed (cubic), so a
    /// thousand tables with foreign keys took seconds to diff. Here each table
    /// references the next by name, the worst case.
    #[test]
    fn thousands_of_referencing_tables_are_ordered_quickly() {
        let n = 3000;
        let name = |i: usize| format!("t{i:04}");
        let mut schema = Schema::default();
        for i in 0..n {
            let mut t = Table::new(&name(i), vec![Column::new("id", SqlType::Integer), Column::new("next_id", SqlType::Integer)], &["id"]);
            if i + 1 < n {
                let fk = ForeignKey {
                    name: format!("fk_{i}"),
                    columns: vec!["next_id".into()],
                    ref_table: name(i + 1),
                    ref_columns: vec!["id".into()],
                    on_delete: None,
                    on_update: None,
                };
                t.foreign_keys.push(fk);
            }
            schema.tables.insert(name(i), t);
        }
        let started = std::time::Instant::now();
        let order = dependency_order(&schema);
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "took {:?}", started.elapsed());
        assert_eq!(order, (0..n).rev().map(name).collect::<Vec<_>>());
    }
}
