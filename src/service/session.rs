//! Opening and saving dossier files, for both front ends: the profile is
//! resolved on open, every write goes through the dossier's lock, and a
//! save based on a copy that changed on disk is refused.

use std::path::Path;
use std::sync::Arc;

use super::profiles::{self, ProfileError};
use crate::model::{CallProfile, Dossier};
use crate::store::{self, DossierLock, Fingerprint, StoreError};

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
    ChangedOnDisk { path: std::path::PathBuf },
    #[error("« {path} » existe déjà ; il n'a pas été modifié.")]
    Exists { path: std::path::PathBuf },
    #[error(transparent)]
    Name(#[from] store::paths::NameError),
}

/// A dossier read from disk with its call profile.
#[derive(Debug)]
pub struct Opened {
    pub dossier: Dossier,
    pub profile: Arc<CallProfile>,
    /// The file as it was read, to notice later changes by others.
    pub fingerprint: Option<Fingerprint>,
}

/// Reads a dossier and resolves its profile (`explicit`: a profile file the
/// user named, over the one the dossier remembers or its bundled edition).
pub fn open(path: &Path, explicit: Option<&Path>) -> Result<Opened, SessionError> {
    let fingerprint = store::fingerprint(path);
    let dossier = store::load(path)?;
    let profile = profiles::for_dossier(&dossier, &super::base_dir(Some(path)), explicit)?;
    Ok(Opened {
        dossier,
        profile,
        fingerprint,
    })
}

/// Saves under the dossier's lock. With `expected`, refuses if the file is
/// no longer the one that was read (someone else saved it meanwhile);
/// returns the new file's fingerprint.
pub fn save(
    path: &Path,
    dossier: &Dossier,
    expected: Option<Option<Fingerprint>>,
) -> Result<Option<Fingerprint>, SessionError> {
    // A new place (« Enregistrer sous »): a name Windows can hold; the file
    // that was opened keeps saving under its own name.
    if expected.is_none() {
        store::paths::check_file_name(path)?;
    }
    let _lock = DossierLock::acquire(path, store::lock::DEFAULT_WAIT)?;
    if let Some(expected) = expected
        && store::fingerprint(path) != expected
    {
        return Err(SessionError::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
    store::save_locked(path, dossier)?;
    Ok(store::fingerprint(path))
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
