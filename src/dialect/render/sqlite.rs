//! SQLite dialect: [`Op`]s into the SQL an engineer would write by hand for SQLite.
//!
//! # Types
//!
//! SQLite keeps each column's declared type text verbatim (it only derives an
//! affinity from it), so every [`SqlType`](crate::schema::model::SqlType) gets a declared type of its own and
//! [`crate::dialect::introspect::sqlite`] maps it back exactly. `max_length` is written as
//! `(n)` after any type and read back the same way.
//!
//! | `SqlType`                              | declared type          | affinity |
//! |----------------------------------------|------------------------|----------|
//! | `SmallInt` / `Integer` / `BigInt` / `TinyInt` | `SMALLINT` / `INTEGER` / `BIGINT` / `TINYINT` | INTEGER |
//! | `Unsigned<T>`                          | `T UNSIGNED` (e.g. `BIGINT UNSIGNED`) | INTEGER |
//! | `Float` / `Double`                     | `REAL` / `DOUBLE`      | REAL     |
//! | `Numeric`                              | `NUMERIC`              | NUMERIC  |
//! | `Bool`                                 | `BOOLEAN`              | NUMERIC  |
//! | `Text` / `Varchar` / `Char`            | `TEXT` / `VARCHAR(n)` / `CHAR(n)` | TEXT |
//! | `Binary`                               | `BLOB`                 | BLOB     |
//! | `Date` / `Time` / `Timestamp` / `Datetime` / `Timestamptz` | `DATE` / `TIME` / `TIMESTAMP` / `DATETIME` / `TIMESTAMPTZ` (Diesel's `TimestamptzSqlite`) | NUMERIC |
//! | `Json` / `Jsonb`                       | `JSON` / `JSONB` (Diesel stores JSONB as a blob) | NUMERIC |
//! | `Oid`                                  | `BIGINT` (folded)      | INTEGER  |
//! | `Money`                                | `NUMERIC` (folded)     | NUMERIC  |
//! | PostgreSQL-only: `CChar`, `Citext`, `Interval`, `Uuid`, arrays, ranges, multiranges, `Inet`, `Cidr`, `MacAddr`, `MacAddr8`, `PgLsn`; enums (`Custom`) | `TEXT` (folded) | TEXT |
//!
//! "Folded" types come back as the type they are written as;
//! [`crate::dialect::introspect::sqlite::comparable`] folds the models the same way. A lone
//! integer primary key with `auto_increment` is always `INTEGER PRIMARY KEY
//! AUTOINCREMENT` (SQLite only auto-increments a rowid alias, which must be spelled
//! `INTEGER`), so such a column compares as `Integer`. Enum types do not exist:
//! their ops render as comments. Schema-qualified tables (`billing.invoices`) go
//! to the one namespace of the database file, without their schema.
//!
//! # What needs a table rebuild
//!
//! `ALTER TABLE` can only add a column (not NOT NULL without a constant default, not
//! with an expression or `CURRENT_*` default), drop a column (not one in a key,
//! constraint or index), and rename. Every other change of an existing table is the
//! rebuild of <https://www.sqlite.org/lang_altertable.html#otheralter>, and all ops of
//! one table (column adds and drops, backfills, index changes) are folded into ONE
//! rebuild from the table's final definition in `new`, emitted after the table's
//! renames. Foreign keys, uniques and checks live inside `CREATE TABLE` as named
//! `CONSTRAINT` clauses, so a created table's `AddForeignKey` ops are folded into it.
//!
//! `DROP TABLE` with foreign keys on deletes every row first, firing `ON DELETE
//! CASCADE` in other tables, and the bundled SQLite that Diesel links is compiled
//! with `SQLITE_DEFAULT_FOREIGN_KEYS=1`, so every connection has them on. A migration
//! with a rebuild (or dropping a table that another table references) therefore
//! turns them off around its own transaction (`PRAGMA foreign_keys` is a no-op
//! inside one), checks the references before committing, and is marked
//! `run_in_transaction = false`:
//!
//! ```sql
//! PRAGMA foreign_keys = OFF;
//! BEGIN;
//! ... ;
//! -- a violation fails the CHECK, the migration stops and its transaction is never committed
//! CREATE TEMP TABLE _cargo_migrate_fk_check (...CHECK (violations = 0));
//! INSERT INTO _cargo_migrate_fk_check SELECT COUNT(*) FROM pragma_foreign_key_check;
//! DROP TABLE _cargo_migrate_fk_check;
//! COMMIT;
//! PRAGMA foreign_keys = ON;
//! ```

use std::collections::{BTreeMap, BTreeSet};

use super::{CannotRender, OpRenderer, Rendered, Step};
use crate::backend::Backend;
use crate::dialect::lexer;
use crate::dialect::sqlite::{default_sql, ident, literal};
use crate::dialect::types::sqlite::declared_type;
use crate::dialect::{Dialect, Sqlite};
use crate::schema::diff::Op;
use crate::schema::model::{qualified_name, Check, Column, ForeignKey, Index, QualifiedName, Schema, Table, UniqueConstraint, Unmanaged, UnmanagedKind};

/// Temporary table of the foreign-key check that closes a rebuilding migration.
const FK_CHECK_TABLE: &str = "_cargo_migrate_fk_check";

/// A table key (`schema.name` or `name`). SQLite has one namespace per database
/// file (its "schemas" are attached files, which migrations do not manage), so the
/// schema part is dropped and `comparable` drops it too.
fn table_ident(key: &str) -> String {
    ident(&bare(key))
}

/// The bare table name: a `REFERENCES` clause cannot name another database.
fn bare(key: &str) -> String {
    QualifiedName::from_key(key).name
}

fn idents(cols: &[String]) -> String {
    Sqlite.quote_list(cols)
}

/// Whether `ALTER TABLE ... ADD COLUMN` accepts this column (see the module doc).
fn addable(c: &Column) -> bool {
    let d = c.default.as_deref().map(default_sql);
    let constant = d.as_deref().is_none_or(|d| !d.starts_with('(') && !d.to_ascii_uppercase().starts_with("CURRENT_"));
    let not_null_ok = c.nullable || d.as_deref().is_some_and(|d| !d.eq_ignore_ascii_case("NULL"));
    constant && not_null_ok && !c.auto_increment
}

fn column_sql(c: &Column, inline_pk: bool) -> String {
    let mut s = format!("{} ", ident(&c.name));
    if inline_pk {
        s.push_str("INTEGER PRIMARY KEY AUTOINCREMENT");
    } else {
        s.push_str(&declared_type(&c.sql_type));
        if let Some(n) = c.max_length {
            s.push_str(&format!("({n})"));
        }
    }
    if !c.nullable {
        s.push_str(" NOT NULL");
    }
    if let Some(d) = &c.default {
        s.push_str(" DEFAULT ");
        s.push_str(&default_sql(d));
    }
    s
}

fn fk_sql(fk: &ForeignKey) -> String {
    Sqlite.fk_clause(fk, &ident(&bare(&fk.ref_table)))
}

fn unique_sql(u: &UniqueConstraint) -> String {
    format!("CONSTRAINT {} UNIQUE ({})", ident(&u.name), idents(&u.columns))
}

fn check_sql(c: &Check) -> String {
    format!("CONSTRAINT {} CHECK ({})", ident(&c.name), c.expr.trim())
}

fn index_sql(table: &str, i: &Index) -> String {
    format!("CREATE {}INDEX {} ON {} ({});", if i.unique { "UNIQUE " } else { "" }, ident(&i.name), table_ident(table), idents(&i.columns))
}

/// The lone auto-increment integer key, written inline as the rowid alias.
fn inline_pk(t: &Table) -> Option<&str> {
    match t.primary_key.as_slice() {
        [pk] => t.column(pk).filter(|c| c.auto_increment).map(|c| c.name.as_str()),
        _ => None,
    }
}

/// `CREATE TABLE name (...)` with `t`'s columns, key, uniques, checks and `fks`.
fn create_table_sql(name: &str, t: &Table, fks: &[ForeignKey]) -> String {
    let pk = inline_pk(t);
    let mut lines: Vec<String> = t.columns.iter().map(|c| column_sql(c, pk == Some(c.name.as_str()))).collect();
    if pk.is_none() && !t.primary_key.is_empty() {
        lines.push(format!("PRIMARY KEY ({})", idents(&t.primary_key)));
    }
    lines.extend(t.uniques.iter().map(unique_sql));
    lines.extend(t.checks.iter().map(check_sql));
    lines.extend(fks.iter().map(fk_sql));
    format!("CREATE TABLE {} (\n    {}\n);", table_ident(name), lines.join(",\n    "))
}

/// The table an op changes in place (not create, drop or rename).
fn scoped_table(op: &Op) -> Option<&str> {
    match op {
        Op::AddColumn { table, .. }
        | Op::DropColumn { table, .. }
        | Op::AlterColumn { table, .. }
        | Op::Backfill { table, .. }
        | Op::AlterPrimaryKey { table, .. }
        | Op::CreateIndex { table, .. }
        | Op::DropIndex { table, .. }
        | Op::AddUnique { table, .. }
        | Op::DropUnique { table, .. }
        | Op::AddForeignKey { table, .. }
        | Op::DropForeignKey { table, .. }
        | Op::AddCheck { table, .. }
        | Op::DropCheck { table, .. } => Some(table),
        _ => None,
    }
}

/// Which ops the list renders and how: the tables created, dropped and rebuilt.
pub(crate) struct Plan<'a> {
    ops: &'a [Op],
    old: &'a Schema,
    new: &'a Schema,
    created: BTreeSet<String>,
    dropped: BTreeSet<String>,
    /// Final table name -> index of the op after which its rebuild is written.
    rebuild_at: BTreeMap<String, usize>,
    /// Whether the migration runs with foreign keys off (see the module doc).
    fk_off: bool,
}

impl<'a> Plan<'a> {
    pub(crate) fn new(ops: &'a [Op], old: &'a Schema, new: &'a Schema) -> Self {
        let mut plan = Plan { ops, old, new, created: BTreeSet::new(), dropped: BTreeSet::new(), rebuild_at: BTreeMap::new(), fk_off: false };
        for op in ops {
            match op {
                Op::CreateTable { table } => {
                    plan.created.insert(table.qualified_name());
                }
                Op::DropTable { table } => {
                    plan.dropped.insert(table.qualified_name());
                }
                _ => {}
            }
        }
        let mut rebuilt = BTreeSet::new();
        for (i, op) in ops.iter().enumerate() {
            if let Some(t) = scoped_table(op) {
                if !plan.created.contains(t) && !plan.dropped.contains(t) && plan.needs_rebuild(i, op) {
                    rebuilt.insert(plan.final_name(i, t));
                }
            }
        }
        for (i, op) in ops.iter().enumerate() {
            let involved = match op {
                Op::RenameTable { to, .. } => Some(plan.final_name(i + 1, to)),
                Op::RenameColumn { table, .. } => Some(plan.final_name(i, table)),
                _ => scoped_table(op).filter(|t| !plan.created.contains(*t) && !plan.dropped.contains(*t)).map(|t| plan.final_name(i, t)),
            };
            if let Some(f) = involved.filter(|f| rebuilt.contains(f)) {
                plan.rebuild_at.insert(f, i);
            }
        }
        plan.fk_off = plan.foreign_keys_off();
        plan
    }

    /// The name `table` (as named by op `i`) has once every later rename ran.
    fn final_name(&self, i: usize, table: &str) -> String {
        let mut name = table.to_string();
        for op in &self.ops[i..] {
            if let Op::RenameTable { from, to } = op {
                if *from == name {
                    name = to.clone();
                }
            }
        }
        name
    }

    /// The name the final table had before this op list (in `old`).
    fn original_name(&self, final_name: &str) -> String {
        let mut name = final_name.to_string();
        for op in self.ops.iter().rev() {
            if let Op::RenameTable { from, to } = op {
                if *to == name {
                    name = from.clone();
                }
            }
        }
        name
    }

    fn needs_rebuild(&self, i: usize, op: &Op) -> bool {
        match op {
            Op::AddColumn { column, table } => {
                let in_new_pk = self.new.tables.get(&self.final_name(i, table)).is_some_and(|t| t.primary_key.contains(&column.name));
                !addable(column) || in_new_pk
            }
            Op::DropColumn { table, column } => {
                let Some(t) = self.old.tables.get(&self.original_name(&self.final_name(i, table))) else { return true };
                let c = &column.name;
                let dropped_indexes: BTreeSet<&str> = self
                    .ops
                    .iter()
                    .filter_map(|o| match o {
                        Op::DropIndex { index, .. } => Some(index.name.as_str()),
                        _ => None,
                    })
                    .collect();
                t.primary_key.contains(c)
                    || t.uniques.iter().any(|u| u.columns.contains(c))
                    || t.foreign_keys.iter().any(|f| f.columns.contains(c))
                    || t.checks.iter().any(|k| mentions(&k.expr, c))
                    || t.indexes.iter().any(|x| x.columns.contains(c) && !dropped_indexes.contains(x.name.as_str()))
            }
            Op::CreateIndex { .. } | Op::DropIndex { .. } | Op::Backfill { .. } => false,
            _ => true,
        }
    }

    /// Whether op `i` is folded into its table's rebuild (so not written on its own).
    fn rebuilt_table(&self, i: usize, op: &Op) -> Option<String> {
        let t = scoped_table(op)?;
        if self.created.contains(t) || self.dropped.contains(t) {
            return None;
        }
        Some(self.final_name(i, t)).filter(|f| self.rebuild_at.contains_key(f))
    }

    /// Whether the migration must run with foreign keys off (see the module doc).
    fn foreign_keys_off(&self) -> bool {
        if !self.rebuild_at.is_empty() {
            return true;
        }
        // Dropping a referenced table needs them off, unless every table referencing it
        // was dropped before it.
        let drop_at = |name: &str| self.ops.iter().position(|o| matches!(o, Op::DropTable { table } if table.qualified_name() == name));
        self.dropped.iter().any(|d| {
            let at = drop_at(d);
            self.old.tables.iter().any(|(name, t)| name != d && t.foreign_keys.iter().any(|f| f.ref_table == *d) && drop_at(name).is_none_or(|i| Some(i) > at))
        })
    }

    /// The rebuild of `final_name` (the name it has when the rebuild runs).
    fn rebuild_sql(&self, final_name: &str) -> Result<String, CannotRender> {
        let Some(target) = self.new.tables.get(final_name) else {
            return Err(CannotRender::RebuildMissingTable { table: final_name.to_string() });
        };
        // The columns the table has right before the rebuild: `old`'s, renamed.
        let mut current: Vec<String> =
            self.old.tables.get(&self.original_name(final_name)).map(|t| t.columns.iter().map(|c| c.name.clone()).collect()).unwrap_or_default();
        let mut added = BTreeSet::new();
        let mut backfill = BTreeMap::new();
        for (i, op) in self.ops.iter().enumerate() {
            match op {
                Op::RenameColumn { table, from, to } if self.final_name(i, table) == final_name => {
                    for c in current.iter_mut().filter(|c| *c == from) {
                        *c = to.clone();
                    }
                }
                Op::AddColumn { table, column } if self.final_name(i, table) == final_name => {
                    added.insert(column.name.clone());
                }
                Op::DropColumn { table, column } if self.final_name(i, table) == final_name => {
                    current.retain(|c| *c != column.name);
                }
                Op::Backfill { table, column, value } if self.final_name(i, table) == final_name => {
                    backfill.insert(column.clone(), value.clone());
                }
                _ => {}
            }
        }
        let mut into = Vec::new();
        let mut select = Vec::new();
        for c in &target.columns {
            let exists = current.contains(&c.name) && !added.contains(&c.name);
            let expr = match (exists, backfill.get(&c.name)) {
                (true, Some(v)) => format!("COALESCE({}, {v})", ident(&c.name)),
                (true, None) => ident(&c.name),
                (false, Some(v)) => v.clone(),
                (false, None) => continue,
            };
            into.push(ident(&c.name));
            select.push(expr);
        }
        let tmp = qualified_name(None, &format!("_new_{}", bare(final_name)));
        let mut out = vec![super::comment(&format!("rebuild {final_name}: SQLite's ALTER TABLE cannot make this change in place"))];
        // What the database attached to the table and the models cannot describe:
        // dropping the table would take its triggers and partial/expression indexes
        // along, and a view or trigger naming it would make the rename fail. Each is
        // dropped first and recreated from its own statement after the rename.
        let attached = self.attached(final_name);
        for u in &attached {
            match u.kind {
                UnmanagedKind::View => out.push(format!("DROP VIEW IF EXISTS {};", ident(&u.name))),
                UnmanagedKind::Trigger => out.push(format!("DROP TRIGGER IF EXISTS {};", ident(&u.name))),
                _ => {}
            }
        }
        out.push(create_table_sql(&tmp, target, &target.foreign_keys));
        if !into.is_empty() {
            out.push(format!("INSERT INTO {} ({})\nSELECT {} FROM {};", table_ident(&tmp), into.join(", "), select.join(", "), table_ident(final_name)));
        }
        out.push(self.attached_guard(final_name, target, &attached));
        out.push(format!("DROP TABLE {};", table_ident(final_name)));
        out.push(format!("ALTER TABLE {} RENAME TO {};", table_ident(&tmp), ident(&bare(final_name))));
        out.extend(target.indexes.iter().map(|i| index_sql(final_name, i)));
        for u in &attached {
            if let Some(sql) = &u.sql {
                out.push(format!("{};", sql.trim().trim_end_matches(';')));
            }
        }
        Ok(out.join("\n"))
    }

    /// SQL that fails the migration (before anything is dropped, so it never
    /// commits) when the table has a trigger, an index with a statement of its own,
    /// or a view naming it, that this rebuild does not recreate: without a database
    /// to read them from (offline autogenerate), they are unknown, and DROP TABLE
    /// would lose them silently.
    fn attached_guard(&self, final_name: &str, target: &Table, attached: &[&Unmanaged]) -> String {
        let table = literal(&bare(final_name));
        let mut known: Vec<String> = attached.iter().map(|u| u.name.clone()).collect();
        known.extend(target.indexes.iter().map(|i| i.name.clone()));
        known.extend(target.uniques.iter().map(|u| u.name.clone()));
        // Indexes this migration drops go with the old table, as they should.
        for (i, op) in self.ops.iter().enumerate() {
            match op {
                Op::DropIndex { table, index } if self.final_name(i, table) == final_name => known.push(index.name.clone()),
                Op::DropUnique { table, unique } if self.final_name(i, table) == final_name => known.push(unique.name.clone()),
                _ => {}
            }
        }
        known.push(String::new());
        let known = known.iter().map(|n| literal(n)).collect::<Vec<_>>().join(", ");
        let like = literal(&format!("%{}%", bare(final_name)));
        format!(
            "-- Fails (and so never commits) if a trigger, index or view on {final_name} would be lost: regenerate with `--db` to keep them.\n\
             CREATE TEMP TABLE {ATTACHED_CHECK_TABLE} (unknown INTEGER CONSTRAINT triggers_views_or_indexes_would_be_lost CHECK (unknown = 0));\n\
             INSERT INTO {ATTACHED_CHECK_TABLE} SELECT COUNT(*) FROM sqlite_master WHERE name NOT IN ({known}) AND (\
             (type IN ('trigger', 'index') AND tbl_name = {table} AND sql IS NOT NULL) OR (type = 'view' AND sql LIKE {like}));\n\
             DROP TABLE {ATTACHED_CHECK_TABLE};"
        )
    }

    /// Views, triggers and partial or expression indexes that a rebuild of
    /// `final_name` must keep: those on the table (under its name before or after
    /// the migration) and views and triggers whose statement names it. Known only
    /// when a side of the diff was read from the database (`--db`), which records
    /// each one's statement; indexes first, then views, then triggers (a trigger may
    /// name a view).
    fn attached(&self, final_name: &str) -> Vec<&Unmanaged> {
        let names = [bare(final_name), bare(&self.original_name(final_name))];
        let mut found: Vec<&Unmanaged> = Vec::new();
        for u in self.old.unmanaged.iter().chain(self.new.unmanaged.iter()) {
            let Some(sql) = &u.sql else { continue };
            let on_table = u.table.as_deref().is_some_and(|t| names.iter().any(|n| *n == bare(t)));
            let named = matches!(u.kind, UnmanagedKind::View | UnmanagedKind::Trigger) && names.iter().any(|n| mentions(sql, n));
            if (on_table || named) && !found.iter().any(|f| f.name == u.name && f.kind == u.kind) {
                found.push(u);
            }
        }
        found.sort_by_key(|u| match u.kind {
            UnmanagedKind::View => 1,
            UnmanagedKind::Trigger => 2,
            _ => 0,
        });
        found
    }

    /// The SQL of one op written on its own; `None` when it is folded or skipped.
    fn op_sql(&self, i: usize, op: &Op) -> Result<Option<String>, CannotRender> {
        let enum_note = |e: &crate::schema::model::EnumType, verb: &str| {
            let labels: Vec<String> = e.variants.iter().map(|v| literal(v)).collect();
            super::comment(&format!("enum {} ({}) {verb}: SQLite has no enum types, its columns are TEXT", e.qualified_name(), labels.join(", ")))
        };
        Ok(Some(match op {
            Op::CreateEnum { enum_type } => enum_note(enum_type, "created"),
            Op::AlterEnum { new, .. } => enum_note(new, "changed"),
            Op::DropEnum { enum_type } => enum_note(enum_type, "dropped"),
            Op::CreateTable { table } => {
                let name = table.qualified_name();
                let mut fks = table.foreign_keys.clone();
                for o in self.ops {
                    if let Op::AddForeignKey { table: t, fk } = o {
                        if *t == name && !fks.iter().any(|f| f.name == fk.name) {
                            fks.push(fk.clone());
                        }
                    }
                }
                fks.sort_by(|a, b| a.name.cmp(&b.name));
                create_table_sql(&name, table, &fks)
            }
            Op::DropTable { table } => format!("DROP TABLE {};", table_ident(&table.qualified_name())),
            Op::RenameTable { from, to } => format!("ALTER TABLE {} RENAME TO {};", table_ident(from), ident(&bare(to))),
            Op::RenameColumn { table, from, to } => format!("ALTER TABLE {} RENAME COLUMN {} TO {};", table_ident(table), ident(from), ident(to)),
            Op::AddColumn { table, column } => format!("ALTER TABLE {} ADD COLUMN {};", table_ident(table), column_sql(column, false)),
            Op::DropColumn { table, column } => format!("ALTER TABLE {} DROP COLUMN {};", table_ident(table), ident(&column.name)),
            Op::Backfill { table, column, value } => {
                format!("UPDATE {} SET {} = {value} WHERE {} IS NULL;", table_ident(table), ident(column), ident(column))
            }
            Op::CreateIndex { table, index } => index_sql(table, index),
            Op::DropIndex { table, index } if !self.dropped.contains(table.as_str()) => format!("DROP INDEX {};", ident(&index.name)),
            Op::AddForeignKey { table, .. } if self.created.contains(table.as_str()) => return Ok(None),
            Op::DropIndex { .. } | Op::DropForeignKey { .. } | Op::DropUnique { .. } | Op::DropCheck { .. } => {
                // Only reached for dropped tables (every other table is rebuilt): the drop takes them along.
                return Ok(None);
            }
            // Always part of a rebuild; reached only if the table is missing from the plan.
            Op::AlterColumn { table, .. }
            | Op::AlterPrimaryKey { table, .. }
            | Op::AddUnique { table, .. }
            | Op::AddForeignKey { table, .. }
            | Op::AddCheck { table, .. } => self.rebuild_sql(&self.final_name(i, table))?,
        }))
    }
}

/// Whether the SQL `expr` names `col`: a word or quoted identifier, never text
/// inside a string literal or a comment.
fn mentions(expr: &str, col: &str) -> bool {
    lexer::tokens(expr, Backend::Sqlite).any(|t| t.ident().is_some_and(|name| name.eq_ignore_ascii_case(col)))
}

/// The temporary table of [`Plan::attached_guard`].
const ATTACHED_CHECK_TABLE: &str = "_cargo_migrate_attached_check";

pub fn render(ops: &[Op], old: &Schema, new: &Schema) -> Rendered {
    Sqlite.render(ops, old, new)
}

/// SQLite's [`OpRenderer`]: the ops of a rebuilt table folded into its rebuild,
/// written after the last of them, and the migration wrapped in its own
/// transaction with foreign keys off when it rebuilds or drops a referenced table.
impl OpRenderer for Plan<'_> {
    fn header(&mut self) -> Vec<String> {
        if !self.fk_off {
            return Vec::new();
        }
        vec![
            "-- Foreign keys off: DROP TABLE would otherwise delete the rows (and cascade into other tables).\n\
             -- PRAGMA foreign_keys does nothing inside a transaction, so this migration manages its own.\n\
             PRAGMA foreign_keys = OFF;"
                .into(),
            "BEGIN;".into(),
        ]
    }

    fn op(&mut self, i: usize, op: &Op) -> Result<Step, CannotRender> {
        if let Some(table) = self.rebuilt_table(i, op) {
            return Ok(Step::Fold(table));
        }
        // A constraint of a dropped table renders nothing: the DROP TABLE takes it
        // (and carries the warning).
        Ok(Step::Write(self.op_sql(i, op)?.into_iter().collect()))
    }

    /// A rebuild goes after the last op of its table (renames included).
    fn step_after(&mut self, i: usize) -> Option<(String, Result<Vec<String>, CannotRender>)> {
        let (name, _) = self.rebuild_at.iter().find(|(_, at)| **at == i)?;
        Some((name.clone(), self.rebuild_sql(name).map(|sql| vec![sql])))
    }

    fn footer(&mut self) -> Vec<String> {
        if !self.fk_off {
            return Vec::new();
        }
        vec![
            format!(
                "-- Fails (and so never commits) if a reference no longer holds.\n\
                 CREATE TEMP TABLE {FK_CHECK_TABLE} (violations INTEGER CONSTRAINT foreign_key_violations CHECK (violations = 0));\n\
                 INSERT INTO {FK_CHECK_TABLE} SELECT COUNT(*) FROM pragma_foreign_key_check;\n\
                 DROP TABLE {FK_CHECK_TABLE};"
            ),
            "COMMIT;".into(),
            "PRAGMA foreign_keys = ON;".into(),
        ]
    }

    fn run_in_transaction(&self) -> bool {
        !self.fk_off
    }
}

#[cfg(test)]
mod tests;
