//! `check` and `lint`: what pre-commit hooks and CI run.

use serde_json::json;

use crate::backend::Backend;
use crate::cli::args::{CheckArgs, LintArgs};
use crate::cli::context::Context;
use crate::cli::output::Style;
use crate::engine::state;
use crate::error::{Error, Result};
use crate::migrations::chain::{self, Migration};
use crate::migrations::check::{self, Problem, Report};
use crate::migrations::lint::{Finding, Rule, Severity};
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
                        if !report.problems.iter().any(|p| p.kind == "models") {
                            report.problems.push(Problem { kind: "models", message: e.to_string() });
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
    let failing: Vec<&str> = report.lint.iter().filter(|f| f.fails()).map(|f| f.rule.id()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    if cfg.lint_fails_check && !failing.is_empty() {
        report.problems.push(Problem { kind: "lint", message: format!("lint findings fail the check (`lint_fails_check = true`): {}", failing.join(", ")) });
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
    print_findings(ctx, &report.lint, false);
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

/// Each finding: rule id, file:line and the statement, then why, the lock and the fix.
/// With `errors_fail` (`lint`), error-severity findings print as errors.
fn print_findings(ctx: &Context, findings: &[Finding], errors_fail: bool) {
    // Paths relative to where the command runs, as editors and pre-commit print them.
    let cwd = std::env::current_dir().ok();
    let shown = |file: &str| match cwd.as_deref().and_then(|c| std::path::Path::new(file).strip_prefix(c).ok()) {
        Some(rel) => rel.display().to_string(),
        None => file.to_string(),
    };
    for f in findings {
        let file = shown(&f.file);
        if let Some(reason) = &f.allowed {
            ctx.out.detail(format!("[{}] {file}:{}: allowed: {reason}", f.rule, f.line));
            continue;
        }
        let text = format!("[{}] {file}:{}: {}\n    {}\n    lock: {}\n    fix: {}", f.rule, f.line, f.statement, f.message, f.lock, f.fix);
        if errors_fail && f.fails() {
            ctx.out.error(text);
        } else {
            ctx.out.warn(text);
        }
    }
}

pub fn lint(ctx: &Context, args: &LintArgs) -> Result<()> {
    let chain = chain::load(&ctx.config.migrations_dir)?;
    let url = ctx.database_url().ok();
    let backend = args.dialect.or(url.as_ref().map(|u| u.backend));
    let targets: Vec<&Migration> = if let Some(spec) = &args.revision {
        let pos = Spec::parse(spec)?.resolve(&chain, None)?;
        chain.migrations.get(pos.wrapping_sub(1)).into_iter().collect()
    } else if args.all || url.is_none() {
        chain.migrations.iter().collect()
    } else {
        let mut conn = super::connect(ctx)?;
        let db = state::read(&mut conn)?;
        Status::read(&chain, &db)?.pending(&chain)
    };
    let mut report = Report::default();
    check::lint_all(&mut report, &targets, backend)?;
    let failing = report.lint.iter().filter(|f| f.fails()).count();
    let warnings = report.lint.iter().filter(|f| f.allowed.is_none() && f.severity == Severity::Warning).count();
    if ctx.out.json {
        ctx.out.json_value(&json!({
            "ok": failing == 0,
            "backend": backend.map(|b| match b {
                Backend::Postgres => "postgres",
                Backend::Mysql => "mysql",
                Backend::Sqlite => "sqlite",
            }),
            "linted": targets.iter().map(|m| m.name.clone()).collect::<Vec<_>>(),
            "errors": failing,
            "warnings": warnings,
            "findings": report.lint,
        }));
    } else {
        if backend.is_none() {
            ctx.out.status("note: no database URL or --dialect, so only the rules that hold on every backend ran");
        }
        // A misspelt id in [lint.allow] silences nothing; say so rather than let it look allowed.
        for m in &targets {
            for id in m.meta.lint_allow.keys().filter(|id| Rule::from_id(id).is_none()) {
                ctx.out.warn(format!("{}: [lint.allow] names no rule `{id}` (the README lists the rule ids)", m.name));
            }
        }
        print_findings(ctx, &report.lint, true);
        ctx.out.line(format!(
            "linted {} migration(s): {failing} finding(s), {warnings} warning(s){}",
            targets.len(),
            if failing > 0 { "; silence one with [lint.allow] rule = \"reason\" in its metadata.toml" } else { "" }
        ));
    }
    if failing > 0 {
        return Err(Error::OutOfSync(format!("{failing} lint finding(s)")));
    }
    Ok(())
}
