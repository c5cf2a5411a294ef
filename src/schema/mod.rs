//! The backend-neutral schema: the [`model`] (tables, columns, keys, indexes…), read
//! from Diesel `table!`s by the [`registry`], compared by [`diff`] into operations, and
//! turned into the next migration by [`autogenerate`].

pub mod diff;
pub mod model;
pub mod registry;
