//! `cargo migrate revision -m MSG`.
use crate::cli::RevisionArgs;
use crate::context::Context;
use crate::error::Result;
use crate::revision::{self, NewRevision, Templates};

pub fn run(ctx: &Context, args: &RevisionArgs) -> Result<()> {
    let templates_dir = ctx.config.templates_dir.as_deref();
    let templates = Templates::load(templates_dir)?;
    let rev = NewRevision { message: args.message.clone(), run_in_transaction: !args.no_transaction, ..Default::default() };
    // A hand-written migration asserts that its SQL implements the models as they are
    // now, so they become the snapshot autogenerate and `check` compare against.
    let schema = match crate::registry::load(&ctx.config.base_dir, &ctx.config.models) {
        Ok(s) => Some(s),
        Err(e) => {
            ctx.out.warn(format!("the schema snapshot was not updated: {e}"));
            None
        }
    };
    let written = revision::write(&ctx.config.migrations_dir, &rev, &templates, templates_dir, schema.as_ref())?;
    ctx.out.line(written.path.display());
    ctx.out.status(format!("created {}: edit its up.sql and down.sql, then run `cargo migrate upgrade`", written.name));
    Ok(())
}
