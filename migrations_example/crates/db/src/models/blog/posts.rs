diesel::table! {
    /// Short posts on a user's wall.
    /// @check ck_posts_likes (likes >= 0)
    posts (id) {
        id -> Integer,
        user_id -> Integer,
        body -> Text,
        /// @default 0
        likes -> Integer,
        /// @default CURRENT_TIMESTAMP
        created_at -> Timestamp,
    }
}

use crate::models::accounts::users;

// A plain foreign key (no actions): posts.user_id -> users.id.
diesel::joinable!(posts -> users (user_id));
