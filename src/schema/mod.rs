//! The backend-neutral schema: the [`model`] (tables, columns, keys, indexes…), read
//! from Diesel `table!`s by the [`registry`] and compared by [`diff`] into operations.
//! Pure data and pure functions: rendering it for a database is `dialect`'s,
//! writing it into a migration is `migrations`'s.

pub mod diff;
pub mod model;
pub mod registry;
