//! The migrations directory and what is decided from it: the revision [`chain`] and
//! positions on it ([`position`], [`revision_spec`]), writing the next revision ([`revision`], under
//! a [`dir_lock`]) and the schema [`snapshot`] at head, renumbering two branches into
//! one ([`merge`]), turning a Diesel directory into a chain ([`adopt`]), file
//! [`checksum`]s, and the checks ([`lint`], [`check`]).

pub mod adopt;
pub mod chain;
pub mod check;
pub mod checksum;
pub mod dir_lock;
pub mod lint;
pub mod merge;
pub mod metadata;
pub mod position;
pub mod revision;
pub mod revision_spec;
pub mod snapshot;
