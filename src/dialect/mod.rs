//! What differs per database, behind one trait: [`Dialect`], implemented once per
//! database by [`Sqlite`], [`Postgres`] and [`Mysql`] (get one with [`of`]). Each impl
//! is the door to its database's pieces: how it quotes names and strings (in its own
//! file here, the one copy that rendering and introspection both use), the [`types`]
//! it stores for the model's, rendering diff operations as SQL ([`render`], which owns
//! the one loop every dialect renders through), and reading a live schema back into
//! the model ([`introspect`]) and into the model files as annotations ([`annotate`]).
//! Beside them: the Diesel [`connection`] to any of the three, and the SQL [`lexer`]
//! that splits scripts into statements and hands tokens to whoever reads SQL. It
//! works on the backend-neutral [`crate::schema`] and knows nothing of migrations.

use crate::backend::Backend;
use crate::error::Result;
use crate::schema::diff::Op;
use crate::schema::model::{ForeignKey, Schema, SqlType};
use connection::Connection;

pub mod annotate;
pub mod connection;
pub mod introspect;
pub mod lexer;
pub mod mysql;
pub mod postgres;
pub mod render;
pub mod sqlite;
pub mod types;

pub use mysql::Mysql;
pub use postgres::Postgres;
pub use sqlite::Sqlite;

/// One database's SQL: quoting, type folding, rendering and introspection. The
/// shared work of rendering (dangers, blocks, warnings) is [`render::run`]'s; a
/// dialect only says what each op is in its SQL ([`Dialect::renderer`]).
pub trait Dialect: Sync {
    fn backend(&self) -> Backend;

    /// An identifier, quoted only when the database would otherwise fold or reject it.
    fn quote_ident(&self, name: &str) -> String;

    /// A string literal holding `s`.
    fn literal(&self, s: &str) -> String;

    /// Identifiers quoted and joined with `, ` (a column list).
    fn quote_list(&self, names: &[String]) -> String {
        names.iter().map(|n| self.quote_ident(n)).collect::<Vec<_>>().join(", ")
    }

    /// `CONSTRAINT name FOREIGN KEY (…) REFERENCES ref_table (…) [ON DELETE …] [ON
    /// UPDATE …]`, the same on every database; `ref_table` comes spelled by the
    /// caller, which knows how this database names another table.
    fn fk_clause(&self, fk: &ForeignKey, ref_table: &str) -> String {
        let mut s = format!(
            "CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {ref_table} ({})",
            self.quote_ident(&fk.name),
            self.quote_list(&fk.columns),
            self.quote_list(&fk.ref_columns)
        );
        if let Some(a) = fk.on_delete {
            s.push_str(" ON DELETE ");
            s.push_str(a.as_sql());
        }
        if let Some(a) = fk.on_update {
            s.push_str(" ON UPDATE ");
            s.push_str(a.as_sql());
        }
        s
    }

    /// The type and length this database stores for a model column of type `t`
    /// (what rendering writes and what [`Dialect::comparable`] compares).
    fn fold(&self, t: &SqlType, max_length: Option<u32>) -> (SqlType, Option<u32>);

    /// What each of `ops` is in this dialect's SQL; `old` is the schema before them,
    /// `new` the schema after.
    fn renderer<'a>(&self, ops: &'a [Op], old: &'a Schema, new: &'a Schema) -> Box<dyn render::OpRenderer + 'a>;

    /// `ops` as this dialect's SQL, through the one render loop.
    fn render(&self, ops: &[Op], old: &Schema, new: &Schema) -> render::Rendered {
        render::run(self.renderer(ops, old, new).as_mut(), ops)
    }

    /// The live schema. `schemas`: PostgreSQL schemas besides the current one that
    /// the models use (the other databases have one namespace per connection).
    fn introspect(&self, conn: &mut Connection, schemas: &[String]) -> Result<Schema>;

    /// Folds what this database cannot keep or report back, on models and live
    /// schemas alike (see [`introspect::comparable`]).
    fn comparable(&self, schema: &mut Schema);
}

/// The dialect of `backend`.
pub fn of(backend: Backend) -> &'static dyn Dialect {
    match backend {
        Backend::Sqlite => &Sqlite,
        Backend::Postgres => &Postgres,
        Backend::Mysql => &Mysql,
    }
}

/// `name` as written when it is plain (a lower-case letter or `_`, then lower-case
/// letters, digits, `_` and the dialect's `also`, and not `reserved`), so the files stay
/// readable; else inside `quote`s with each `quote` doubled: the one rule all three
/// databases quote identifiers by.
fn quote_unless_plain(name: &str, reserved: &[&str], also: &[char], quote: char) -> String {
    let plain = name.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || also.contains(&c))
        && !reserved.contains(&name);
    if plain {
        return name.to_string();
    }
    let mut s = String::with_capacity(name.len() + 2);
    s.push(quote);
    for c in name.chars() {
        s.push(c);
        if c == quote {
            s.push(quote);
        }
    }
    s.push(quote);
    s
}

/// A standard SQL string literal: `'` doubled, nothing else escaped (PostgreSQL's
/// and SQLite's literal; MySQL also escapes backslashes, see [`mysql::literal`]).
pub fn sql_string(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::model::Action;

    #[test]
    fn each_dialect_quotes_by_its_own_rules() {
        let all: [&dyn Dialect; 3] = [&Sqlite, &Postgres, &Mysql];
        for d in all {
            assert_eq!(d.quote_ident("users"), "users", "{:?}", d.backend());
            assert_eq!(d.literal("it's"), "'it''s'");
            assert_eq!(of(d.backend()).backend(), d.backend());
        }
        assert_eq!(Sqlite.quote_ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(Postgres.quote_ident("Users"), "\"Users\"");
        assert_eq!(Postgres.quote_ident("pay$"), "pay$", "PostgreSQL reads `$` inside a name");
        assert_eq!(Sqlite.quote_ident("pay$"), "\"pay$\"");
        assert_eq!(Mysql.quote_ident("a`b"), "`a``b`");
        assert_eq!(Mysql.quote_ident("order"), "`order`");
        assert_eq!(Sqlite.quote_ident("order"), "\"order\"");
        assert_eq!(Postgres.quote_ident("position"), "position", "reserved on MySQL only");
        assert_eq!(Mysql.quote_ident("position"), "`position`");
        assert_eq!(Mysql.literal("a\\b'"), "'a\\\\b'''");
        assert_eq!(Postgres.literal("a\\b"), "'a\\b'");
    }

    #[test]
    fn the_foreign_key_clause_is_one_shape() {
        let fk = ForeignKey {
            name: "fk_a".into(),
            columns: vec!["Owner".into()],
            ref_table: "users".into(),
            ref_columns: vec!["id".into()],
            on_delete: Some(Action::Cascade),
            on_update: None,
        };
        assert_eq!(Postgres.fk_clause(&fk, "app.users"), "CONSTRAINT fk_a FOREIGN KEY (\"Owner\") REFERENCES app.users (id) ON DELETE CASCADE");
        assert_eq!(Mysql.fk_clause(&fk, "users"), "CONSTRAINT fk_a FOREIGN KEY (`Owner`) REFERENCES users (id) ON DELETE CASCADE");
        let fk = ForeignKey { on_delete: None, on_update: Some(Action::SetNull), ..fk };
        assert_eq!(Sqlite.fk_clause(&fk, "users"), "CONSTRAINT fk_a FOREIGN KEY (\"Owner\") REFERENCES users (id) ON UPDATE SET NULL");
    }

    #[test]
    fn fold_is_what_each_database_stores() {
        let char_col = (SqlType::Char, None);
        assert_eq!(Postgres.fold(&char_col.0, char_col.1), (SqlType::Char, Some(1)));
        assert_eq!(Postgres.fold(&SqlType::Text, Some(9)), (SqlType::Text, None));
        assert_eq!(Postgres.fold(&SqlType::Unsigned(Box::new(SqlType::Integer)), None), (SqlType::BigInt, None));
        assert_eq!(Mysql.fold(&SqlType::Varchar, None), (SqlType::Varchar, Some(255)));
        assert_eq!(Sqlite.fold(&SqlType::Uuid, Some(36)), (SqlType::Text, Some(36)));
        assert_eq!(Sqlite.fold(&SqlType::Integer, None), (SqlType::Integer, None));
    }
}
