//! What differs per database: the Diesel [`connection`] to any of the three,
//! rendering diff operations as SQL ([`render`], one file per dialect), reading a live
//! schema back into the model ([`introspect`], one file per backend) and into the model
//! files as annotations ([`annotate`]), the [`types`] each backend stores for the
//! model's, and the SQL [`lexer`] that splits a script into statements. It works on
//! the backend-neutral [`crate::schema`] and knows nothing of migrations.

pub mod annotate;
pub mod connection;
pub mod introspect;
pub mod lexer;
pub mod render;
pub mod types;
