//! The types SQLite declares for the model's types ([`declared_type`]; the table is in
//! [`crate::dialect::render::sqlite`]) and those it writes as another ([`folded_type`]).
//! Rendering writes them and introspection folds the models the same way before
//! comparing, so both use this module rather than one borrowing from the other.

use crate::schema::model::SqlType;

/// The declared type of a column, without its length (see the table in [`crate::dialect::render::sqlite`]).
pub fn declared_type(t: &SqlType) -> String {
    match t {
        SqlType::SmallInt => "SMALLINT".into(),
        SqlType::Integer => "INTEGER".into(),
        SqlType::BigInt | SqlType::Oid => "BIGINT".into(),
        SqlType::TinyInt => "TINYINT".into(),
        SqlType::Unsigned(inner) => format!("{} UNSIGNED", declared_type(inner)),
        SqlType::Float => "REAL".into(),
        SqlType::Double => "DOUBLE".into(),
        SqlType::Numeric | SqlType::Money => "NUMERIC".into(),
        SqlType::Bool => "BOOLEAN".into(),
        SqlType::Varchar => "VARCHAR".into(),
        SqlType::Char => "CHAR".into(),
        SqlType::Binary => "BLOB".into(),
        SqlType::Date => "DATE".into(),
        SqlType::Time => "TIME".into(),
        SqlType::Timestamp => "TIMESTAMP".into(),
        SqlType::Timestamptz => "TIMESTAMPTZ".into(),
        SqlType::Datetime => "DATETIME".into(),
        SqlType::Json => "JSON".into(),
        SqlType::Jsonb => "JSONB".into(),
        SqlType::Text
        | SqlType::CChar
        | SqlType::Citext
        | SqlType::Interval
        | SqlType::Uuid
        | SqlType::Array(_)
        | SqlType::Range(_)
        | SqlType::Multirange(_)
        | SqlType::Inet
        | SqlType::Cidr
        | SqlType::MacAddr
        | SqlType::MacAddr8
        | SqlType::PgLsn
        | SqlType::Custom { .. } => "TEXT".into(),
    }
}

/// Whether `SqlType` is one SQLite writes as another type (and `comparable` folds).
pub fn folded_type(t: &SqlType) -> Option<SqlType> {
    match t {
        SqlType::Oid => Some(SqlType::BigInt),
        SqlType::Money => Some(SqlType::Numeric),
        SqlType::Unsigned(inner) => folded_type(inner).map(|i| SqlType::Unsigned(Box::new(i))),
        _ if declared_type(t) == "TEXT" && *t != SqlType::Text => Some(SqlType::Text),
        _ => None,
    }
}
