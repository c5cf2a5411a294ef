pub mod accounts;
pub mod blog;

use accounts::{authors, users};
use blog::{articles::articles, categories::categories, posts::posts};

diesel::allow_tables_to_appear_in_same_query!(users, authors, categories, articles, posts);
