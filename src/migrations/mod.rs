//! The migrations directory and what is decided from it: the revision [`chain`] and
//! positions on it ([`position`], [`revision_spec`]), writing the next revision ([`revision`], under
//! a [`dir_lock`]) and the schema [`snapshot`] at head, the next revision's SQL from
//! the models ([`autogenerate`]), renumbering two branches into one ([`merge`]),
//! turning a Diesel directory into a chain ([`adopt`]), file [`checksum`]s, the checks
//! ([`lint`], [`check`]), and the chain compared with what a database recorded
//! ([`record`], [`status`]). Reading that record from the database is the engine's.

pub mod adopt;
pub mod autogenerate;
pub mod chain;
pub mod check;
pub mod checksum;
pub mod dir_lock;
pub mod lint;
pub mod merge;
pub mod metadata;
pub mod position;
pub mod record;
pub mod revision;
pub mod revision_spec;
pub mod snapshot;
pub mod status;
