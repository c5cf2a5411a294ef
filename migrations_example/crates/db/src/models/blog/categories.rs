diesel::table! {
    /// A tree of categories.
    categories (id) {
        id -> Integer,
        /// @unique
        slug -> Text,
        name -> Text,
        /// @references categories(id) on delete set null
        parent_id -> Nullable<Integer>,
    }
}
