//! `cargo migrate merge` (also `merge heads`): renumber forked branches into one chain.

use serde_json::json;

use crate::cli::args::MergeArgs;
use crate::cli::context::Context;
use crate::cli::output::Style;
use crate::engine::state;
use crate::error::{Error, Result};
use crate::migrations::merge::{self, Git, History, NoHistory, Options, Outcome};

pub fn run(ctx: &Context, args: &MergeArgs) -> Result<()> {
    let dir = &ctx.config.migrations_dir;
    // The database decides which branch stays, so read it when one is configured
    // (and there is something to merge); without a URL, merging is a purely local edit.
    let linear = crate::migrations::chain::load(dir).is_ok();
    let db = match ctx.database_url() {
        _ if linear => None,
        Ok(_) => {
            let mut conn = super::connect(ctx)?;
            Some(state::read(&mut conn)?)
        }
        Err(Error::NoDatabaseUrl { .. }) => None,
        Err(e) => return Err(e),
    };
    let git = Git::discover(dir);
    let history: &dyn History = match &git {
        Some(g) => g,
        None => &NoHistory,
    };
    let models = || crate::schema::registry::load_with(&ctx.config.base_dir, &ctx.config.models, &ctx.config.types).map_err(Error::from);
    let opts = Options { keep: args.keep.as_deref(), db: db.as_ref() };
    let plan = match merge::plan(dir, &opts, history, &models)? {
        Outcome::Nothing(message) => {
            if ctx.out.json {
                ctx.out.json_value(&json!({ "merged": false, "message": message }));
            } else {
                ctx.out.line(message);
            }
            return Ok(());
        }
        Outcome::Merge(plan) => plan,
    };
    if ctx.out.json {
        ctx.out.json_value(&json!({
            "merged": !args.dry_run,
            "dry_run": args.dry_run,
            "fork": plan.fork,
            "branches": plan.branches,
            "keep_reason": plan.reason.to_string(),
            "renames": plan.renames.iter().map(|r| json!({ "from": r.from, "to": r.to, "revises": r.revises })).collect::<Vec<_>>(),
            "snapshot_regenerated": matches!(plan.snapshot_change(), Some(merge::SnapshotChange::Regenerated(_))),
            "head": plan.head,
        }));
    } else {
        ctx.out.line(plan.to_string());
    }
    if args.dry_run {
        ctx.out.status(ctx.out.paint(Style::Yellow, "dry run: nothing was changed"));
        return Ok(());
    }
    merge::apply(&plan)?;
    ctx.out.status(format!(
        "{} one head, {}; run `cargo migrate check`, then `cargo migrate upgrade` to apply what is new",
        ctx.out.paint(Style::Green, "merged:"),
        plan.head
    ));
    Ok(())
}
