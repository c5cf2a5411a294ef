//! Read-only commands: `current`, `history`, `heads`, `show` (text or `--format json`).

use serde_json::{json, Value};

use crate::cli::args::{CurrentArgs, HistoryArgs, ShowArgs};
use crate::cli::context::Context;
use crate::cli::output::Style;
use crate::engine::state;
use crate::error::{Error, Result};
use crate::migrations::chain::{self, Chain, Migration};
use crate::migrations::position::Position;
use crate::migrations::record::{DbState, RecordStatus};
use crate::migrations::revision_spec::{parse_range, Spec};
use crate::migrations::status::Status;

fn migration_json(m: &Migration, head: Position, current: Option<Position>) -> Value {
    json!({
        "id": m.id,
        "name": m.name,
        "revises": m.meta.revises,
        "message": m.title(),
        "created": m.meta.created,
        "run_in_transaction": m.meta.run_in_transaction(),
        "path": m.path,
        "is_head": m.position() == head,
        "is_current": current.map(|c| c == m.position()),
    })
}

/// Reads the database's position without creating anything in it.
fn read_current(ctx: &Context, chain: &Chain) -> Result<(DbState, Position)> {
    let mut conn = super::connect(ctx)?;
    let db = state::read(&mut conn)?;
    let current = Status::read(chain, &db)?.current;
    Ok((db, current))
}

pub fn current(ctx: &Context, _args: &CurrentArgs) -> Result<()> {
    let chain = chain::load(&ctx.config.migrations_dir)?;
    let mut conn = super::connect(ctx)?;
    let db = state::read(&mut conn)?;
    let status = Status::read(&chain, &db)?;
    let pending: Vec<&Migration> = status.pending(&chain);
    if ctx.out.json {
        let applied: Vec<Value> = status
            .applied
            .iter()
            .map(|a| {
                let r = a.record.as_ref();
                json!({
                    "version": a.version,
                    "name": r.map(|r| r.name.clone()).or(a.migration.map(|m| m.name.clone())),
                    "applied_at": r.map(|r| &r.applied_at),
                    "duration_ms": r.map(|r| r.duration_ms),
                    "status": r.map_or(RecordStatus::Applied, |r| r.status).as_str(),
                    "in_directory": a.migration.is_some(),
                    "edited": status.edited.iter().any(|(m, _, _)| m.id == a.version),
                })
            })
            .collect();
        ctx.out.json_value(&json!({
            "current": (!status.current.is_base()).then(|| status.applied.iter().max_by_key(|a| a.number).map(|a| a.version.clone())).flatten(),
            "current_name": chain.at(status.current).map(|m| m.name.clone()),
            "head": chain.head().map(|m| m.id.clone()),
            "at_head": pending.is_empty() && status.orphans.is_empty(),
            "pending": pending.iter().map(|m| m.name.clone()).collect::<Vec<_>>(),
            "applied": applied,
            "orphans": status.orphans.iter().map(|a| a.version.clone()).collect::<Vec<_>>(),
            "partial": status.partial.iter().map(|r| json!({"version": r.version, "name": r.name, "detail": r.detail})).collect::<Vec<_>>(),
        }));
        return Ok(());
    }
    let line = match chain.at(status.current) {
        None if status.current.is_base() => "base (nothing applied)".to_string(),
        None => format!(
            "{} (not in the migrations directory)",
            status.orphans.last().and_then(|o| o.record.as_ref()).map(|r| r.name.clone()).unwrap_or_else(|| format!("{:04}", status.current))
        ),
        Some(m) => {
            let head = if m.position() == chain.head_position() { " (head)" } else { "" };
            format!("{}{head}", m.name)
        }
    };
    ctx.out.line(ctx.out.paint(Style::Bold, line));
    if !pending.is_empty() {
        ctx.out.line(format!("{} pending: {}", pending.len(), pending.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ")));
    }
    for r in &status.partial {
        ctx.out.warn(format!("{} failed part-way: {}", r.name, r.detail.as_deref().unwrap_or("")));
    }
    for (m, _, _) in &status.edited {
        ctx.out.warn(format!("{} was edited after it was applied", m.name));
    }
    for o in &status.orphans {
        ctx.out.warn(format!("{} is applied but not in the migrations directory", o.record.as_ref().map(|r| r.name.as_str()).unwrap_or(&o.version)));
    }
    if ctx.global.verbose > 0 {
        for a in &status.applied {
            let r = a.record.as_ref();
            ctx.out.line(format!(
                "  {}  applied {}  ({} ms)",
                r.map(|r| r.name.clone()).or(a.migration.map(|m| m.name.clone())).unwrap_or_else(|| a.version.clone()),
                r.map(|r| r.applied_at.as_str()).unwrap_or("by another tool"),
                r.map(|r| r.duration_ms).unwrap_or(0)
            ));
        }
    }
    Ok(())
}

pub fn history(ctx: &Context, args: &HistoryArgs) -> Result<()> {
    let chain = chain::load(&ctx.config.migrations_dir)?;
    let needs_db = args.indicate_current || args.range.as_deref().is_some_and(|r| r.to_ascii_lowercase().contains("current"));
    let current = if needs_db { Some(read_current(ctx, &chain)?.1) } else { None };
    let (from, to) = match &args.range {
        None => (Position::BASE, chain.head_position()),
        Some(r) => {
            let (a, b) = parse_range(r).ok_or_else(|| Error::Spec(format!("`{r}`: expected a range such as base:head, current:head or 0002:0005")))?;
            let from = a.map(|s| s.resolve(&chain, current)).transpose()?.unwrap_or(Position::BASE);
            let to = b.map(|s| s.resolve(&chain, current)).transpose()?.unwrap_or(chain.head_position());
            (from.min(to), from.max(to))
        }
    };
    // Like Alembic: newest first, both ends of the range included.
    let shown: Vec<&Migration> = chain.migrations.iter().filter(|m| m.position() >= from && m.position() <= to).rev().collect();
    if ctx.out.json {
        let list: Vec<Value> = shown.iter().map(|m| migration_json(m, chain.head_position(), current)).collect();
        ctx.out.json_value(&Value::Array(list));
        return Ok(());
    }
    if shown.is_empty() {
        ctx.out.status("no migrations in that range");
    }
    for m in shown {
        let parent = m.meta.revises.clone().unwrap_or_else(|| "<base>".into());
        let mut marks = String::new();
        if m.position() == chain.head_position() {
            marks.push_str(" (head)");
        }
        if args.indicate_current && current == Some(m.position()) {
            marks.push_str(&ctx.out.paint(Style::Green, " (current)"));
        }
        if ctx.global.verbose > 0 {
            ctx.out.line(format!("Rev: {}{marks}", ctx.out.paint(Style::Bold, &m.name)));
            ctx.out.line(format!("Parent: {parent}"));
            ctx.out.line(format!("Path: {}", m.path.display()));
            ctx.out.line(format!("Created: {}", m.meta.created.as_deref().unwrap_or("unknown")));
            ctx.out.line(format!("Transactional: {}", if m.meta.run_in_transaction() { "yes" } else { "no" }));
            ctx.out.line(format!("\n    {}\n", m.title()));
        } else {
            ctx.out.line(format!("{parent} -> {}{marks}, {}", ctx.out.paint(Style::Bold, &m.id), m.title()));
        }
    }
    Ok(())
}

/// Works on a broken chain too: showing the heads is how one sees the branches.
pub fn heads(ctx: &Context) -> Result<()> {
    let (migrations, _) = chain::scan(&ctx.config.migrations_dir)?;
    let revised: Vec<u32> = migrations.iter().filter_map(|m| m.meta.revises.as_deref()?.parse().ok()).collect();
    let heads: Vec<&Migration> = migrations.iter().filter(|m| !revised.contains(&m.number)).collect();
    if ctx.out.json {
        let list: Vec<Value> = heads.iter().map(|m| json!({"id": m.id, "name": m.name, "revises": m.meta.revises, "message": m.title()})).collect();
        ctx.out.json_value(&Value::Array(list));
        return Ok(());
    }
    if heads.is_empty() {
        ctx.out.status("no migrations yet");
    }
    for m in &heads {
        ctx.out.line(format!("{} (head), {}", m.name, m.title()));
    }
    if heads.len() > 1 {
        ctx.out.warn(format!("{} heads: the chain has branched; renumber one branch onto the other", heads.len()));
    }
    Ok(())
}

pub fn show(ctx: &Context, args: &ShowArgs) -> Result<()> {
    let chain = chain::load(&ctx.config.migrations_dir)?;
    let spec = Spec::parse(&args.revision)?;
    let current = if spec.needs_current() { Some(read_current(ctx, &chain)?.1) } else { None };
    let pos = spec.resolve(&chain, current)?;
    let m = chain.at(pos).ok_or_else(|| Error::Spec(format!("`{}` is base, which is not a migration", args.revision)))?;
    let (up, down) = (m.read_up()?, m.read_down()?);
    if ctx.out.json {
        let mut v = migration_json(m, chain.head_position(), current);
        v["up_sql"] = json!(up);
        v["down_sql"] = json!(down);
        ctx.out.json_value(&v);
        return Ok(());
    }
    ctx.out.line(format!("Rev: {}{}", ctx.out.paint(Style::Bold, &m.name), if m.position() == chain.head_position() { " (head)" } else { "" }));
    ctx.out.line(format!("Parent: {}", m.meta.revises.as_deref().unwrap_or("<base>")));
    ctx.out.line(format!("Path: {}", m.path.display()));
    ctx.out.line(format!("Created: {}", m.meta.created.as_deref().unwrap_or("unknown")));
    ctx.out.line(format!("Transactional: {}", if m.meta.run_in_transaction() { "yes" } else { "no" }));
    ctx.out.line(format!("\n    {}\n", m.title()));
    ctx.out.line(ctx.out.paint(Style::Cyan, "-- up.sql"));
    ctx.out.line(up.trim_end());
    ctx.out.line(ctx.out.paint(Style::Cyan, "-- down.sql"));
    ctx.out.line(down.trim_end());
    Ok(())
}
