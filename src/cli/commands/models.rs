//! `cargo migrate models`: print what the model registry found, so a user can see
//! exactly what autogenerate will compare before it does.
use std::collections::BTreeSet;

use crate::cli::context::Context;
use crate::cli::output::{Output, Style};
use crate::error::Result;
use crate::schema::model::{Column, Schema, Table};
use crate::schema::registry;

pub fn run(ctx: &Context) -> Result<()> {
    let schema = registry::load_with(&ctx.config.base_dir, &ctx.config.models, &ctx.config.types)?;
    if ctx.out.json {
        // Every map in the model is keyed by strings, so serialization cannot fail.
        let value = serde_json::to_value(&schema).expect("the schema model serializes to JSON");
        ctx.out.json_value(&value);
    } else {
        for line in render(&schema, &ctx.out) {
            ctx.out.line(line);
        }
    }
    ctx.out.status(summary(&schema));
    Ok(())
}

fn summary(schema: &Schema) -> String {
    let columns: usize = schema.tables.values().map(|t| t.columns.len()).sum();
    let files: BTreeSet<&str> = schema.tables.values().map(|t| t.source.file.as_str()).chain(schema.enums.values().map(|e| e.source.file.as_str())).collect();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let opaque = schema.enums.values().filter(|e| e.is_opaque()).count();
    let types = if opaque > 0 { format!(", {}", plural(opaque, "database type")) } else { String::new() };
    format!(
        "{}, {}, {}{types} in {}",
        plural(schema.tables.len(), "table"),
        plural(columns, "column"),
        plural(schema.enums.len() - opaque, "enum"),
        plural(files.len(), "file")
    )
}

/// Human-readable listing: one block per table, then the enums.
pub fn render(schema: &Schema, out: &Output) -> Vec<String> {
    let mut lines = Vec::new();
    for (key, t) in &schema.tables {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        render_table(key, t, out, &mut lines);
    }
    for (key, e) in &schema.enums {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        // A type without labels (`tsvector`, `ltree`, an enum left to the database)
        // is not an enum the models manage.
        let (kind, labels) = if e.is_opaque() { ("type", "(the database's: no @enum labels)".to_string()) } else { ("enum", e.variants.join(", ")) };
        lines.push(format!("{} {}  {}", out.paint(Style::Bold, kind), out.paint(Style::Cyan, key), out.paint(Style::Dim, &e.source)));
        lines.push(format!("  {labels}"));
    }
    for u in &schema.unmanaged {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!("{} {u}", out.paint(Style::Bold, "unmanaged")));
    }
    lines
}

fn render_table(key: &str, t: &Table, out: &Output, lines: &mut Vec<String>) {
    let mut head = format!("{} {}  {}", out.paint(Style::Bold, "table"), out.paint(Style::Cyan, key), out.paint(Style::Dim, &t.source));
    if let Some(old) = &t.renamed_from {
        head.push_str(&format!("  (renamed from {old})"));
    }
    lines.push(head);
    let types: Vec<String> = t.columns.iter().map(column_type).collect();
    let name_w = t.columns.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let type_w = types.iter().map(String::len).max().unwrap_or(0);
    for (c, ty) in t.columns.iter().zip(&types) {
        let mut line = format!("  {:name_w$}  {:type_w$}  {}", c.name, ty, if c.nullable { "NULL" } else { "NOT NULL" });
        if let Some(d) = &c.default {
            line.push_str(&format!("  DEFAULT {d}"));
        }
        if c.auto_increment {
            line.push_str("  auto-increment");
        }
        if let Some(old) = &c.renamed_from {
            line.push_str(&format!("  (renamed from {old})"));
        }
        lines.push(line.trim_end().to_string());
    }
    lines.push(format!("  primary key ({})", t.primary_key.join(", ")));
    for i in &t.indexes {
        lines.push(format!("  index {} ({})", i.name, i.columns.join(", ")));
    }
    for u in &t.uniques {
        lines.push(format!("  unique {} ({})", u.name, u.columns.join(", ")));
    }
    for fk in &t.foreign_keys {
        let mut line = format!("  foreign key {} ({}) -> {} ({})", fk.name, fk.columns.join(", "), fk.ref_table, fk.ref_columns.join(", "));
        if let Some(a) = fk.on_delete {
            line.push_str(&format!(" ON DELETE {}", a.as_sql()));
        }
        if let Some(a) = fk.on_update {
            line.push_str(&format!(" ON UPDATE {}", a.as_sql()));
        }
        lines.push(line);
    }
    for c in &t.checks {
        lines.push(format!("  check {} ({})", c.name, c.expr));
    }
}

fn column_type(c: &Column) -> String {
    match c.max_length {
        Some(n) => format!("{}({n})", c.sql_type),
        None => c.sql_type.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const USERS: &str = r#"
diesel::table! {
    /// @check (age >= 0)
    users (id) {
        id -> Int4,
        #[max_length = 255]
        /// @unique
        email -> Varchar,
        /// @default 'active'
        /// @index
        status -> Text,
        /// @references tenants(id) on delete cascade
        tenant_id -> Nullable<Int4>,
        age -> Nullable<Int4>,
    }
}
diesel::table! { tenants { id -> BigInt, } }
pub mod sql_types {
    /// @enum happy, sad
    #[derive(diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "mood"))]
    pub struct Mood;
}
"#;

    fn context(dir: &std::path::Path, format: &str) -> Context {
        let manifest = dir.join("Cargo.toml").display().to_string();
        let cli = <crate::cli::args::Cli as clap::Parser>::parse_from(["cargo migrate", "--manifest-path", &manifest, "--format", format, "-q", "models"]);
        Context::resolve(cli.global).unwrap()
    }

    #[test]
    fn run_reads_the_configured_paths_and_fails_with_exit_code_2() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = "[package]\nname = \"m\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[package.metadata.migrate]\nmodels = [\"db\"]\n";
        std::fs::write(dir.path().join("Cargo.toml"), manifest).unwrap();
        std::fs::create_dir_all(dir.path().join("src")).unwrap();
        std::fs::write(dir.path().join("src/lib.rs"), "").unwrap();
        std::fs::create_dir_all(dir.path().join("db")).unwrap();
        std::fs::write(dir.path().join("db/models.rs"), USERS).unwrap();
        run(&context(dir.path(), "json")).unwrap();
        run(&context(dir.path(), "text")).unwrap();

        std::fs::write(dir.path().join("db/models.rs"), "diesel::table! { users { id -> Int44, } }").unwrap();
        let e = run(&context(dir.path(), "text")).unwrap_err();
        assert_eq!(e.to_string(), "db/models.rs:1:32: column `users.id`: unknown SQL type `Int44`");
        assert_eq!(e.exit_code(), crate::error::EXIT_USAGE);
    }

    #[test]
    fn text_listing_shows_every_part() {
        let parsed = registry::parse_source("src/models.rs", USERS).unwrap();
        let schema = registry::assemble(&[parsed]).unwrap();
        let text = render(&schema, &Output::new(false, false, false, 0)).join("\n");
        let expected = "\
table tenants  src/models.rs:17
  id  BigInt  NOT NULL  auto-increment
  primary key (id)

table users  src/models.rs:4
  id         Integer       NOT NULL  auto-increment
  email      Varchar(255)  NOT NULL
  status     Text          NOT NULL  DEFAULT 'active'
  tenant_id  Integer       NULL
  age        Integer       NULL
  primary key (id)
  index ix_users_status (status)
  unique uq_users_email (email)
  foreign key fk_users_tenant_id_tenants (tenant_id) -> tenants (id) ON DELETE CASCADE
  check ck_users_age (age >= 0)

enum mood  src/models.rs:22
  happy, sad";
        assert_eq!(text, expected);
        assert_eq!(summary(&schema), "2 tables, 6 columns, 1 enum in 1 file");
    }
}
