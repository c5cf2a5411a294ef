//! `check` and `lint`: what pre-commit hooks and CI run.

use serde_json::json;

use crate::cli::args::{CheckArgs, LintArgs};
use crate::cli::context::Context;
use crate::cli::output::Style;
use crate::engine::state;
use crate::error::{Error, Result};
use crate::migrations::chain::{self, Migration};
use crate::migrations::check::{self, Problem, ProblemKind, Report};
use crate::migrations::lint::Finding;
use crate::migrations::revision_spec::Spec;
use crate::migrations::status::Status;

pub fn check(ctx: &Context, args: &CheckArgs) -> Result<()> {
    let cfg = &ctx.config;
    // `--migrations-dir` (a deploy image) has no models: the chain and, with `--db`, the
    // database's state are checked; neither the snapshot nor drift is compared.
    let (mut report, chain) = if cfg.standalone {
        let (mut report, chain) = check::chain_only(&cfg.migrations_dir)?;
        report.notes.push("--migrations-dir: no models here, so the snapshot and drift are not compared".into());
        (report, chain)
    } else {
        check::offline_cached(&cfg.migrations_dir, &cfg.base_dir, &cfg.models, &cfg.types, &cfg.ignored(), Some(&cache_file(ctx)))?
    };
    let backend = ctx.database_url().ok().map(|u| u.backend);
    if let Some(chain) = &chain {
        if args.db {
            let mut conn = super::connect(ctx)?;
            let db = state::read(&mut conn)?;
            let status = Status::read(chain, &db)?;
            check::database(&mut report, chain, &status);
            let pending = status.pending(chain);
            // Drift only means something once the database is exactly at head.
            if pending.is_empty() && status.orphans.is_empty() && !cfg.standalone {
                match crate::schema::registry::load_with(&cfg.base_dir, &cfg.models, &cfg.types) {
                    Ok(models) => {
                        let (live, models) = crate::dialect::introspect::live_and_models(&mut conn, &models, &cfg.ignored())?;
                        check::drift(&mut report, &live, &models);
                        report.unmanaged = live.unmanaged;
                    }
                    // Never "ok" on models that did not load (reported once).
                    Err(e) => {
                        if !report.problems.iter().any(|p| p.kind == ProblemKind::Models) {
                            report.problems.push(Problem { kind: ProblemKind::Models, message: e.to_string() });
                        }
                    }
                }
            }
            check::lint_all(&mut report, &pending, backend)?;
        } else if let Some(head) = chain.head().filter(|_| !cfg.standalone) {
            // Offline, the migration being worked on is the head (not in a deploy image).
            check::lint_all(&mut report, &[head], backend)?;
        }
    }
    let lint_fails = cfg.lint_fails_check && report.lint.iter().any(|f| f.allowed.is_none());
    if lint_fails {
        report.problems.push(Problem { kind: ProblemKind::Lint, message: "lint findings fail the check (`lint_fails_check = true`)".into() });
    }
    print(ctx, &report, args.db);
    if report.problems.is_empty() {
        Ok(())
    } else {
        Err(Error::OutOfSync(format!("{} problem(s): out of sync", report.problems.len())))
    }
}

/// `target/cargo-migrate/check-<hash>.cache`, one per migrations directory.
fn cache_file(ctx: &Context) -> std::path::PathBuf {
    let dir = crate::project::cache::dir(std::env::var("CARGO_TARGET_DIR").ok().as_deref(), &ctx.workspace.root);
    dir.join(crate::project::cache::keyed_name("check", &ctx.config.migrations_dir, "cache"))
}

fn print(ctx: &Context, report: &Report, db: bool) {
    if ctx.out.json {
        ctx.out.json_value(&json!({
            "ok": report.problems.is_empty(),
            "head": report.head,
            "migrations": report.migrations,
            "database_checked": db,
            "problems": report.problems,
            "lint": report.lint,
            "notes": report.notes,
            "unmanaged": report.unmanaged,
        }));
        return;
    }
    for u in &report.unmanaged {
        ctx.out.detail(format!("not managed: {u}"));
    }
    for n in &report.notes {
        ctx.out.status(format!("note: {n}"));
    }
    print_findings(ctx, &report.lint);
    if report.problems.is_empty() {
        ctx.out.line(format!(
            "{} {} migration(s) in sync, head {}{}",
            ctx.out.paint(Style::Green, "ok:"),
            report.migrations,
            report.head.as_deref().unwrap_or("base"),
            if db { "; the database is at head" } else { "" }
        ));
        return;
    }
    ctx.out.line(format!("{} {} problem(s)", ctx.out.paint(Style::Red, "out of sync:"), report.problems.len()));
    for p in &report.problems {
        ctx.out.line(format!("  - [{}] {}", p.kind, p.message));
    }
}

fn print_findings(ctx: &Context, findings: &[Finding]) {
    for f in findings {
        match &f.allowed {
            None => ctx.out.warn(format!("[{}] {}:{}: {}\n    {}", f.rule, f.file, f.line, f.statement, f.message)),
            Some(reason) => ctx.out.detail(format!("[{}] {}:{}: allowed: {reason}", f.rule, f.file, f.line)),
        }
    }
}

pub fn lint(ctx: &Context, args: &LintArgs) -> Result<()> {
    let chain = chain::load(&ctx.config.migrations_dir)?;
    let url = ctx.database_url().ok();
    let backend = url.as_ref().map(|u| u.backend);
    let targets: Vec<&Migration> = if let Some(spec) = &args.revision {
        let pos = Spec::parse(spec)?.resolve(&chain, None)?;
        chain.at(pos).into_iter().collect()
    } else if args.all || url.is_none() {
        chain.migrations.iter().collect()
    } else {
        let mut conn = super::connect(ctx)?;
        let db = state::read(&mut conn)?;
        Status::read(&chain, &db)?.pending(&chain)
    };
    let mut report = Report::default();
    check::lint_all(&mut report, &targets, backend)?;
    let failing = report.lint.iter().filter(|f| f.allowed.is_none()).count();
    if ctx.out.json {
        ctx.out.json_value(&json!({ "ok": failing == 0, "linted": targets.iter().map(|m| m.name.clone()).collect::<Vec<_>>(), "findings": report.lint }));
    } else {
        print_findings(ctx, &report.lint);
        ctx.out.line(format!(
            "linted {} migration(s): {failing} finding(s){}",
            targets.len(),
            if failing > 0 { "; silence one with [lint.allow] rule = \"reason\" in its metadata.toml" } else { "" }
        ));
    }
    if failing > 0 {
        return Err(Error::OutOfSync(format!("{failing} lint finding(s)")));
    }
    Ok(())
}
