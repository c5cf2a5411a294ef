//! Writing a file so that it appears whole or not at all. It sits at the bottom,
//! beside [`crate::error`], because every layer writes files this way (the config
//! table, the check cache, revisions, the snapshot, annotated models) and none of
//! them should have to reach into another layer for it.

use std::path::Path;

use crate::error::{Error, Result};

/// Write to a temporary file beside the target, then rename: never a half-written
/// file, and on failure (a full disk) no temporary file left behind either. The
/// temporary name is per process, so concurrent writers each see the old file or a
/// whole new one.
pub fn write_atomically(path: &Path, contents: &str) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.cargo-migrate-{}.tmp", std::process::id()));
    std::fs::write(&tmp, contents).map_err(|e| Error::io(&tmp, e)).and_then(|()| std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))).inspect_err(
        |_| {
            let _ = std::fs::remove_file(&tmp);
        },
    )
}
