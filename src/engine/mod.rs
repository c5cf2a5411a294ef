//! Running migrations against a database: the URL and backend ([`database_url`]),
//! a Diesel connection ([`db`]), Diesel's state table and our own bookkeeping
//! ([`state`]), that state read against the chain ([`status`]), and the apply loop
//! under a lock ([`apply`]).

pub mod apply;
pub mod database_url;
pub mod db;
pub mod state;
pub mod status;
