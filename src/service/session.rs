//! Opening and saving dossier files, for both front ends: the profile is
//! resolved on open, every write goes through the dossier's lock, and a
//! save based on a copy that changed on disk is refused.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::profiles::{self, ProfileError};
use crate::model::{CallProfile, Dossier};
use crate::store::{self, ContentId, DossierLock, Keep, StoreError};
pub use crate::store::{Fingerprint, fingerprint};

/// Why a dossier could not be opened or saved.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(
        "« {path} » a été modifié sur le disque depuis son ouverture (un autre programme ou une autre fenêtre l'a enregistré). Rien n'a été écrit."
    )]
    ChangedOnDisk { path: PathBuf },
    #[error("« {path} » existe déjà ; il n'a pas été modifié.")]
    Exists { path: PathBuf },
    #[error(transparent)]
    Name(#[from] store::paths::NameError),
}

/// What an editing session knows of the file its dossier belongs to: the
/// version its edits started from (to notice another writer, and as the
/// base its autosaves record), and whether it saved the file already.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Base {
    /// The file as this session last read or wrote it; `None`: no file.
    pub fingerprint: Option<Fingerprint>,
    /// Its content then.
    pub content: Option<ContentId>,
    /// This session saved the file already: the version from before its
    /// first save is kept (`NAME.session.bak`) and stays so.
    pub saved_once: bool,
}

/// A dossier read from disk with its call profile.
#[derive(Debug)]
pub struct Opened {
    pub dossier: Dossier,
    pub profile: Arc<CallProfile>,
    /// The file as it was read, to notice later changes by others.
    pub fingerprint: Option<Fingerprint>,
    /// The version read: what a session editing it starts from.
    pub base: Base,
}

/// Reads a dossier and resolves its profile (`explicit`: a profile file the
/// user named, over the one the dossier remembers or its bundled edition).
pub fn open(path: &Path, explicit: Option<&Path>) -> Result<Opened, SessionError> {
    let (dossier, content, fingerprint) = store::load_versioned(path)?;
    let profile = profiles::for_dossier(&dossier, &super::base_dir(Some(path)), explicit)?;
    Ok(Opened {
        dossier,
        profile,
        fingerprint,
        base: Base {
            fingerprint,
            content: Some(content),
            saved_once: false,
        },
    })
}

/// What a save may write over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Only the version the session's base describes (or no file, if the
    /// base has none): anything else was saved by someone else meanwhile.
    Unchanged,
    /// Whatever is there: she confirmed « Écraser ». The previous version
    /// still goes to the backups.
    Overwrite,
    /// A place she chose in « Enregistrer sous »: a name Windows can hold,
    /// written over whatever is there (the previous version goes to the
    /// backups).
    NewPlace,
}

/// Whether the file at `path` is still the version `base` describes (the
/// same content counts, even if another program touched the file).
pub fn unchanged_since(path: &Path, base: &Base) -> bool {
    let now = store::fingerprint(path);
    now == base.fingerprint
        || (now.is_some() && base.content.is_some() && ContentId::of_file(path) == base.content)
}

/// Saves under the dossier's lock, updating `base` to the version written.
/// With [`Check::Unchanged`], refuses if the file is no longer the base
/// (someone else saved it meanwhile). The session's first save of a file
/// also keeps the version from before it (`NAME.session.bak`).
pub fn save(
    path: &Path,
    dossier: &Dossier,
    base: &mut Base,
    check: Check,
) -> Result<(), SessionError> {
    // A new place (« Enregistrer sous »): a name Windows can hold; the file
    // that was opened keeps saving under its own name.
    if check == Check::NewPlace {
        store::paths::check_file_name(path)?;
    }
    let _lock = DossierLock::acquire(path, store::lock::DEFAULT_WAIT)?;
    if check == Check::Unchanged && !unchanged_since(path, base) {
        return Err(SessionError::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
    let keep = Keep {
        backup: true,
        session_copy: !base.saved_once,
    };
    let content = store::save_locked_with(path, dossier, keep)?;
    *base = Base {
        fingerprint: store::fingerprint(path),
        content: Some(content),
        saved_once: true,
    };
    Ok(())
}

/// Creates a new dossier file; never replaces an existing file.
pub fn create(path: &Path, dossier: &Dossier) -> Result<(), SessionError> {
    store::paths::check_file_name(path)?;
    let _lock = DossierLock::acquire(path, store::lock::DEFAULT_WAIT)?;
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(SessionError::Exists {
            path: path.to_path_buf(),
        });
    }
    store::save_locked(path, dossier)?;
    Ok(())
}

impl SessionError {
    /// The dossier is too large to reopen: saving it elsewhere would not help.
    pub fn is_too_large(&self) -> bool {
        matches!(
            self,
            SessionError::Store(
                StoreError::TooLargeToSave { .. } | StoreError::TooManyToSave { .. }
            )
        )
    }
}

/// The open dossier's file as seen now, against the version the session
/// started from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiskState {
    /// As the session last read or wrote it.
    Same,
    /// Another program holds its lock (an import running): who.
    HeldBy(String),
    /// Saved by someone else since.
    Changed,
    /// No longer on disk.
    Missing,
}

/// Cheap (two metadata reads): the wizard looks every few seconds.
pub fn disk_state(path: &Path, base: &Base) -> DiskState {
    if let Some(holder) = store::lock::held_by_other(path) {
        DiskState::HeldBy(holder)
    } else if !path.exists() {
        DiskState::Missing
    } else if store::fingerprint(path) != base.fingerprint {
        DiskState::Changed
    } else {
        DiskState::Same
    }
}
