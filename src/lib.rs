//! `cargo migrate`: Alembic's migration workflow for Diesel workspaces.
//!
//! The source is layered, and a path names its layer. Each top-level module uses only
//! itself and the modules below it in this list (`tests/layers.rs` checks every
//! `crate::` path), so there is no import cycle:
//!
//! - [`cli`]: arguments, the resolved context, output, and thin command handlers;
//! - [`engine`]: the apply loop under a lock, the state tables it reads and writes,
//!   locating a failed statement, its [`engine::progress`] messages, the offline
//!   `--sql` script;
//! - [`migrations`]: the migrations directory: chain, revisions, snapshot,
//!   autogenerate, merge, adopt, lint and check, and the chain compared with what a
//!   database recorded ([`migrations::record`], [`migrations::status`]);
//! - [`dialect`]: everything that differs per database: the connection, SQL rendering,
//!   introspection (and the annotator that writes it into model files), type folding,
//!   the SQL lexer;
//! - [`schema`]: the backend-neutral model, the registry that reads it from Diesel
//!   `table!`s, the diff between two models;
//! - [`project`]: the Cargo workspace, its configuration, `diesel.toml`, `init`, the
//!   check cache;
//! - [`backend`]: the three databases (one [`backend::Backend`] enum) and their URLs;
//! - [`atomic_write`]: how every layer writes a file;
//! - [`error`]: the one error type, with the typed error data of every layer; it uses
//!   nothing of ours.
//!
//! Two flows run through these layers.
//!
//! **Applying** (`upgrade`, `downgrade`, `stamp`, `current`, `history`…):
//!
//! 1. [`cli::args`] parses the command line into plain data;
//! 2. [`cli::context`] resolves it once into a validated context: the workspace
//!    ([`project::workspace`]), its `[workspace.metadata.migrate]` table
//!    ([`project::config`]), the database URL and backend ([`backend`]);
//! 3. [`migrations::chain`] loads the migrations directory and checks the revision
//!    chain (numbers 1..N, each `revises` its predecessor, one head);
//! 4. [`migrations::revision_spec`] turns `head`, `-1`, `0007`… into a target on that chain;
//! 5. [`engine::apply`] reads the state tables ([`engine::state`]) over a Diesel
//!    connection ([`dialect::connection`]), compares them with the chain
//!    ([`migrations::status`]) and runs the plan under a lock, one transaction per
//!    migration, statements split by [`dialect::lexer`], recording Diesel's state
//!    table and our own bookkeeping; a failure becomes an
//!    [`error::failure::MigrationFailure`] ([`engine::retry`] runs one that hit
//!    PostgreSQL's lock timeout again under `--retry-lock-timeout`);
//! 6. [`cli::output`] renders progress (it implements [`engine::progress::Progress`])
//!    and results for humans or as JSON at the edge.
//!
//! **Autogenerating** (`revision --autogenerate`, `check`, `models`, `inspect`):
//!
//! 1. [`schema::registry`] reads every Diesel `table!` under the model paths into one
//!    backend-neutral [`schema::model`];
//! 2. the other side is the schema at head: the offline [`migrations::snapshot`], or with
//!    `--db` the live database read back by [`dialect::introspect`];
//! 3. [`schema::diff`] turns the two models into operations (renames asked about);
//! 4. [`dialect::render`] renders each operation for the backend (its
//!    [`dialect::Dialect`]), `up.sql` and its mirror `down.sql` (on PostgreSQL
//!    [`dialect::render::zero_downtime`] writes the forms that do not block traffic,
//!    split into the migrations they need);
//! 5. [`migrations::revision`] writes the next migration(s) and the new snapshot.
//!
//! [`migrations::autogenerate`] drives steps 2–4; command handlers in [`cli::commands`]
//! are thin: they wire these steps together.

pub mod atomic_write;
pub mod backend;
pub mod cli;
pub mod dialect;
pub mod engine;
pub mod error;
pub mod migrations;
pub mod project;
pub mod schema;

pub use error::{Error, Result};
