//! Running migrations against a database: the URL and backend ([`database_url`]),
//! a Diesel connection ([`db`]), Diesel's state table and our own bookkeeping
//! ([`state`]), and the apply loop under a lock ([`apply`]).

pub mod apply;
pub mod database_url;
pub mod db;
pub mod state;
