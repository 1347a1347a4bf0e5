//! One writer at a time per dossier: an OS lock (`flock` / `LockFileEx`,
//! through the standard library) on a small file beside the dossier,
//! `.NAME.lock`. The dossier itself cannot carry the lock, since every
//! save replaces it by a rename. The lock file says who holds it, so a
//! second writer can name the other program; the OS releases the lock when
//! its holder ends, even after a crash.
//!
//! The lock file cannot be turned against her: it is opened without
//! following a link (a symlink or a hard link planted in its place is
//! refused, never truncated), and every lock error names it. On Windows it
//! is hidden and deleted by the system when its holder's handle closes,
//! even after a crash, so none stays beside the dossier.

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
        // no longer there and starts again (see `acquire`). On Windows the
        // system deletes it when the handle closes (delete-on-close).
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

/// Opens the lock file without following links. `holder`: the file is
/// created if missing and, on Windows, deleted when this handle closes;
/// otherwise only an existing one is opened, to read who holds it.
fn open_lock(lock: &Path, holder: bool) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options
        .read(true)
        .write(holder)
        .create(holder)
        .truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Never follow a link; never wait on a FIFO planted there.
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        const FILE_SHARE_READ_WRITE_DELETE: u32 = 0x1 | 0x2 | 0x4;
        const FILE_FLAG_OPEN_REPARSE_POINT: u32 = 0x0020_0000;
        const FILE_FLAG_DELETE_ON_CLOSE: u32 = 0x0400_0000;
        const FILE_ATTRIBUTE_HIDDEN: u32 = 0x2;
        const GENERIC_READ: u32 = 0x8000_0000;
        const GENERIC_WRITE: u32 = 0x4000_0000;
        const DELETE: u32 = 0x0001_0000;
        // Others may read it (who holds it) and open it while it is held;
        // all of them share deletion, which delete-on-close requires.
        options.share_mode(FILE_SHARE_READ_WRITE_DELETE);
        if holder {
            options
                .access_mode(GENERIC_READ | GENERIC_WRITE | DELETE)
                .attributes(FILE_ATTRIBUTE_HIDDEN)
                .custom_flags(FILE_FLAG_OPEN_REPARSE_POINT | FILE_FLAG_DELETE_ON_CLOSE);
        } else {
            options.custom_flags(FILE_FLAG_OPEN_REPARSE_POINT);
        }
    }
    options.open(lock)
}

/// Whether the open lock file is a plain file with one name (not a
/// device, a FIFO, a link, or a second name of some other file, which
/// writing who holds it would truncate).
fn plain(file: &File) -> bool {
    let Ok(meta) = file.metadata() else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return false;
        }
    }
    meta.is_file()
}

/// The error of a failed open of the lock file, naming it.
fn open_error(lock: &Path, e: std::io::Error) -> StoreError {
    #[cfg(unix)]
    let link = matches!(e.raw_os_error(), Some(libc::ELOOP | libc::EMLINK));
    #[cfg(not(unix))]
    let link = false;
    let planted = std::fs::symlink_metadata(lock).is_ok_and(|m| !m.is_file());
    if link || planted {
        StoreError::LockNotRegular {
            lock: lock.to_path_buf(),
        }
    } else {
        StoreError::LockFile {
            lock: lock.to_path_buf(),
            source: e,
        }
    }
}

/// Windows refuses to open a lock file its last holder just released while
/// another handle still has it open (it is being deleted): that passes.
fn being_deleted(e: &std::io::Error) -> bool {
    cfg!(windows) && e.kind() == std::io::ErrorKind::PermissionDenied
}

impl DossierLock {
    /// Takes the dossier's lock, waiting up to `wait` for another holder.
    pub fn acquire(path: &Path, wait: Duration) -> Result<Self, StoreError> {
        let lock = lock_path(path);
        let started = Instant::now();
        let busy = |file: Option<&mut File>| StoreError::Locked {
            path: path.to_path_buf(),
            lock: lock.clone(),
            holder: file.and_then(holder),
        };
        let mut file = loop {
            let mut file = match open_lock(&lock, true) {
                Ok(file) => file,
                Err(e) if being_deleted(&e) && started.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(25));
                    continue;
                }
                Err(e) if being_deleted(&e) => return Err(busy(None)),
                Err(e) => return Err(open_error(&lock, e)),
            };
            if !plain(&file) {
                return Err(StoreError::LockNotRegular { lock });
            }
            match file.try_lock() {
                Ok(()) if still_current(&file, &lock) => break file,
                // Its holder removed it on release: lock the new one.
                Ok(()) => continue,
                Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(std::fs::TryLockError::WouldBlock) => return Err(busy(Some(&mut file))),
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(StoreError::LockFile { lock, source: e });
                }
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
    let mut file = open_lock(&lock, false).ok()?;
    if !plain(&file) {
        return None;
    }
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
