//! `cargo migrate init`.
use crate::cli::args::{GlobalArgs, InitArgs};
use crate::cli::output::{Output, Style};
use crate::error::Result;
use crate::project::init::{init, InitOptions};

pub fn run(global: &GlobalArgs, args: &InitArgs) -> Result<()> {
    let cwd = std::env::current_dir().map_err(|e| crate::Error::io(".", e))?;
    let ws = crate::project::workspace::discover(global.manifest_path.as_deref(), &cwd)?;
    let opts = InitOptions {
        models: args.models.clone(),
        migrations: args.migrations.clone(),
        database_url: args.default_database_url.clone().or_else(|| global.database_url.clone()),
        force: args.force,
    };
    let report = init(&ws, global.package.as_deref(), &opts)?;
    let out = Output::new(false, false, global.quiet, global.verbose);
    out.line(format!("{} [{}] in {}", if report.replaced { "replaced" } else { "wrote" }, report.table, report.manifest.display()));
    out.line(format!("  models:     {}", report.models.join(", ")));
    out.line(format!("  migrations: {}{}", report.migrations_dir.display(), if report.created_dir { " (created)" } else { " (already there)" }));
    out.status(format!(
        "{}\n  cargo migrate models                     # check the tables it finds\n  cargo migrate revision -m \"create users\"  # a first migration in {}\n  cargo migrate upgrade head               # apply it",
        out.paint(Style::Bold, "next:"),
        report.migrations_dir.display()
    ));
    Ok(())
}
