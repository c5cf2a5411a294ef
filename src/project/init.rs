//! `init`: write the `migrate` metadata table into Cargo.toml without disturbing a
//! byte of what the user wrote, and create the migrations directory.

use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Table, Value};

use crate::atomic_write::write_atomically;
use crate::error::{Error, Result};
use crate::project::workspace::Workspace;

#[derive(Debug, Clone, Default)]
pub struct InitOptions {
    pub models: Vec<String>,
    pub migrations: Option<String>,
    pub database_url: Option<String>,
    pub force: bool,
}

#[derive(Debug, Clone)]
pub struct InitReport {
    pub manifest: PathBuf,
    pub table: String,
    pub migrations_dir: PathBuf,
    pub created_dir: bool,
    pub replaced: bool,
    pub models: Vec<String>,
}

/// The manifest and dotted name of the table [`init`] writes.
pub fn destination(ws: &Workspace, package: Option<&str>) -> Result<(PathBuf, String)> {
    let (manifest, _) = manifest_and_base(ws, package)?;
    let text = std::fs::read_to_string(&manifest).map_err(|e| Error::io(&manifest, e))?;
    let doc: DocumentMut =
        text.parse().map_err(|e: toml_edit::TomlError| Error::Config { file: manifest.clone(), key: String::new(), message: e.to_string() })?;
    let section = if package.is_none() && doc.get("workspace").is_some() { "workspace" } else { "package" };
    Ok((manifest, format!("{section}.metadata.migrate")))
}

fn manifest_and_base(ws: &Workspace, package: Option<&str>) -> Result<(PathBuf, PathBuf)> {
    Ok(match package {
        Some(name) => {
            let m = ws
                .members
                .iter()
                .find(|m| m.name == name)
                .ok_or_else(|| Error::UnknownPackage { name: name.into(), members: ws.members.iter().map(|m| m.name.clone()).collect() })?;
            (m.manifest_path.clone(), m.dir().to_path_buf())
        }
        None => (ws.root_manifest.clone(), ws.root.clone()),
    })
}

/// Where the table goes: the `-p` package, else `[workspace]` when the root manifest
/// has one, else the single package.
pub fn init(ws: &Workspace, package: Option<&str>, opts: &InitOptions) -> Result<InitReport> {
    let (manifest, base_dir) = manifest_and_base(ws, package)?;
    let original = std::fs::read_to_string(&manifest).map_err(|e| Error::io(&manifest, e))?;
    let doc: DocumentMut =
        original.parse().map_err(|e: toml_edit::TomlError| Error::Config { file: manifest.clone(), key: String::new(), message: e.to_string() })?;
    let section = if package.is_none() && doc.get("workspace").is_some() { "workspace" } else { "package" };
    let table_name = format!("{section}.metadata.migrate");
    let exists = doc.get(section).and_then(|s| s.get("metadata")).and_then(|m| m.get("migrate")).is_some();
    if exists && !opts.force {
        return Err(Error::Exists { path: manifest.display().to_string(), message: format!("[{table_name}] already exists; pass --force to replace it") });
    }
    // An existing Diesel project already says where both are.
    let diesel = crate::project::config::find_diesel_toml(ws, package)?;
    let diesel_models: Vec<String> = diesel.iter().flat_map(|d| &d.schema_files).map(|f| crate::project::config::relative_to(f, &base_dir)).collect();
    let models = match (opts.models.is_empty(), diesel_models.is_empty()) {
        (false, _) => opts.models.clone(),
        (true, false) => diesel_models,
        (true, true) => guess_models(ws, &base_dir),
    };
    let migrations = opts
        .migrations
        .clone()
        .or_else(|| diesel.as_ref()?.migrations_dir.as_deref().map(|d| crate::project::config::relative_to(d, &base_dir)))
        .unwrap_or_else(|| crate::project::config::DEFAULT_MIGRATIONS_DIR.into());
    let table = build_table(&models, &migrations, opts.database_url.as_deref());

    let updated = if exists {
        let mut doc = doc;
        let meta = doc[section]["metadata"].as_table_like_mut().expect("checked above");
        meta.insert("migrate", Item::Table(table));
        doc.to_string()
    } else {
        append_table(&original, &doc, section, table, &table_name)
    };
    // Re-read what we are about to write: it must parse and hold the table.
    let check: DocumentMut = updated.parse().map_err(|e: toml_edit::TomlError| Error::Config {
        file: manifest.clone(),
        key: table_name.clone(),
        message: format!("could not add the table: {e}"),
    })?;
    debug_assert!(check.get(section).and_then(|s| s.get("metadata")).and_then(|m| m.get("migrate")).is_some());

    let migrations_dir = base_dir.join(&migrations);
    let created_dir = !migrations_dir.is_dir();
    std::fs::create_dir_all(&migrations_dir).map_err(|e| Error::io(&migrations_dir, e))?;
    write_atomically(&manifest, &updated)?;
    Ok(InitReport { manifest, table: table_name, migrations_dir, created_dir, replaced: exists, models })
}

/// Appends the table as text so every existing byte stays where it was. Falls back
/// to an in-document edit when `metadata` is an inline table (a header cannot extend it).
fn append_table(original: &str, doc: &DocumentMut, section: &str, table: Table, table_name: &str) -> String {
    let inline_metadata = doc.get(section).and_then(|s| s.get("metadata")).is_some_and(|m| m.is_inline_table() || m.is_value());
    if inline_metadata {
        let mut doc = doc.clone();
        if let Some(meta) = doc[section]["metadata"].as_inline_table_mut() {
            meta.insert("migrate", Value::InlineTable(table.into_inline_table()));
        }
        return doc.to_string();
    }
    let mut text = original.to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(&format!("[{table_name}]\n"));
    text.push_str(&table.to_string());
    text
}

fn build_table(models: &[String], migrations: &str, database_url: Option<&str>) -> Table {
    let mut t = Table::new();
    let mut arr = toml_edit::Array::new();
    for m in models {
        arr.push(m.as_str());
    }
    t.insert("models", toml_edit::value(arr));
    t.insert("migrations", toml_edit::value(migrations));
    if let Some(url) = database_url {
        t.insert("database_url", toml_edit::value(url));
    }
    t
}

/// Default model paths: each member's `src/models` or `src/schema.rs`, else `src`.
fn guess_models(ws: &Workspace, base_dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for m in &ws.members {
        for candidate in ["src/models", "src/schema.rs"] {
            let p = m.dir().join(candidate);
            if p.exists() {
                if let Ok(rel) = p.strip_prefix(base_dir) {
                    found.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
    }
    if found.is_empty() {
        found.push(crate::project::config::DEFAULT_MODELS.into());
    }
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appending_keeps_every_byte() {
        let original = "# my workspace\n[workspace]\nmembers = [ \"a\",   \"b\" ]  # odd spacing\n\n[workspace.metadata.docs]\nx = 1";
        let doc: DocumentMut = original.parse().unwrap();
        let out = append_table(original, &doc, "workspace", build_table(&["src".into()], "migrations", None), "workspace.metadata.migrate");
        assert!(out.starts_with(original), "{out}");
        let parsed: DocumentMut = out.parse().unwrap();
        assert_eq!(parsed["workspace"]["metadata"]["migrate"]["migrations"].as_str(), Some("migrations"));
        assert_eq!(parsed["workspace"]["metadata"]["docs"]["x"].as_integer(), Some(1));
    }

    #[test]
    fn inline_metadata_is_edited_in_place() {
        let original = "[package]\nname = \"x\"\nmetadata = { docs = 1 }\n";
        let doc: DocumentMut = original.parse().unwrap();
        let out = append_table(original, &doc, "package", build_table(&["src".into()], "m", Some("sqlite://x.db")), "package.metadata.migrate");
        let parsed: DocumentMut = out.parse().unwrap();
        assert_eq!(parsed["package"]["metadata"]["migrate"]["database_url"].as_str(), Some("sqlite://x.db"));
        assert_eq!(parsed["package"]["metadata"]["docs"].as_integer(), Some(1));
    }
}
