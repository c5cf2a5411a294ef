//! Running migrations against a database: the URL and backend ([`database_url`]),
//! a Diesel connection ([`db`]), Diesel's state table and our own bookkeeping
//! ([`state`]), that state read against the chain ([`status`]), the apply loop
//! under a lock ([`apply`]), how a failed migration is located and reported
//! ([`failure`]), and the offline `--sql` script ([`script`]).

pub mod apply;
pub mod locate;
pub mod progress;
pub mod script;
pub mod state;
