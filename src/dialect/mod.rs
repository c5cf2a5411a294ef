//! What differs per database: rendering diff operations as SQL ([`render`], one file
//! per dialect), reading a live schema back into the model ([`introspect`], one file
//! per backend), the [`types`] each backend stores for the model's, and the SQL
//! [`lexer`] that splits a script into statements.

pub mod annotate;
pub mod connection;
pub mod introspect;
pub mod lexer;
pub mod render;
pub mod types;
