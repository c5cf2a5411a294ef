//! Thin command handlers: resolve the context once, call the core, render the
//! result. Errors are rendered here, with the exit code the README documents.

use std::process::ExitCode;
use std::time::Duration;

use crate::cli::args::{self, Cli, Command};
use crate::cli::context::Context;
use crate::cli::output::Output;
use crate::dialect::connection::Connection;
use crate::error::Result;

pub mod adopt;
pub mod apply;
pub mod check;
pub mod init;
pub mod inspect;
pub mod merge;
pub mod models;
pub mod revision;

pub fn main() -> ExitCode {
    let cli = args::parse_from_env();
    // Errors are rendered before (or without) a resolved context.
    let no_color = std::env::var("NO_COLOR").ok();
    let fallback = Output::new(false, Output::wants_color(cli.global.color, no_color.as_deref()), cli.global.quiet, cli.global.verbose);
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            fallback.error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

pub fn run(cli: Cli) -> Result<()> {
    if cli.global.migrations_dir.is_some() {
        refuse_without_workspace(&cli.command)?;
    }
    if let Command::Init(args) = &cli.command {
        return init::run(&cli.global, args);
    }
    let ctx = Context::resolve(cli.global)?;
    match cli.command {
        Command::Init(_) => unreachable!("handled above"),
        Command::Adopt(a) => adopt::run(&ctx, &a),
        Command::Revision(a) => revision::run(&ctx, &a),
        Command::Upgrade(a) => apply::upgrade(&ctx, &a),
        Command::Downgrade(a) => apply::downgrade(&ctx, &a),
        Command::Redo(_) => apply::redo(&ctx),
        Command::Stamp(a) => apply::stamp(&ctx, &a),
        Command::Resolve(a) => apply::resolve(&ctx, &a),
        Command::Current(a) => inspect::current(&ctx, &a),
        Command::History(a) => inspect::history(&ctx, &a),
        Command::Heads => inspect::heads(&ctx),
        Command::Show(a) => inspect::show(&ctx, &a),
        Command::Models => models::run(&ctx),
        Command::Check(a) => check::check(&ctx, &a),
        Command::Lint(a) => check::lint(&ctx, &a),
        Command::Merge(a) => merge::run(&ctx, &a),
    }
}

/// With `--migrations-dir` there are no models (they are named in Cargo.toml) and no
/// manifest to write: what needs either says so instead of working on nothing.
fn refuse_without_workspace(command: &Command) -> Result<()> {
    let (name, why) = match command {
        Command::Init(_) => ("init", "it writes the config table into Cargo.toml"),
        Command::Adopt(_) => ("adopt", "it reads the models and writes the config table into Cargo.toml"),
        Command::Revision(_) => ("revision", "it records the models (named in Cargo.toml) as the new schema snapshot"),
        Command::Models => ("models", "the model paths are configured in Cargo.toml"),
        Command::Merge(_) => ("merge", "it regenerates the schema snapshot from the models"),
        _ => return Ok(()),
    };
    Err(crate::Error::Usage(format!(
        "`{name}` needs the workspace: {why}, and --migrations-dir runs without one\n  hint: run it in the project (without --migrations-dir); a deploy image needs only upgrade, downgrade, current, history, check and friends"
    )))
}

/// Connects with the context's URL, honouring `--wait`.
pub fn connect(ctx: &Context) -> Result<Connection> {
    let url = ctx.database_url()?;
    ctx.out.detail(format!("connecting to {}", url.describe()));
    Connection::connect(&url, Duration::from_secs(ctx.global.wait))
}
