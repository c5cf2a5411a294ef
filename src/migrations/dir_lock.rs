//! The lock on a migrations directory while files are written into it (`revision`,
//! `merge`, `adopt`): a second writer waits, then refuses. An OS file lock
//! (`flock`/`LockFileEx` through std's `File::try_lock`) on a lock file: the kernel
//! releases it when its holder exits or is killed, so no stale lock is ever left.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// Held while a revision is written; a second writer waits, then refuses. The lock
/// is the open file: dropping it (or the process dying) releases it.
pub(crate) struct DirLock {
    path: PathBuf,
    file: File,
}

impl DirLock {
    pub(crate) fn acquire(dir: &Path, wait: Duration) -> Result<Self> {
        let path = dir.join(".cargo-migrate-revision.lock");
        let started = Instant::now();
        loop {
            // Opened anew each round: a holder that just finished may have removed it.
            let file = std::fs::OpenOptions::new().write(true).create(true).truncate(false).open(&path).map_err(|e| Error::io(&path, e))?;
            match file.try_lock() {
                // The file locked may have been unlinked by the holder that just
                // released it: only the file still at `path` counts.
                Ok(()) if same_file(&file, &path) => return Ok(DirLock { path, file }),
                Ok(()) => {}
                Err(TryLockError::WouldBlock) if started.elapsed() < wait => std::thread::sleep(Duration::from_millis(50)),
                Err(TryLockError::WouldBlock) => {
                    return Err(Error::Refused(format!(
                        "another `cargo migrate revision` is writing to `{}`\n  hint: if none is running, delete `{}`",
                        dir.display(),
                        path.display()
                    )))
                }
                Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
            }
        }
    }
}

/// Whether `file` is the file at `path` (same device and inode).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Elsewhere an open file cannot be removed, so the file at `path` is the one opened.
#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

/// Whether process `pid` no longer exists, by Linux's `/proc`; elsewhere every process
/// is presumed alive, so nothing a live writer owns is ever taken. (For the working
/// copies `adopt` names after its process, not for this lock.)
pub(crate) fn process_is_gone(pid: u32) -> bool {
    Path::new("/proc/self").exists() && !Path::new(&format!("/proc/{pid}")).exists()
}

impl Drop for DirLock {
    fn drop(&mut self) {
        // Removed while still locked, so a waiter that opened it retries on the new one.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A holder killed with SIGKILL runs no destructor: its lock file stays, but the
    /// kernel released the lock with the process, so the next writer takes it at once.
    #[test]
    fn a_killed_holder_leaves_no_stale_lock() {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join(".cargo-migrate-revision.lock");
        // One process holding the lock (util-linux `flock` takes the same kind of
        // lock as `File::try_lock` on Linux, on the shell's descriptor, then exits).
        let script = "exec 9>\"$1\" && flock 9 && exec sleep 60";
        let mut holder = std::process::Command::new("sh").args(["-c", script, "sh"]).arg(&path).spawn().unwrap();
        let started = Instant::now();
        let held = || File::open(&path).is_ok_and(|f| matches!(f.try_lock(), Err(TryLockError::WouldBlock)));
        while !held() {
            assert!(started.elapsed() < Duration::from_secs(10), "the holder never took the lock");
            std::thread::sleep(Duration::from_millis(20));
        }
        holder.kill().unwrap();
        holder.wait().unwrap();
        assert!(path.exists(), "the killed holder left its lock file");
        let started = Instant::now();
        let lock = DirLock::acquire(t.path(), Duration::from_secs(5)).unwrap();
        assert!(started.elapsed() < Duration::from_secs(1), "took {:?}", started.elapsed());
        drop(lock);
        assert!(!path.exists());
    }
}
