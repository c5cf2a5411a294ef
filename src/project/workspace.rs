//! Workspace discovery: `cargo metadata --no-deps` from the current directory or
//! `--manifest-path`, giving the root, the members and their metadata tables.
//! Its answer is cached until a manifest or a member directory changes: `cargo
//! metadata` costs more than the rest of a `check` on a large chain.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::project::cache;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// Directory holding the root `Cargo.toml`.
    pub root: PathBuf,
    /// The root `Cargo.toml` (a `[workspace]` or a single package).
    pub root_manifest: PathBuf,
    /// `[workspace.metadata]` (JSON null when absent).
    pub metadata: serde_json::Value,
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

impl Workspace {
    /// No workspace at all (`--migrations-dir`): `dir` stands in for its root.
    pub fn standalone(dir: &Path) -> Self {
        Workspace { root: dir.to_path_buf(), root_manifest: PathBuf::new(), metadata: serde_json::Value::Null, members: Vec::new() }
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
    discover_cached(&manifest, std::env::var("CARGO_TARGET_DIR").ok().as_deref())
}

fn discover_cached(manifest: &Path, target_dir: Option<&str>) -> Result<Workspace> {
    if let Some(ws) = cached(manifest, target_dir) {
        return Ok(ws);
    }
    let ws = from_cargo_metadata(manifest)?;
    remember(manifest, &ws, target_dir);
    Ok(ws)
}

fn from_cargo_metadata(manifest: &Path) -> Result<Workspace> {
    let md = cargo_metadata::MetadataCommand::new()
        .manifest_path(manifest)
        .no_deps()
        .exec()
        .map_err(|e| Error::CargoMetadata { manifest: manifest.to_path_buf(), message: describe_metadata_error(e) })?;
    let root: PathBuf = md.workspace_root.clone().into_std_path_buf();
    let members = md
        .workspace_packages()
        .into_iter()
        .map(|p| Member { name: p.name.to_string(), manifest_path: p.manifest_path.clone().into_std_path_buf(), metadata: p.metadata.clone() })
        .collect();
    Ok(Workspace { root_manifest: root.join("Cargo.toml"), root, metadata: md.workspace_metadata.clone(), members })
}

/// What discovery from one manifest found, and the stamps it depends on.
#[derive(Serialize, Deserialize)]
struct CachedDiscovery {
    manifest: PathBuf,
    workspace: Workspace,
    stamps: Vec<(PathBuf, Option<(u128, u64)>)>,
}

/// Where discovery from `manifest` is cached: in the target directory of the
/// workspace root, which is the manifest's directory or one of its ancestors.
fn cache_candidates(manifest: &Path, target_dir: Option<&str>) -> Vec<PathBuf> {
    let file = cache::keyed_name("workspace", manifest, "json");
    let roots = manifest.ancestors().skip(1).filter(|d| d.join("Cargo.toml").is_file());
    match target_dir {
        Some(t) if !t.is_empty() => vec![cache::dir(Some(t), Path::new("")).join(file)],
        _ => roots.map(|root| cache::dir(None, root).join(&file)).collect(),
    }
}

fn cached(manifest: &Path, target_dir: Option<&str>) -> Option<Workspace> {
    cache_candidates(manifest, target_dir).iter().find_map(|path| {
        let c: CachedDiscovery = serde_json::from_str(&cache::read(path)?).ok()?;
        let fresh = c.manifest == manifest && c.stamps.iter().all(|(p, s)| cache::stamp(p) == *s);
        fresh.then_some(c.workspace)
    })
}

fn remember(manifest: &Path, ws: &Workspace, target_dir: Option<&str>) {
    let stamps: Vec<(PathBuf, _)> = discovery_inputs(manifest, ws).into_iter().map(|p| (p.clone(), cache::stamp(&p))).collect();
    if !stamps.iter().all(|(_, s)| s.is_none_or(|(mtime, _)| cache::settled(mtime))) {
        return;
    }
    let target_dir = target_dir.filter(|t| !t.is_empty());
    // Without CARGO_TARGET_DIR, `cached` looks in the target directory of each of the
    // manifest's ancestors: the root must be one of them.
    if target_dir.is_none() && !manifest.starts_with(&ws.root) {
        return;
    }
    let path = cache::dir(target_dir, &ws.root).join(cache::keyed_name("workspace", manifest, "json"));
    let entry = CachedDiscovery { manifest: manifest.to_path_buf(), workspace: ws.clone(), stamps };
    if let Ok(json) = serde_json::to_string(&entry) {
        cache::write(&path, &json);
    }
}

/// Every path whose change could change what `cargo metadata` says: the
/// `Cargo.toml` (or its absence) in each directory from the manifest up, as cargo
/// looks for the root there; every member's manifest; and each directory in which
/// a wildcard of the root's `members` globs could match a new member.
fn discovery_inputs(manifest: &Path, ws: &Workspace) -> Vec<PathBuf> {
    let mut inputs: Vec<PathBuf> = manifest.ancestors().skip(1).map(|d| d.join("Cargo.toml")).collect();
    inputs.extend(ws.members.iter().map(|m| m.manifest_path.clone()));
    let patterns = std::fs::read_to_string(&ws.root_manifest)
        .ok()
        .and_then(|text| text.parse::<toml::Table>().ok())
        .and_then(|t| Some(t.get("workspace")?.get("members")?.as_array()?.iter().filter_map(|v| v.as_str().map(str::to_string)).collect::<Vec<_>>()))
        .unwrap_or_default();
    for pattern in patterns {
        let parts: Vec<&str> = pattern.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
        let is_glob = |part: &str| part.contains(['*', '?', '[']);
        for k in (0..parts.len()).filter(|&k| is_glob(parts[k])) {
            let prefix = ws.root.join(parts[..k].join("/"));
            if parts[..k].iter().any(|p| is_glob(p)) {
                inputs.extend(glob::glob(&prefix.to_string_lossy()).into_iter().flatten().flatten().filter(|d| d.is_dir()));
            } else {
                // Stamped even when missing: its creation may bring members.
                inputs.push(prefix);
            }
        }
    }
    inputs.sort();
    inputs.dedup();
    inputs
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    /// Files as a commit finds them: saved a while ago.
    fn age(root: &Path) {
        let past = SystemTime::now() - Duration::from_secs(10);
        for e in walkdir::WalkDir::new(root) {
            std::fs::File::open(e.unwrap().path()).unwrap().set_modified(past).unwrap();
        }
    }

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn member(name: &str, models: &str) -> String {
        format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[package.metadata.migrate]\nmodels = [\"{models}\"]\n")
    }

    fn names(ws: &Workspace) -> Vec<&str> {
        let mut n: Vec<&str> = ws.members.iter().map(|m| m.name.as_str()).collect();
        n.sort();
        n
    }

    #[test]
    fn discovery_is_cached_until_a_manifest_or_member_directory_changes() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path().canonicalize().unwrap();
        write(&root, "Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n");
        write(&root, "crates/a/Cargo.toml", &member("a", "src/one"));
        write(&root, "crates/a/src/lib.rs", "");
        age(&root);
        let manifest = root.join("Cargo.toml");
        let first = discover_cached(&manifest, None).unwrap();
        assert_eq!(names(&first), ["a"]);
        let cache_dir = root.join("target/cargo-migrate");
        let file = std::fs::read_dir(&cache_dir).unwrap().next().unwrap().unwrap().path();
        // A hit returns what the cache says without asking cargo: prove it by editing the cache.
        let text = std::fs::read_to_string(&file).unwrap().replace("\"name\":\"a\"", "\"name\":\"from-cache\"");
        std::fs::write(&file, text).unwrap();
        assert_eq!(names(&discover_cached(&manifest, None).unwrap()), ["from-cache"]);
        // From a member's directory, the member manifest is the key: a cache of its own.
        assert_eq!(names(&discover_cached(&root.join("crates/a/Cargo.toml"), None).unwrap()), ["a"]);

        // A new member directory changes `crates/`.
        write(&root, "crates/b/Cargo.toml", &member("b", "src"));
        write(&root, "crates/b/src/lib.rs", "");
        assert_eq!(names(&discover_cached(&manifest, None).unwrap()), ["a", "b"]);
        // Just written: not trusted yet, so not cached (a second edit in the same tick would hide).
        std::fs::write(&file, std::fs::read_to_string(&file).unwrap().replace("\"name\":\"b\"", "\"name\":\"stale\"")).unwrap();
        assert_eq!(names(&discover_cached(&manifest, None).unwrap()), ["a", "b"]);

        // An edited member manifest (its metadata table) is seen.
        age(&root);
        let settled = discover_cached(&manifest, None).unwrap();
        write(&root, "crates/a/Cargo.toml", &member("a", "src/two"));
        let edited = discover_cached(&manifest, None).unwrap();
        assert_ne!(settled, edited);
        assert!(edited.members.iter().any(|m| m.metadata["migrate"]["models"][0] == "src/two"));
    }

    #[test]
    fn a_workspace_created_above_a_package_is_seen() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path().canonicalize().unwrap();
        write(&root, "pkg/Cargo.toml", &member("pkg", "src"));
        write(&root, "pkg/src/lib.rs", "");
        age(&root);
        let manifest = root.join("pkg/Cargo.toml");
        assert_eq!(discover_cached(&manifest, None).unwrap().root, root.join("pkg"));
        write(&root, "Cargo.toml", "[workspace]\nmembers = [\"pkg\"]\nresolver = \"2\"\n\n[workspace.metadata.migrate]\nmigrations_dir = \"db\"\n");
        let ws = discover_cached(&manifest, None).unwrap();
        assert_eq!(ws.root, root);
        assert_eq!(ws.metadata["migrate"]["migrations_dir"], "db");
    }
}
