//! MySQL / MariaDB dialect. The SQL targets MariaDB 10.5+ and MySQL 8.0.19+ alike
//! (`RENAME COLUMN`, `DROP CONSTRAINT`, expression defaults in parentheses).
//!
//! Identifiers are quoted with backticks only when they need it (reserved words,
//! upper case, characters outside `[a-z0-9_]`), so the files stay readable.
//!
//! # Types
//!
//! Every model type is first folded into the type MySQL stores ([`stored_type`]);
//! [`crate::dialect::introspect::mysql::comparable`] folds the models the same way, so a
//! round trip compares equal.
//!
//! | Model type                          | MySQL type                 | Why                                              |
//! |-------------------------------------|----------------------------|--------------------------------------------------|
//! | `TinyInt`, `SmallInt`, `Integer`, `BigInt` | `TINYINT` … `BIGINT` |                                                  |
//! | `Unsigned<T>`                       | `T UNSIGNED`               |                                                  |
//! | `Float`, `Double`                   | `FLOAT`, `DOUBLE`          |                                                  |
//! | `Numeric`, `Money`                  | `DECIMAL(65,30)`           | bare `DECIMAL` is `DECIMAL(10,0)` and cuts every fraction; this is the widest |
//! | `Bool`                              | `BOOLEAN` (`TINYINT(1)`)   |                                                  |
//! | `Text`, `Citext`                    | `TEXT`                     | the default collations already ignore case       |
//! | `Varchar`                           | `VARCHAR(n)`, n = 255 without `max_length` | MySQL requires a length          |
//! | `Char`, `CChar`                     | `CHAR(n)`, n = 1 without `max_length`      | SQL's own default                |
//! | `Binary`                            | `BLOB`, `VARBINARY(n)` with `max_length`   |                                  |
//! | `Date`, `Time`, `Datetime`          | `DATE`, `TIME`, `DATETIME` |                                                  |
//! | `Timestamp`, `Timestamptz`          | `TIMESTAMP`                | MySQL's `TIMESTAMP` is stored in UTC, like `timestamptz` |
//! | `Json`, `Jsonb`, `Array<T>`         | `JSON`                     | an array is a JSON array (MariaDB: `LONGTEXT` + `json_valid` check) |
//! | `Uuid`                              | `CHAR(36)`                 | the text form `UUID()` returns                   |
//! | `Inet`, `Cidr`                      | `VARCHAR(49)`              | the longest IPv6 text with a `/128` prefix       |
//! | `MacAddr`, `MacAddr8`               | `CHAR(17)`, `CHAR(23)`     | the text form                                    |
//! | `Interval`, `Range<T>`, `Multirange<T>` | `VARCHAR(255)`         | no such types; their PostgreSQL text form        |
//! | `Oid`, `PgLsn`                      | `INTEGER UNSIGNED`, `BIGINT UNSIGNED` | same width, unsigned              |
//! | an enum (`Custom` with variants)    | `ENUM('a', 'b')` inline    | MySQL has no named enum types                    |
//! | another `Custom` type               | its name, verbatim         |                                                  |
//!
//! Enums: `CreateEnum`/`DropEnum` render nothing (and carry no danger comment,
//! since nothing is dropped); `AlterEnum` rewrites every existing column using the
//! enum with `MODIFY COLUMN`.
//!
//! Indexes and uniques on `TEXT`/`BLOB` columns get a 255-character prefix
//! ([`TEXT_KEY_PREFIX`]): MySQL cannot index them whole. A unique over such a
//! prefix is stricter than the model (two values sharing 255 leading characters
//! clash); declare the column `Varchar` to avoid that.
//!
//! Foreign keys: InnoDB creates an index named after a foreign key when no index
//! starts with its columns, drops it when a covering index is created later, and
//! keeps it when the foreign key is dropped. `DropForeignKey` therefore drops that
//! index too when the old table had no covering index, and dropping the last index
//! covering a kept foreign key re-adds the index InnoDB needs under the foreign
//! key's name (introspection ignores indexes named after a foreign key).
//!
//! AUTO_INCREMENT needs a key: a column that becomes the lone auto-increment
//! primary key gets `AUTO_INCREMENT` right after `AlterPrimaryKey` adds the key.

use std::collections::BTreeSet;

use super::{CannotRender, OpRenderer, Rendered, Step};
pub use crate::dialect::mysql::ident;
use crate::dialect::mysql::{literal, translate_default};
use crate::dialect::types::mysql::{stored_type, DEFAULT_VARCHAR_LENGTH};
use crate::dialect::{Dialect, Mysql};
use crate::schema::diff::Op;
use crate::schema::model::{Column, ForeignKey, QualifiedName, Schema, SqlType, Table};

/// Prefix length of `TEXT`/`BLOB` columns in indexes and uniques.
pub const TEXT_KEY_PREFIX: u32 = 255;

pub fn render(ops: &[Op], old: &Schema, new: &Schema) -> Rendered {
    Mysql.render(ops, old, new)
}

/// A default expression as MySQL is given it: PostgreSQL spellings of the same
/// functions translated (`now()`, `gen_random_uuid()`), and anything but a plain
/// literal wrapped in parentheses, which MySQL 8 requires of expression defaults
/// (and of every default of a `TEXT`, `BLOB` or `JSON` column).
pub fn default_sql(expr: &str, stored: &SqlType) -> String {
    let expr = translate_default(expr.trim());
    let lower = expr.to_ascii_lowercase();
    let blob_like = matches!(stored, SqlType::Text | SqlType::Binary | SqlType::Json);
    let is_time_literal = matches!(lower.as_str(), "current_timestamp" | "current_timestamp()" | "localtimestamp" | "localtimestamp()")
        || lower.starts_with("current_timestamp(");
    let is_literal = is_time_literal
        || matches!(lower.as_str(), "null" | "true" | "false")
        || (expr.starts_with('\'') && expr.ends_with('\'') && expr.len() >= 2)
        || expr.trim_start_matches(['-', '+']).parse::<f64>().is_ok();
    if (is_literal && !blob_like) || lower == "null" || (expr.starts_with('(') && expr.ends_with(')')) {
        expr
    } else {
        format!("({expr})")
    }
}

/// A qualified table name (`schema.table` is `database.table` here).
fn table_ref(qualified: &str) -> String {
    match QualifiedName::from_key(qualified) {
        QualifiedName { schema: Some(schema), name } => format!("{}.{}", ident(&schema), ident(&name)),
        QualifiedName { schema: None, name } => ident(&name),
    }
}

fn ident_list(names: &[String]) -> String {
    Mysql.quote_list(names)
}

/// MySQL's [`OpRenderer`]: each op on its own; ops that MySQL has nothing for
/// (named enum types) render nothing.
pub(crate) struct Renderer<'a> {
    pub(crate) ops: &'a [Op],
    pub(crate) old: &'a Schema,
    pub(crate) new: &'a Schema,
}

impl OpRenderer for Renderer<'_> {
    fn op(&mut self, _i: usize, op: &Op) -> Result<Step, CannotRender> {
        Ok(Step::Write(self.statements(op)))
    }
}

impl Renderer<'_> {
    fn statements(&self, op: &Op) -> Vec<String> {
        match op {
            Op::CreateEnum { .. } | Op::DropEnum { .. } => vec![],
            Op::AlterEnum { old, new } => self.alter_enum(&old.qualified_name(), &new.qualified_name(), &new.variants),
            Op::CreateTable { table } => vec![self.create_table(table)],
            Op::DropTable { table } => vec![format!("DROP TABLE {};", table_ref(&table.qualified_name()))],
            Op::RenameTable { from, to } => vec![format!("RENAME TABLE {} TO {};", table_ref(from), table_ref(to))],
            Op::AddColumn { table, column } => {
                let def = self.column_def(column, None, self.keeps_auto_increment(table, column));
                vec![format!("ALTER TABLE {} ADD COLUMN {def}{};", table_ref(table), self.position(table, &column.name))]
            }
            Op::DropColumn { table, column } => vec![format!("ALTER TABLE {} DROP COLUMN {};", table_ref(table), ident(&column.name))],
            Op::RenameColumn { table, from, to } => {
                vec![format!("ALTER TABLE {} RENAME COLUMN {} TO {};", table_ref(table), ident(from), ident(to))]
            }
            Op::AlterColumn { table, new, .. } => {
                let def = self.column_def(new, None, self.keeps_auto_increment(table, new));
                vec![format!("ALTER TABLE {} MODIFY COLUMN {def};", table_ref(table))]
            }
            Op::Backfill { table, column, value } => {
                let c = ident(column);
                vec![format!("UPDATE {} SET {c} = {value} WHERE {c} IS NULL;", table_ref(table))]
            }
            Op::AlterPrimaryKey { table, old, new } => self.alter_primary_key(table, old, new),
            Op::CreateIndex { table, index } => {
                let unique = if index.unique { "UNIQUE " } else { "" };
                let cols = self.key_columns(self.new_table(table), &index.columns);
                vec![format!("CREATE {unique}INDEX {} ON {} ({cols});", ident(&index.name), table_ref(table))]
            }
            Op::DropIndex { table, index } => self.drop_index(table, &index.name),
            Op::AddUnique { table, unique } => {
                let cols = self.key_columns(self.new_table(table), &unique.columns);
                vec![format!("ALTER TABLE {} ADD CONSTRAINT {} UNIQUE ({cols});", table_ref(table), ident(&unique.name))]
            }
            Op::DropUnique { table, unique } => self.drop_index(table, &unique.name),
            Op::AddForeignKey { table, fk } => vec![format!("ALTER TABLE {} ADD {};", table_ref(table), foreign_key(fk))],
            Op::DropForeignKey { table, fk } => {
                let mut out = vec![format!("ALTER TABLE {} DROP FOREIGN KEY {};", table_ref(table), ident(&fk.name))];
                if let Some(t) = self.old.tables.get(table) {
                    if !covered(t, &fk.columns, None) {
                        out.push(format!("ALTER TABLE {} DROP INDEX {};", table_ref(table), ident(&fk.name)));
                    }
                }
                out
            }
            Op::AddCheck { table, check } => {
                vec![format!("ALTER TABLE {} ADD CONSTRAINT {} CHECK ({});", table_ref(table), ident(&check.name), check.expr)]
            }
            Op::DropCheck { table, check } => vec![format!("ALTER TABLE {} DROP CONSTRAINT {};", table_ref(table), ident(&check.name))],
        }
    }

    /// The table as it is after the migration (`name` is its name when the op runs,
    /// which is its final name for every op after the renames).
    fn new_table(&self, name: &str) -> Option<&Table> {
        self.new.tables.get(name).or_else(|| {
            self.ops.iter().find_map(|op| match op {
                Op::RenameTable { from, to } if from == name => self.new.tables.get(to),
                _ => None,
            })
        })
    }

    /// The table as it was before the migration, from its name after the renames.
    fn old_table(&self, name: &str) -> Option<&Table> {
        let old_name = self
            .ops
            .iter()
            .find_map(|op| match op {
                Op::RenameTable { from, to } if to == name => Some(from.as_str()),
                _ => None,
            })
            .unwrap_or(name);
        self.old.tables.get(old_name)
    }

    /// The column's old name, from its name after the renames.
    fn old_column_name<'n>(&'n self, table: &str, name: &'n str) -> &'n str {
        self.ops
            .iter()
            .find_map(|op| match op {
                Op::RenameColumn { table: t, from, to } if t == table && to == name => Some(from.as_str()),
                _ => None,
            })
            .unwrap_or(name)
    }

    /// Where an added column goes: MySQL appends, so a column declared before the
    /// end of the model's table is placed with `FIRST` or `AFTER` (column order is
    /// part of the schema, and `down.sql` must put a dropped column back in place).
    fn position(&self, table: &str, column: &str) -> String {
        let Some(cols) = self.new_table(table).map(|t| &t.columns) else { return String::new() };
        match cols.iter().position(|c| c.name == column) {
            Some(i) if i + 1 == cols.len() => String::new(),
            Some(0) => " FIRST".into(),
            Some(i) => format!(" AFTER {}", ident(&cols[i - 1].name)),
            None => String::new(),
        }
    }

    /// AUTO_INCREMENT is only allowed on a key: it is rendered on a column when the
    /// table already has it as its lone primary key, else after `AlterPrimaryKey`.
    fn keeps_auto_increment(&self, table: &str, column: &Column) -> bool {
        column.auto_increment && self.old_table(table).is_some_and(|t| t.primary_key == [self.old_column_name(table, &column.name).to_string()])
    }

    fn variants(&self, name: &str) -> Option<&[String]> {
        let e = self.new.enums.get(name).or_else(|| self.old.enums.get(name))?;
        (!e.variants.is_empty()).then_some(e.variants.as_slice())
    }

    fn type_sql(&self, t: &SqlType, max_length: Option<u32>, enum_override: Option<&[String]>) -> String {
        let (stored, len) = stored_type(t, max_length);
        self.stored_sql(&stored, len, enum_override)
    }

    fn stored_sql(&self, t: &SqlType, len: Option<u32>, enum_override: Option<&[String]>) -> String {
        use SqlType::*;
        match t {
            TinyInt => "TINYINT".into(),
            SmallInt => "SMALLINT".into(),
            Integer => "INTEGER".into(),
            BigInt => "BIGINT".into(),
            Unsigned(inner) => format!("{} UNSIGNED", self.stored_sql(inner, None, None)),
            Float => "FLOAT".into(),
            Double => "DOUBLE".into(),
            Numeric => "DECIMAL(65,30)".into(),
            Bool => "BOOLEAN".into(),
            Text => "TEXT".into(),
            Varchar => format!("VARCHAR({})", len.unwrap_or(DEFAULT_VARCHAR_LENGTH)),
            Char => format!("CHAR({})", len.unwrap_or(1)),
            Binary => match len {
                Some(n) => format!("VARBINARY({n})"),
                None => "BLOB".into(),
            },
            Date => "DATE".into(),
            Time => "TIME".into(),
            Timestamp => "TIMESTAMP".into(),
            Datetime => "DATETIME".into(),
            Json => "JSON".into(),
            Custom { name } => match enum_override.or_else(|| self.variants(name)) {
                Some(vs) => format!("ENUM({})", vs.iter().map(|v| literal(v)).collect::<Vec<_>>().join(", ")),
                None => name.clone(),
            },
            // `stored_type` folded the rest away.
            other => self.type_sql(other, len, enum_override),
        }
    }

    /// `name TYPE [NOT NULL] [DEFAULT …] [AUTO_INCREMENT]`.
    fn column_def(&self, c: &Column, enum_override: Option<&[String]>, auto_increment: bool) -> String {
        let (stored, _) = stored_type(&c.sql_type, c.max_length);
        let mut s = format!("{} {}", ident(&c.name), self.type_sql(&c.sql_type, c.max_length, enum_override));
        if !c.nullable {
            s.push_str(" NOT NULL");
        } else if stored == SqlType::Timestamp {
            // Without explicit_defaults_for_timestamp a bare TIMESTAMP is NOT NULL.
            s.push_str(" NULL");
        }
        if let Some(d) = &c.default {
            s.push_str(&format!(" DEFAULT {}", default_sql(d, &stored)));
        }
        if auto_increment {
            s.push_str(" AUTO_INCREMENT");
        }
        s
    }

    /// Key columns, with a prefix length for `TEXT`/`BLOB` columns.
    fn key_columns(&self, table: Option<&Table>, columns: &[String]) -> String {
        columns
            .iter()
            .map(|name| {
                let col = table.and_then(|t| t.column(name));
                let needs_prefix =
                    col.is_some_and(|c| matches!(stored_type(&c.sql_type, c.max_length), (SqlType::Text | SqlType::Json, _) | (SqlType::Binary, None)));
                if needs_prefix {
                    format!("{}({TEXT_KEY_PREFIX})", ident(name))
                } else {
                    ident(name)
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn create_table(&self, t: &Table) -> String {
        let inline_pk = match t.primary_key.as_slice() {
            [pk] => t.column(pk).is_some_and(|c| c.auto_increment),
            _ => false,
        };
        let mut lines: Vec<String> = t
            .columns
            .iter()
            .map(|c| {
                let auto = inline_pk && t.primary_key[0] == c.name;
                let mut def = self.column_def(c, None, auto);
                if auto {
                    def.push_str(" PRIMARY KEY");
                }
                def
            })
            .collect();
        if !inline_pk && !t.primary_key.is_empty() {
            lines.push(format!("PRIMARY KEY ({})", ident_list(&t.primary_key)));
        }
        for u in &t.uniques {
            lines.push(format!("CONSTRAINT {} UNIQUE ({})", ident(&u.name), self.key_columns(Some(t), &u.columns)));
        }
        for c in &t.checks {
            lines.push(format!("CONSTRAINT {} CHECK ({})", ident(&c.name), c.expr));
        }
        format!("CREATE TABLE {} (\n    {}\n);", table_ref(&t.qualified_name()), lines.join(",\n    "))
    }

    fn alter_primary_key(&self, table: &str, old: &[String], new: &[String]) -> Vec<String> {
        let mut parts = Vec::new();
        // An AUTO_INCREMENT column must stay a key: one about to be dropped loses
        // AUTO_INCREMENT first (a kept one already did, in its `AlterColumn`).
        if let ([pk], Some(t)) = (old, self.old_table(table)) {
            let dropped = self.new_table(table).is_none_or(|nt| nt.column(pk).is_none());
            if let Some(c) = t.column(pk).filter(|c| c.auto_increment && dropped) {
                parts.push(format!("MODIFY COLUMN {}", self.column_def(c, None, false)));
            }
        }
        if !old.is_empty() {
            parts.push("DROP PRIMARY KEY".to_string());
        }
        if !new.is_empty() {
            parts.push(format!("ADD PRIMARY KEY ({})", ident_list(new)));
        }
        if parts.is_empty() {
            return vec![];
        }
        let mut out = vec![format!("ALTER TABLE {} {};", table_ref(table), parts.join(", "))];
        let Some(t) = self.new_table(table) else { return out };
        if let [pk] = new {
            if let Some(c) = t.column(pk).filter(|c| c.auto_increment) {
                out.push(format!("ALTER TABLE {} MODIFY COLUMN {};", table_ref(table), self.column_def(c, None, true)));
            }
        }
        // MySQL made every key column NOT NULL; one leaving the key gets its NULL back.
        for c in t.columns.iter().filter(|c| c.nullable && old.contains(&c.name) && !new.contains(&c.name)) {
            out.push(format!("ALTER TABLE {} MODIFY COLUMN {};", table_ref(table), self.column_def(c, None, false)));
        }
        out
    }

    /// `MODIFY COLUMN` for every existing column typed with the enum, keeping the
    /// rest of its old definition (nullability and default change in their own ops).
    fn alter_enum(&self, old_key: &str, new_key: &str, variants: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for (name, t) in &self.new.tables {
            let Some(old_t) = self.old_table(name) else { continue };
            for c in &t.columns {
                if !matches!(&c.sql_type, SqlType::Custom { name } if name == new_key) {
                    continue;
                }
                let old_c = old_t.column(self.old_column_name(name, &c.name));
                let Some(old_c) = old_c.filter(|oc| matches!(&oc.sql_type, SqlType::Custom { name } if name == old_key)) else {
                    continue;
                };
                let mut def_c = old_c.clone();
                def_c.name = c.name.clone();
                let auto = self.keeps_auto_increment(name, &def_c);
                out.push(format!("ALTER TABLE {} MODIFY COLUMN {};", table_ref(name), self.column_def(&def_c, Some(variants), auto)));
            }
        }
        out
    }

    /// Drops an index or unique. InnoDB refuses to drop the last index a kept
    /// foreign key uses, so that index is replaced by one named after the key,
    /// in the same statement (what InnoDB would have created itself).
    fn drop_index(&self, table: &str, name: &str) -> Vec<String> {
        let mut parts = vec![format!("DROP INDEX {}", ident(name))];
        if let Some(t) = self.old.tables.get(table) {
            let dropped: BTreeSet<&str> = self
                .ops
                .iter()
                .filter_map(|op| match op {
                    Op::DropIndex { table: tt, index } if tt == table => Some(index.name.as_str()),
                    Op::DropUnique { table: tt, unique } if tt == table => Some(unique.name.as_str()),
                    _ => None,
                })
                .collect();
            let dropped_fks: BTreeSet<&str> = self
                .ops
                .iter()
                .filter_map(|op| match op {
                    Op::DropForeignKey { table: tt, fk } if tt == table => Some(fk.name.as_str()),
                    _ => None,
                })
                .collect();
            let this_covers = |fk: &ForeignKey| {
                t.indexes.iter().any(|i| i.name == name && starts_with(&i.columns, &fk.columns))
                    || t.uniques.iter().any(|u| u.name == name && starts_with(&u.columns, &fk.columns))
            };
            // The last covering index dropped in this migration re-adds the key's own.
            let later_drop = |fk: &ForeignKey| {
                let pos = self.ops.iter().position(|op| {
                    matches!(op, Op::DropIndex { table: tt, index } if tt == table && index.name == name)
                        || matches!(op, Op::DropUnique { table: tt, unique } if tt == table && unique.name == name)
                });
                self.ops.iter().enumerate().any(|(i, op)| {
                    pos.is_some_and(|p| i > p)
                        && match op {
                            Op::DropIndex { table: tt, index } if tt == table => starts_with(&index.columns, &fk.columns),
                            Op::DropUnique { table: tt, unique } if tt == table => starts_with(&unique.columns, &fk.columns),
                            _ => false,
                        }
                })
            };
            for fk in &t.foreign_keys {
                if dropped_fks.contains(fk.name.as_str()) || !this_covers(fk) || later_drop(fk) {
                    continue;
                }
                if !covered(t, &fk.columns, Some(&dropped)) {
                    parts.push(format!("ADD INDEX {} ({})", ident(&fk.name), ident_list(&fk.columns)));
                }
            }
        }
        vec![format!("ALTER TABLE {} {};", table_ref(table), parts.join(", "))]
    }
}

fn foreign_key(fk: &ForeignKey) -> String {
    Mysql.fk_clause(fk, &table_ref(&fk.ref_table))
}

fn starts_with(index: &[String], fk: &[String]) -> bool {
    index.len() >= fk.len() && index[..fk.len()] == *fk
}

/// Whether an index, unique or the primary key of `t` (other than those in
/// `except`) starts with `columns`, so InnoDB needs no index of its own for them.
fn covered(t: &Table, columns: &[String], except: Option<&BTreeSet<&str>>) -> bool {
    let kept = |name: &str| except.is_none_or(|e| !e.contains(name));
    starts_with(&t.primary_key, columns)
        || t.indexes.iter().any(|i| kept(&i.name) && starts_with(&i.columns, columns))
        || t.uniques.iter().any(|u| kept(&u.name) && starts_with(&u.columns, columns))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::model::{Action, Check, EnumType, Index, Source, UniqueConstraint};

    fn schema(tables: Vec<Table>, enums: Vec<EnumType>) -> Schema {
        Schema {
            tables: tables.into_iter().map(|t| (t.qualified_name(), t)).collect(),
            enums: enums.into_iter().map(|e| (e.qualified_name(), e)).collect(),
            unmanaged: vec![],
        }
    }

    fn mood(variants: &[&str]) -> EnumType {
        EnumType { name: "mood".into(), schema: None, variants: variants.iter().map(|s| s.to_string()).collect(), source: Source::none() }
    }

    fn users() -> Table {
        let mut id = Column::new("id", SqlType::Integer);
        id.auto_increment = true;
        let mut email = Column::new("email", SqlType::Varchar);
        email.max_length = Some(120);
        let mut status = Column::new("status", SqlType::Varchar);
        status.default = Some("'active'".into());
        let mut created = Column::new("created_at", SqlType::Timestamptz);
        created.default = Some("now()".into());
        let mut deleted = Column::new("deleted", SqlType::Bool);
        deleted.default = Some("false".into());
        let mut m = Column::new("mood", SqlType::Custom { name: "mood".into() });
        m.nullable = true;
        let mut seen = Column::new("seen_at", SqlType::Timestamp);
        seen.nullable = true;
        let mut key = Column::new("Key", SqlType::Uuid);
        key.default = Some("gen_random_uuid()".into());
        let mut t = Table::new(
            "users",
            vec![
                id,
                email,
                status,
                Column::new("bio", SqlType::Text),
                Column::new("karma", SqlType::Unsigned(Box::new(SqlType::BigInt))),
                Column::new("balance", SqlType::Numeric),
                created,
                deleted,
                m,
                seen,
                key,
                Column::new("tags", SqlType::Array(Box::new(SqlType::Text))),
                Column::new("avatar", SqlType::Binary),
            ],
            &["id"],
        );
        t.uniques.push(UniqueConstraint { name: "uq_users_email".into(), columns: vec!["email".into()] });
        t.uniques.push(UniqueConstraint { name: "uq_users_bio".into(), columns: vec!["bio".into(), "karma".into()] });
        t.checks.push(Check { name: "ck_users_karma".into(), expr: "karma < 1000".into() });
        t
    }

    fn one(op: Op, old: &Schema, new: &Schema) -> Rendered {
        render(&[op], old, new)
    }

    #[test]
    fn create_table_with_every_column_feature() {
        let new = schema(vec![users()], vec![mood(&["happy", "so-so", "it's"])]);
        let r = one(Op::CreateTable { table: users() }, &Schema::default(), &new);
        assert_eq!(
            r.sql,
            "CREATE TABLE users (
    id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email VARCHAR(120) NOT NULL,
    status VARCHAR(255) NOT NULL DEFAULT 'active',
    bio TEXT NOT NULL,
    karma BIGINT UNSIGNED NOT NULL,
    balance DECIMAL(65,30) NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted BOOLEAN NOT NULL DEFAULT false,
    mood ENUM('happy', 'so-so', 'it''s'),
    seen_at TIMESTAMP NULL,
    `Key` CHAR(36) NOT NULL DEFAULT (uuid()),
    tags JSON NOT NULL,
    avatar BLOB NOT NULL,
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT uq_users_bio UNIQUE (bio(255), karma),
    CONSTRAINT ck_users_karma CHECK (karma < 1000)
);
"
        );
        assert!(r.warnings.is_empty());
        assert!(r.run_in_transaction);
    }

    #[test]
    fn composite_primary_key_and_reserved_names() {
        let t = Table::new("order", vec![Column::new("group", SqlType::Integer), Column::new("line_no", SqlType::SmallInt)], &["group", "line_no"]);
        let new = schema(vec![t.clone()], vec![]);
        assert_eq!(
            one(Op::CreateTable { table: t }, &Schema::default(), &new).sql,
            "CREATE TABLE `order` (\n    `group` INTEGER NOT NULL,\n    line_no SMALLINT NOT NULL,\n    PRIMARY KEY (`group`, line_no)\n);\n"
        );
        let mut t = Table::new("invoices", vec![Column::new("n", SqlType::Integer)], &["n"]);
        t.schema = Some("billing".into());
        assert_eq!(
            one(Op::DropTable { table: t }, &Schema::default(), &Schema::default()).sql,
            "-- DANGER: drops table billing.invoices and every row in it\nDROP TABLE billing.invoices;\n"
        );
    }

    #[test]
    fn columns_add_drop_alter_rename() {
        let s = schema(vec![users()], vec![]);
        let mut phone = Column::new("phone", SqlType::Varchar);
        phone.nullable = true;
        phone.max_length = Some(40);
        assert_eq!(one(Op::AddColumn { table: "users".into(), column: phone.clone() }, &s, &s).sql, "ALTER TABLE users ADD COLUMN phone VARCHAR(40);\n");
        assert_eq!(
            one(Op::AddColumn { table: "users".into(), column: Column::new("bio", SqlType::Text) }, &s, &s).sql,
            "ALTER TABLE users ADD COLUMN bio TEXT NOT NULL AFTER status;\n",
            "a column declared mid-table is put in place"
        );
        let r = one(Op::DropColumn { table: "users".into(), column: phone.clone() }, &s, &s);
        assert_eq!(r.sql, "-- DANGER: drops column users.phone and its data\nALTER TABLE users DROP COLUMN phone;\n");
        assert_eq!(r.warnings, vec!["drops column users.phone and its data".to_string()]);
        let mut wider = phone.clone();
        wider.max_length = Some(80);
        wider.nullable = false;
        let r = one(Op::AlterColumn { table: "users".into(), old: phone, new: wider }, &s, &s);
        assert_eq!(
            r.sql,
            "-- DANGER: makes users.phone NOT NULL: fails if any row still holds NULL\nALTER TABLE users MODIFY COLUMN phone VARCHAR(80) NOT NULL;\n"
        );
        assert_eq!(
            one(Op::RenameColumn { table: "users".into(), from: "bio".into(), to: "about".into() }, &s, &s).sql,
            "ALTER TABLE users RENAME COLUMN bio TO about;\n"
        );
        assert_eq!(one(Op::RenameTable { from: "users".into(), to: "members".into() }, &s, &s).sql, "RENAME TABLE users TO members;\n");
        // An auto-increment column that stays the primary key keeps AUTO_INCREMENT.
        let mut id = Column::new("id", SqlType::Integer);
        id.auto_increment = true;
        let mut big = id.clone();
        big.sql_type = SqlType::BigInt;
        assert_eq!(
            one(Op::AlterColumn { table: "users".into(), old: id, new: big }, &s, &s).sql,
            "ALTER TABLE users MODIFY COLUMN id BIGINT NOT NULL AUTO_INCREMENT;\n"
        );
    }

    #[test]
    fn backfill_is_the_middle_of_three_steps() {
        let s = schema(vec![users()], vec![]);
        let mut c = Column::new("plan", SqlType::Varchar);
        c.nullable = true;
        let mut not_null = c.clone();
        not_null.nullable = false;
        let r = render(
            &[
                Op::AddColumn { table: "users".into(), column: c.clone() },
                Op::Backfill { table: "users".into(), column: "plan".into(), value: "''".into() },
                Op::AlterColumn { table: "users".into(), old: c, new: not_null },
            ],
            &s,
            &s,
        );
        assert_eq!(
            r.sql,
            "ALTER TABLE users ADD COLUMN plan VARCHAR(255);

-- DANGER: users.plan is NOT NULL without a default: existing rows are filled with ''; edit the value if that is wrong
UPDATE users SET plan = '' WHERE plan IS NULL;

-- DANGER: makes users.plan NOT NULL: fails if any row still holds NULL
ALTER TABLE users MODIFY COLUMN plan VARCHAR(255) NOT NULL;
"
        );
        assert_eq!(r.warnings.len(), 2);
    }

    #[test]
    fn indexes_uniques_checks() {
        let s = schema(vec![users()], vec![]);
        let ix = Index { name: "ix_users_bio".into(), columns: vec!["bio".into(), "email".into()], unique: false };
        assert_eq!(one(Op::CreateIndex { table: "users".into(), index: ix.clone() }, &s, &s).sql, "CREATE INDEX ix_users_bio ON users (bio(255), email);\n");
        assert_eq!(
            one(Op::DropIndex { table: "users".into(), index: ix }, &s, &s).sql,
            "-- DANGER: drops index ix_users_bio on users: queries that used it get slower\nALTER TABLE users DROP INDEX ix_users_bio;\n"
        );
        let uq = UniqueConstraint { name: "uq_users_status".into(), columns: vec!["status".into()] };
        assert_eq!(
            one(Op::AddUnique { table: "users".into(), unique: uq.clone() }, &s, &s).sql,
            "ALTER TABLE users ADD CONSTRAINT uq_users_status UNIQUE (status);\n"
        );
        assert_eq!(
            one(Op::DropUnique { table: "users".into(), unique: uq }, &s, &s).sql,
            "-- DANGER: drops unique constraint uq_users_status on users: duplicates become possible\nALTER TABLE users DROP INDEX uq_users_status;\n"
        );
        let ck = Check { name: "ck_users_status".into(), expr: "status <> ''".into() };
        assert_eq!(
            one(Op::AddCheck { table: "users".into(), check: ck.clone() }, &s, &s).sql,
            "ALTER TABLE users ADD CONSTRAINT ck_users_status CHECK (status <> '');\n"
        );
        assert_eq!(
            one(Op::DropCheck { table: "users".into(), check: ck }, &s, &s).sql,
            "-- DANGER: drops check ck_users_status on users: rows it refused become possible\nALTER TABLE users DROP CONSTRAINT ck_users_status;\n"
        );
    }

    fn posts(indexed: bool) -> Table {
        let mut t = Table::new("posts", vec![Column::new("id", SqlType::Integer), Column::new("author_id", SqlType::Integer)], &["id"]);
        t.foreign_keys.push(ForeignKey {
            name: "fk_posts_author_id_users".into(),
            columns: vec!["author_id".into()],
            ref_table: "users".into(),
            ref_columns: vec!["id".into()],
            on_delete: Some(Action::Cascade),
            on_update: Some(Action::SetNull),
        });
        if indexed {
            t.indexes.push(Index { name: "ix_posts_author_id".into(), columns: vec!["author_id".into(), "id".into()], unique: false });
        }
        t
    }

    #[test]
    fn foreign_keys_and_their_implicit_index() {
        let fk = posts(false).foreign_keys[0].clone();
        let bare = schema(vec![posts(false)], vec![]);
        assert_eq!(
            one(Op::AddForeignKey { table: "posts".into(), fk: fk.clone() }, &bare, &bare).sql,
            "ALTER TABLE posts ADD CONSTRAINT fk_posts_author_id_users FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE SET NULL;\n"
        );
        // No covering index: InnoDB created one named after the key, which outlives it.
        assert_eq!(
            one(Op::DropForeignKey { table: "posts".into(), fk: fk.clone() }, &bare, &bare).sql,
            "-- DANGER: drops foreign key fk_posts_author_id_users on posts and its ON DELETE CASCADE, ON UPDATE SET NULL: references are not enforced until it is added back\nALTER TABLE posts DROP FOREIGN KEY fk_posts_author_id_users;\nALTER TABLE posts DROP INDEX fk_posts_author_id_users;\n"
        );
        let indexed = schema(vec![posts(true)], vec![]);
        assert_eq!(
            one(Op::DropForeignKey { table: "posts".into(), fk }, &indexed, &indexed).sql,
            "-- DANGER: drops foreign key fk_posts_author_id_users on posts and its ON DELETE CASCADE, ON UPDATE SET NULL: references are not enforced until it is added back\nALTER TABLE posts DROP FOREIGN KEY fk_posts_author_id_users;\n"
        );
        // Dropping the index a kept key relies on puts the key's own index back.
        let ix = posts(true).indexes[0].clone();
        assert_eq!(
            one(Op::DropIndex { table: "posts".into(), index: ix }, &indexed, &bare).sql,
            "-- DANGER: drops index ix_posts_author_id on posts: queries that used it get slower\nALTER TABLE posts DROP INDEX ix_posts_author_id, ADD INDEX fk_posts_author_id_users (author_id);\n"
        );
    }

    #[test]
    fn primary_key_changes() {
        let mut id = Column::new("id", SqlType::Integer);
        id.auto_increment = true;
        let before = Table::new("t", vec![Column::new("a", SqlType::Integer), Column::new("b", SqlType::Integer)], &["a", "b"]);
        let mut after = Table::new("t", vec![id.clone(), Column::new("a", SqlType::Integer), Column::new("b", SqlType::Integer)], &["id"]);
        let (old, new) = (schema(vec![before], vec![]), schema(vec![after.clone()], vec![]));
        let r = render(
            &[
                Op::AddColumn { table: "t".into(), column: id },
                Op::AlterPrimaryKey { table: "t".into(), old: vec!["a".into(), "b".into()], new: vec!["id".into()] },
            ],
            &old,
            &new,
        );
        assert_eq!(
            r.sql,
            "ALTER TABLE t ADD COLUMN id INTEGER NOT NULL FIRST;

-- DANGER: drops the primary key (a, b) of t for (id): what it kept unique may no longer be
ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id);
ALTER TABLE t MODIFY COLUMN id INTEGER NOT NULL AUTO_INCREMENT;
"
        );
        // The mirror: the auto-increment key goes away with its column.
        let down = render(
            &[
                Op::AlterPrimaryKey { table: "t".into(), old: vec!["id".into()], new: vec!["a".into(), "b".into()] },
                Op::DropColumn { table: "t".into(), column: after.columns[0].clone() },
            ],
            &new,
            &old,
        );
        assert_eq!(
            down.sql,
            "-- DANGER: drops the primary key (id) of t for (a, b): what it kept unique may no longer be\nALTER TABLE t MODIFY COLUMN id INTEGER NOT NULL, DROP PRIMARY KEY, ADD PRIMARY KEY (a, b);

-- DANGER: drops column t.id and its data
ALTER TABLE t DROP COLUMN id;
"
        );
        after.primary_key.clear();
        after.columns[1].nullable = true;
        let none = schema(vec![after], vec![]);
        assert_eq!(
            one(Op::AlterPrimaryKey { table: "t".into(), old: vec!["a".into()], new: vec![] }, &old, &none).sql,
            "-- DANGER: drops the primary key (a) of t: what it kept unique may no longer be\nALTER TABLE t DROP PRIMARY KEY;\nALTER TABLE t MODIFY COLUMN a INTEGER;\n",
            "a nullable column leaving the key gets its NULL back"
        );
    }

    #[test]
    fn enums_are_inline() {
        let old = schema(vec![users()], vec![mood(&["happy", "sad"])]);
        let new = schema(vec![users()], vec![mood(&["happy", "sad", "so-so"])]);
        assert_eq!(render(&[Op::CreateEnum { enum_type: mood(&["a"]) }], &old, &new).sql, "");
        let r = render(&[Op::DropEnum { enum_type: mood(&["a"]) }], &old, &new);
        assert_eq!((r.sql.as_str(), r.warnings.len()), ("", 0), "nothing is dropped, so nothing is dangerous");
        assert_eq!(
            one(Op::AlterEnum { old: mood(&["happy", "sad"]), new: mood(&["happy", "sad", "so-so"]) }, &old, &new).sql,
            "ALTER TABLE users MODIFY COLUMN mood ENUM('happy', 'sad', 'so-so');\n"
        );
        // A table created in the same migration gets the new labels from CREATE TABLE.
        let fresh = schema(vec![users()], vec![mood(&["x"])]);
        assert_eq!(one(Op::AlterEnum { old: mood(&["y"]), new: mood(&["x"]) }, &Schema::default(), &fresh).sql, "");
    }

    #[test]
    fn type_mapping() {
        let r = Renderer { ops: &[], old: &Schema::default(), new: &Schema::default() };
        let ty = |t: SqlType, n: Option<u32>| r.type_sql(&t, n, None);
        assert_eq!(ty(SqlType::Varchar, None), "VARCHAR(255)");
        assert_eq!(ty(SqlType::Char, None), "CHAR(1)");
        assert_eq!(ty(SqlType::Binary, Some(16)), "VARBINARY(16)");
        assert_eq!(ty(SqlType::Jsonb, None), "JSON");
        assert_eq!(ty(SqlType::Inet, None), "VARCHAR(49)");
        assert_eq!(ty(SqlType::Interval, None), "VARCHAR(255)");
        assert_eq!(ty(SqlType::Oid, None), "INTEGER UNSIGNED");
        assert_eq!(ty(SqlType::Unsigned(Box::new(SqlType::TinyInt)), None), "TINYINT UNSIGNED");
        assert_eq!(ty(SqlType::Custom { name: "geometry".into() }, None), "geometry");
        assert_eq!(default_sql("'x'", &SqlType::Text), "('x')");
        assert_eq!(default_sql("-1.5", &SqlType::Double), "-1.5");
        assert_eq!(default_sql("lower('A')", &SqlType::Varchar), "(lower('A'))");
        assert_eq!(ident("users"), "users");
        assert_eq!(ident("Users"), "`Users`");
        assert_eq!(ident("a`b"), "`a``b`");
        assert_eq!(ident("1st"), "`1st`");
    }
}
