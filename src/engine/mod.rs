//! Running migrations against a database: the URL and backend ([`database_url`]),
//! a Diesel connection ([`db`]), Diesel's state table and our own bookkeeping
//! ([`state`]), that state read against the chain ([`status`]), the apply loop
//! under a lock ([`apply`]) and its retries on a lock timeout ([`retry`]), how a failed migration is located and reported
//! ([`failure`]), and the offline `--sql` script ([`script`]).

pub mod apply;
pub mod database_url;
pub mod db;
pub mod failure;
pub mod retry;
pub mod script;
pub mod state;
pub mod status;
