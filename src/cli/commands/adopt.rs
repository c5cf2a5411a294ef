//! `cargo migrate adopt [--dry-run] [--db]`: an existing Diesel project becomes a chain.

use serde_json::json;

use crate::cli::args::AdoptArgs;
use crate::cli::context::Context;
use crate::cli::output::Style;
use crate::dialect::annotate::{AnnotationPlan, PlanOptions};
use crate::dialect::connection::Connection;
use crate::engine::apply::Engine;
use crate::engine::state;
use crate::error::{Error, Result};
use crate::migrations::adopt::{self, Outcome};
use crate::migrations::record::DbState;
use crate::project::init::{init, InitOptions};
use crate::schema::model::Schema;

/// What the database has that the models do not state, as annotation lines. Only a
/// database at the newest migration describes the models: one behind would have
/// objects later migrations dropped annotated back in.
fn annotate(ctx: &Context, conn: &mut Connection, db: &DbState, models: &Schema, outcome: &Outcome) -> Result<AnnotationPlan> {
    let cfg = &ctx.config;
    let behind: Vec<String> = match outcome {
        Outcome::Adopt(plan) => plan.moves.iter().filter(|m| !db.is_applied(&m.diesel_version)).map(|m| m.from.clone()).collect(),
        Outcome::AlreadyAdopted { .. } => {
            let chain = crate::migrations::chain::load(&cfg.migrations_dir)?;
            let status = crate::migrations::status::Status::read(&chain, db)?;
            status.pending(&chain).iter().map(|m| m.name.clone()).collect()
        }
    };
    if let Some(first) = behind.first() {
        return Err(Error::Refused(format!(
            "the database has not applied {} migration(s) ({first}{}), so its schema is not the models' and annotating from it would write an older schema into them\n  fix: migrate it first (`diesel migration run`, or `cargo migrate adopt` then `cargo migrate upgrade`), then run `cargo migrate adopt --db`",
            behind.len(),
            if behind.len() > 1 { " …" } else { "" }
        )));
    }
    let schemas: Vec<String> = models.tables.values().filter_map(|t| t.schema.clone()).collect();
    let live = crate::dialect::introspect::introspect(conn, &schemas)?;
    let options = PlanOptions { types: cfg.types.clone(), ignore: cfg.ignored() };
    Ok(crate::dialect::annotate::plan(&cfg.base_dir, &cfg.models, &live, conn.backend(), &options)?)
}

fn report_annotations(ctx: &Context, plan: &AnnotationPlan) {
    if !ctx.out.json {
        ctx.out.line(format!("  models: {} annotation line(s) state what the database has and the models do not:", plan.insertions.len()));
        for i in &plan.insertions {
            ctx.out.line(format!("    {}:{}: {}", i.file, i.line, i.description));
        }
    }
    for u in &plan.unstated {
        ctx.out.warn(format!("the database differs from the models where no annotation can say it: {u}"));
    }
}

pub fn run(ctx: &Context, args: &AdoptArgs) -> Result<()> {
    let cfg = &ctx.config;
    let dir = &cfg.migrations_dir;
    if args.db && !args.dry_run {
        ctx.check_production_guard("adopt the database")?;
    }
    let mut conn = if args.db { Some(super::connect(ctx)?) } else { None };
    // The models as they are, to find the plan; with --db they gain annotations first,
    // and the snapshot is taken from them as annotated.
    let models = crate::schema::registry::load_with(&cfg.base_dir, &cfg.models, &cfg.types)?;
    let mut outcome = adopt::plan(dir, &models)?;
    let db = conn.as_mut().map(state::read).transpose()?;
    let annotations = match (&mut conn, &db) {
        (Some(conn), Some(db)) => Some(annotate(ctx, conn, db, &models, &outcome)?),
        _ => None,
    };
    let migrations_rel = crate::project::config::relative_to(dir, &cfg.base_dir);
    let writes_config = !cfg.present;

    // What the database has under Diesel's names, against the plan's versions.
    let db_preview = match (&db, &outcome) {
        (Some(db), Outcome::Adopt(plan)) => {
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
            "annotations": annotations.as_ref().map(|p| p.insertions.iter().map(|i| json!({ "file": i.file, "line": i.line, "text": i.text.trim(), "what": i.description })).collect::<Vec<_>>()),
            "unstated": annotations.as_ref().map(|p| p.unstated.clone()),
        }));
    } else {
        match &outcome {
            Outcome::Adopt(plan) => ctx.out.line(plan.to_string()),
            Outcome::AlreadyAdopted { migrations } => {
                ctx.out.line(format!("{} is already a chain of {migrations} adopted migration(s); nothing to rename", dir.display()));
            }
        }
        if writes_config {
            let (manifest, table) = crate::project::init::destination(&ctx.workspace, ctx.global.package.as_deref())?;
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
    if let Some(plan) = &annotations {
        report_annotations(ctx, plan);
    }
    if args.dry_run {
        ctx.out.status(ctx.out.paint(Style::Yellow, "dry run: nothing was changed"));
        return Ok(());
    }
    if let Some(plan) = annotations.filter(|p| !p.is_empty()) {
        plan.write().map_err(|e| crate::Error::io(&cfg.base_dir, e))?;
        let annotated = crate::schema::registry::load_with(&cfg.base_dir, &cfg.models, &cfg.types)?;
        outcome = adopt::plan(dir, &annotated)?;
    }

    match &outcome {
        Outcome::Adopt(plan) => adopt::apply(plan)?,
        Outcome::AlreadyAdopted { .. } => adopt::remove_leftovers(dir),
    }
    if writes_config {
        let opts = InitOptions { models: cfg.models.clone(), migrations: Some(migrations_rel), database_url: None, force: false };
        init(&ctx.workspace, ctx.global.package.as_deref(), &opts)?;
    }
    if let Some(conn) = &mut conn {
        let chain = crate::migrations::chain::load(dir)?;
        let changes = Engine { conn, chain: &chain, out: &ctx.out, opts: super::apply::options(ctx, false) }.translate()?;
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
