diesel::table! {
    /// Everyone who can sign in.
    users (id) {
        id -> Integer,
        /// @unique
        #[max_length = 255]
        email -> Varchar,
        name -> Text,
        /// @default 'active'
        /// @index
        status -> Text,
        phone -> Nullable<Text>,
        /// @default CURRENT_TIMESTAMP
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Users who write; one profile per user.
    authors (id) {
        id -> Integer,
        /// @unique
        /// @references users(id) on delete cascade
        user_id -> Integer,
        bio -> Nullable<Text>,
    }
}
