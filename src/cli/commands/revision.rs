//! `cargo migrate revision -m MSG [--autogenerate [--db] [--rename A=B]… [--empty]]`.
use std::io::{BufRead, IsTerminal, Write};

use crate::backend::Backend;
use crate::cli::args::RevisionArgs;
use crate::cli::context::Context;
use crate::dialect::render::zero_downtime::{self, Planned};
use crate::error::{Error, Result};
use crate::migrations::autogenerate::{self, Generated};
use crate::migrations::revision::{self, NewRevision, Templates};
use crate::schema::diff::{RenameCandidate, Renames};
use crate::schema::model::Schema;
use crate::schema::registry::RegistryError;

pub fn run(ctx: &Context, args: &RevisionArgs) -> Result<()> {
    let templates_dir = ctx.config.templates_dir.as_deref();
    let templates = Templates::load(templates_dir)?;
    let mut rev = NewRevision { message: args.message.clone(), run_in_transaction: !args.no_transaction, ..Default::default() };
    let mut revs = Vec::new();
    let schema = if args.autogenerate {
        let models = crate::schema::registry::load_with(&ctx.config.base_dir, &ctx.config.models, &ctx.config.types)?;
        let (generated, planned) = generate(ctx, args, &models)?;
        if generated.ops.is_empty() && !args.empty {
            ctx.out.status("no changes in the models since the schema at head; nothing written (pass --empty for an empty migration)");
            return Ok(());
        }
        let dangers = generated.dangers();
        if args.fail_on_danger && !dangers.is_empty() {
            return Err(Error::Refused(format!(
                "{} statement(s) drop or narrow something, and --fail-on-danger is set; nothing written:\n  {}",
                dangers.len(),
                dangers.join("\n  ")
            )));
        }
        rev.warnings = generated.warnings();
        if planned.is_empty() {
            rev.run_in_transaction &= generated.up.run_in_transaction && generated.down.run_in_transaction;
            rev.upgrades = generated.up.sql;
            rev.downgrades = generated.down.sql;
            revs.push(rev);
        } else {
            // Zero-downtime PostgreSQL: one migration per stage, the warnings of the
            // revision with the first and each one's own dangers with it.
            let unresolved: Vec<String> = generated.unresolved.iter().map(autogenerate::unresolved_warning).collect();
            let n = planned.len();
            for (k, p) in planned.into_iter().enumerate() {
                let mut warnings = if k == 0 { unresolved.clone() } else { Vec::new() };
                warnings.extend(p.up.warnings);
                let message = match (n, p.label) {
                    (1, _) => args.message.clone(),
                    (_, Some(label)) => format!("{} ({}/{n}: {label})", args.message, k + 1),
                    (_, None) => format!("{} ({}/{n})", args.message, k + 1),
                };
                revs.push(NewRevision {
                    message,
                    upgrades: p.up.sql,
                    downgrades: p.down.sql,
                    warnings,
                    run_in_transaction: rev.run_in_transaction && p.up.run_in_transaction,
                });
            }
        }
        for w in revs.iter().flat_map(|r| &r.warnings) {
            ctx.out.warn(w);
        }
        Some(models)
    } else {
        revs.push(rev);
        // A hand-written migration asserts that its SQL implements the models as they are
        // now, so they become the snapshot autogenerate and `check` compare against.
        // A model that does not load is an error, never a stale snapshot written
        // silently: `check` would then compare against the wrong schema. A project
        // with no model files has no snapshot to keep.
        match crate::schema::registry::load_with(&ctx.config.base_dir, &ctx.config.models, &ctx.config.types) {
            Ok(s) => Some(s),
            Err(e @ (RegistryError::NoFiles { .. } | RegistryError::NoModelPaths)) => {
                ctx.out.warn(format!("the schema snapshot was not updated: {e}"));
                None
            }
            Err(e) => return Err(e.into()),
        }
    };
    let written = revision::write_all(&ctx.config.migrations_dir, &revs, &templates, templates_dir, schema.as_ref())?;
    for w in &written {
        ctx.out.line(w.path.display());
    }
    let names: Vec<&str> = written.iter().map(|w| w.name.as_str()).collect();
    let next = match (args.autogenerate, written.len()) {
        (true, 1) => "review its up.sql and down.sql",
        (true, _) => "review each up.sql and down.sql",
        (false, _) => "edit its up.sql and down.sql",
    };
    ctx.out.status(format!("created {}: {next}, then run `cargo migrate upgrade`", names.join(", ")));
    Ok(())
}

/// The generated revision and, for PostgreSQL with `zero_downtime` on, its
/// zero-downtime migrations (empty otherwise: the revision is one migration).
fn generate(ctx: &Context, args: &RevisionArgs, models: &Schema) -> Result<(Generated, Vec<Planned>)> {
    let chain = crate::migrations::chain::load(&ctx.config.migrations_dir)?;
    let url = ctx.database_url()?;
    let (old, new) = if args.db {
        let mut conn = super::connect(ctx)?;
        let db = crate::engine::state::read(&mut conn)?;
        let status = crate::migrations::status::Status::read(&chain, &db)?;
        let pending = status.pending(&chain);
        if !pending.is_empty() || !status.orphans.is_empty() {
            return Err(Error::Refused(format!(
                "the database is not at head ({} pending: {})\n  hint: run `cargo migrate upgrade head` first, then generate the new revision",
                pending.len(),
                pending.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ")
            )));
        }
        crate::dialect::introspect::live_and_models(&mut conn, models, &ctx.config.ignored())?
    } else {
        let (mut old, mut new) = (autogenerate::schema_at_head(&ctx.config.migrations_dir, &chain)?, models.clone());
        crate::dialect::introspect::set_aside_unmanaged(&mut old, &mut new, &ctx.config.ignored());
        (old, new)
    };
    let (mut renames, candidates) = autogenerate::settle_renames(&old, &new, models, &args.rename)?;
    let unresolved = if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() { ask(&old, &new, &mut renames, candidates)? } else { candidates };
    let generated = autogenerate::generate(url.backend, &old, &new, &renames, unresolved);
    let planned = if url.backend == Backend::Postgres && ctx.config.zero_downtime {
        zero_downtime::plan(&generated.ops, &old, &new, &ctx.config.ddl_lock_timeout)
    } else {
        Vec::new()
    };
    Ok((generated, planned))
}

/// Asks about each candidate in turn; an accepted one can settle others (the same
/// column cannot be renamed twice), so the list is recomputed after each answer.
/// Returns the declined candidates that the final renames leave standing.
fn ask(old: &Schema, new: &Schema, renames: &mut Renames, mut candidates: Vec<RenameCandidate>) -> Result<Vec<RenameCandidate>> {
    let mut declined = Vec::new();
    let stdin = std::io::stdin();
    while let Some(c) = candidates.iter().find(|c| !declined.contains(*c)).cloned() {
        let question = match &c.table {
            Some(t) => format!("Did you rename {t}.{} to {t}.{} ({})? [y/N] ", c.from, c.to, c.what),
            None => format!("Did you rename table {} to {} ({})? [y/N] ", c.from, c.to, c.what),
        };
        eprint!("{question}");
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        stdin.lock().read_line(&mut answer).map_err(|e| Error::io("standard input", e))?;
        if matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
            renames.accept(&c);
        } else {
            declined.push(c);
        }
        candidates = crate::schema::diff::rename_candidates(old, new, renames);
    }
    // The loop ends when every remaining candidate was declined.
    Ok(candidates)
}
