//! `revision --autogenerate`: the schema at head (snapshot or live database), the
//! models, the renames between them, and the rendered `up.sql`/`down.sql`.
//! Terminal questions stay in the command handler; everything here is pure.

use std::path::Path;

use crate::backend::Backend;
use crate::dialect::render::{self, Rendered};
use crate::error::{Error, Result};
use crate::migrations::chain::Chain;
use crate::migrations::snapshot;
use crate::schema::diff::{self, Op, RenameCandidate, Renames};
use crate::schema::model::Schema;

/// The schema the chain's head leaves, from `schema_snapshot.json`. An empty
/// chain starts from nothing; a chain without a snapshot (made by hand or by
/// another tool) or with one from another revision cannot be trusted offline.
pub fn schema_at_head(migrations_dir: &Path, chain: &Chain) -> Result<Schema> {
    let head = chain.head().map(|m| m.id.clone());
    match snapshot::read(migrations_dir)? {
        Some(s) if s.revision == head => Ok(s.schema),
        None if head.is_none() => Ok(Schema::default()),
        Some(s) => Err(Error::OutOfSync(format!(
            "`{}` records revision {} but the head is {}\n  hint: after a merge or a hand-made migration, compare against a database at head instead: `cargo migrate revision --autogenerate --db -m …`",
            migrations_dir.join(crate::migrations::snapshot::SNAPSHOT_FILE).display(),
            s.revision.as_deref().unwrap_or("none"),
            head.as_deref().unwrap_or("none")
        ))),
        None => Err(Error::OutOfSync(format!(
            "no `{}`: there is no record of the schema at head {}\n  hint: compare against a database at head once with `cargo migrate revision --autogenerate --db -m …` (it writes the snapshot)",
            migrations_dir.join(crate::migrations::snapshot::SNAPSHOT_FILE).display(),
            head.as_deref().unwrap_or("none")
        ))),
    }
}

/// What autogenerate found, ready to write.
#[derive(Debug, Clone)]
pub struct Generated {
    pub ops: Vec<Op>,
    pub up: Rendered,
    pub down: Rendered,
    /// Drops and adds that may have been renames, left as they are.
    pub unresolved: Vec<RenameCandidate>,
}

impl Generated {
    /// Why each `up.sql` statement that drops or narrows something is dangerous
    /// (what `--fail-on-danger` refuses).
    pub fn dangers(&self) -> Vec<String> {
        self.ops.iter().filter_map(Op::danger).collect()
    }

    /// Every warning, for the terminal and the top of `up.sql`.
    pub fn warnings(&self) -> Vec<String> {
        let mut w: Vec<String> = self.unresolved.iter().map(unresolved_warning).collect();
        w.extend(self.up.warnings.iter().cloned());
        w
    }
}

pub fn unresolved_warning(c: &RenameCandidate) -> String {
    match &c.table {
        Some(t) => format!(
            "{t}.{} is dropped and {t}.{} added: if it is a rename, say so with `/// @renamed_from {}` on the column or `--rename {t}.{}={}`, or its data is lost",
            c.from, c.to, c.from, c.from, c.to
        ),
        None => format!(
            "table {} is dropped and {} created: if it is a rename, say so with `/// @renamed_from {}` on the table or `--rename {}={}`, or its rows are lost",
            c.from, c.to, c.from, c.from, c.to
        ),
    }
}

/// Renames from `@renamed_from` (read from `models`, which keeps the annotations that
/// [`crate::dialect::introspect::comparable`] folds away from `new`) and `--rename` flags; the
/// candidates left over are for the caller to ask about (on a terminal) or to warn about.
pub fn settle_renames(old: &Schema, new: &Schema, models: &Schema, flags: &[String]) -> Result<(Renames, Vec<RenameCandidate>)> {
    let mut renames = diff::declared_renames(old, models);
    for flag in flags {
        renames.add_flag(flag, old, new).map_err(Error::Usage)?;
    }
    let candidates = diff::rename_candidates(old, new, &renames);
    Ok((renames, candidates))
}

/// Diffs and renders both directions for `backend`; `unresolved` are the rename
/// candidates `renames` leaves standing (from [`settle_renames`] or the prompt).
pub fn generate(backend: Backend, old: &Schema, new: &Schema, renames: &Renames, unresolved: Vec<RenameCandidate>) -> Generated {
    let ops = diff::diff(old, new, renames);
    let down_ops = diff::diff(new, old, &renames.inverse());
    let mut up = render::render(backend, &ops, old, new);
    let mut down = render::render(backend, &down_ops, new, old);
    // `run_in_transaction` is one flag for both files: when one direction manages its
    // own transaction (an SQLite rebuild), the other gets an explicit one.
    if up.run_in_transaction != down.run_in_transaction {
        for r in [&mut up, &mut down] {
            if r.run_in_transaction && !r.sql.trim().is_empty() {
                r.sql = format!("BEGIN;\n\n{}\n\nCOMMIT;\n", r.sql.trim_end());
            }
            r.run_in_transaction = false;
        }
    }
    Generated { ops, up, down, unresolved }
}
