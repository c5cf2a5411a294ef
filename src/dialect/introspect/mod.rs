//! Live-database introspection: the schema a database actually has, as the same
//! backend-neutral [`Schema`] the model registry builds, so `revision --autogenerate
//! --db` and `check --db` diff it against the models. One catalog query per kind of
//! object (tables+columns, indexes, constraints, foreign keys, enums), never one per
//! table. Our own and Diesel's state tables are left out.

use crate::backend::Backend;
use crate::dialect::connection::Connection;
use crate::error::Result;
use crate::schema::model::{QualifiedName, Schema, Unmanaged, UnmanagedKind};

pub mod mysql;
pub mod postgres;
pub mod sqlite;

/// Tables whose names start with these are bookkeeping, never part of the schema.
pub const STATE_TABLE_PREFIXES: [&str; 2] = ["__diesel_schema_migrations", "__cargo_migrate"];

/// Whether `table` is Diesel's or our bookkeeping.
pub fn is_state_table(table: &str) -> bool {
    STATE_TABLE_PREFIXES.iter().any(|p| table.starts_with(p))
}

/// The live schema and the models, both as `conn`'s backend stores them and with
/// what neither side manages set aside ([`set_aside_unmanaged`]): what `revision
/// --autogenerate --db` and `check --db` compare. `ignore` holds the table names and
/// globs that configuration excludes (the `ignore` key, `diesel.toml`'s `filter`).
pub fn live_and_models(conn: &mut Connection, models: &Schema, ignore: &[String]) -> Result<(Schema, Schema)> {
    let schemas: Vec<String> = models.tables.values().filter_map(|t| t.schema.clone()).collect();
    let live = introspect(conn, &schemas)?;
    let backend = conn.backend();
    let (mut live, mut models) = (comparable(&live, backend), comparable(models, backend));
    set_aside_unmanaged(&mut live, &mut models, ignore);
    reconcile_aliases(&mut live, &models, backend);
    Ok((live, models))
}

/// Moves out of both schemas' tables what the diff must not touch: tables matching
/// `ignore` (names or globs, against the qualified or the bare name), and tables of
/// the name of an object either side reports unmanaged and that a `table!` would
/// describe (a view, a materialized view, a virtual or shadow table, an extension's
/// table, a table annotated `@unmanaged`). Each is listed once, in `live.unmanaged`,
/// which is what `check --db -v` prints.
pub fn set_aside_unmanaged(live: &mut Schema, models: &mut Schema, ignore: &[String]) {
    let patterns: Vec<glob::Pattern> = ignore.iter().filter_map(|p| glob::Pattern::new(p).ok()).collect();
    let ignored = |key: &str| {
        let bare = QualifiedName::from_key(key).name;
        patterns.iter().any(|p| p.matches(key) || p.matches(&bare))
    };
    let hiding: Vec<String> = live.unmanaged.iter().chain(models.unmanaged.iter()).filter(|u| u.kind.hides_tables()).map(|u| u.name.clone()).collect();
    let mut listed = std::mem::take(&mut live.unmanaged);
    for schema in [&mut *live, &mut *models] {
        let keys: Vec<String> = schema.tables.keys().filter(|k| ignored(k) || hiding.contains(*k)).cloned().collect();
        for k in keys {
            schema.tables.remove(&k);
            if !hiding.contains(&k) && !listed.iter().any(|u| u.name == k && u.kind == UnmanagedKind::Ignored) {
                listed.push(Unmanaged { kind: UnmanagedKind::Ignored, name: k, table: None, sql: None });
            }
        }
    }
    for u in std::mem::take(&mut models.unmanaged) {
        if !listed.iter().any(|l| l.name == u.name) {
            listed.push(u);
        }
    }
    // An index, trigger or rule of a table set aside goes with it.
    listed.retain(|u| u.table.as_ref().is_none_or(|t| !ignored(t)));
    // A column left out on purpose, and whatever involves it, on both sides.
    for u in listed.iter().filter(|u| u.kind == UnmanagedKind::Column) {
        let Some(table) = &u.table else { continue };
        for schema in [&mut *live, &mut *models] {
            if let Some(t) = schema.tables.get_mut(table) {
                set_aside_column(t, &u.name);
            }
        }
    }
    listed.sort();
    listed.dedup();
    live.unmanaged = listed;
}

/// Takes column `col` out of `t`, with the indexes, constraints and foreign keys
/// over it.
pub(crate) fn set_aside_column(t: &mut crate::schema::model::Table, col: &str) {
    let has = |cols: &[String]| cols.iter().any(|c| c == col);
    t.columns.retain(|c| c.name != col);
    t.indexes.retain(|i| !has(&i.columns));
    t.uniques.retain(|u| !has(&u.columns));
    t.foreign_keys.retain(|f| !has(&f.columns));
    t.checks.retain(|k| !k.expr.split(|ch: char| !(ch.is_alphanumeric() || ch == '_')).any(|w| w == col));
}

/// A live column whose type the backend cannot tell apart from the model's gets
/// the model's type: on SQLite `VARCHAR(n)`/`CHAR(n)` is `TEXT` (no length is
/// enforced), `DATETIME` is `TIMESTAMP` (both are text by affinity) and `INTEGER`
/// is `BIGINT` (one 64-bit storage class), the way Diesel reads them. Only the
/// live side moves, so a change the models make is still a change.
///
/// And a live table without a primary key takes the models' one: Diesel's `table!`
/// cannot declare a table without a key, so the models must name one the database
/// does not have.
pub fn reconcile_aliases(live: &mut Schema, models: &Schema, backend: Backend) {
    use crate::schema::model::SqlType;
    for (key, lt) in &mut live.tables {
        if let Some(mt) = models.tables.get(key) {
            if lt.primary_key.is_empty() && !mt.primary_key.is_empty() && mt.primary_key.iter().all(|c| lt.column(c).is_some()) {
                lt.primary_key = mt.primary_key.clone();
                // Key columns are NOT NULL (as `comparable` made the models').
                for c in lt.columns.iter_mut().filter(|c| mt.primary_key.contains(&c.name)) {
                    c.nullable = false;
                }
            }
        }
    }
    if backend != Backend::Sqlite {
        return;
    }
    for (key, lt) in &mut live.tables {
        let Some(mt) = models.tables.get(key) else { continue };
        for lc in &mut lt.columns {
            let Some(mc) = mt.column(&lc.name) else { continue };
            let alias = matches!(
                (&lc.sql_type, &mc.sql_type),
                (SqlType::Varchar | SqlType::Char, SqlType::Text)
                    | (SqlType::Datetime, SqlType::Timestamp)
                    | (SqlType::Timestamp, SqlType::Datetime)
                    | (SqlType::Integer, SqlType::BigInt)
                    | (SqlType::BigInt, SqlType::Integer)
            );
            if alias && mc.max_length.is_none() {
                lc.sql_type = mc.sql_type.clone();
                lc.max_length = None;
            }
        }
    }
}

/// `schemas`: PostgreSQL schemas besides the current one that the models use.
pub fn introspect(conn: &mut Connection, schemas: &[String]) -> Result<Schema> {
    crate::dialect::of(conn.backend()).introspect(conn, schemas)
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
        t.source = crate::schema::model::Source::none();
        for c in &mut t.columns {
            c.doc = None;
            c.renamed_from = None;
        }
    }
    for e in s.enums.values_mut() {
        e.source = crate::schema::model::Source::none();
    }
    crate::dialect::of(backend).comparable(&mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::model::{Column, SqlType, Table};

    fn with_tables(names: &[&str]) -> Schema {
        let mut s = Schema::default();
        for n in names {
            let t = Table::new(n, vec![Column::new("id", SqlType::Integer), Column { max_length: Some(40), ..Column::new("code", SqlType::Varchar) }], &["id"]);
            s.tables.insert(t.qualified_name(), t);
        }
        s
    }

    #[test]
    fn ignored_and_hidden_tables_leave_both_sides_and_are_listed_once() {
        let mut live = with_tables(&["users", "recent_users", "spatial_ref_sys", "legacy_a"]);
        live.unmanaged.push(Unmanaged { kind: UnmanagedKind::MaterializedView, name: "recent_users_mv".into(), table: None, sql: None });
        live.unmanaged.push(Unmanaged { kind: UnmanagedKind::ExtensionObject, name: "spatial_ref_sys".into(), table: None, sql: None });
        live.unmanaged.push(Unmanaged { kind: UnmanagedKind::Trigger, name: "t".into(), table: Some("legacy_a".into()), sql: None });
        let mut models = with_tables(&["users", "recent_users_mv", "spatial_ref_sys"]);
        models.unmanaged.push(Unmanaged { kind: UnmanagedKind::Declared, name: "recent_users".into(), table: None, sql: None });
        set_aside_unmanaged(&mut live, &mut models, &["legacy_*".to_string()]);
        assert_eq!(live.tables.keys().collect::<Vec<_>>(), ["users"]);
        assert_eq!(models.tables.keys().collect::<Vec<_>>(), ["users"]);
        let listed: Vec<String> = live.unmanaged.iter().map(ToString::to_string).collect();
        assert_eq!(
            listed,
            ["materialized view recent_users_mv", "extension object spatial_ref_sys", "ignored table legacy_a", "declared @unmanaged recent_users"]
        );
        assert!(models.unmanaged.is_empty());
    }

    #[test]
    fn only_the_live_side_takes_an_alias_and_only_on_sqlite() {
        let mut models = with_tables(&["t"]);
        models.tables.get_mut("t").unwrap().columns[1] = Column::new("code", SqlType::Text);
        let mut live = with_tables(&["t"]);
        reconcile_aliases(&mut live, &models, Backend::Postgres);
        assert_eq!(live.tables["t"].columns[1].sql_type, SqlType::Varchar, "PostgreSQL tells VARCHAR(40) from TEXT");
        reconcile_aliases(&mut live, &models, Backend::Sqlite);
        assert_eq!((live.tables["t"].columns[1].sql_type.clone(), live.tables["t"].columns[1].max_length), (SqlType::Text, None));
        // A model that asks for a length is a change the live side must not hide.
        let mut live = with_tables(&["t"]);
        let mut longer = with_tables(&["t"]);
        longer.tables.get_mut("t").unwrap().columns[1].max_length = Some(80);
        reconcile_aliases(&mut live, &longer, Backend::Sqlite);
        assert_eq!(live.tables["t"].columns[1].max_length, Some(40));
    }
}
