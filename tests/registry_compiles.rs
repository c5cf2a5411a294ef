//! The annotation syntax only works if Diesel compiles it unchanged. This test
//! builds the fixture that uses every annotation with Diesel (through the
//! standalone crate in `tests/registry_compiles/`) and reads the same file with
//! the registry, checking that every annotation came through.

use std::path::{Path, PathBuf};
use std::process::Command;

use cargo_migrate::schema::model::{Action, Check, ForeignKey, Index, SqlType, UniqueConstraint};
use cargo_migrate::schema::registry;

const FIXTURE: &str = "tests/fixtures/models/crates/db/src/models/users.rs";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn every_annotation_compiles_with_diesel_and_reaches_the_registry() {
    registry_reads_every_annotation();
    diesel_compiles_the_fixture();
}

fn registry_reads_every_annotation() {
    let schema = registry::load(root(), &[FIXTURE.to_string()]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(schema.tables.keys().collect::<Vec<_>>(), ["tenants", "users"]);

    let mood = &schema.enums["mood"];
    assert_eq!(mood.variants, strings(&["happy", "sad", "so-so"]));

    let tenants = &schema.tables["tenants"];
    assert_eq!(tenants.doc.as_deref(), Some("Tenants own users."));
    assert_eq!(tenants.uniques, vec![UniqueConstraint { name: "uq_tenants_slug".into(), columns: strings(&["slug"]) }]);
    assert_eq!(tenants.column("slug").unwrap().max_length, Some(64));

    let users = &schema.tables["users"];
    assert_eq!(users.doc.as_deref(), Some("Registered users."));
    assert_eq!(users.renamed_from.as_deref(), Some("members"));
    assert!(users.column("id").unwrap().auto_increment);
    let index = |name: &str, cols: &[&str]| Index { name: name.into(), columns: strings(cols), unique: false };
    assert_eq!(
        users.indexes,
        vec![
            index("ix_users_email_created_at", &["email", "created_at"]), // @index (a, b)
            index("ix_users_mood", &["mood"]),                            // column @index name
            index("ix_users_status", &["status"]),                        // column @index
            index("ix_users_tenant_status", &["tenant_id", "status"]),    // @index name (a, b)
        ]
    );
    let unique = |name: &str, cols: &[&str]| UniqueConstraint { name: name.into(), columns: strings(cols) };
    assert_eq!(
        users.uniques,
        vec![
            unique("uq_users_email", &["email"]),                      // column @unique
            unique("uq_users_handle", &["handle", "tenant_id"]),       // @unique name (a, b)
            unique("uq_users_handle_only", &["handle"]),               // column @unique name
            unique("uq_users_name_tenant_id", &["name", "tenant_id"]), // #[doc = "@unique (a, b)"]
        ]
    );
    assert_eq!(
        users.checks,
        vec![
            Check { name: "ck_users_age".into(), expr: "age >= 0".into() }, // @check name (expr)
            Check { name: "ck_users_handle".into(), expr: "char_length(handle) > 2".into() }, // @check (expr)
        ]
    );
    let fk = |name: &str, col: &str, on_delete, on_update| ForeignKey {
        name: name.into(),
        columns: strings(&[col]),
        ref_table: "tenants".into(),
        ref_columns: strings(&["id"]),
        on_delete,
        on_update,
    };
    assert_eq!(
        users.foreign_keys,
        vec![
            fk("fk_users_billing_tenant_id_tenants", "billing_tenant_id", Some(Action::Cascade), None),
            // @references with both actions, merged with the joinable! on the same column.
            fk("fk_users_tenant_id_tenants", "tenant_id", Some(Action::SetNull), Some(Action::Cascade)),
        ]
    );
    let col = |name: &str| users.column(name).unwrap_or_else(|| panic!("no column {name}"));
    assert_eq!(col("status").default.as_deref(), Some("'active'"));
    assert_eq!(col("created_at").default.as_deref(), Some("CURRENT_TIMESTAMP"));
    assert_eq!(col("deleted").default.as_deref(), Some("false")); // #[sql_name] and #[doc = "@default …"]
    assert_eq!(col("name").renamed_from.as_deref(), Some("full_name"));
    assert_eq!(col("name").doc.as_deref(), Some("The display name."));
    assert_eq!(col("email").max_length, Some(255));
    assert_eq!((&col("mood").sql_type, col("mood").nullable), (&SqlType::Custom { name: "mood".into() }, true));
}

fn diesel_compiles_the_fixture() {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target")).join("registry_compiles");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(root())
        .args(["check", "--offline", "--manifest-path", "tests/registry_compiles/Cargo.toml"])
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("cargo runs");
    assert!(out.status.success(), "Diesel rejected the annotated fixture:\n{}", String::from_utf8_lossy(&out.stderr));
}
