//! The blog's schema: Diesel `table!` models spread over several modules.
pub mod models;
