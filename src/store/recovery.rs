//! The autosave recovery file: the work in progress, written to the data
//! folder a few seconds after each change, removed after a clean save or
//! close, offered back at the next start after a crash.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{StoreError, write_atomic};
use crate::model::Dossier;

/// What is kept: the dossier and the file it belongs to, if any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The file the work belongs to; `None` for a dossier never saved.
    pub source: Option<PathBuf>,
    /// Unix seconds of the autosave.
    pub saved_at: i64,
    pub dossier: Dossier,
}

pub fn recovery_file(data_dir: &Path) -> PathBuf {
    data_dir.join("recuperation.ron")
}

pub fn write(data_dir: &Path, recovery: &Recovery) -> Result<(), StoreError> {
    let path = recovery_file(data_dir);
    std::fs::create_dir_all(data_dir).map_err(|source| StoreError::Write {
        path: path.clone(),
        source,
    })?;
    let text = ron::ser::to_string_pretty(
        recovery,
        ron::ser::PrettyConfig::new().escape_strings(false),
    )
    .map_err(|e| StoreError::Serialize {
        path: path.clone(),
        reason: e.to_string(),
    })?;
    write_atomic(&path, text.as_bytes(), false)
}

/// The pending recovery, if a previous session left one that can be read.
pub fn read(data_dir: &Path) -> Option<Recovery> {
    let text = std::fs::read_to_string(recovery_file(data_dir)).ok()?;
    ron::Options::default()
        .with_recursion_limit(64)
        .from_str(&text)
        .ok()
}

/// Forgets the recovery file once the work is safely saved or discarded.
pub fn clear(data_dir: &Path) {
    let _ = std::fs::remove_file(recovery_file(data_dir));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_read_clear() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(read(dir.path()).is_none());
        let mut dossier = Dossier::default();
        dossier.identity.name = "Cluster d'essai — « é »".into();
        let r = Recovery {
            source: Some(PathBuf::from("/tmp/x.ron")),
            saved_at: 42,
            dossier,
        };
        write(dir.path(), &r).expect("written");
        assert_eq!(read(dir.path()), Some(r));
        clear(dir.path());
        assert!(read(dir.path()).is_none());
    }
}
