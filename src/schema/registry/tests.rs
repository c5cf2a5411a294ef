use std::path::{Path, PathBuf};

use super::*;
use crate::schema::model::{Action, SqlType};

fn build(files: &[(&str, &str)]) -> Result<Schema, RegistryError> {
    let parsed = files.iter().map(|(f, t)| parse_source(f, t)).collect::<Result<Vec<_>, _>>()?;
    assemble(&parsed)
}

fn one(text: &str) -> Schema {
    build(&[("src/m.rs", text)]).unwrap_or_else(|e| panic!("{e}"))
}

fn err(text: &str) -> String {
    build(&[("src/m.rs", text)]).unwrap_err().to_string()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/models")
}

const DESIGN_EXAMPLE: &str = r#"
diesel::table! {
    tenants (id) {
        id -> Int4,
    }
}

diesel::table! {
    /// Registered users.
    /// @index (email, created_at)
    /// @unique uq_users_handle (handle, tenant_id)
    /// @check ck_users_age (age >= 0)
    /// @renamed_from members
    users (id) {
        id -> Int4,                       // a lone integer primary key auto-increments
        #[max_length = 255]
        /// @unique
        email -> Varchar,
        /// @default 'active'
        /// @index
        status -> Varchar,
        /// @renamed_from full_name
        name -> Text,
        /// @references tenants(id) on delete set null on update cascade
        tenant_id -> Nullable<Int4>,
        age -> Nullable<Int4>,
        handle -> Text,
        /// @default CURRENT_TIMESTAMP
        created_at -> Timestamp,
    }
}

diesel::table! {
    posts (id) {
        id -> Int4,
        author_id -> Int4,
    }
}
diesel::joinable!(posts -> users (author_id));   // a plain foreign key, no actions
"#;

#[test]
fn design_example_comes_through_whole() {
    let s = one(DESIGN_EXAMPLE);
    let users = &s.tables["users"];
    assert_eq!(users.doc.as_deref(), Some("Registered users."));
    assert_eq!(users.renamed_from.as_deref(), Some("members"));
    assert_eq!(users.source, Source { file: "src/m.rs".into(), line: 14 });
    assert_eq!(users.primary_key, strings(&["id"]));
    let names: Vec<&str> = users.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["id", "email", "status", "name", "tenant_id", "age", "handle", "created_at"]);

    let id = &users.columns[0];
    assert_eq!((&id.sql_type, id.nullable, id.auto_increment), (&SqlType::Integer, false, true));
    let email = users.column("email").unwrap();
    assert_eq!((&email.sql_type, email.max_length, email.auto_increment), (&SqlType::Varchar, Some(255), false));
    assert_eq!(users.column("status").unwrap().default.as_deref(), Some("'active'"));
    assert_eq!(users.column("name").unwrap().renamed_from.as_deref(), Some("full_name"));
    assert_eq!(users.column("name").unwrap().doc, None);
    assert!(users.column("tenant_id").unwrap().nullable);
    assert_eq!(users.column("created_at").unwrap().default.as_deref(), Some("CURRENT_TIMESTAMP"));

    assert_eq!(
        users.indexes,
        vec![
            Index { name: "ix_users_email_created_at".into(), columns: strings(&["email", "created_at"]), unique: false },
            Index { name: "ix_users_status".into(), columns: strings(&["status"]), unique: false },
        ]
    );
    assert_eq!(
        users.uniques,
        vec![
            UniqueConstraint { name: "uq_users_email".into(), columns: strings(&["email"]) },
            UniqueConstraint { name: "uq_users_handle".into(), columns: strings(&["handle", "tenant_id"]) },
        ]
    );
    assert_eq!(users.checks, vec![Check { name: "ck_users_age".into(), expr: "age >= 0".into() }]);
    assert_eq!(
        users.foreign_keys,
        vec![ForeignKey {
            name: "fk_users_tenant_id_tenants".into(),
            columns: strings(&["tenant_id"]),
            ref_table: "tenants".into(),
            ref_columns: strings(&["id"]),
            on_delete: Some(Action::SetNull),
            on_update: Some(Action::Cascade),
        }]
    );
    assert_eq!(
        s.tables["posts"].foreign_keys,
        vec![ForeignKey {
            name: "fk_posts_author_id_users".into(),
            columns: strings(&["author_id"]),
            ref_table: "users".into(),
            ref_columns: strings(&["id"]),
            on_delete: None,
            on_update: None,
        }]
    );
}

#[test]
fn table_syntax_diesel_accepts() {
    let s = one(r#"
use diesel::prelude::*;

table! {
    use diesel::sql_types::*;
    use super::sql_types::Mood;

    /// First line.
    ///
    /// Second paragraph.
    #[sql_name = "People"]
    auth.people (tenant, r#ref) {
        tenant -> Int4,
        #[sql_name = "r#ref"]
        r#ref -> BigInt,
        /// Column doc.
        #[max_length = 20]
        code -> Bpchar,
    }

    counters {
        id -> Text,
        n -> Int8,
    }
}

::diesel::table! {
    /** Block doc.
     */
    plain { id -> Int2, }
}
"#);
    assert_eq!(s.tables.keys().collect::<Vec<_>>(), ["auth.People", "counters", "plain"]);
    let people = &s.tables["auth.People"];
    assert_eq!((people.name.as_str(), people.schema.as_deref()), ("People", Some("auth")));
    assert_eq!(people.primary_key, strings(&["tenant", "ref"]));
    assert_eq!(people.doc.as_deref(), Some("First line.\n\nSecond paragraph."));
    assert!(people.columns.iter().all(|c| !c.auto_increment), "composite keys do not auto-increment");
    let code = people.column("code").unwrap();
    assert_eq!((&code.sql_type, code.max_length, code.doc.as_deref()), (&SqlType::Char, Some(20), Some("Column doc.")));
    // The implicit primary key is `id`, and a text key does not auto-increment.
    assert_eq!(s.tables["counters"].primary_key, strings(&["id"]));
    assert!(!s.tables["counters"].columns[0].auto_increment);
    assert_eq!(s.tables["plain"].doc.as_deref(), Some("Block doc."));
    assert!(s.tables["plain"].columns[0].auto_increment);
}

#[test]
fn nested_modules_are_walked_but_test_modules_are_not() {
    let s = one(r#"
pub mod a {
    pub mod b {
        diesel::table! { deep { id -> Int4, } }
    }
    fn helper() { diesel::table! { in_fn { id -> Int4, } } }
}
#[cfg(test)]
mod tests {
    diesel::table! { scratch { id -> Int4, } }
}
diesel::allow_tables_to_appear_in_same_query!(deep, other);
"#);
    assert_eq!(s.tables.keys().collect::<Vec<_>>(), ["deep"]);
}

#[test]
fn auto_increment_is_a_lone_integer_key_without_default() {
    let s = one(r#"
diesel::table! { a { id -> BigInt, } }
diesel::table! { b { id -> Unsigned<Integer>, } }
diesel::table! { c { /// @default 7
    id -> Int4, } }
diesel::table! { d (code) { code -> Varchar, id -> Int4, } }
diesel::table! { e (x, y) { x -> Int4, y -> Int4, } }
diesel::table! { f (id) { id -> Uuid, } }
"#);
    let auto = |t: &str| s.tables[t].columns.iter().filter(|c| c.auto_increment).map(|c| c.name.clone()).collect::<Vec<_>>();
    assert_eq!(auto("a"), ["id"]);
    assert_eq!(auto("b"), ["id"]);
    assert!(auto("c").is_empty());
    assert!(auto("d").is_empty());
    assert!(auto("e").is_empty());
    assert!(auto("f").is_empty());
}

#[test]
fn custom_types_from_sql_types_modules() {
    let s = one(r#"
pub mod sql_types {
    /// @enum happy, sad
    #[derive(diesel::query_builder::QueryId, Clone, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "mood", schema = "app"))]
    pub struct Mood;

    #[derive(SqlType)]
    #[diesel(postgres_type(oid = 1, array_oid = 2))]
    pub struct PostalCode;

    #[derive(diesel::sql_types::SqlType)]
    #[diesel(mysql_type(name = "Enum"))]
    pub struct UsersStatusEnum;

    pub struct NotAType;
}
diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::{Mood, PostalCode};
    people {
        id -> Int4,
        mood -> Nullable<Mood>,
        moods -> Array<sql_types::Mood>,
        zip -> PostalCode,
        status -> crate::schema::sql_types::UsersStatusEnum,
    }
}
"#);
    assert_eq!(s.enums.keys().collect::<Vec<_>>(), ["app.mood", "postal_code", "users_status_enum"]);
    let mood = &s.enums["app.mood"];
    assert_eq!((mood.name.as_str(), mood.schema.as_deref(), mood.variants.clone()), ("mood", Some("app"), strings(&["happy", "sad"])));
    assert_eq!(mood.source, Source { file: "src/m.rs".into(), line: 6 });
    assert!(s.enums["postal_code"].variants.is_empty());
    let people = &s.tables["people"];
    let custom = |n: &str| SqlType::Custom { name: n.into() };
    assert_eq!((&people.column("mood").unwrap().sql_type, people.column("mood").unwrap().nullable), (&custom("app.mood"), true));
    assert_eq!(people.column("moods").unwrap().sql_type, SqlType::Array(Box::new(custom("app.mood"))));
    assert_eq!(people.column("zip").unwrap().sql_type, custom("postal_code"));
    assert_eq!(people.column("status").unwrap().sql_type, custom("users_status_enum"));
}

#[test]
fn custom_types_across_files() {
    let decl = |labels: &str| {
        format!("pub mod sql_types {{ /// @enum {labels}\n #[derive(diesel::sql_types::SqlType)] #[diesel(postgres_type(name = \"mood\"))] pub struct Mood; }}")
    };
    let table = "diesel::table! { use super::sql_types::Mood; people { id -> Int4, mood -> Mood, } }";
    // The same declaration twice (two crates' print-schema output) is one type.
    let same = build(&[("a.rs", &decl("happy, sad")), ("b.rs", &decl("happy, sad")), ("c.rs", table)]).unwrap();
    assert_eq!(same.enums.len(), 1);
    assert_eq!(same.enums["mood"].source.file, "a.rs");
    let e = build(&[("a.rs", &decl("happy, sad")), ("b.rs", &decl("happy")), ("c.rs", table)]).unwrap_err();
    assert_eq!(e.to_string(), "SQL type `mood` is declared twice with different `@enum` labels: at a.rs:2 and at b.rs:2");
    let other = "pub mod sql_types { #[derive(diesel::sql_types::SqlType)] #[diesel(postgres_type(name = \"feeling\"))] pub struct Mood; }";
    let e = build(&[("a.rs", &decl("happy")), ("b.rs", other), ("c.rs", table)]).unwrap_err();
    assert_eq!(e.to_string(), "c.rs:1:75: column `people.mood`: SQL type `Mood` is ambiguous: custom types mood, feeling share that Rust name");
}

#[test]
fn joinable_merges_with_references_and_annotation_actions_win() {
    let s = one(r#"
diesel::table! { users { id -> Int4, } }
diesel::table! {
    posts {
        id -> Int4,
        /// @references users(id) on delete cascade
        author_id -> Int4,
        editor_id -> Nullable<Int4>,
    }
}
diesel::joinable!(posts -> users (author_id));
diesel::joinable!(crate::schema::posts -> self::users (editor_id));
"#);
    let fks = &s.tables["posts"].foreign_keys;
    assert_eq!(fks.len(), 2);
    assert_eq!((fks[0].name.as_str(), fks[0].on_delete), ("fk_posts_author_id_users", Some(Action::Cascade)));
    assert_eq!((fks[1].name.as_str(), fks[1].on_delete), ("fk_posts_editor_id_users", None));
}

#[test]
fn names_follow_sql_names_and_rust_identifiers_both_work() {
    let s = one(r#"
diesel::table! {
    #[sql_name = "accounts"]
    users {
        id -> Int4,
        #[sql_name = "mail"]
        /// @unique
        email -> Text,
    }
}
diesel::table! {
    /// @index (owner, mail_copy)
    posts {
        id -> Int4,
        /// @references users(email)
        owner -> Text,
        /// @references accounts(mail)
        #[sql_name = "mail_copy"]
        copy -> Text,
    }
}
diesel::joinable!(posts -> users (id));
"#);
    let accounts = &s.tables["accounts"];
    assert_eq!(accounts.uniques[0], UniqueConstraint { name: "uq_accounts_mail".into(), columns: strings(&["mail"]) });
    let posts = &s.tables["posts"];
    assert_eq!(posts.indexes[0].columns, strings(&["owner", "mail_copy"]));
    let fks: Vec<(&str, &str, &str)> = posts.foreign_keys.iter().map(|f| (f.name.as_str(), f.ref_table.as_str(), f.ref_columns[0].as_str())).collect();
    assert_eq!(
        fks,
        [("fk_posts_id_accounts", "accounts", "id"), ("fk_posts_mail_copy_accounts", "accounts", "mail"), ("fk_posts_owner_accounts", "accounts", "mail"),]
    );
}

#[test]
fn generated_names_are_deterministic_and_unique() {
    let s = one(r#"
diesel::table! {
    /// @check (age >= 0)
    /// @check (age < 200)
    /// @check (1 = 1)
    /// @check ('age' <> "age" OR lo <= hi)
    /// @index (age)
    t {
        id -> Int4,
        /// @index
        age -> Int4,
        lo -> Int4,
        hi -> Int4,
    }
}
"#);
    let t = &s.tables["t"];
    let checks: Vec<(&str, &str)> = t.checks.iter().map(|c| (c.name.as_str(), c.expr.as_str())).collect();
    assert_eq!(checks, [("ck_t", "1 = 1"), ("ck_t_age", "age >= 0"), ("ck_t_age_2", "age < 200"), ("ck_t_lo_hi", "'age' <> \"age\" OR lo <= hi")]);
    let indexes: Vec<&str> = t.indexes.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(indexes, ["ix_t_age", "ix_t_age_2"]);
}

#[test]
fn long_names_are_shortened_with_a_hash() {
    let long = "a_very_long_table_name_that_goes_on_and_on";
    let s = one(&format!("diesel::table! {{ {long} {{ id -> Int4, /// @index\n another_long_column_name -> Int4, }} }}"));
    let name = &s.tables[long].indexes[0].name;
    assert_eq!(name, "ix_a_very_long_table_name_that_goes_on_and_on_another_290baa49");
    assert_eq!(shorten(format!("ix_{long}_another_long_column_name")), *name);
    assert_ne!(shorten(format!("ix_{long}_another_long_column_name_2")), *name);
    assert_eq!(shorten("short".into()), "short");
}

#[test]
fn explicit_name_clashes_are_errors() {
    let e = err(r#"
diesel::table! {
    /// @index ix_dup (a)
    t { id -> Int4, a -> Int4, }
}
diesel::table! {
    /// @check ix_dup (b > 0)
    u { id -> Int4, b -> Int4, }
}
"#);
    assert_eq!(e, "src/m.rs:7: `@check ix_dup (b > 0)`: name `ix_dup` is already used by index `ix_dup` of table `t` (src/m.rs:3)");
    let e = err("diesel::table! {\n    /// @index ix_dup (a)\n    /// @unique ix_dup (a)\n    t { id -> Int4, a -> Int4, }\n}\n");
    assert!(e.contains("name `ix_dup` is already used by index `ix_dup` of table `t`"), "{e}");
    // MySQL scopes index names to their table (vaultwarden's MariaDB schema has a
    // unique index `user_uuid` on two tables): models annotated from it must load.
    let s = one("diesel::table! { /// @unique user_uuid (user_uuid, a)\n t { id -> Int4, user_uuid -> Int4, a -> Int4, } }\ndiesel::table! { /// @unique user_uuid (user_uuid, b)\n u { id -> Int4, user_uuid -> Int4, b -> Int4, } }");
    assert_eq!(s.tables["t"].uniques[0].name, "user_uuid");
    assert_eq!(s.tables["u"].uniques[0].name, "user_uuid");
    // Names only clash within one database schema.
    one("diesel::table! { /// @index ix (a)\n x.t { id -> Int4, a -> Int4, } }\ndiesel::table! { /// @index ix (a)\n y.t { id -> Int4, a -> Int4, } }");
    // A generated name steps aside for an explicit one.
    let s = one("diesel::table! { /// @index ix_t_a (id)\n t { id -> Int4, /// @index\n a -> Int4, } }");
    let names: Vec<&str> = s.tables["t"].indexes.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["ix_t_a", "ix_t_a_2"]);
    let long = "x".repeat(64);
    assert_eq!(
        err(&format!("diesel::table! {{ /// @index {long} (id)\n t {{ id -> Int4, }} }}")),
        format!("src/m.rs:1: `@index {long} (id)`: name `{long}` is longer than 63 bytes")
    );
}

#[test]
fn serde_round_trip_is_exact() {
    let s = one(DESIGN_EXAMPLE);
    let json = serde_json::to_string(&s).unwrap();
    let back: Schema = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
}

// ---- errors ----

#[test]
fn a_file_that_does_not_parse_names_line_and_column() {
    assert_eq!(err("fn main() {\n    let x = ;\n}\n"), "src/m.rs:2:13: expected an expression");
    assert_eq!(err("struct S {"), "src/m.rs:1:10: cannot tokenize: an unclosed delimiter, string or block comment, or a stray closing delimiter");
}

#[test]
fn malformed_table_bodies() {
    assert_eq!(err("diesel::table! {\n  users {\n    id Int4,\n  }\n}"), "src/m.rs:3:8: malformed `table!`: expected `->`");
    assert_eq!(err("table! { users (id) }"), "src/m.rs:1:21: malformed `table!`: unexpected end of input, expected curly braces");
    assert_eq!(
        err("table! { users {\n name -> Text,\n } }"),
        "src/m.rs:1:10: malformed `table!`: table `users` has neither a primary key list `users (col) { … }` nor an `id` column"
    );
    assert_eq!(
        err("table! { users (uid) {\n id -> Int4,\n } }"),
        "src/m.rs:1:17: malformed `table!`: primary key column `uid` is not a column of table `users`"
    );
    assert_eq!(err("table! { users (id, id) { id -> Int4, } }"), "src/m.rs:1:21: malformed `table!`: primary key column `id` is listed twice");
    assert_eq!(err("table! { users () { id -> Int4, } }"), "src/m.rs:1:10: malformed `table!`: table `users` has an empty primary key list");
    assert_eq!(err("table! { users { } }"), "src/m.rs:1:10: malformed `table!`: table `users` has no columns");
    assert_eq!(err("table! { users {\n id -> Int4,\n id -> Int8,\n } }"), "src/m.rs:3:2: malformed `table!`: column `id` is declared twice in table `users`");
    assert_eq!(
        err("table! { users {\n id -> Int4,\n #[max_length = \"x\"]\n name -> Text,\n } }"),
        "src/m.rs:3:2: malformed `table!`: expected `#[max_length = N]` with N a whole number"
    );
    assert_eq!(err("table! { #[sql_name = 3] users { id -> Int4, } }"), "src/m.rs:1:10: malformed `table!`: expected `#[sql_name = \"name\"]`");
    assert_eq!(err("table! { users { id -> <Int4 as Foo>::Bar, } }"), "src/m.rs:1:24: malformed `table!`: qualified `<T as Trait>` types are not SQL types");
    assert_eq!(err("diesel::joinable!(posts => users (author_id));"), "src/m.rs:1:25: malformed `joinable!`: expected `->`");
    assert_eq!(
        err("#[derive(SqlType)]\n#[diesel(postgres_type(name = 5))]\nstruct S;"),
        "src/m.rs:2:31: malformed `#[diesel(...)]` attribute: expected string literal"
    );
}

#[test]
fn unknown_sql_types_name_the_type_and_the_column() {
    assert_eq!(
        err("diesel::table! {\n    users {\n        id -> Int4,\n        name -> Nullable<Strng>,\n    }\n}"),
        "src/m.rs:4:26: column `users.name`: unknown SQL type `Strng`"
    );
    assert_eq!(
        err("diesel::table! { users { id -> Int4, mood -> diesel::sql_types::Mood, } }"),
        "src/m.rs:1:46: column `users.mood`: unknown SQL type `diesel::sql_types::Mood`"
    );
}

#[test]
fn a_table_defined_twice_names_both_places() {
    let e = build(&[("crates/a/src/m.rs", "\n\ntable! { users { id -> Int4, } }"), ("crates/b/src/m.rs", "table! { users { id -> Int8, } }")]).unwrap_err();
    assert_eq!(e.to_string(), "table `users` is defined twice: at crates/a/src/m.rs:3 and at crates/b/src/m.rs:1");
    // Distinct schemas are distinct tables.
    build(&[("a.rs", "table! { a.users { id -> Int4, } }"), ("b.rs", "table! { b.users { id -> Int4, } }")]).unwrap();
}

#[test]
fn bad_joinables() {
    let tables = "table! { users { id -> Int4, } }\ntable! { posts { id -> Int4, author_id -> Int4, } }\ntable! { pairs (a, b) { a -> Int4, b -> Int4, } }\n";
    let j = |line: &str| err(&format!("{tables}{line}"));
    assert_eq!(j("joinable!(posts -> userz (author_id));"), "src/m.rs:4:11: `joinable!(posts -> userz (author_id))`: no `table!` named `userz` in the models");
    assert_eq!(j("joinable!(posts -> users (writer_id));"), "src/m.rs:4:11: `joinable!(posts -> users (writer_id))`: table `posts` has no column `writer_id`");
    assert_eq!(
        j("joinable!(posts -> pairs (author_id));"),
        "src/m.rs:4:11: `joinable!(posts -> pairs (author_id))`: table `pairs` has a composite primary key; `joinable!` needs a single-column one"
    );
    // Two tables with one Rust name: the `joinable!`'s own file decides, else it is an error.
    let files = [
        ("a.rs", "table! { a.users { id -> Int4, } }\ntable! { posts { id -> Int4, author_id -> Int4, } }\njoinable!(posts -> users (author_id));"),
        ("b.rs", "table! { b.users { id -> Int4, } }"),
    ];
    assert_eq!(build(&files).unwrap().tables["posts"].foreign_keys[0].ref_table, "a.users");
    let e = build(&[
        files[1],
        ("a.rs", "table! { a.users { id -> Int4, } }"),
        ("c.rs", "table! { posts { id -> Int4, author_id -> Int4, } }\njoinable!(posts -> users (author_id));"),
    ])
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "c.rs:2:11: `joinable!(posts -> users (author_id))`: `users` names several tables (a.rs:1, b.rs:1); put the `joinable!` in the file of the one it means"
    );
}

#[test]
fn bad_annotations_name_file_and_line() {
    assert_eq!(
        err("diesel::table! {\n    /// ok\n    /// @indx (a)\n    t { id -> Int4, a -> Int4, }\n}"),
        "src/m.rs:3: `@indx (a)`: unknown table annotation `@indx` (expected one of @index, @unique, @unique_index, @check, @renamed_from, @unmanaged)"
    );
    assert_eq!(
        err("diesel::table! {\n    #[doc = \"@unique uq_t_a\"]\n    t { id -> Int4, a -> Int4, }\n}"),
        "src/m.rs:2: `@unique uq_t_a`: `@unique` on a table needs a column list: `@unique [name] (col, ...)`"
    );
    assert_eq!(err("diesel::table! {\n    /// @index (a, b\n    t { id -> Int4, a -> Int4, }\n}"), "src/m.rs:2: `@index (a, b`: missing `)`");
    assert_eq!(
        err("diesel::table! {\n    t {\n        id -> Int4,\n        /// @references t(id) on delete explode\n        a -> Int4,\n    }\n}"),
        "src/m.rs:4: `@references t(id) on delete explode`: unknown action after `on delete`: `explode` (expected cascade, set null, set default, restrict or no action)"
    );
    assert_eq!(
        err("diesel::table! {\n    /** Doc.\n      @index (nope)\n    */\n    t { id -> Int4, }\n}"),
        "src/m.rs:3: `@index (nope)`: table `t` has no column `nope`"
    );
    assert_eq!(
        err("diesel::table! { t {\n id -> Int4,\n /// @default 1\n /// @default 2\n a -> Int4, } }"),
        "src/m.rs:4: `@default 2`: `@default` given twice on column `a`"
    );
    assert_eq!(
        err("diesel::table! {\n /// @renamed_from a\n /// @renamed_from b\n t { id -> Int4, } }"),
        "src/m.rs:3: `@renamed_from b`: `@renamed_from` given twice on table `t`"
    );
    assert_eq!(
        err("diesel::table! { t {\n id -> Int4,\n /// @references nowhere(id)\n a -> Int4, } }"),
        "src/m.rs:3: `@references nowhere(id)`: no table `nowhere` in the models"
    );
    assert_eq!(
        err("diesel::table! { t {\n id -> Int4,\n /// @references t(idd)\n a -> Int4, } }"),
        "src/m.rs:3: `@references t(idd)`: table `t` has no column `idd`"
    );
    assert_eq!(
        err("pub mod sql_types {\n    /// @enum a\n    /// @enum b\n    #[derive(diesel::sql_types::SqlType)]\n    pub struct M;\n}"),
        "src/m.rs:3: `@enum b`: `@enum` given twice"
    );
    assert_eq!(
        err("/// @enum a,, b\n#[derive(SqlType)]\npub struct M;"),
        "src/m.rs:1: `@enum a,, b`: bad enum label ``: quote labels that are empty or hold spaces"
    );
}

// ---- load ----

#[test]
fn load_walks_globs_across_crates() {
    let s = load(&fixtures(), &strings(&["crates/*/src/models"])).unwrap();
    assert_eq!(s.tables.keys().collect::<Vec<_>>(), ["billing.invoice_line", "billing.invoices", "categories", "post_categories", "posts", "tenants", "users"]);
    assert_eq!(s.tables["posts"].source, Source { file: "crates/db/src/models/blog/posts.rs".into(), line: 8 });
    assert_eq!(s.tables["billing.invoices"].source.file, "crates/billing/src/models/invoices.rs");
    // Directories and single files work as well as globs, and overlaps count once.
    let same = load(&fixtures(), &strings(&["crates/db/src/models", "crates/billing/src/models/invoices.rs", "crates/db/**/*.rs"])).unwrap();
    assert_eq!(same, s);
}

#[test]
fn load_matches_the_expected_json() {
    let s = load(&fixtures(), &strings(&["crates/*/src/models"])).unwrap();
    let actual = serde_json::to_string_pretty(&s).unwrap() + "\n";
    let path = fixtures().with_extension("expected.json");
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&path, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(actual == expected, "the schema differs from {}; rerun with UPDATE_EXPECTED=1 and review the diff\n{actual}", path.display());
    assert_eq!(serde_json::from_str::<Schema>(&expected).unwrap(), s);
}

fn tree(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

#[test]
fn load_skips_target_and_hidden_directories() {
    let dir = tree(&[
        ("src/models/users.rs", b"diesel::table! { users { id -> Int4, } }"),
        ("src/models/notes.md", b"not rust"),
        ("src/models/target/debug/out.rs", b"not rust {"),
        ("src/models/.cache/x.rs", b"not rust {"),
        ("target/gen.rs", b"not rust {"),
    ]);
    let s = load(dir.path(), &strings(&["src", "src/*"])).unwrap();
    assert_eq!(s.tables.keys().collect::<Vec<_>>(), ["users"]);
    let s = load(dir.path(), &strings(&["**/*.rs"])).unwrap();
    assert_eq!(s.tables.keys().collect::<Vec<_>>(), ["users"]);
}

#[test]
fn load_errors() {
    let dir = tree(&[
        ("src/models/ok.rs", b"diesel::table! { users { id -> Int4, } }"),
        ("src/bad/latin1.rs", b"// caf\xe9\n"),
        ("src/broken/b.rs", b"\n\ndiesel::table! { users { id => Int4, } }"),
        ("empty/README.md", b"nothing here"),
    ]);
    let base = dir.path();
    let e = load(base, &strings(&["src/modles"])).unwrap_err();
    assert_eq!(e.to_string(), format!("model path `src/modles` matches no `.rs` file (relative to `{}`)", base.display()));
    assert!(matches!(load(base, &[]).unwrap_err(), RegistryError::NoModelPaths));
    assert!(matches!(load(base, &strings(&["empty"])).unwrap_err(), RegistryError::NoFiles { path, .. } if path == "empty"));
    assert!(matches!(load(base, &strings(&["nope/*"])).unwrap_err(), RegistryError::NoFiles { .. }));
    assert_eq!(load(base, &strings(&["src/bad"])).unwrap_err().to_string(), "src/bad/latin1.rs: not valid UTF-8 (byte 6)");
    assert_eq!(load(base, &strings(&["src/broken"])).unwrap_err().to_string(), "src/broken/b.rs:3:29: malformed `table!`: expected `->`");
    assert_eq!(
        load(base, &strings(&["src/[models"])).unwrap_err().to_string(),
        "model path `src/[models` is not a valid glob: Pattern syntax error near position 4: invalid range pattern"
    );
    // The same table reached through two paths is one definition, not a duplicate.
    load(base, &strings(&["src/models", "src/models/ok.rs"])).unwrap();
}

#[cfg(unix)]
#[test]
fn load_follows_symlinks() {
    let dir = tree(&[("shared/users.rs", b"diesel::table! { users { id -> Int4, } }"), ("app/models/posts.rs", b"diesel::table! { posts { id -> Int4, } }")]);
    std::os::unix::fs::symlink(dir.path().join("shared"), dir.path().join("app/models/shared")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("shared/users.rs"), dir.path().join("app/models/users_link.rs")).unwrap();
    // One file reached through two links is read once, under the path that sorts first.
    let s = load(dir.path(), &strings(&["app/models", "shared"])).unwrap();
    assert_eq!(s.tables.keys().collect::<Vec<_>>(), ["posts", "users"]);
    assert_eq!(s.tables["users"].source.file, "app/models/shared/users.rs");
}

/// Found by fuzzing: syn recurses once per `<` of a qualified path, and a line of a
/// thousand of them overflowed a parser thread's default stack (a crash, not an error).
#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let t = tempfile::tempdir().unwrap();
    let text = format!("diesel::table! {{ users (id) {{ id -> Int4, #[max_length = 1{}] email -> Varchar, }} }}", "<".repeat(2000));
    std::fs::write(t.path().join("m.rs"), text).unwrap();
    let e = load(t.path(), &["m.rs".to_string()]).unwrap_err().to_string();
    assert!(e.starts_with("m.rs:1:"), "{e}");
}

/// Issue 13: two `joinable!` on one column (Diesel allows joining through a shared
/// key) invented a foreign key to each parent; a `joinable!` on a column that
/// `@references` already covers invented a second one.
#[test]
fn joinable_never_invents_a_second_foreign_key() {
    let s = one("diesel::table! { person (id) { id -> Int4, } }
diesel::table! { local_user (id) { id -> Int4, person_id -> Int4, } }
diesel::table! { comment (id) { id -> Int4, creator_id -> Int4, } }
diesel::table! { post (id) { id -> Int4, /// @references person(id) on delete cascade
  creator_id -> Int4, } }
diesel::joinable!(comment -> person (creator_id));
diesel::joinable!(comment -> local_user (creator_id));
diesel::joinable!(post -> local_user (creator_id));
diesel::joinable!(local_user -> person (person_id));
");
    assert!(s.tables["comment"].foreign_keys.is_empty(), "{:?}", s.tables["comment"].foreign_keys);
    let post = &s.tables["post"].foreign_keys;
    assert_eq!(post.len(), 1, "{post:?}");
    assert_eq!((post[0].ref_table.as_str(), post[0].on_delete), ("person", Some(Action::Cascade)));
    assert_eq!(s.tables["local_user"].foreign_keys.len(), 1);
}

/// Issue 13: a one-to-one table keyed by its parent's id got `GENERATED … AS
/// IDENTITY` on the foreign key column.
#[test]
fn a_primary_key_that_is_a_foreign_key_does_not_auto_increment_unless_annotated() {
    let src = "diesel::table! { users (id) { id -> Int4, } }
diesel::table! { profiles (user_id) { user_id -> Int4, bio -> Text, } }
diesel::table! { settings (user_id) { /// @auto_increment
  user_id -> Int4, } }
diesel::table! { plain (id) { /// @auto_increment false
  id -> Int4, } }
diesel::joinable!(profiles -> users (user_id));
diesel::joinable!(settings -> users (user_id));
";
    let s = one(src);
    assert!(s.tables["users"].columns[0].auto_increment);
    assert!(!s.tables["profiles"].columns[0].auto_increment);
    assert!(s.tables["settings"].columns[0].auto_increment);
    assert!(!s.tables["plain"].columns[0].auto_increment);
    assert!(err(&src.replace("/// @auto_increment false", "/// @auto_increment\n /// @auto_increment false")).contains("`@auto_increment` given twice"));
}

/// Views declared with `table!` are recorded as unmanaged, not tables, and a
/// `joinable!` to one makes no foreign key; unique indexes keep their kind.
#[test]
fn unmanaged_tables_and_unique_indexes() {
    let s = one("diesel::table! { users (id) { id -> Int4, /// @unique_index
  email -> Text, handle -> Text, } }
diesel::table! { /// @unmanaged
  recent_users (id) { id -> Int4, user_id -> Int4, } }
diesel::table! { posts (id) { id -> Int4, recent_id -> Int4, } }
diesel::joinable!(posts -> recent_users (recent_id));
");
    assert!(!s.tables.contains_key("recent_users"));
    assert_eq!(s.unmanaged.iter().map(ToString::to_string).collect::<Vec<_>>(), ["declared @unmanaged recent_users"]);
    assert!(s.tables["posts"].foreign_keys.is_empty());
    let ix = &s.tables["users"].indexes;
    assert_eq!((ix[0].name.as_str(), ix[0].unique), ("ux_users_email", true));
}

/// Issue 13: `Tsvector` imported from `diesel_full_text_search` was an unknown type,
/// and a `SqlType` without `@enum` labels was an enum to create and drop.
#[test]
fn extension_types_and_label_less_sql_types_are_types_the_database_owns() {
    let s = one("pub mod sql_types {
    #[derive(diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = \"ltree\"))]
    pub struct Ltree;
}
diesel::table! {
    use diesel::sql_types::*;
    use diesel_full_text_search::Tsvector;
    use super::sql_types::Ltree;
    docs (id) { id -> Int4, search -> Tsvector, path -> Ltree, geom -> postgis_diesel::sql_types::Geometry, v -> pgvector::sql_types::Vector, }
}
");
    let types: Vec<String> = s.tables["docs"].columns.iter().map(|c| c.sql_type.to_string()).collect();
    assert_eq!(types, ["Integer", "tsvector", "ltree", "geometry", "vector"]);
    assert!(s.enums["ltree"].is_opaque());
    let mut mapped = TypeMap::new();
    mapped.insert("Color".into(), "color".into());
    let parsed = [parse_source("m.rs", "diesel::table! { t (id) { id -> Int4, c -> my_crate::Color, } }").unwrap()];
    assert_eq!(assemble_with(&parsed, &mapped).unwrap().tables["t"].columns[1].sql_type, SqlType::Custom { name: "color".into() });
    assert!(assemble(&parsed).unwrap_err().to_string().contains("unknown SQL type `my_crate::Color`"));
}
