//! `cargo migrate`: Alembic's migration workflow for Diesel workspaces.
//!
//! Every command follows the same flow, and each step is a module of its own:
//!
//! 1. [`cli`] parses the command line into plain data;
//! 2. [`context`] resolves it once into a validated context: the workspace
//!    ([`workspace`]), its `[workspace.metadata.migrate]` table ([`config`]), the
//!    database URL and backend ([`database_url`]);
//!    [`registry`] reads every Diesel `table!` under the model paths into one
//!    backend-neutral [`schema`] model;
//! 3. [`chain`] loads the migrations directory and checks the revision chain
//!    (numbers 1..N, each `revises` its predecessor, one head);
//! 4. [`revision_spec`] turns `head`, `-1`, `0007`… into a target on that chain;
//! 5. [`apply`] runs the plan over a Diesel connection ([`db`]) under a lock,
//!    one transaction per migration, recording Diesel's state table and our own
//!    bookkeeping ([`state`]);
//! 6. [`output`] renders results for humans or as JSON at the edge.
//!
//! Command handlers in [`commands`] are thin: they wire these steps together.

pub mod adopt;
pub mod apply;
pub mod autogenerate;
pub mod cache;
pub mod chain;
pub mod check;
pub mod checksum;
pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
pub mod database_url;
pub mod db;
pub mod diesel_toml;
pub mod diff;
pub mod error;
pub mod init;
pub mod introspect;
pub mod lint;
pub mod merge;
pub mod output;
pub mod registry;
pub mod render;
pub mod revision;
pub mod revision_spec;
pub mod schema;
pub mod snapshot;
pub mod sql_split;
pub mod state;
pub mod workspace;

pub use error::{Error, Result};
