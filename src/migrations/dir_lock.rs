//! The lock on a migrations directory while files are written into it (`revision`,
//! `merge`, `adopt`): a second writer waits, then refuses. A lock file of our own
//! rather than `flock`, so a lock left by a killed process is recognised and taken over.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// Held while a revision is written; a second writer waits, then refuses. The file
/// holds the writer's process id, so a lock left by a killed process is taken over.
pub(crate) struct DirLock {
    path: PathBuf,
}

impl DirLock {
    pub(crate) fn acquire(dir: &Path, wait: Duration) -> Result<Self> {
        use std::io::Write;
        let path = dir.join(".cargo-migrate-revision.lock");
        let started = Instant::now();
        loop {
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    let _ = write!(f, "{}", std::process::id());
                    return Ok(DirLock { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && holder_is_gone(&path) => take_over(&path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && started.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    return Err(Error::Refused(format!(
                        "another `cargo migrate revision` is writing to `{}`\n  hint: if none is running, delete `{}`",
                        dir.display(),
                        path.display()
                    )))
                }
                Err(e) => return Err(Error::io(&path, e)),
            }
        }
    }
}

/// Removes a lock whose holder is gone. Waiters may all find it stale at once: one
/// of them wins a second, short-lived file and looks again before removing, so a lock
/// just taken by another waiter is never removed.
fn take_over(lock: &Path) {
    let guard = lock.with_extension("lock.takeover");
    if std::fs::OpenOptions::new().write(true).create_new(true).open(&guard).is_ok() {
        if holder_is_gone(lock) {
            let _ = std::fs::remove_file(lock);
        }
        let _ = std::fs::remove_file(&guard);
    } else {
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Whether the lock names a process that no longer exists; a lock still being
/// written names none yet, and its holder is presumed alive.
fn holder_is_gone(lock: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(lock) else { return false };
    text.trim().parse::<u32>().is_ok_and(process_is_gone)
}

/// Whether process `pid` no longer exists, by Linux's `/proc`; elsewhere every process
/// is presumed alive, so nothing a live writer owns is ever taken.
pub(crate) fn process_is_gone(pid: u32) -> bool {
    Path::new("/proc/self").exists() && !Path::new(&format!("/proc/{pid}")).exists()
}

impl Drop for DirLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
