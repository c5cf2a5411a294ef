//! `cargo migrate`: Alembic's migration workflow for Diesel workspaces.
//!
//! The source is layered, and a path names its layer. Dependencies are meant to
//! point down this list; the edges that still point up (`engine` printing through
//! `cli::output`, `dialect` using `engine`'s connection and `Backend`, `error` holding
//! the typed errors of the layers above) are issue 16's next slice.
//!
//! - [`cli`]: arguments, the resolved context, output, and thin command handlers;
//! - [`project`]: the Cargo workspace, its configuration, `diesel.toml`, `init`;
//! - [`migrations`]: the migrations directory: chain, revisions, snapshot, merge,
//!   adopt, lint and check;
//! - [`engine`]: the database URL, connection, state tables, the apply loop, its
//!   failure reports and the offline `--sql` script;
//! - [`schema`]: the backend-neutral model, the registry that reads it from Diesel
//!   `table!`s, the diff between two models, autogenerate;
//! - [`dialect`]: per-database SQL rendering, introspection and type folding, and
//!   the SQL lexer;
//! - [`error`]: the one error type, and [`atomic_write`], how every layer writes a file.
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
//! 5. [`engine::apply`] runs the plan over a Diesel connection ([`dialect::connection`]) under a
//!    lock, one transaction per migration, statements split by [`dialect::lexer`],
//!    recording Diesel's state table and our own bookkeeping ([`engine::state`]);
//! 6. [`cli::output`] renders results for humans or as JSON at the edge.
//!
//! **Autogenerating** (`revision --autogenerate`, `check`, `models`, `inspect`):
//!
//! 1. [`schema::registry`] reads every Diesel `table!` under the model paths into one
//!    backend-neutral [`schema::model`];
//! 2. the other side is the schema at head: the offline [`migrations::snapshot`], or with
//!    `--db` the live database read back by [`dialect::introspect`];
//! 3. [`schema::diff`] turns the two models into operations (renames asked about);
//! 4. [`dialect::render`] renders each operation for the backend, `up.sql` and its
//!    mirror `down.sql`;
//! 5. [`migrations::revision`] writes the next migration and the new snapshot.
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
