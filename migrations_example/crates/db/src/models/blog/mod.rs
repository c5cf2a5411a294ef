pub mod articles;
pub mod categories;
pub mod posts;
