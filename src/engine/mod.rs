//! Running migrations against a database: reading and writing Diesel's state table
//! and our own bookkeeping ([`state`]), the apply loop under a lock ([`apply`]) and its retries on a lock timeout ([`retry`]),
//! finding the statement a failed migration broke on ([`locate`]), what the loop
//! reports while it runs ([`progress`], which the CLI implements) and the offline
//! `--sql` script ([`script`]). The top of the core: it uses the chain
//! ([`crate::migrations`]) over a connection ([`crate::dialect::connection`]), and
//! nothing below it uses the engine.

pub mod apply;
pub mod locate;
pub mod progress;
pub mod retry;
pub mod script;
pub mod state;
