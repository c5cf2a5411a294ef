//! The blog's server start-up: bring the database to head with the migrations
//! embedded at compile time (the same directory `cargo migrate` manages).

use diesel::prelude::*;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations");

fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "example.sqlite3".into());
    let url = url.strip_prefix("sqlite://").unwrap_or(&url).to_string();
    let mut conn = SqliteConnection::establish(&url)?;
    let applied = conn.run_pending_migrations(MIGRATIONS)?;
    println!("applied {} migration(s) at start-up", applied.len());
    let users: i64 = db::models::accounts::users::table.count().get_result(&mut conn)?;
    println!("{users} user(s)");
    Ok(())
}
