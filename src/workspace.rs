//! Workspace discovery: `cargo metadata --no-deps` from the current directory or
//! `--manifest-path`, giving the root, the members and their metadata tables.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

#[derive(Debug, Clone)]
pub struct Workspace {
    /// Directory holding the root `Cargo.toml`.
    pub root: PathBuf,
    /// The root `Cargo.toml` (a `[workspace]` or a single package).
    pub root_manifest: PathBuf,
    /// `[workspace.metadata]` (JSON null when absent).
    pub metadata: serde_json::Value,
    pub members: Vec<Member>,
}

#[derive(Debug, Clone)]
pub struct Member {
    pub name: String,
    pub manifest_path: PathBuf,
    /// `[package.metadata]` (JSON null when absent).
    pub metadata: serde_json::Value,
}

impl Member {
    pub fn dir(&self) -> &Path {
        self.manifest_path.parent().unwrap_or(Path::new("."))
    }
}

/// Finds the workspace that `manifest_path` (or the current directory) belongs to.
pub fn discover(manifest_path: Option<&Path>, cwd: &Path) -> Result<Workspace> {
    let manifest = match manifest_path {
        Some(p) => {
            let p = if p.is_absolute() { p.to_path_buf() } else { cwd.join(p) };
            let p = if p.is_dir() { p.join("Cargo.toml") } else { p };
            if !p.is_file() {
                return Err(Error::ManifestNotFound { path: p });
            }
            p
        }
        None => find_manifest_upwards(cwd).ok_or_else(|| Error::NoManifest { dir: cwd.to_path_buf() })?,
    };
    let md = cargo_metadata::MetadataCommand::new()
        .manifest_path(&manifest)
        .no_deps()
        .exec()
        .map_err(|e| Error::CargoMetadata {
            manifest: manifest.clone(),
            message: describe_metadata_error(e),
        })?;
    let root: PathBuf = md.workspace_root.clone().into_std_path_buf();
    let members = md
        .workspace_packages()
        .into_iter()
        .map(|p| Member {
            name: p.name.to_string(),
            manifest_path: p.manifest_path.clone().into_std_path_buf(),
            metadata: p.metadata.clone(),
        })
        .collect();
    Ok(Workspace {
        root_manifest: root.join("Cargo.toml"),
        root,
        metadata: md.workspace_metadata.clone(),
        members,
    })
}

fn find_manifest_upwards(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|d| d.join("Cargo.toml")).find(|p| p.is_file())
}

fn describe_metadata_error(e: cargo_metadata::Error) -> String {
    match e {
        cargo_metadata::Error::CargoMetadata { stderr } => stderr.trim_end().to_string(),
        other => other.to_string(),
    }
}
