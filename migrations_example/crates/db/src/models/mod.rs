pub mod blog;
pub mod users;

use blog::{articles::articles, categories::categories, posts::posts};
use users::{authors, users};

diesel::allow_tables_to_appear_in_same_query!(users, authors, categories, articles, posts);
