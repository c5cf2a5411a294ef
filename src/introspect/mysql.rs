//! Placeholder: being written.
use crate::db::Connection;
use crate::error::Result;
use crate::schema::Schema;

pub fn introspect(_conn: &mut Connection) -> Result<Schema> {
    Ok(Schema::default())
}

pub fn comparable(_schema: &mut Schema) {}
