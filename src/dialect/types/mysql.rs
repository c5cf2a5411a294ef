//! The types MySQL stores for the model's types ([`stored_type`]; the table is in
//! [`crate::dialect::render::mysql`]). Rendering writes them and introspection folds
//! the models the same way before comparing, so both use this module rather than one
//! borrowing from the other.

use crate::schema::model::SqlType;

/// `VARCHAR` length when the model gives no `max_length`.
pub const DEFAULT_VARCHAR_LENGTH: u32 = 255;

/// The type MySQL stores for a model type, spelled as the schema model spells it,
/// with the length it stores (`None` for types without one). See the table in [`crate::dialect::render::mysql`].
pub fn stored_type(t: &SqlType, max_length: Option<u32>) -> (SqlType, Option<u32>) {
    use SqlType::*;
    let varchar = |n: u32| (Varchar, Some(n));
    match t {
        TinyInt | SmallInt | Integer | BigInt | Float | Double | Numeric | Bool | Text | Date | Time | Timestamp | Datetime | Json => (t.clone(), None),
        Unsigned(inner) => (Unsigned(Box::new(stored_type(inner, None).0)), None),
        Money => (Numeric, None),
        Citext => (Text, None),
        Varchar => varchar(max_length.unwrap_or(DEFAULT_VARCHAR_LENGTH)),
        Char => (Char, Some(max_length.unwrap_or(1))),
        CChar => (Char, Some(1)),
        Binary => (Binary, max_length),
        Timestamptz => (Timestamp, None),
        Jsonb | Array(_) => (Json, None),
        Uuid => (Char, Some(36)),
        Inet | Cidr => varchar(49),
        MacAddr => (Char, Some(17)),
        MacAddr8 => (Char, Some(23)),
        Interval | Range(_) | Multirange(_) => varchar(DEFAULT_VARCHAR_LENGTH),
        Oid => (Unsigned(Box::new(Integer)), None),
        PgLsn => (Unsigned(Box::new(BigInt)), None),
        Custom { .. } => (t.clone(), None),
    }
}
