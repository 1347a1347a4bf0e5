//! The proofreading copy job (« Copie de relecture »), for both front ends:
//! the written sections as a `.docx` ([`crate::proofcopy`]), written
//! atomically through the outputs' guard ([`super::jobs::guard_output`]).
//!
//! What it may write over: a new file, or a copy it wrote itself that
//! nobody saved since ([`stamp`]). Never the dossier, its profile, an
//! attachment, a printed PDF, nor a copy the board corrected: the output
//! must be named `.docx`, and an existing file must be an unchanged copy.

use std::path::{Path, PathBuf};

use super::jobs::{JobError, Output, Protected, guard_output};
use crate::model::{CallProfile, Date, Dossier};
use crate::proofcopy::stamp::{self, Existing};
use crate::proofcopy::{self, CopyFacts, ProofcopyError};
use crate::store;

/// Why the copy was not written; nothing was.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error(
        "« {} » : la copie de relecture est un document Word, son nom doit finir par « .docx » ; rien n'a été écrit.",
        .0.display()
    )]
    NotDocx(PathBuf),
    #[error(
        "« {} » est une copie de relecture modifiée depuis qu'elle a été écrite (corrections du Président ou du Conseil ?) : elle n'a pas été remplacée. Enregistrez la nouvelle copie sous un autre nom.",
        .0.display()
    )]
    Edited(PathBuf),
    #[error(
        "« {} » existe et n'est pas une copie de relecture écrite par Dossier Cluster : il n'a pas été remplacé. Choisissez un autre nom.",
        .0.display()
    )]
    Foreign(PathBuf),
    #[error(transparent)]
    Build(#[from] ProofcopyError),
}

/// A copy is a few hundred kilobytes; a larger existing file is not one.
const MAX_EXISTING: u64 = 32 * 1024 * 1024;

/// The copy's usual place: beside the dossier, named after it
/// (`mon-cluster.ron` → `mon-cluster-relecture.docx`).
pub fn default_path(dossier_path: &Path) -> PathBuf {
    let stem = dossier_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dossier".to_string());
    dossier_path.with_file_name(format!("{stem}-relecture.docx"))
}

/// Today's date where the call is held (the deadline's UTC offset), from
/// the system clock; `None` if the clock cannot be read.
pub fn today(profile: &CallProfile) -> Option<Date> {
    let offset = i64::from(profile.deadline.utc_offset_minutes) * 60;
    let now = crate::now_unix()?;
    Date::from_days_since_epoch((now + offset).div_euclid(86_400))
}

/// Builds the copy and writes it to `output`, dated `date`.
pub fn write(
    dossier: &Dossier,
    profile: &CallProfile,
    dossier_path: Option<&Path>,
    output: &Path,
    date: Option<Date>,
) -> Result<(), JobError> {
    let is_docx = output
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if !is_docx {
        return Err(CopyError::NotDocx(output.to_path_buf()).into());
    }
    let protected = Protected::of(dossier, profile, dossier_path, None);
    guard_output(output, &protected, Output::Document(".docx"))?;
    check_existing(output)?;
    let facts = CopyFacts {
        date,
        source: dossier_path
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned()),
    };
    let bytes = proofcopy::docx(dossier, profile, &facts).map_err(CopyError::from)?;
    store::write_atomic(output, &bytes, false)?;
    Ok(())
}

/// An existing output must be a copy nobody saved since it was written.
fn check_existing(output: &Path) -> Result<(), CopyError> {
    let Ok(meta) = std::fs::metadata(output) else {
        return Ok(());
    };
    let foreign = || CopyError::Foreign(output.to_path_buf());
    if meta.len() > MAX_EXISTING {
        return Err(foreign());
    }
    let bytes = std::fs::read(output).map_err(|_| foreign())?;
    match stamp::examine(&bytes) {
        Existing::Unchanged => Ok(()),
        Existing::Edited => Err(CopyError::Edited(output.to_path_buf())),
        Existing::Foreign => Err(foreign()),
    }
}
