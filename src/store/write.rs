//! Atomic writes: the text goes to a temporary file beside the target,
//! is synced, the previous version is copied to its backups, and the
//! temporary file is renamed over the target. At every instant the target
//! holds the old or the new complete version.
//!
//! On Windows the rename fails while another program holds the target open
//! without sharing it (a PDF viewer, an antivirus scan, a second instance):
//! the rename is retried briefly, then the save is refused with a French
//! message, the target untouched. The rename step is injectable
//! ([`write_atomic_with`]) so this is tested on every system.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{StoreError, lock, read};

/// Which copies of the previous version a write keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Keep {
    /// As `NAME.bak` (replaced at every save).
    pub backup: bool,
    /// Also as `NAME.session.bak`: the version from before a session's
    /// first save, so one bad save followed by another can still be undone.
    pub session_copy: bool,
}

impl Keep {
    pub const NOTHING: Keep = Keep {
        backup: false,
        session_copy: false,
    };
    pub const BACKUP: Keep = Keep {
        backup: true,
        session_copy: false,
    };
}

/// The rename step of a write (`std::fs::rename` outside tests).
pub type Rename<'a> = &'a dyn Fn(&Path, &Path) -> io::Result<()>;

/// Pauses between attempts at a rename another program blocks: about
/// 1.7 s in all, long enough for an antivirus scan or a viewer reloading
/// the file, short enough that the wizard does not seem frozen.
const RETRY_PAUSES_MS: [u64; 8] = [20, 40, 80, 120, 200, 300, 400, 500];

/// Whether a failed rename is another program holding the file (worth
/// retrying), not a lasting refusal.
pub fn is_busy(e: &io::Error) -> bool {
    if e.kind() == io::ErrorKind::ResourceBusy {
        return true;
    }
    // ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION:
    // what MoveFileEx answers while the target is open elsewhere.
    #[cfg(windows)]
    if matches!(e.raw_os_error(), Some(5 | 32 | 33)) {
        return true;
    }
    false
}

/// Runs `step`, again while another program holds the file.
fn retrying<T>(mut step: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    let mut pauses = RETRY_PAUSES_MS.iter();
    loop {
        match step() {
            Err(e) if is_busy(&e) => match pauses.next() {
                Some(ms) => std::thread::sleep(Duration::from_millis(*ms)),
                None => return Err(e),
            },
            other => return other,
        }
    }
}

/// The session copy kept beside a saved file:
/// `dossier.ron` → `dossier.ron.session.bak`.
pub fn session_copy_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".session.bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically, optionally keeping a backup of the
/// previous version (see [`write_atomic_with`]).
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    let keep = if keep_backup {
        Keep::BACKUP
    } else {
        Keep::NOTHING
    };
    write_atomic_with(path, bytes, keep, &|a, b| fs::rename(a, b))
}

/// Writes `bytes` to `path` atomically, keeping the copies `keep` asks for,
/// renaming with `rename`.
///
/// A symlink is followed (its target is written, the link stays); the
/// target's permissions, and its owner and group where the process may, are
/// kept; a read-only target or one that is not a regular file (device,
/// FIFO, folder) is refused untouched. When anything fails, the temporary
/// file is removed and the target is untouched.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    keep: Keep,
    rename: Rename,
) -> Result<(), StoreError> {
    let target = lock::real_path(path);
    let write_err = |source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    };
    let existing = match fs::metadata(&target) {
        Ok(meta) if !meta.is_file() => {
            return Err(StoreError::NotRegular {
                path: path.to_path_buf(),
                kind: read::kind_of(&meta),
            });
        }
        Ok(meta) if meta.permissions().readonly() => {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(write_err(e)),
    };
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = target
        .file_name()
        .ok_or_else(|| write_err(io::Error::other("nom de fichier manquant")))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(file_name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);

    let result = (|| {
        let mut file = File::create(&tmp).map_err(write_err)?;
        file.write_all(bytes).map_err(write_err)?;
        if let Some(meta) = &existing {
            keep_owner(&file, meta);
            file.set_permissions(meta.permissions())
                .map_err(write_err)?;
        }
        file.sync_all().map_err(write_err)?;
        drop(file);
        if existing.is_some() {
            let copies = [
                (keep.backup, super::backup_path(&target)),
                (keep.session_copy, session_copy_path(&target)),
            ];
            for (wanted, copy) in copies {
                if wanted && let Some(meta) = &existing {
                    make_copy(&target, meta, &tmp, &copy, rename).map_err(|source| {
                        busy_or(source, &copy, |source| StoreError::Backup {
                            path: path.to_path_buf(),
                            source,
                        })
                    })?;
                }
            }
        }
        retrying(|| rename(&tmp, &target)).map_err(|source| busy_or(source, path, write_err))?;
        sync_dir(&dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A rename still blocked after the retries says so; any other error is
/// reported by `other`.
fn busy_or(
    source: io::Error,
    path: &Path,
    other: impl FnOnce(io::Error) -> StoreError,
) -> StoreError {
    if is_busy(&source) {
        StoreError::Busy {
            path: path.to_path_buf(),
        }
    } else {
        other(source)
    }
}

/// Gives the new version the previous one's owner and group, where the
/// process may (root may give both; a user may keep a group of theirs):
/// saving someone else's shared dossier must not take it over.
#[cfg(unix)]
fn keep_owner(file: &File, meta: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    if std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _meta: &fs::Metadata) {}

/// Copies the current version to `copy` durably: through a temporary name
/// (a crash never leaves half a copy), with the file's owner and group,
/// synced, renamed, folder synced.
fn make_copy(
    target: &Path,
    meta: &fs::Metadata,
    tmp: &Path,
    copy: &Path,
    rename: Rename,
) -> io::Result<()> {
    let mut copy_tmp = tmp.as_os_str().to_os_string();
    copy_tmp.push(".bak");
    let copy_tmp = PathBuf::from(copy_tmp);
    let result = (|| {
        retrying(|| fs::copy(target, &copy_tmp))?;
        let file = File::options().write(true).open(&copy_tmp)?;
        keep_owner(&file, meta);
        file.sync_all()?;
        drop(file);
        retrying(|| rename(&copy_tmp, copy))?;
        if let Some(dir) = copy.parent() {
            sync_dir(dir);
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&copy_tmp);
    }
    result
}

/// Makes a rename durable; best effort, as some systems cannot sync a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Removes temporary files a killed save left beside `real` (`.NAME.PID.tmp`
/// and their backup copies), except this process's own. Called under the
/// dossier's lock, so no other save of it is running.
pub(super) fn remove_stale_temps(real: &Path) {
    let (Some(dir), Some(name)) = (real.parent(), real.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    let prefix = format!(".{name}.");
    let own = format!("{prefix}{}.tmp", std::process::id());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        let Some(rest) = n.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest
            .strip_suffix(".tmp")
            .or_else(|| rest.strip_suffix(".tmp.bak"));
        if pid.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            && !n.starts_with(&own)
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}
