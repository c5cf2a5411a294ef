//! The migrations directory stays a Diesel migrations directory and the state is
//! Diesel's own table: `diesel_migrations` and `cargo migrate` can take turns.

mod common;

use common::{TestDb, Workspace};
use diesel_migrations::{FileBasedMigrations, MigrationHarness};

fn pending(db: &TestDb, ws: &Workspace) -> Vec<String> {
    common::diesel_pending(db, &ws.migrations())
}

fn diesel_run_pending(db: &TestDb, ws: &Workspace) -> usize {
    common::diesel_run(db, &ws.migrations(), None)
}

backend_tests!(diesel_continues_where_we_stopped, we_continue_where_diesel_stopped);

fn diesel_revert_last(db: &TestDb, ws: &Workspace) -> String {
    let migrations = FileBasedMigrations::from_path(ws.migrations()).unwrap();
    let mut conn = db.connect();
    cargo_migrate::with_diesel_connection!(&mut conn, c => c.revert_last_migration(migrations).unwrap().to_string())
}

fn diesel_continues_where_we_stopped(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    ws.cmd(&db).args(["upgrade", "0002"]).assert().success();
    // Diesel reads our directory names as versions 0001..0003 and sees our rows.
    assert_eq!(pending(&db, &ws), ["0003"]);
    assert_eq!(diesel_run_pending(&db, &ws), 1);
    assert!(db.columns("users").contains(&"phone".to_string()));
    assert!(pending(&db, &ws).is_empty());
    ws.cmd(&db).arg("current").assert().success().stdout(predicates::str::contains("0003_add_phone_to_users (head)"));
    ws.cmd(&db).args(["downgrade", "base"]).assert().success();
    assert_eq!(pending(&db, &ws), ["0001", "0002", "0003"]);
}

fn we_continue_where_diesel_stopped(db: TestDb) {
    let ws = Workspace::new();
    ws.blog_chain();
    assert_eq!(diesel_run_pending(&db, &ws), 3);
    assert_eq!(diesel_revert_last(&db, &ws), "0003");
    ws.cmd(&db).arg("current").assert().success().stdout(predicates::str::contains("0002_create_posts"));
    ws.cmd(&db).arg("upgrade").assert().success();
    assert_eq!(db.applied_versions(), ["0001", "0002", "0003"]);
    ws.cmd(&db).args(["downgrade", "-2"]).assert().success();
    assert_eq!(pending(&db, &ws), ["0002", "0003"]);
}
