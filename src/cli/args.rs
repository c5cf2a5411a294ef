//! The command line as plain data (clap derive). Nothing here reads the
//! environment or the disk: [`crate::cli::context`] resolves these flags once.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::backend::Backend;

/// Parses `std::env::args`, accepting both `cargo migrate …` (cargo runs us as
/// `cargo-migrate migrate …`) and a direct `cargo-migrate …`.
pub fn parse_from_env() -> Cli {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "migrate") {
        args.remove(1);
    }
    Cli::parse_from(args)
}

#[derive(Debug, Parser)]
#[command(
    name = "cargo migrate",
    bin_name = "cargo migrate",
    version,
    about = "Alembic-style migrations for Diesel workspaces",
    long_about = "Alembic-style migrations for Diesel workspaces.\n\n\
        Discovers the workspace, reads every Diesel `table!` under the configured model \
        paths, and generates, applies and rolls back Diesel-compatible migrations whose \
        NNNN_ prefixes always match the revision chain.",
    after_help = "Exit codes: 0 success, 1 out of sync / failed check, 2 usage, configuration or I/O error, 3 database error."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// Path to Cargo.toml of the workspace or package (default: search upwards from the current directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub manifest_path: Option<PathBuf>,
    /// Use the `[package.metadata.migrate]` table of this workspace member.
    #[arg(short = 'p', long, global = true, value_name = "SPEC")]
    pub package: Option<String>,
    /// Database URL; overrides the configured environment variable and `.env`.
    #[arg(long, global = true, value_name = "URL")]
    pub database_url: Option<String>,
    /// When to colour output; `NO_COLOR` turns `auto` off.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Output format of read-only commands.
    #[arg(long, global = true, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// More detail: SQL as it runs; `current` lists applied migrations, `history` full metadata.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Retry connecting for up to this many seconds (deploys that start before the database is up).
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 0)]
    pub wait: u64,
    /// Use this migrations directory and no workspace: no Cargo.toml or cargo is needed
    /// (a deploy image). Commands that need the models refuse.
    #[arg(long, global = true, value_name = "DIR", env = "CARGO_MIGRATE_MIGRATIONS_DIR")]
    pub migrations_dir: Option<PathBuf>,
    /// Seconds to wait for another run's migration lock (overrides `lock_timeout`).
    #[arg(long, global = true, value_name = "SECONDS", env = "CARGO_MIGRATE_LOCK_TIMEOUT")]
    pub lock_timeout: Option<u64>,
    /// The environment variable holding the database URL (overrides `database_url_env`).
    #[arg(long, global = true, value_name = "NAME", env = "CARGO_MIGRATE_DATABASE_URL_ENV")]
    pub database_url_env: Option<String>,
}

/// `--dialect` names a [`Backend`] directly: the one enum of the three databases,
/// spelled `sqlite`, `postgres`, `mysql` on the command line.
impl ValueEnum for Backend {
    fn value_variants<'a>() -> &'a [Self] {
        &[Backend::Sqlite, Backend::Postgres, Backend::Mysql]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.key()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write `[workspace.metadata.migrate]` into Cargo.toml and create the migrations directory.
    Init(InitArgs),
    /// Convert an existing Diesel project: rename its migrations to NNNN_ revisions in
    /// Diesel's order, keeping every database Diesel migrated recognised.
    Adopt(AdoptArgs),
    /// Create a new migration after the head: NNNN_slug/{up.sql,down.sql,metadata.toml}.
    Revision(RevisionArgs),
    /// Apply migrations up to a revision (default: head).
    Upgrade(ApplyArgs),
    /// Roll back migrations down to a revision (`-1`, `0003`, `base`).
    Downgrade(DowngradeArgs),
    /// Show the revision the database is at.
    Current(CurrentArgs),
    /// List the migrations of the chain, newest first.
    History(HistoryArgs),
    /// Show the head revision(s) of the chain.
    Heads,
    /// Show one migration: metadata and SQL.
    Show(ShowArgs),
    /// Mark the database as being at a revision without running any SQL.
    Stamp(StampArgs),
    /// Roll back the newest applied migration and apply it again.
    Redo(RedoArgs),
    /// Show every table the model registry found under the configured model paths.
    Models,
    /// Exit 1 when anything is out of sync: chain, snapshot, models (and with --db, the database).
    Check(CheckArgs),
    /// Flag risky SQL in migrations by rule id: blocking locks, lost data, renames, schema advice.
    Lint(LintArgs),
    /// Clear the "failed part-way" mark left by a non-transactional migration that failed
    /// part-way: any migration on MySQL/MariaDB, and one with `run_in_transaction = false`
    /// on PostgreSQL or SQLite (`CREATE INDEX CONCURRENTLY`, a SQLite table rebuild).
    Resolve(ResolveArgs),
    /// Linearise branches that each added migrations on one parent: renumber all but one after it.
    Merge(MergeArgs),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Directory or glob (relative to the workspace root) holding Diesel `table!` models; repeatable.
    #[arg(long = "models", value_name = "PATH")]
    pub models: Vec<String>,
    /// Migrations directory, relative to the workspace root.
    #[arg(long = "migrations", value_name = "DIR")]
    pub migrations: Option<String>,
    /// Default database URL written to the config (used when the URL variable is unset);
    /// the global `--database-url` given to `init` means the same.
    #[arg(long = "default-database-url", value_name = "URL")]
    pub default_database_url: Option<String>,
    /// Replace an existing `[…metadata.migrate]` table.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct AdoptArgs {
    /// Print the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Also connect: record the database's Diesel versions under the new revisions (old
    /// rows kept) and write what the database has but the models do not state
    /// (indexes, uniques, defaults, foreign-key actions, checks, enum labels) into the
    /// models as `/// @` annotations.
    #[arg(long)]
    pub db: bool,
}

#[derive(Debug, Args)]
pub struct RevisionArgs {
    /// What the migration does; also its directory name (`add phone to users` → `0007_add_phone_to_users`).
    #[arg(short, long)]
    pub message: String,
    /// Write `run_in_transaction = false` (for `CREATE INDEX CONCURRENTLY` and the like).
    #[arg(long)]
    pub no_transaction: bool,
    /// Fill up.sql and down.sql from the difference between the models and the schema at head.
    #[arg(long)]
    pub autogenerate: bool,
    /// With --autogenerate: compare against the live database (which must be at head)
    /// instead of `schema_snapshot.json`.
    #[arg(long, requires = "autogenerate")]
    pub db: bool,
    /// With --autogenerate: write the migration even when nothing changed.
    #[arg(long)]
    pub empty: bool,
    /// A rename autogenerate cannot tell from a drop and an add: `users.name=full_name`
    /// or `old_table=new_table`; repeatable.
    #[arg(long, value_name = "OLD=NEW", requires = "autogenerate")]
    pub rename: Vec<String>,
    /// With --autogenerate: write nothing and exit 1 when any statement drops or
    /// narrows something (each is marked `-- DANGER:`), for CI.
    #[arg(long, requires = "autogenerate")]
    pub fail_on_danger: bool,
}

/// `--sql [--dialect D]`, shared by the commands that can print their SQL instead.
#[derive(Debug, Args)]
pub struct OfflineArgs {
    /// Print the SQL script instead of running it (offline mode; no connection).
    #[arg(long)]
    pub sql: bool,
    /// With --sql: the script's dialect (default: the database URL's backend; then no URL is needed).
    #[arg(long, requires = "sql", value_enum)]
    pub dialect: Option<Backend>,
}

impl OfflineArgs {
    /// `Some(dialect)` when a script is wanted instead of a run.
    pub fn script(&self) -> Option<Option<Backend>> {
        self.sql.then_some(self.dialect)
    }
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// Target: `head`, `+N`, a revision (`0007`, `7`), a directory name, or `A:B` with `--sql`.
    #[arg(default_value = "head", allow_hyphen_values = true)]
    pub target: String,
    #[command(flatten)]
    pub offline: OfflineArgs,
    /// Apply even though applied migrations were edited since they ran.
    #[arg(long)]
    pub ignore_checksums: bool,
    /// PostgreSQL: run a migration again, up to N times with a pause that doubles, when it
    /// failed on `lock_timeout` (SQLSTATE 55P03) and nothing of it was kept.
    #[arg(long, value_name = "N", default_value_t = 0, env = "CARGO_MIGRATE_RETRY_LOCK_TIMEOUT")]
    pub retry_lock_timeout: u32,
}

#[derive(Debug, Args)]
pub struct DowngradeArgs {
    /// Target: `-N`, a revision (`0003`), `base`, or `A:B` with `--sql`.
    #[arg(allow_hyphen_values = true)]
    pub target: String,
    #[command(flatten)]
    pub offline: OfflineArgs,
    /// Roll back even though applied migrations were edited since they ran.
    #[arg(long)]
    pub ignore_checksums: bool,
    /// Refuse a down.sql with no statements (only comments, as in Diesel's irreversible
    /// migrations) instead of recording it as rolled back with a warning that nothing was undone.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct CurrentArgs {}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Range `A:B` (e.g. `current:head`, `base:0005`).
    #[arg(short = 'r', long = "rev-range", allow_hyphen_values = true)]
    pub range: Option<String>,
    /// Mark the revision the database is at (connects to the database).
    #[arg(short = 'i', long)]
    pub indicate_current: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Revision to show (`head`, `0003`, a directory name…).
    #[arg(allow_hyphen_values = true)]
    pub revision: String,
}

#[derive(Debug, Args)]
pub struct StampArgs {
    /// Revision to record as current (`head`, `base`, `0003`…).
    #[arg(allow_hyphen_values = true)]
    pub revision: String,
    /// Clear the state table first (for a database whose state names unknown revisions).
    #[arg(long)]
    pub purge: bool,
    #[command(flatten)]
    pub offline: OfflineArgs,
}

#[derive(Debug, Args)]
pub struct RedoArgs {}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Also check the database: at head, no edited or unknown applied migrations.
    #[arg(long)]
    pub db: bool,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// One migration to lint (default: those not yet applied to the configured database,
    /// or all when no database URL is configured).
    #[arg(allow_hyphen_values = true, conflicts_with = "all")]
    pub revision: Option<String>,
    /// Lint every migration.
    #[arg(long)]
    pub all: bool,
    /// The backend whose rules apply (default: the database URL's; with neither, only
    /// the rules that hold on every backend).
    #[arg(long, value_enum)]
    pub dialect: Option<Backend>,
}

#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// The migration that failed part-way.
    #[arg(allow_hyphen_values = true)]
    pub revision: String,
    /// All of its changes are in place (you finished a failed upgrade by hand, or undid
    /// what a failed downgrade had done): record it as applied.
    #[arg(long, conflicts_with = "rolled_back", required_unless_present = "rolled_back")]
    pub applied: bool,
    /// None of its changes are in place (you undid a failed upgrade by hand, or finished
    /// a failed downgrade): record it as not applied.
    #[arg(long)]
    pub rolled_back: bool,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Alembic's spelling, `merge heads`; means the same as `merge`.
    #[arg(value_parser = ["heads"], hide_possible_values = true)]
    pub heads: Option<String>,
    /// The branch that keeps its numbers, named by one of its migrations (directory name,
    /// unique prefix or slug). Default: the branch the database applied, else the older one.
    #[arg(long, value_name = "REV")]
    pub keep: Option<String>,
    /// Print the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,
}
