//! The autosave recovery files: the work in progress, written to the data
//! folder a few seconds after each change, removed after a clean save or a
//! discard, offered back after a crash.
//!
//! One file per dossier, in `recuperation/`, named after the dossier's real
//! path (`NOM-EMPREINTE.ron`), or `sans-titre-N.ron` for a dossier never
//! saved. The instance that writes a recovery file holds its lock (the same
//! kind as a dossier's, see [`DossierLock`]) while it lives: no other
//! instance offers it or deletes it. When the instance ends, even by a
//! crash, the system releases the lock and the file becomes pending: it is
//! offered at the next start, or when its dossier is opened. The file of a
//! dossier another live instance autosaves gets a numbered neighbour
//! (`NOM-EMPREINTE-2.ron`), so no instance ever writes over another's.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{ContentId, DossierLock, MAX_FILE_BYTES, StoreError, lock, write_atomic};
use crate::model::Dossier;

/// A recovery file may hold a dossier the save refused as too large (the
/// work must survive a crash all the same), so it is read up to twice the
/// dossier limit.
pub const MAX_RECOVERY_BYTES: u64 = 2 * MAX_FILE_BYTES;

/// How many files one dossier (or the untitled dossiers) may have at once:
/// one per live instance editing it, far more than anyone opens.
const MAX_SLOTS: usize = 1000;

/// What is kept: the dossier, the file it belongs to, and the version of
/// that file the edits started from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The file the work belongs to (its real path); `None` for a dossier
    /// never saved.
    pub source: Option<PathBuf>,
    /// Unix seconds of the autosave.
    pub saved_at: i64,
    /// The content of `source` the edits started from; `None` when there
    /// was no file, or for a recovery written by a version that did not
    /// record it (then the file on disk counts as changed: she chooses).
    #[serde(default)]
    pub base: Option<ContentId>,
    pub dossier: Dossier,
}

/// Where the recovery files live.
pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join("recuperation")
}

/// The single recovery file of versions before per-dossier files: still
/// offered, never lost on an upgrade.
fn legacy_file(data_dir: &Path) -> PathBuf {
    data_dir.join("recuperation.ron")
}

/// A recovery file this instance holds (locked): its own autosave, or one
/// offered to it. Dropping it releases the lock and leaves the file.
#[derive(Debug)]
pub struct Slot {
    file: PathBuf,
    _lock: DossierLock,
}

impl Slot {
    pub fn file(&self) -> &Path {
        &self.file
    }

    pub fn write(&self, recovery: &Recovery) -> Result<(), StoreError> {
        let mut text = super::ron_text(recovery, &self.file)?;
        text.push('\n');
        let size = text.len() as u64;
        if size > MAX_RECOVERY_BYTES {
            return Err(StoreError::TooLargeToSave {
                path: self.file.clone(),
                size,
                limit: MAX_RECOVERY_BYTES,
                members: recovery.dossier.members.len(),
            });
        }
        write_atomic(&self.file, text.as_bytes(), false)
    }

    pub fn read(&self) -> Result<Recovery, StoreError> {
        read_file(&self.file)
    }

    /// Deletes the file (its work is saved, or she chose to drop it), then
    /// releases the lock.
    pub fn remove(self) {
        let _ = fs::remove_file(&self.file);
    }
}

/// Reads a recovery file (bounded, like a dossier).
pub fn read_file(path: &Path) -> Result<Recovery, StoreError> {
    let text = super::read_text(path, MAX_RECOVERY_BYTES)?;
    let syntax = |e: ron::error::SpannedError| {
        let (line, column) = super::error_position(&text, &e.span);
        StoreError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            reason: super::explain_ron(&e.code),
        }
    };
    let mut recovery: Recovery = ron::Options::default()
        .with_recursion_limit(64)
        .from_str(&text)
        .map_err(syntax)?;
    recovery.dossier.format_version = crate::model::dossier::FORMAT_VERSION;
    Ok(recovery)
}

/// 64-bit FNV-1a of a path's bytes: stable across runs and versions, so
/// the file of a dossier is found again after a crash.
fn path_hash(path: &Path) -> u64 {
    ContentId::of(path.as_os_str().as_encoded_bytes()).hash
}

/// The start of the file names of `source`'s recovery files.
fn prefix(source: Option<&Path>) -> String {
    let Some(source) = source else {
        return "sans-titre".to_string();
    };
    let stem: String = source
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    format!("{stem}-{:016x}", path_hash(source))
}

/// Slot `n` of a prefix: `PREFIX.ron`, then `PREFIX-2.ron`…
fn slot_file(dir: &Path, prefix: &str, n: usize) -> PathBuf {
    if n <= 1 {
        dir.join(format!("{prefix}.ron"))
    } else {
        dir.join(format!("{prefix}-{n}.ron"))
    }
}

/// The lock of `file` if nobody else holds it now.
fn try_hold(file: &Path) -> Result<Option<DossierLock>, StoreError> {
    match DossierLock::acquire(file, Duration::ZERO) {
        Ok(lock) => Ok(Some(lock)),
        Err(StoreError::Locked { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The real path recovery files are keyed by.
pub fn key(source: &Path) -> PathBuf {
    lock::real_path(source)
}

/// A fresh recovery file for the work on `source` (`None`: untitled):
/// locked by the caller, and not the pending file of an earlier session
/// (that one waits to be offered).
pub fn claim(data_dir: &Path, source: Option<&Path>) -> Result<Slot, StoreError> {
    let dir = folder(data_dir);
    fs::create_dir_all(&dir).map_err(|e| StoreError::Write {
        path: dir.clone(),
        source: e,
    })?;
    let source = source.map(key);
    let prefix = prefix(source.as_deref());
    for n in 1..=MAX_SLOTS {
        let file = slot_file(&dir, &prefix, n);
        let Some(lock) = try_hold(&file)? else {
            continue;
        };
        if fs::symlink_metadata(&file).is_ok() {
            continue;
        }
        return Ok(Slot { file, _lock: lock });
    }
    Err(StoreError::Write {
        path: slot_file(&dir, &prefix, MAX_SLOTS),
        source: std::io::Error::other("trop de fichiers de récupération"),
    })
}

/// The pending recovery files (no live instance holds them), newest first,
/// each now held by the caller so no other instance offers it meanwhile;
/// with `source`, only those of that dossier. An unreadable file is left
/// where it is, untouched.
pub fn pending(data_dir: &Path, source: Option<&Path>) -> Vec<(Slot, Recovery)> {
    let source = source.map(key);
    let wanted = source.as_deref().map(|s| prefix(Some(s)));
    let mut files: Vec<PathBuf> = fs::read_dir(folder(data_dir))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            name.ends_with(".ron")
                && !name.starts_with('.')
                && wanted.as_ref().is_none_or(|w| name.starts_with(w.as_str()))
        })
        .collect();
    files.push(legacy_file(data_dir));
    let mut out: Vec<(Slot, Recovery)> = Vec::new();
    for file in files {
        if !file.is_file() {
            continue;
        }
        let Ok(Some(lock)) = try_hold(&file) else {
            continue;
        };
        // Held now: the file is what its last writer left.
        let Ok(recovery) = read_file(&file) else {
            continue;
        };
        if source.is_some() && recovery.source.as_deref().map(key) != source {
            continue;
        }
        out.push((Slot { file, _lock: lock }, recovery));
    }
    out.sort_by_key(|(_, r)| std::cmp::Reverse(r.saved_at));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recovery(source: Option<PathBuf>, name: &str) -> Recovery {
        let mut dossier = Dossier::default();
        dossier.identity.name = name.into();
        Recovery {
            source,
            saved_at: 42,
            base: None,
            dossier,
        }
    }

    #[test]
    fn a_held_file_is_neither_offered_nor_reused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        let source = dir.path().join("a.ron");
        let first = claim(&data, Some(&source)).expect("claimed");
        first
            .write(&recovery(Some(key(&source)), "première"))
            .expect("written");
        assert!(pending(&data, None).is_empty(), "held: not pending");
        let second = claim(&data, Some(&source)).expect("a second instance");
        assert_ne!(first.file(), second.file());
        drop(first);
        let offered = pending(&data, Some(&source));
        assert_eq!(offered.len(), 1);
        assert_eq!(offered[0].1.dossier.identity.name, "première");
        // While offered here, it is held: nobody else sees it.
        assert!(pending(&data, None).is_empty());
    }

    #[test]
    fn the_legacy_file_is_still_offered() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            legacy_file(dir.path()),
            "(source: None, saved_at: 7, dossier: (identity: (name: \"ancien\")))",
        )
        .expect("write");
        let offered = pending(dir.path(), None);
        assert_eq!(offered.len(), 1);
        assert_eq!(offered[0].1.base, None);
        assert_eq!(offered[0].1.dossier.identity.name, "ancien");
    }
}
