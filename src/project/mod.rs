//! The user's project, before any migration is read: the Cargo workspace
//! ([`workspace`]), its `[…metadata.migrate]` table ([`config`]) or Diesel's
//! `diesel.toml` ([`diesel_toml`]), writing that table and the migrations directory
//! ([`init`]), and what `check` remembers between runs ([`cache`]).

pub mod cache;
pub mod config;
pub mod diesel_toml;
pub mod init;
pub mod workspace;
