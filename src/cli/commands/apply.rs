//! `upgrade`, `downgrade`, `redo`, `stamp`, `resolve`: the commands that change the database.

use std::time::Duration;

use crate::backend::Backend;
use crate::cli::args::{ApplyArgs, DowngradeArgs, ResolveArgs, StampArgs};
use crate::cli::context::Context;
use crate::engine::apply::{Engine, Options, Report};
use crate::engine::script;
use crate::error::{Error, Result};
use crate::migrations::chain::{self, Chain};
use crate::migrations::revision_spec::{parse_range, Spec};

pub(super) fn options(ctx: &Context, ignore_checksums: bool) -> Options {
    Options { ignore_checksums, lock_timeout: Duration::from_secs(ctx.config.lock_timeout_secs), strict: false, retry_lock_timeout: 0 }
}

fn with_engine<T>(ctx: &Context, opts: Options, f: impl FnOnce(&mut Engine) -> Result<T>) -> Result<T> {
    let chain = chain::load(&ctx.config.migrations_dir)?;
    let mut conn = super::connect(ctx)?;
    f(&mut Engine { conn: &mut conn, chain: &chain, out: &ctx.out, opts })
}

/// As [`with_engine`], but on a forked chain it follows the branch the database
/// applied (see [`chain::applied_branch`]): rolling back is how a fork is untangled.
fn with_downgrade_engine<T>(ctx: &Context, opts: Options, f: impl FnOnce(&mut Engine) -> Result<T>) -> Result<T> {
    let dir = &ctx.config.migrations_dir;
    let (chain, mut conn) = match chain::load(dir) {
        Ok(chain) => (chain, super::connect(ctx)?),
        Err(Error::Chain(errors)) => {
            let mut conn = super::connect(ctx)?;
            let names: Vec<String> = crate::engine::state::read(&mut conn)?.records.into_values().map(|r| r.name).collect();
            let Some(chain) = chain::applied_branch(dir, &names)? else { return Err(Error::Chain(errors)) };
            ctx.out.warn(format!(
                "the migrations directory has several heads; rolling back along the branch the database applied (up to {})",
                chain.head().map_or("base", |m| m.name.as_str())
            ));
            (chain, conn)
        }
        Err(e) => return Err(e),
    };
    f(&mut Engine { conn: &mut conn, chain: &chain, out: &ctx.out, opts })
}

fn summarize(ctx: &Context, report: &Report, nothing: &str) {
    if report.done.is_empty() {
        ctx.out.status(nothing);
    }
    if !report.skipped.is_empty() {
        ctx.out.status(format!("{} migration(s) were applied by another process meanwhile: {}", report.skipped.len(), report.skipped.join(", ")));
    }
}

pub fn upgrade(ctx: &Context, args: &ApplyArgs) -> Result<()> {
    move_to(ctx, &args.target, args.offline.script(), Options { retry_lock_timeout: args.retry_lock_timeout, ..options(ctx, args.ignore_checksums) }, true)
}

pub fn downgrade(ctx: &Context, args: &DowngradeArgs) -> Result<()> {
    move_to(ctx, &args.target, args.offline.script(), Options { strict: args.strict, ..options(ctx, args.ignore_checksums) }, false)
}

/// The backend an offline script is written for: `--dialect`, else the URL's.
fn script_backend(ctx: &Context, dialect: Option<Backend>) -> Result<Backend> {
    match dialect {
        Some(d) => Ok(d),
        None => ctx.database_url().map(|u| u.backend).map_err(|e| match e {
            Error::NoDatabaseUrl { var, .. } => Error::Usage(format!("--sql needs to know the dialect: pass --dialect sqlite|postgres|mysql, or set {var}")),
            other => other,
        }),
    }
}

fn move_to(ctx: &Context, target: &str, sql: Option<Option<Backend>>, opts: Options, up: bool) -> Result<()> {
    if let Some(dialect) = sql {
        return offline(ctx, target, up, dialect);
    }
    ctx.check_production_guard(if up { "upgrade" } else { "downgrade" })?;
    let spec = Spec::parse(target)?;
    let report = if up { with_engine(ctx, opts, |e| e.upgrade(&spec))? } else { with_downgrade_engine(ctx, opts, |e| e.downgrade(&spec))? };
    summarize(ctx, &report, if up { "already at the target revision; nothing to apply" } else { "already at the target revision; nothing to roll back" });
    Ok(())
}

pub fn redo(ctx: &Context) -> Result<()> {
    ctx.check_production_guard("redo")?;
    let report = with_engine(ctx, options(ctx, false), |e| e.redo())?;
    summarize(ctx, &report, "nothing is applied; nothing to redo");
    Ok(())
}

pub fn stamp(ctx: &Context, args: &StampArgs) -> Result<()> {
    let spec = Spec::parse(&args.revision)?;
    if let Some(dialect) = args.offline.script() {
        let chain = chain::load(&ctx.config.migrations_dir)?;
        let backend = script_backend(ctx, dialect)?;
        let target = spec.resolve(&chain, None)?;
        let mut script = String::new();
        for s in crate::engine::state::create_tables(backend) {
            script.push_str(&s.render(backend));
            script.push('\n');
        }
        if args.purge {
            crate::engine::state::purge().iter().for_each(|s| {
                script.push_str(&s.render(backend));
                script.push('\n');
            });
        }
        for m in &chain.migrations[..target] {
            script.push_str(&crate::engine::state::insert_diesel(&m.id).render(backend));
            script.push('\n');
        }
        ctx.out.line(script.trim_end());
        return Ok(());
    }
    ctx.check_production_guard("stamp")?;
    let changes = with_engine(ctx, options(ctx, true), |e| e.stamp(&spec, args.purge))?;
    if changes.is_empty() {
        ctx.out.status("the state table already says so; nothing changed");
    }
    for c in changes {
        ctx.out.status(c);
    }
    Ok(())
}

pub fn resolve(ctx: &Context, args: &ResolveArgs) -> Result<()> {
    ctx.check_production_guard("resolve")?;
    let msg = with_engine(ctx, options(ctx, true), |e| e.resolve(&args.revision, args.applied))?;
    ctx.out.status(msg);
    Ok(())
}

/// `--sql`: print the script for a range without connecting. A single target is
/// taken from base (upgrade) or from head (downgrade), as Alembic's offline mode does.
fn offline(ctx: &Context, target: &str, upgrade: bool, dialect: Option<Backend>) -> Result<()> {
    let chain: Chain = chain::load(&ctx.config.migrations_dir)?;
    let backend = script_backend(ctx, dialect)?;
    let (from, to) = match parse_range(target) {
        Some((a, b)) => {
            let from = a.map(|s| s.resolve(&chain, None)).transpose()?.unwrap_or(if upgrade { 0 } else { chain.len() });
            let to = b.map(|s| s.resolve(&chain, None)).transpose()?.unwrap_or(if upgrade { chain.len() } else { 0 });
            (from, to)
        }
        None if target.contains(':') => return Err(Error::Spec(format!("`{target}`: expected a range A:B"))),
        None => {
            let to = Spec::parse(target)?.resolve(&chain, None)?;
            (if upgrade { 0 } else { chain.len() }, to)
        }
    };
    if upgrade && to < from || !upgrade && to > from {
        return Err(Error::Usage(format!(
            "`{target}` goes {} but this is {}; swap the range or use the other command",
            if to < from { "down" } else { "up" },
            if upgrade { "upgrade" } else { "downgrade" }
        )));
    }
    ctx.out.line(script::script(&chain, backend, from, to)?.trim_end());
    Ok(())
}
