//! Placeholder: being written.
use super::Rendered;
use crate::diff::Op;
use crate::schema::Schema;

pub fn render(_ops: &[Op], _old: &Schema, _new: &Schema) -> Rendered {
    Rendered { run_in_transaction: true, ..Default::default() }
}
