//! The backend-neutral schema: the [`model`] (tables, columns, keys, indexes…), read
//! from Diesel `table!`s by the [`registry`], compared by [`diff`] into operations, and
//! turned into the next migration by [`autogenerate`].

pub mod autogenerate;
pub mod diff;
pub mod model;
pub mod registry;

// The model is this layer's vocabulary: `schema::Table` names the same type as
// `schema::model::Table` (and keeps the paths tests/ and benches/ used before the layers).
pub use model::*;
