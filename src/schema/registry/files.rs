//! Which files are models, and reading them: the model paths (directories, `.rs`
//! files, globs) resolved to files, each real file once, parsed on every core.
//!
//! Apart from the assembly in [`super`] because finding and reading files is
//! filesystem work, and [`super::assemble`] takes parsed files from anywhere.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{parse_source, ParsedFile, RegistryError, PARSE_STACK_SIZE};

/// Parses files on every core: parsing is most of the registry's time and files
/// are independent until [`assemble`]. Results come back in `files` order, so the
/// error reported is the first file's, whichever thread finished first.
pub(crate) fn parse_files(base_dir: &Path, files: &[PathBuf]) -> Result<Vec<ParsedFile>, RegistryError> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, files.len().max(1));
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, Result<ParsedFile, RegistryError>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let worker = || {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(i) else { return out };
                        out.push((i, read_and_parse(base_dir, path)));
                    }
                };
                std::thread::Builder::new().stack_size(PARSE_STACK_SIZE).spawn_scoped(scope, worker).expect("the parser threads start")
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

fn read_and_parse(base_dir: &Path, path: &Path) -> Result<ParsedFile, RegistryError> {
    let label = label(base_dir, path);
    let bytes = std::fs::read(path).map_err(|source| RegistryError::Io { path: path.to_path_buf(), source })?;
    let text = String::from_utf8(bytes).map_err(|e| RegistryError::NotUtf8 { file: label.clone(), offset: e.utf8_error().valid_up_to() })?;
    let parsed = parse_source(&label, &text);
    // Spans were all turned into line numbers; without this, proc-macro2's
    // per-thread source map keeps every file's text and slows every span lookup.
    proc_macro2::extra::invalidate_current_thread_spans();
    parsed
}

/// The files `model_paths` name, sorted and without repeats. A path naming no
/// file is an error, so a typo in the configuration cannot hide every model.
pub fn model_files(base_dir: &Path, model_paths: &[String]) -> Result<Vec<PathBuf>, RegistryError> {
    if model_paths.is_empty() {
        return Err(RegistryError::NoModelPaths);
    }
    let mut files = Files::default();
    for p in model_paths {
        let mut found = 0;
        if p.contains(['*', '?', '[']) {
            glob::Pattern::new(p).map_err(|e| RegistryError::BadGlob { pattern: p.clone(), message: e.to_string() })?;
            let pattern = if Path::new(p).is_absolute() { p.clone() } else { format!("{}/{p}", glob::Pattern::escape(&base_dir.to_string_lossy())) };
            let paths = glob::glob(&pattern).map_err(|e| RegistryError::BadGlob { pattern: p.clone(), message: e.to_string() })?;
            for entry in paths {
                let path = entry.map_err(|e| RegistryError::Io { path: e.path().to_path_buf(), source: e.into() })?;
                let relative = path.strip_prefix(base_dir).unwrap_or(&path);
                if relative.components().any(|c| skipped_name(c.as_os_str())) {
                    continue;
                }
                if path.is_dir() {
                    found += walk(&path, &mut files)?;
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.insert(path)?;
                    found += 1;
                }
            }
        } else {
            let path = base_dir.join(p);
            if path.is_file() {
                files.insert(path)?;
                found = 1;
            } else if path.is_dir() {
                found = walk(&path, &mut files)?;
            }
        }
        if found == 0 {
            return Err(RegistryError::NoFiles { path: p.clone(), base_dir: base_dir.to_path_buf() });
        }
    }
    let mut files: Vec<PathBuf> = files.by_real_path.into_values().collect();
    files.sort();
    Ok(files)
}

/// Model files found so far, one entry per real file: a file reached through two
/// paths (overlapping model paths, a symbolic link) is one file, listed under the
/// path that sorts first.
#[derive(Default)]
struct Files {
    by_real_path: HashMap<PathBuf, PathBuf>,
}

impl Files {
    fn insert(&mut self, path: PathBuf) -> Result<(), RegistryError> {
        let real = std::fs::canonicalize(&path).map_err(|source| RegistryError::Io { path: path.clone(), source })?;
        match self.by_real_path.get_mut(&real) {
            Some(kept) if *kept <= path => {}
            Some(kept) => *kept = path,
            None => {
                self.by_real_path.insert(real, path);
            }
        }
        Ok(())
    }
}

/// `target/` holds build output and hidden directories hold tooling; neither holds models.
fn skipped_name(name: &std::ffi::OsStr) -> bool {
    name == "target" || name.to_str().is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

/// Adds the `.rs` files under `dir`; returns how many it saw. Symbolic links are
/// followed (a symlinked models directory is still models; walkdir reports loops).
fn walk(dir: &Path, files: &mut Files) -> Result<usize, RegistryError> {
    let mut seen = 0;
    let walker = walkdir::WalkDir::new(dir).follow_links(true).into_iter().filter_entry(|e| e.depth() == 0 || !skipped_name(e.file_name()));
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            RegistryError::Io { path, source: e.into() }
        })?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "rs") {
            files.insert(entry.into_path())?;
            seen += 1;
        }
    }
    Ok(seen)
}

/// `path` relative to `base_dir`, with forward slashes on every platform.
fn label(base_dir: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(base_dir).unwrap_or(path);
    let parts: Vec<_> = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect();
    parts.join("/")
}
