//! Files under `target/cargo-migrate/` that spare `check` (run on every commit)
//! work whose inputs did not change: workspace discovery, the chain scan, the model
//! comparison. Each is keyed to this build and to file stamps, read and written
//! best-effort: a missing, stale or unwritable cache only costs time.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// This build: the version and the binary's modification time (a rebuilt binary
/// may read the same files differently).
pub fn build_key() -> String {
    let exe = std::env::current_exe().ok().and_then(|e| std::fs::metadata(e).ok()?.modified().ok()?.duration_since(UNIX_EPOCH).ok());
    format!("{} {}", env!("CARGO_PKG_VERSION"), exe.map_or(0, |d| d.as_nanos()))
}

/// Modification time (ns since the epoch) and size of a file or directory; `None`
/// when it does not exist or cannot be read.
pub fn stamp(path: &Path) -> Option<(u128, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos(), m.len()))
}

/// Whether a modification time is old enough to trust: file times have the
/// resolution of a clock tick, so a file changed again in the same tick looks the
/// same (git's "racily clean" problem). Changes in the last two seconds are not cached.
pub fn settled(mtime_nanos: u128) -> bool {
    let now = std::time::SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    mtime_nanos + 2_000_000_000 < now
}

/// The cache body, when the file was written by this very build.
pub fn read(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let (key, body) = text.split_once('\n')?;
    (key == build_key()).then(|| body.to_string())
}

/// Writes atomically (see [`write_atomically`](crate::atomic_write::write_atomically));
/// failures are ignored.
pub fn write(path: &Path, body: &str) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = crate::atomic_write::write_atomically(path, &format!("{}\n{body}", build_key()));
}

/// `PREFIX-<hash of key>.EXT`: one cache file per key (a migrations directory, a
/// manifest) in the shared cache directory.
pub fn keyed_name(prefix: &str, key: impl std::hash::Hash, ext: &str) -> String {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut h);
    format!("{prefix}-{:016x}.{ext}", h.finish())
}

/// `target/cargo-migrate/`: in `CARGO_TARGET_DIR` when set, as cargo does (so
/// `cargo clean` clears it), else in the workspace's own `target/`.
pub fn dir(target_dir_env: Option<&str>, workspace_root: &Path) -> PathBuf {
    let target = match target_dir_env {
        Some(t) if !t.is_empty() => std::env::current_dir().map(|d| d.join(t)).unwrap_or_else(|_| t.into()),
        _ => workspace_root.join("target"),
    };
    target.join("cargo-migrate")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_from_another_build_is_ignored() {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join("sub/x.cache");
        write(&path, "body\nmore");
        assert_eq!(read(&path).as_deref(), Some("body\nmore"));
        std::fs::write(&path, "0.0.0 1\nbody").unwrap();
        assert_eq!(read(&path), None);
        assert_eq!(std::fs::read_dir(t.path().join("sub")).unwrap().count(), 1, "no temporary file is left");
    }

    #[test]
    fn fresh_files_are_not_settled() {
        let t = tempfile::tempdir().unwrap();
        let (mtime, _) = stamp(t.path()).unwrap();
        assert!(!settled(mtime));
        assert!(settled(mtime - 3_000_000_000));
        assert_eq!(stamp(&t.path().join("missing")), None);
    }
}
