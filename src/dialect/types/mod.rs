//! How each backend stores the model's types, shared by [`super::render`] (which
//! writes them) and [`super::introspect`] (which folds the models the same way before
//! comparing them with a live database), so neither borrows from the other.

pub mod mysql;
pub mod postgres;
pub mod sqlite;
