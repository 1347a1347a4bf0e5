//! One writer at a time per dossier: an OS lock (`flock` / `LockFileEx`,
//! through the standard library) on a small file beside the dossier,
//! `.NAME.lock`. The dossier itself cannot carry the lock, since every
//! save replaces it by a rename. The lock file says who holds it, so a
//! second writer can name the other program; the OS releases the lock when
//! its holder ends, even after a crash.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::StoreError;

/// How long a second writer waits for the first before giving up.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(5);

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct DossierLock {
    file: File,
    path: PathBuf,
}

impl Drop for DossierLock {
    fn drop(&mut self) {
        // On Unix the file goes away while still locked, so folders stay
        // clean; a writer that was waiting on it notices it locked a file
        // no longer there and starts again (see `acquire`). Elsewhere an
        // open file cannot be removed safely: it stays, empty.
        #[cfg(unix)]
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

/// Whether the open lock file is still the one at `path` (not removed and
/// replaced by its previous holder in the meantime).
fn still_current(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// The real file a path designates: symlinks followed, so two names of one
/// dossier share one lock and a save writes the link's target.
pub fn real_path(path: &Path) -> PathBuf {
    if let Ok(p) = super::paths::canonicalize(path) {
        return p;
    }
    // Not created yet: its folder's real path and its name.
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            super::paths::canonicalize(dir)
                .map(|d| d.join(name))
                .unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// `dossier.ron` → `.dossier.ron.lock`, beside the real file.
pub fn lock_path(path: &Path) -> PathBuf {
    let real = real_path(path);
    let mut name = std::ffi::OsString::from(".");
    name.push(real.file_name().unwrap_or_default());
    name.push(".lock");
    real.with_file_name(name)
}

/// Who the lock file says holds it, if it says.
fn holder(file: &mut File) -> Option<String> {
    let mut text = String::new();
    let _ = file.read_to_string(&mut text);
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn holder_text() -> String {
    let host = std::env::var("HOSTNAME")
        .or_else(|_| std::env::var("COMPUTERNAME"))
        .unwrap_or_default();
    let who = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default();
    let mut text = format!("cluster-dossier (processus {})", std::process::id());
    if !who.is_empty() {
        text.push_str(&format!(", utilisateur {who}"));
    }
    if !host.is_empty() {
        text.push_str(&format!(", poste {host}"));
    }
    text
}

impl DossierLock {
    /// Takes the dossier's lock, waiting up to `wait` for another holder.
    pub fn acquire(path: &Path, wait: Duration) -> Result<Self, StoreError> {
        let lock = lock_path(path);
        let write_err = |source| StoreError::Write {
            path: path.to_path_buf(),
            source,
        };
        let started = Instant::now();
        let mut file = loop {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&lock)
                .map_err(write_err)?;
            match file.try_lock() {
                Ok(()) if still_current(&file, &lock) => break file,
                // Its holder removed it on release: lock the new one.
                Ok(()) => continue,
                Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(StoreError::Locked {
                        path: path.to_path_buf(),
                        holder: holder(&mut file),
                    });
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(write_err(e)),
            }
        };
        // Who holds it, for the next writer's message; best effort.
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = file.write_all(holder_text().as_bytes());
        let _ = file.flush();
        Ok(Self { file, path: lock })
    }

    pub fn lock_file(&self) -> &Path {
        &self.path
    }
}

/// Who holds the dossier's lock right now, if another program does (for
/// the wizard to say so); `None` when nobody does or it cannot be told.
pub fn held_by_other(path: &Path) -> Option<String> {
    let lock = lock_path(path);
    let mut file = OpenOptions::new().read(true).write(true).open(&lock).ok()?;
    match file.try_lock() {
        Ok(()) => {
            let _ = file.unlock();
            None
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            Some(holder(&mut file).unwrap_or_else(|| "un autre programme".to_string()))
        }
        Err(std::fs::TryLockError::Error(_)) => None,
    }
}
