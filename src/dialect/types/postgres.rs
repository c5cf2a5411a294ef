//! The types PostgreSQL stores for the model's types: [`fold_type`] folds what it lacks
//! into the closest type it has (the table is in [`crate::dialect::render::postgres`]).
//! Rendering writes the folded type and introspection folds the models the same way
//! before comparing, so both use this module rather than one borrowing from the other.

use crate::schema::model::SqlType;

/// The type as PostgreSQL stores it: what it lacks folded into the closest type
/// it has (see the table in [`crate::dialect::render::postgres`]). Idempotent.
pub fn fold_type(t: &SqlType) -> SqlType {
    match t {
        SqlType::TinyInt => SqlType::SmallInt,
        SqlType::Datetime => SqlType::Timestamp,
        SqlType::Unsigned(inner) => match &**inner {
            SqlType::TinyInt => SqlType::SmallInt,
            SqlType::SmallInt => SqlType::Integer,
            SqlType::Integer | SqlType::BigInt => SqlType::BigInt,
            other => fold_type(other),
        },
        SqlType::Array(inner) => match fold_type(inner) {
            SqlType::Array(i) => SqlType::Array(i),
            other => SqlType::Array(Box::new(other)),
        },
        SqlType::Range(inner) => SqlType::Range(Box::new(range_element(inner))),
        SqlType::Multirange(inner) => SqlType::Multirange(Box::new(range_element(inner))),
        other => other.clone(),
    }
}

/// The element of the built-in range type closest to a range of `t`.
pub(crate) fn range_element(t: &SqlType) -> SqlType {
    match fold_type(t) {
        SqlType::SmallInt | SqlType::Integer => SqlType::Integer,
        SqlType::BigInt => SqlType::BigInt,
        SqlType::Timestamp => SqlType::Timestamp,
        SqlType::Timestamptz => SqlType::Timestamptz,
        SqlType::Date => SqlType::Date,
        _ => SqlType::Numeric,
    }
}

/// Whether `max_length` means anything for this (folded) type on PostgreSQL.
pub fn takes_length(t: &SqlType) -> bool {
    match t {
        SqlType::Varchar | SqlType::Char => true,
        SqlType::Array(inner) => takes_length(inner),
        _ => false,
    }
}
