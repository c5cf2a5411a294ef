//! `cargo migrate adopt [--dry-run] [--db]`: an existing Diesel project becomes a chain.

use serde_json::json;

use crate::adopt::{self, Outcome};
use crate::apply::{Engine, Options};
use crate::cli::AdoptArgs;
use crate::context::Context;
use crate::error::Result;
use crate::init::{init, InitOptions};
use crate::output::Style;
use crate::state;

pub fn run(ctx: &Context, args: &AdoptArgs) -> Result<()> {
    let cfg = &ctx.config;
    let dir = &cfg.migrations_dir;
    if args.db && !args.dry_run {
        ctx.check_production_guard("adopt the database")?;
    }
    let mut conn = if args.db { Some(super::connect(ctx)?) } else { None };
    let models = crate::registry::load(&cfg.base_dir, &cfg.models)?;
    let outcome = adopt::plan(dir, &models)?;
    let migrations_rel = crate::config::relative_to(dir, &cfg.base_dir);
    let writes_config = !cfg.present;

    // What the database has under Diesel's names, against the plan's versions.
    let db_preview = match (&mut conn, &outcome) {
        (Some(conn), Outcome::Adopt(plan)) => {
            let db = state::read(conn)?;
            let known: Vec<&str> = plan.moves.iter().map(|m| m.diesel_version.as_str()).collect();
            let (matched, unknown): (Vec<&String>, Vec<&String>) = db.applied.iter().partition(|v| known.contains(&v.as_str()));
            Some((matched.len(), unknown.into_iter().cloned().collect::<Vec<_>>()))
        }
        _ => None,
    };

    if ctx.out.json {
        let moves = match &outcome {
            Outcome::Adopt(p) => p
                .moves
                .iter()
                .map(|m| json!({ "from": m.from, "to": m.to, "diesel_version": m.diesel_version, "run_in_transaction": m.run_in_transaction, "writes_down": m.writes_down }))
                .collect(),
            Outcome::AlreadyAdopted { .. } => vec![],
        };
        let kept = match &outcome {
            Outcome::Adopt(p) => p.kept.clone(),
            Outcome::AlreadyAdopted { .. } => vec![],
        };
        ctx.out.json_value(&json!({
            "dry_run": args.dry_run,
            "already_adopted": matches!(outcome, Outcome::AlreadyAdopted { .. }),
            "migrations_dir": dir,
            "moves": moves,
            "kept": kept,
            "config_table": writes_config.then(|| json!({ "models": cfg.models, "migrations": migrations_rel })),
            "database_unknown_versions": db_preview.as_ref().map(|(_, u)| u.clone()),
        }));
    } else {
        match &outcome {
            Outcome::Adopt(plan) => ctx.out.line(plan.to_string()),
            Outcome::AlreadyAdopted { migrations } => ctx.out.line(format!("{} is already a chain of {migrations} adopted migration(s); nothing to rename", dir.display())),
        }
        if writes_config {
            let (manifest, table) = crate::init::destination(&ctx.workspace, ctx.global.package.as_deref())?;
            ctx.out.line(format!(
                "  {}: [{table}] with models = {:?}, migrations = {migrations_rel:?}{}",
                manifest.display(),
                cfg.models,
                cfg.diesel.as_ref().map(|d| format!(" (from {})", d.path.display())).unwrap_or_default()
            ));
        }
        if let Some((matched, unknown)) = &db_preview {
            ctx.out.line(format!("  database: {matched} applied Diesel version(s) recognised; each gets its new revision beside it (old rows kept)"));
            if !unknown.is_empty() {
                ctx.out.warn(format!(
                    "the database lists {} version(s) that no migration here has: {} (migrated from another directory?); they stay as they are and commands will refuse until they are explained",
                    unknown.len(),
                    unknown.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
                ));
            }
        }
    }
    if args.dry_run {
        ctx.out.status(ctx.out.paint(Style::Yellow, "dry run: nothing was changed"));
        return Ok(());
    }

    if let Outcome::Adopt(plan) = &outcome {
        adopt::apply(plan)?;
    }
    if writes_config {
        let opts = InitOptions { models: cfg.models.clone(), migrations: Some(migrations_rel), database_url: None, force: false };
        init(&ctx.workspace, ctx.global.package.as_deref(), &opts)?;
    }
    if let Some(conn) = &mut conn {
        let chain = crate::chain::load(dir)?;
        let opts = Options { ignore_checksums: false, lock_timeout: std::time::Duration::from_secs(cfg.lock_timeout_secs), strict: false };
        let changes = Engine { conn, chain: &chain, out: &ctx.out, opts }.translate()?;
        if changes.is_empty() {
            ctx.out.status("database: nothing to record (no Diesel version of this chain is applied, or it was already recorded)");
        }
        for c in changes {
            ctx.out.detail(format!("database: {c}"));
        }
    }
    if !ctx.out.json {
        let schema_file = cfg.diesel.as_ref().filter(|d| !d.schema_files.is_empty());
        if let Some(d) = schema_file {
            ctx.out.status(format!(
                "{} `diesel migration run` and `diesel print-schema` rewrite {} (diesel.toml [print_schema] file); the models are now cargo migrate's input: \
                 apply migrations with `cargo migrate upgrade`, or remove `file` from [print_schema] in {}",
                ctx.out.paint(Style::Yellow, "note:"),
                d.schema_files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", "),
                d.path.display()
            ));
        }
        ctx.out.status(format!(
            "{}\n  cargo migrate check --db                      # the database is at head and matches the models\n  cargo migrate revision --autogenerate -m \"…\"  # the next change, numbered after the adopted chain",
            ctx.out.paint(Style::Bold, "next:")
        ));
    }
    Ok(())
}
