diesel::table! {
    /// Long-form pieces, one author each.
    /// @index (author_id, published_at)
    articles (id) {
        id -> Integer,
        /// @references authors(id) on delete cascade
        author_id -> Integer,
        /// @references categories(id) on delete set null
        category_id -> Nullable<Integer>,
        title -> Text,
        body -> Text,
        published_at -> Nullable<Timestamp>,
    }
}
