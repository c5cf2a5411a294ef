//! Writing a new migration: the next number in the chain, a safe slug, files
//! rendered from templates, all written atomically under a lock so two
//! `revision` commands never both write `0007`.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::atomic_write::write_atomically;
use crate::error::{Error, Result};
use crate::migrations::chain::{self, Chain, Metadata};
use crate::migrations::dir_lock::DirLock;
use crate::migrations::snapshot::{Snapshot, SNAPSHOT_FILE};
use crate::schema::model::Schema;

/// The longest slug we write; a directory name stays well under any filesystem's limit.
pub const MAX_SLUG: usize = 48;

/// Lowercase ASCII letters, digits and single underscores; never empty, never a path.
pub fn slugify(message: &str) -> String {
    let mut slug = String::with_capacity(message.len().min(MAX_SLUG));
    for ch in message.chars() {
        let c = ch.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            if slug.len() >= MAX_SLUG {
                break;
            }
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('_') {
            if slug.len() >= MAX_SLUG {
                break;
            }
            slug.push('_');
        }
    }
    let slug = slug.trim_end_matches('_').to_string();
    if slug.is_empty() {
        "revision".to_string()
    } else {
        slug
    }
}

/// The id after the head, at the chain's width. Growing past the width would make
/// Diesel sort `10000` before `9999`, so that is refused rather than mixed.
pub fn next_id(chain: &Chain) -> Result<(u32, String)> {
    let next = chain.head().map_or(1, |m| m.number + 1);
    let id = chain.format_id(next);
    if id.len() > chain.width {
        return Err(Error::Refused(format!(
            "revision {next} does not fit in {} digits; Diesel sorts versions as strings, so the whole chain must be renumbered to a wider prefix first",
            chain.width
        )));
    }
    Ok((next, id))
}

/// The two SQL templates, built in or overridden by the workspace.
pub struct Templates {
    env: minijinja::Environment<'static>,
}

impl Templates {
    /// `dir` (the `templates` config key) may hold `up.sql` and/or `down.sql`.
    pub fn load(dir: Option<&Path>) -> Result<Self> {
        let mut env = minijinja::Environment::new();
        env.set_keep_trailing_newline(true);
        let builtin = [("up.sql", include_str!("../../templates/up.sql")), ("down.sql", include_str!("../../templates/down.sql"))];
        for (name, text) in builtin {
            let source = match dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
                Some(p) => std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e))?,
                None => text.to_string(),
            };
            env.add_template_owned(name, source).map_err(|e| template_error(dir, name, e))?;
        }
        Ok(Templates { env })
    }

    fn render(&self, name: &str, ctx: &minijinja::Value, dir: Option<&Path>) -> Result<String> {
        let tmpl = self.env.get_template(name).map_err(|e| template_error(dir, name, e))?;
        tmpl.render(ctx).map_err(|e| template_error(dir, name, e))
    }
}

fn template_error(dir: Option<&Path>, name: &str, e: minijinja::Error) -> Error {
    let file = dir.map(|d| d.join(name)).unwrap_or_else(|| PathBuf::from(format!("templates/{name} (built in)")));
    let line = e.line().map(|l| format!(":{l}")).unwrap_or_default();
    Error::Usage(format!("{}{line}: template error: {}", file.display(), e.detail().unwrap_or(&e.to_string())))
}

/// What goes into a new migration besides its number.
#[derive(Debug, Clone, Default)]
pub struct NewRevision {
    pub message: String,
    /// Generated SQL (empty for a hand-written migration).
    pub upgrades: String,
    pub downgrades: String,
    pub warnings: Vec<String>,
    pub run_in_transaction: bool,
}

#[derive(Debug, Clone)]
pub struct Written {
    pub id: String,
    pub name: String,
    pub path: PathBuf,
}

/// Under the lock no other revision is being written, so a draft directory left
/// beside the migrations (`.NNNN_slug.tmp-PID`) is a killed writer's: remove it.
fn remove_abandoned_drafts(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if chain::working_name_of(&name, "tmp").is_some() && e.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Writes `NNNN_slug/{up.sql,down.sql,metadata.toml}` (and the snapshot, when given)
/// so that either all of it appears or none of it does.
pub fn write(dir: &Path, rev: &NewRevision, templates: &Templates, templates_dir: Option<&Path>, snapshot: Option<&Schema>) -> Result<Written> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let _lock = DirLock::acquire(dir, Duration::from_secs(10))?;
    remove_abandoned_drafts(dir);
    write_locked(dir, rev, templates, templates_dir, snapshot)
}

/// [`write`] for a caller that holds the directory lock.
fn write_locked(dir: &Path, rev: &NewRevision, templates: &Templates, templates_dir: Option<&Path>, snapshot: Option<&Schema>) -> Result<Written> {
    // Read the chain under the lock: another writer may have just added one.
    let chain = chain::load(dir)?;
    let (_, id) = next_id(&chain)?;
    let name = format!("{id}_{}", slugify(&rev.message));
    let created = humantime::format_rfc3339_seconds(SystemTime::now()).to_string();
    let revises = chain.head().map(|m| m.id.clone());
    let ctx = minijinja::context! {
        message => crate::dialect::render::one_line(&rev.message),
        revision => id,
        revises => revises,
        created => created,
        name => name,
        upgrades => rev.upgrades.trim_end(),
        downgrades => rev.downgrades.trim_end(),
        // Each is one `-- WARNING:` line in the templates; names in it may hold line breaks.
        warnings => rev.warnings.iter().map(|w| crate::dialect::render::one_line(w)).collect::<Vec<_>>(),
    };
    let up = templates.render("up.sql", &ctx, templates_dir)?;
    let down = templates.render("down.sql", &ctx, templates_dir)?;
    let meta = Metadata {
        revises,
        message: Some(rev.message.clone()),
        created: Some(created),
        run_in_transaction: Some(rev.run_in_transaction),
        ..Default::default()
    };

    let final_path = dir.join(&name);
    let tmp = dir.join(chain::working_name(&name, "tmp"));
    let result = (|| {
        std::fs::create_dir(&tmp).map_err(|e| Error::io(&tmp, e))?;
        for (file, text) in [("up.sql", &up), ("down.sql", &down), ("metadata.toml", &meta.to_toml())] {
            std::fs::write(tmp.join(file), text).map_err(|e| Error::io(tmp.join(file), e))?;
        }
        std::fs::rename(&tmp, &final_path).map_err(|e| Error::io(&final_path, e))?;
        if let Some(schema) = snapshot {
            let json = Snapshot::new(Some(id.clone()), schema).to_json();
            if let Err(e) = write_atomically(&dir.join(SNAPSHOT_FILE), &json) {
                let _ = std::fs::remove_dir_all(&final_path);
                return Err(e);
            }
        }
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    Ok(Written { id, name, path: final_path })
}

/// Writes `revs` as consecutive migrations (a zero-downtime revision that needs several),
/// each revising the one before, under one hold of the lock so no other revision
/// lands between them; the snapshot goes with the last. If one fails, those written
/// before it are removed.
pub fn write_all(dir: &Path, revs: &[NewRevision], templates: &Templates, templates_dir: Option<&Path>, snapshot: Option<&Schema>) -> Result<Vec<Written>> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let _lock = DirLock::acquire(dir, Duration::from_secs(10))?;
    remove_abandoned_drafts(dir);
    let mut written: Vec<Written> = Vec::new();
    for (i, rev) in revs.iter().enumerate() {
        let last = i + 1 == revs.len();
        match write_locked(dir, rev, templates, templates_dir, if last { snapshot } else { None }) {
            Ok(w) => written.push(w),
            Err(e) => {
                for w in &written {
                    let _ = std::fs::remove_dir_all(&w.path);
                }
                return Err(e);
            }
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn slugs_are_safe_directory_names() {
        assert_eq!(slugify("add phone to users"), "add_phone_to_users");
        assert_eq!(slugify("  Add PHONE -- to users!! "), "add_phone_to_users");
        assert_eq!(slugify("../../etc/passwd"), "etc_passwd");
        assert_eq!(slugify("$(rm -rf /); `x`"), "rm_rf_x");
        assert_eq!(slugify("ünïcödé ✓"), "n_c_d");
        assert_eq!(slugify("✓✓✓"), "revision");
        assert_eq!(slugify(""), "revision");
        let long = slugify(&"word ".repeat(100));
        assert!(long.len() <= MAX_SLUG && !long.ends_with('_'), "{long}");
    }

    #[test]
    fn writes_all_files_and_numbers_in_sequence() {
        let t = tempfile::tempdir().unwrap();
        let templates = Templates::load(None).unwrap();
        let rev = NewRevision { message: "create users".into(), run_in_transaction: true, ..Default::default() };
        let w1 = write(t.path(), &rev, &templates, None, Some(&Schema::default())).unwrap();
        assert_eq!(w1.name, "0001_create_users");
        let rev2 = NewRevision {
            message: "add \"phone\"\nto users".into(),
            upgrades: "ALTER TABLE users ADD phone TEXT;".into(),
            run_in_transaction: true,
            ..Default::default()
        };
        let w2 = write(t.path(), &rev2, &templates, None, None).unwrap();
        assert_eq!(w2.name, "0002_add_phone_to_users");
        let chain = chain::load(t.path()).unwrap();
        assert_eq!(chain.len(), 2);
        assert_eq!(chain.migrations[1].meta.revises.as_deref(), Some("0001"));
        assert_eq!(chain.migrations[1].meta.message.as_deref(), Some("add \"phone\"\nto users"));
        assert!(chain.migrations[1].meta.run_in_transaction());
        let up = std::fs::read_to_string(w2.path.join("up.sql")).unwrap();
        assert!(up.starts_with("-- add \"phone\" to users\n-- revision 0002, revises 0001, created 20"), "{up}");
        assert!(up.ends_with("ALTER TABLE users ADD phone TEXT;\n"), "{up}");
        assert_eq!(crate::migrations::snapshot::read(t.path()).unwrap().unwrap().revision.as_deref(), Some("0001"));
        assert!(!std::fs::read_dir(t.path()).unwrap().any(|e| e.unwrap().file_name().to_string_lossy().starts_with('.')), "lock or temp left behind");
    }

    #[test]
    fn several_revisions_are_chained_and_the_snapshot_follows_the_last() {
        let t = tempfile::tempdir().unwrap();
        let templates = Templates::load(None).unwrap();
        let revs: Vec<NewRevision> = ["build", "attach"]
            .iter()
            .map(|m| NewRevision { message: m.to_string(), upgrades: "SELECT 1;".into(), run_in_transaction: *m == "attach", ..Default::default() })
            .collect();
        let written = write_all(t.path(), &revs, &templates, None, Some(&Schema::default())).unwrap();
        assert_eq!(written.iter().map(|w| w.name.as_str()).collect::<Vec<_>>(), ["0001_build", "0002_attach"]);
        let chain = chain::load(t.path()).unwrap();
        assert_eq!(chain.migrations[1].meta.revises.as_deref(), Some("0001"));
        assert!(!chain.migrations[0].meta.run_in_transaction() && chain.migrations[1].meta.run_in_transaction());
        assert_eq!(crate::migrations::snapshot::read(t.path()).unwrap().unwrap().revision.as_deref(), Some("0002"));

        // A later one that cannot be written takes the earlier ones with it.
        let t = tempfile::tempdir().unwrap();
        let mut env = minijinja::Environment::new();
        env.add_template("up.sql", "{% if revision == \"0002\" %}{{ no_such_function() }}{% endif %}").unwrap();
        env.add_template("down.sql", "").unwrap();
        let e = write_all(t.path(), &revs, &Templates { env }, None, None).unwrap_err();
        assert!(e.to_string().contains("template error"), "{e}");
        assert_eq!(chain::load(t.path()).unwrap().len(), 0);
    }

    #[test]
    fn templates_can_be_overridden_and_errors_name_the_file() {
        let t = tempfile::tempdir().unwrap();
        std::fs::write(t.path().join("up.sql"), "-- custom {{ revision }}\n{{ upgrades }}\n").unwrap();
        let templates = Templates::load(Some(t.path())).unwrap();
        let dir = t.path().join("m");
        let w = write(&dir, &NewRevision { message: "x".into(), run_in_transaction: true, ..Default::default() }, &templates, Some(t.path()), None).unwrap();
        assert_eq!(std::fs::read_to_string(w.path.join("up.sql")).unwrap(), "-- custom 0001\n\n");
        assert!(std::fs::read_to_string(w.path.join("down.sql")).unwrap().starts_with("-- Reverts 0001: x"));
        std::fs::write(t.path().join("down.sql"), "{% if %}").unwrap();
        let e = Templates::load(Some(t.path())).err().unwrap().to_string();
        assert!(e.contains("down.sql") && e.contains("template error"), "{e}");
    }

    #[test]
    fn a_held_lock_refuses_with_a_hint() {
        let t = tempfile::tempdir().unwrap();
        let _held = DirLock::acquire(t.path(), Duration::ZERO).unwrap();
        let e = DirLock::acquire(t.path(), Duration::from_millis(100)).err().unwrap().to_string();
        assert!(e.contains("another `cargo migrate revision`") && e.contains(".cargo-migrate-revision.lock"), "{e}");
    }

    #[test]
    fn a_lock_left_by_a_killed_process_is_taken_over() {
        let t = tempfile::tempdir().unwrap();
        let mut gone = std::process::Command::new("true").spawn().unwrap();
        gone.wait().unwrap();
        std::fs::write(t.path().join(".cargo-migrate-revision.lock"), gone.id().to_string()).unwrap();
        let started = Instant::now();
        let _lock = DirLock::acquire(t.path(), Duration::from_secs(5)).unwrap();
        assert!(started.elapsed() < Duration::from_secs(1));
        // A live holder (this process) is waited for, then refused.
        drop(_lock);
        std::fs::write(t.path().join(".cargo-migrate-revision.lock"), std::process::id().to_string()).unwrap();
        assert!(DirLock::acquire(t.path(), Duration::from_millis(100)).is_err());
    }

    #[test]
    fn a_draft_left_by_a_killed_writer_is_removed() {
        let t = tempfile::tempdir().unwrap();
        std::fs::create_dir(t.path().join(".0001_a.tmp-4242")).unwrap();
        std::fs::write(t.path().join(".0001_a.tmp-4242/up.sql"), "half").unwrap();
        std::fs::create_dir(t.path().join(".keep.tmp-x")).unwrap();
        let rev = NewRevision { message: "a".into(), run_in_transaction: true, ..Default::default() };
        write(t.path(), &rev, &Templates::load(None).unwrap(), None, None).unwrap();
        assert!(!t.path().join(".0001_a.tmp-4242").exists());
        assert!(t.path().join(".keep.tmp-x").exists() && t.path().join("0001_a").is_dir());
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let t = tempfile::tempdir().unwrap();
        let templates = Templates::load(None).unwrap();
        let rev = NewRevision { message: "a".into(), run_in_transaction: true, ..Default::default() };
        // A directory where the snapshot goes: writing it fails after the migration dir exists.
        std::fs::create_dir(t.path().join(SNAPSHOT_FILE)).unwrap();
        assert!(write(t.path(), &rev, &templates, None, Some(&Schema::default())).is_err());
        let left: Vec<String> = std::fs::read_dir(t.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert!(!left.iter().any(|n| n.starts_with("0001") || n.starts_with('.')), "{left:?}");
    }
}
