//! Live-database introspection: the schema a database actually has, as the same
//! backend-neutral [`Schema`] the model registry builds, so `revision --autogenerate
//! --db` and `check --db` diff it against the models. One catalog query per kind of
//! object (tables+columns, indexes, constraints, foreign keys, enums), never one per
//! table. Our own and Diesel's state tables are left out.

use crate::database_url::Backend;
use crate::db::Connection;
use crate::error::Result;
use crate::schema::Schema;

pub mod mysql;
pub mod postgres;
pub mod sqlite;

/// Tables whose names start with these are bookkeeping, never part of the schema.
pub const STATE_TABLE_PREFIXES: [&str; 2] = ["__diesel_schema_migrations", "__cargo_migrate"];

/// Whether `table` is Diesel's or our bookkeeping.
pub fn is_state_table(table: &str) -> bool {
    STATE_TABLE_PREFIXES.iter().any(|p| table.starts_with(p))
}

/// The live schema and the models, both as `conn`'s backend stores them: what
/// `revision --autogenerate --db` and `check --db` compare.
pub fn live_and_models(conn: &mut Connection, models: &Schema) -> Result<(Schema, Schema)> {
    let schemas: Vec<String> = models.tables.values().filter_map(|t| t.schema.clone()).collect();
    let live = introspect(conn, &schemas)?;
    let backend = conn.backend();
    Ok((comparable(&live, backend), comparable(models, backend)))
}

/// `schemas`: PostgreSQL schemas besides the current one that the models use.
pub fn introspect(conn: &mut Connection, schemas: &[String]) -> Result<Schema> {
    match conn.backend() {
        Backend::Sqlite => sqlite::introspect(conn),
        Backend::Postgres => postgres::introspect(conn, schemas),
        Backend::Mysql => mysql::introspect(conn),
    }
}

/// `schema` as `backend` stores it: what that database cannot represent or report
/// back (type aliases it folds, names it does not keep, expressions it rewrites)
/// folded the same way on both sides, so that models and an introspected database
/// compare equal exactly when applying the models' SQL would change nothing.
pub fn comparable(schema: &Schema, backend: Backend) -> Schema {
    let mut s = schema.clone();
    for t in s.tables.values_mut() {
        t.doc = None;
        t.renamed_from = None;
        t.source = crate::schema::Source::none();
        for c in &mut t.columns {
            c.doc = None;
            c.renamed_from = None;
        }
    }
    for e in s.enums.values_mut() {
        e.source = crate::schema::Source::none();
    }
    match backend {
        Backend::Sqlite => sqlite::comparable(&mut s),
        Backend::Postgres => postgres::comparable(&mut s),
        Backend::Mysql => mysql::comparable(&mut s),
    }
    s
}
