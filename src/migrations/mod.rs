//! The migrations directory and what is decided from it: the revision [`chain`] and
//! positions on it ([`revision_spec`]), writing the next revision ([`revision`], under
//! a [`dir_lock`]) and the schema [`snapshot`] at head, renumbering two branches into
//! one ([`merge`]), turning a Diesel directory into a chain ([`adopt`]), file
//! [`checksum`]s, and the checks ([`lint`], [`check`]).

pub mod adopt;
pub mod autogenerate;
pub mod chain;
pub mod check;
pub mod checksum;
pub mod dir_lock;
pub mod lint;
pub mod merge;
pub mod record;
pub mod revision;
pub mod revision_spec;
pub mod snapshot;
pub mod status;
