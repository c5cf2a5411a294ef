//! `cargo migrate revision -m MSG`.
use crate::cli::RevisionArgs;
use crate::context::Context;
use crate::error::Result;
use crate::revision::{self, NewRevision, Templates};

pub fn run(ctx: &Context, args: &RevisionArgs) -> Result<()> {
    let templates_dir = ctx.config.templates_dir.as_deref();
    let templates = Templates::load(templates_dir)?;
    let rev = NewRevision { message: args.message.clone(), run_in_transaction: !args.no_transaction, ..Default::default() };
    let written = revision::write(&ctx.config.migrations_dir, &rev, &templates, templates_dir, None)?;
    ctx.out.line(written.path.display());
    ctx.out.status(format!("created {}: edit its up.sql and down.sql, then run `cargo migrate upgrade`", written.name));
    Ok(())
}
