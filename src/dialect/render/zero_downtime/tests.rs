use super::*;
use crate::schema::diff::{diff, Renames};
use crate::schema::registry::{assemble, parse_source};

fn schema(src: &str) -> Schema {
    assemble(&[parse_source("src/m.rs", src).unwrap()]).unwrap_or_else(|e| panic!("{e}"))
}

fn planned(old: &str, new: &str) -> Vec<Planned> {
    let (old, new) = (schema(old), schema(new));
    plan(&diff(&old, &new, &Renames::default()), &old, &new, "5s")
}

/// The statements of a file, comments and blank lines left out.
fn statements(sql: &str) -> Vec<String> {
    crate::dialect::lexer::split(sql, crate::backend::Backend::Postgres).into_iter().map(|s| s.sql.to_string()).collect()
}

const USERS: &str = "diesel::table! { users (id) { id -> Integer, email -> Nullable<Text>, age -> Nullable<Integer>, } }\n";
const ORGS: &str = "diesel::table! { orgs (id) { id -> Integer, } }\n";

#[test]
fn an_index_on_an_existing_table_is_built_concurrently_in_a_migration_of_its_own() {
    let new = USERS.replace("email -> Nullable<Text>", "/// @index\n email -> Nullable<Text>");
    let p = planned(USERS, &new);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(!p[0].up.run_in_transaction && !p[0].down.run_in_transaction);
    assert_eq!(statements(&p[0].up.sql), ["SET lock_timeout = '5s'", "CREATE INDEX CONCURRENTLY ix_users_email ON users (email)", "RESET lock_timeout"]);
    assert_eq!(statements(&p[0].down.sql), ["SET lock_timeout = '5s'", "DROP INDEX CONCURRENTLY ix_users_email", "RESET lock_timeout"]);
    assert!(p[0].down.sql.contains("-- DANGER: drops index ix_users_email"), "{}", p[0].down.sql);
    assert_eq!(p[0].label, Some("build indexes"));
}

#[test]
fn a_new_table_keeps_the_simple_forms_and_a_lock_timeout_only_for_what_it_references() {
    let new = format!("{USERS}diesel::table! {{\n /// @index (name)\n /// @check ck_t (n > 0)\n t (id) {{ id -> Integer, name -> Text, n -> Integer, user_id -> Integer, }} }}\ndiesel::joinable!(t -> users (user_id));\n");
    let p = planned(USERS, &new);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(p[0].up.run_in_transaction);
    let up = statements(&p[0].up.sql);
    // The foreign key locks the existing `users`: the file sets a lock timeout.
    assert_eq!(up.first().map(String::as_str), Some("SET lock_timeout = '5s'"), "{up:#?}");
    assert!(up.iter().any(|s| s.starts_with("CREATE INDEX ix_t_name ON t")), "{up:#?}");
    assert!(up.iter().any(|s| s.contains("FOREIGN KEY (user_id) REFERENCES users (id)") && !s.contains("NOT VALID")), "{up:#?}");
    assert!(!p[0].up.sql.contains("CONCURRENTLY") && !p[0].up.sql.contains("VALIDATE"), "{}", p[0].up.sql);

    // A table alone: nothing existing is touched, so nothing about locks is written.
    let p = planned("", ORGS);
    assert_eq!(statements(&p[0].up.sql), ["CREATE TABLE orgs (\n    id SERIAL PRIMARY KEY\n)"]);
    assert!(p[0].up.run_in_transaction);
}

#[test]
fn checks_and_foreign_keys_are_added_not_valid_then_validated_outside_a_transaction() {
    let old = format!("{USERS}{ORGS}");
    let new = format!("{}{ORGS}diesel::joinable!(users -> orgs (age));\n", USERS.replace("users (id)", "/// @check ck_users_age (age >= 0)\n users (id)"));
    let p = planned(&old, &new);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(!p[0].up.run_in_transaction);
    assert_eq!(
        statements(&p[0].up.sql),
        [
            "SET lock_timeout = '5s'",
            "ALTER TABLE users ADD CONSTRAINT ck_users_age CHECK (age >= 0) NOT VALID",
            "ALTER TABLE users VALIDATE CONSTRAINT ck_users_age",
            "ALTER TABLE users ADD CONSTRAINT fk_users_age_orgs FOREIGN KEY (age) REFERENCES orgs (id) NOT VALID",
            "ALTER TABLE users VALIDATE CONSTRAINT fk_users_age_orgs",
            "RESET lock_timeout",
        ]
    );
    assert_eq!(
        statements(&p[0].down.sql),
        [
            "SET lock_timeout = '5s'",
            "ALTER TABLE users DROP CONSTRAINT fk_users_age_orgs",
            "ALTER TABLE users DROP CONSTRAINT ck_users_age",
            "RESET lock_timeout",
        ]
    );
}

#[test]
fn not_null_on_an_existing_column_goes_through_a_validated_check() {
    let new = USERS.replace("age -> Nullable<Integer>", "age -> Integer");
    let p = planned(USERS, &new);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(
        statements(&p[0].up.sql),
        [
            "SET lock_timeout = '5s'",
            "ALTER TABLE users ADD CONSTRAINT ck_users_age_not_null CHECK (age IS NOT NULL) NOT VALID",
            "ALTER TABLE users VALIDATE CONSTRAINT ck_users_age_not_null",
            "ALTER TABLE users ALTER COLUMN age SET NOT NULL",
            "ALTER TABLE users DROP CONSTRAINT ck_users_age_not_null",
            "RESET lock_timeout",
        ]
    );
    assert!(p[0].up.sql.contains("-- DANGER: makes users.age NOT NULL"), "{}", p[0].up.sql);
    assert_eq!(statements(&p[0].down.sql), ["SET lock_timeout = '5s'", "ALTER TABLE users ALTER COLUMN age DROP NOT NULL", "RESET lock_timeout"]);

    // A type change with it: the type in the transactional migration, NOT NULL after.
    let new = USERS.replace("age -> Nullable<Integer>", "age -> BigInt");
    let p = planned(USERS, &new);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(p[0].up.run_in_transaction && !p[1].up.run_in_transaction);
    assert!(statements(&p[0].up.sql).contains(&"ALTER TABLE users ALTER COLUMN age TYPE BIGINT USING age::BIGINT".to_string()), "{}", p[0].up.sql);
    assert!(!p[0].up.sql.contains("SET NOT NULL") && p[1].up.sql.contains("SET NOT NULL"), "{p:#?}");
    assert!(statements(&p[0].down.sql).contains(&"ALTER TABLE users ALTER COLUMN age TYPE INTEGER USING age::INTEGER".to_string()), "{}", p[0].down.sql);
}

#[test]
fn a_unique_constraint_is_an_index_built_concurrently_then_attached_in_the_next_migration() {
    let new = USERS.replace("email -> Nullable<Text>", "/// @unique\n email -> Nullable<Text>");
    let p = planned(USERS, &new);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(!p[0].up.run_in_transaction && !p[1].up.run_in_transaction);
    assert_eq!(statements(&p[0].up.sql), ["SET lock_timeout = '5s'", "CREATE UNIQUE INDEX CONCURRENTLY uq_users_email ON users (email)", "RESET lock_timeout"]);
    assert_eq!(
        statements(&p[1].up.sql),
        ["SET lock_timeout = '5s'", "ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email", "RESET lock_timeout"]
    );
    // Each down leaves what the migration before it left: the index, then nothing.
    assert_eq!(
        statements(&p[1].down.sql),
        [
            "SET lock_timeout = '5s'",
            "ALTER TABLE users DROP CONSTRAINT uq_users_email",
            "CREATE UNIQUE INDEX CONCURRENTLY uq_users_email ON users (email)",
            "RESET lock_timeout"
        ]
    );
    assert_eq!(statements(&p[0].down.sql), ["SET lock_timeout = '5s'", "DROP INDEX CONCURRENTLY uq_users_email", "RESET lock_timeout"]);
}

#[test]
fn a_changed_index_is_dropped_then_rebuilt_around_the_transactional_changes() {
    let old = USERS.replace("users (id)", "/// @index ix_u (email)\n users (id)");
    let new = USERS
        .replace("users (id)", "/// @index ix_u (email, age)\n users (id)")
        .replace("age -> Nullable<Integer>,", "age -> Nullable<Integer>, bio -> Nullable<Text>,");
    let p = planned(&old, &new);
    let shape: Vec<(bool, Option<&str>)> = p.iter().map(|m| (m.up.run_in_transaction, m.label)).collect();
    assert_eq!(shape, [(false, Some("drop indexes")), (true, None), (false, Some("build indexes"))], "{p:#?}");
    assert!(statements(&p[0].up.sql).contains(&"DROP INDEX CONCURRENTLY ix_u".to_string()));
    assert!(statements(&p[1].up.sql).contains(&"ALTER TABLE users ADD COLUMN bio TEXT".to_string()), "{}", p[1].up.sql);
    assert!(statements(&p[2].up.sql).contains(&"CREATE INDEX CONCURRENTLY ix_u ON users (email, age)".to_string()));
    assert!(statements(&p[0].down.sql).contains(&"CREATE INDEX CONCURRENTLY ix_u ON users (email)".to_string()));
}

#[test]
fn the_lock_timeout_is_a_quoted_literal_and_nothing_planned_for_nothing() {
    let new = USERS.replace("email -> Nullable<Text>", "/// @index\n email -> Nullable<Text>");
    let (o, n) = (schema(USERS), schema(&new));
    let p = plan(&diff(&o, &n, &Renames::default()), &o, &n, "1min'; DROP TABLE users; --");
    assert_eq!(statements(&p[0].up.sql)[0], "SET lock_timeout = '1min''; DROP TABLE users; --'");
    assert!(plan(&[], &o, &o, "5s").is_empty());
}

/// Found by the PostgreSQL corpus: a column that joins the primary key is made NOT
/// NULL by the key itself, and the safe form's down (`DROP NOT NULL` before the key
/// went) failed with "column is in a primary key".
#[test]
fn a_column_joining_the_primary_key_keeps_the_simple_form() {
    let old = "diesel::table! { pc (a) { a -> Integer, b -> Nullable<Integer>, } }\n";
    let new = "diesel::table! { pc (a, b) { a -> Integer, b -> Integer, } }\n";
    let p = planned(old, new);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(p[0].up.run_in_transaction, "{p:#?}");
    assert!(!p[0].up.sql.contains("NOT VALID"), "{}", p[0].up.sql);
    let down = statements(&p[0].down.sql);
    let key = down.iter().position(|s| s.contains("DROP CONSTRAINT pc_pkey")).unwrap();
    let nullable = down.iter().position(|s| s.contains("DROP NOT NULL")).unwrap();
    assert!(key < nullable, "{down:#?}");
}

/// Names come from models and live databases: every safe form quotes them through the
/// dialect's helpers, and a name with a line break stays inside its `--` comment.
#[test]
fn hostile_names_stay_names() {
    use crate::schema::model::{Check, ForeignKey, SqlType, Table};
    let evil = "x\"; DROP TABLE users; --\nDROP TABLE users; ";
    let mut column = Column::new(evil, SqlType::Integer);
    column.nullable = true;
    let old_table = Table::new(evil, vec![Column::new("id", SqlType::Integer), column.clone()], &["id"]);
    let mut new_table = old_table.clone();
    new_table.columns[1].nullable = false;
    new_table.indexes.push(Index { name: evil.into(), columns: vec![evil.into()], unique: false });
    new_table.uniques.push(UniqueConstraint { name: format!("{evil}u"), columns: vec![evil.into()] });
    new_table.checks.push(Check { name: format!("{evil}c"), expr: "1 = 1".into() });
    new_table.foreign_keys.push(ForeignKey {
        name: format!("{evil}f"),
        columns: vec![evil.into()],
        ref_table: evil.into(),
        ref_columns: vec!["id".into()],
        on_delete: None,
        on_update: None,
    });
    let (mut old, mut new) = (Schema::default(), Schema::default());
    old.tables.insert(evil.into(), old_table);
    new.tables.insert(evil.into(), new_table);
    let p = plan(&diff(&old, &new, &Renames::default()), &old, &new, "5s");
    assert!(p.len() >= 2, "{p:#?}");
    for m in &p {
        for sql in [&m.up.sql, &m.down.sql] {
            let stmts = statements(sql);
            assert!(!stmts.is_empty(), "{sql}");
            assert!(!stmts.iter().any(|s| s.starts_with("DROP TABLE")), "{stmts:#?}");
        }
    }
}
