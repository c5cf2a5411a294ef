//! What is wrong with a migrations directory, as data with its fix: the chain
//! (`migrations::chain`) finds these, `check` lists them, the error type
//! carries them.

use std::fmt;
use std::path::PathBuf;

/// One thing wrong with the migrations directory, with its fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainProblem {
    NotAMigration {
        path: PathBuf,
    },
    OutsideDirectory {
        path: PathBuf,
        target: PathBuf,
    },
    MixedWidth {
        widths: Vec<(usize, Vec<String>)>,
    },
    Duplicate {
        id: String,
        dirs: Vec<String>,
    },
    Gap {
        missing: String,
        before: String,
    },
    MissingFile {
        dir: String,
        file: &'static str,
    },
    BadMetadata {
        file: PathBuf,
        message: String,
    },
    MissingRevises {
        dir: String,
        expected: String,
    },
    WrongRevises {
        dir: String,
        found: String,
        expected: String,
    },
    FirstRevises {
        dir: String,
        found: String,
    },
    MultipleHeads {
        heads: Vec<String>,
    },
    Unreadable {
        path: PathBuf,
        message: String,
    },
    /// A temporary name `merge` gives a migration while renumbering, left by a killed merge.
    InterruptedMerge {
        path: PathBuf,
        original: String,
    },
    /// The migrations directory does not exist: nothing can be in sync with it.
    MissingDirectory {
        dir: PathBuf,
    },
    /// Migrations named the way diesel_cli names them (`2019-03-22-170700_x`), not yet
    /// adopted into the chain; listed once, oldest and newest.
    DieselNamed {
        dir: PathBuf,
        count: usize,
        first: String,
        last: String,
    },
}

impl fmt::Display for ChainProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ChainProblem::*;
        match self {
            NotAMigration { path } => write!(
                f,
                "`{}` is not a migration: directory names must be NNNN_slug (Diesel treats every subdirectory as a migration)\n    fix: rename it to the next number, or move it out of the migrations directory",
                path.display()
            ),
            OutsideDirectory { path, target } => write!(
                f,
                "`{}` is a link to `{}`, outside the migrations directory; migrations are only read from inside it\n    fix: replace the link with a copy of what it points to",
                path.display(),
                target.display()
            ),
            InterruptedMerge { path, original } => write!(
                f,
                "`{}` was left by an interrupted `cargo migrate merge` (the migration is hidden under a temporary name)\n    fix: rename it back to `{original}`, then run `cargo migrate merge` again",
                path.display()
            ),
            MixedWidth { widths } => {
                let list: Vec<String> = widths.iter().map(|(w, d)| format!("{w} digits: {}", d.join(", "))).collect();
                write!(f, "revision numbers have different widths ({}); Diesel sorts versions as strings, so they must all have one width\n    fix: renumber the whole chain to one width", list.join("; "))
            }
            Duplicate { id, dirs } => write!(
                f,
                "revision {id} is used by {} directories: {} (two branches each added a migration; Diesel would silently keep only one)\n    fix: renumber one branch after the other, updating its `revises`",
                dirs.len(),
                dirs.join(", ")
            ),
            Gap { missing, before } => {
                let (noun, verb) = if missing.contains(' ') { ("revisions", "are") } else { ("revision", "is") };
                write!(f, "{noun} {missing} {verb} missing: the chain jumps to {before}\n    fix: renumber the migrations after the gap so numbers run without holes")
            }
            MissingFile { dir, file } => write!(f, "{dir}: `{file}` is missing (every migration needs up.sql and down.sql)\n    fix: create {dir}/{file} (it may be empty)"),
            BadMetadata { file, message } => write!(f, "{}: {message}", file.display()),
            MissingRevises { dir, expected } => write!(f, "{dir}: metadata.toml has no `revises`; it should revise {expected}\n    fix: add `revises = \"{expected}\"`"),
            WrongRevises { dir, found, expected } => write!(
                f,
                "{dir} revises {found}, but the revision before it is {expected}\n    fix: set `revises = \"{expected}\"` in {dir}/metadata.toml (or renumber it to follow {found})"
            ),
            FirstRevises { dir, found } => write!(f, "{dir} is the first migration but revises {found}, which does not exist\n    fix: remove `revises` from {dir}/metadata.toml"),
            MultipleHeads { heads } => write!(
                f,
                "multiple head revisions are present: {} (each is the newest of its own branch)\n    fix: renumber one branch onto the other so there is a single head",
                heads.join(", ")
            ),
            Unreadable { path, message } => write!(f, "{}: {message}", path.display()),
            MissingDirectory { dir } => write!(
                f,
                "the migrations directory `{}` does not exist\n    fix: `cargo migrate init` creates it; for an existing Diesel project, point `migrations` (or diesel.toml's [migrations_directory] dir) at its migrations and run `cargo migrate adopt`",
                dir.display()
            ),
            DieselNamed { dir, count, first, last } => write!(
                f,
                "{count} migration(s) in `{}` have Diesel's names ({first}{}), not NNNN_ revisions of a chain\n    fix: run `cargo migrate adopt` (`--dry-run` first shows the plan): it renames them in Diesel's order and keeps every database Diesel migrated recognised",
                dir.display(),
                if count > &1 { format!(" … {last}") } else { String::new() }
            ),
        }
    }
}

/// Every problem found in one pass, so `check` can list them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainErrors {
    pub dir: PathBuf,
    pub problems: Vec<ChainProblem>,
}

impl fmt::Display for ChainErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the migrations in `{}` are out of sync:", self.dir.display())?;
        for p in &self.problems {
            write!(f, "\n  - {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ChainErrors {}
