//! Print and export jobs: check, render or export, then write, for both
//! front ends. An output never replaces the dossier it came from, another
//! dossier, or anything that is not a regular file.

use std::path::{Path, PathBuf};

use crate::model::{CallProfile, Dossier, Finding};
use crate::print::{RenderError, RenderOptions};
use crate::store::{self, StoreError};

/// Why an output path was refused; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "« {output} » est le dossier lui-même : il n'a pas été remplacé. Choisissez un autre fichier de sortie ({extension})."
    )]
    IsTheDossier {
        output: PathBuf,
        extension: &'static str,
    },
    #[error(
        "« {output} » est un dossier de candidature (fichier RON) : il n'a pas été remplacé. Choisissez un autre fichier de sortie ({extension})."
    )]
    IsADossier {
        output: PathBuf,
        extension: &'static str,
    },
    #[error("« {output} » est {kind}, pas un fichier ordinaire : rien n'a été écrit.")]
    NotRegular { output: PathBuf, kind: &'static str },
}

/// Why a job did not complete.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error("impression finale refusée : {} point(s) bloquant(s) à régler", .0.len())]
    Blocking(Vec<Finding>),
    #[error("{0}")]
    Render(RenderError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Export(#[from] crate::export::ExportError),
    #[error(transparent)]
    Copy(#[from] super::proofcopy::CopyError),
}

impl From<RenderError> for JobError {
    fn from(e: RenderError) -> Self {
        match e {
            RenderError::Blocking(f) => JobError::Blocking(f),
            other => JobError::Render(other),
        }
    }
}

/// Whether two paths name the same file (through symlinks, `..`, hard links).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        #[cfg(unix)]
        (Ok(ma), Ok(mb)) => {
            use std::os::unix::fs::MetadataExt;
            ma.dev() == mb.dev() && ma.ino() == mb.ino()
        }
        _ => match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(ca), Ok(cb)) => ca == cb,
            _ => false,
        },
    }
}

/// Whether an existing file is a dossier: named `.ron`, or starting like one.
fn looks_like_dossier(path: &Path) -> bool {
    if path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        return true;
    }
    let head = store::read_head(path, 4096).unwrap_or_default();
    let head = String::from_utf8_lossy(&head);
    head.contains("format_version") || head.contains("(cluster-dossier)")
}

/// Refuses an output that is one of the `protected` files (the dossier),
/// an existing dossier, or an existing path that is not a regular file.
pub fn guard_output(
    output: &Path,
    protected: &[&Path],
    extension: &'static str,
) -> Result<(), OutputError> {
    if protected.iter().any(|p| same_file(output, p)) {
        return Err(OutputError::IsTheDossier {
            output: output.to_path_buf(),
            extension,
        });
    }
    let is_ron_name = output
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    match std::fs::metadata(output) {
        Ok(meta) if !meta.is_file() => Err(OutputError::NotRegular {
            output: output.to_path_buf(),
            kind: store::kind_of(&meta),
        }),
        Ok(_) if looks_like_dossier(output) => Err(OutputError::IsADossier {
            output: output.to_path_buf(),
            extension,
        }),
        // A new file named `.ron` would look like a dossier to the user.
        Err(_) if is_ron_name => Err(OutputError::IsADossier {
            output: output.to_path_buf(),
            extension,
        }),
        _ => Ok(()),
    }
}

/// `dossier.pdf` → `dossier-exemplaire-2.pdf`.
pub fn per_copy_path(output: &Path, copy: usize) -> PathBuf {
    let stem = output
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("dossier");
    output.with_file_name(format!("{stem}-exemplaire-{copy}.pdf"))
}

/// The files a print writes: `output`, or one per copy beside it.
fn output_files(output: &Path, count: usize) -> Vec<PathBuf> {
    if count == 1 {
        vec![output.to_path_buf()]
    } else {
        (1..=count).map(|k| per_copy_path(output, k)).collect()
    }
}

/// A finished print.
#[derive(Debug)]
pub struct Printed {
    pub files: Vec<PathBuf>,
    pub pages_per_copy: usize,
    pub copies: u32,
    pub draft: bool,
    /// Characters the font lacks, and where.
    pub warnings: Vec<String>,
}

/// What to print and where.
pub struct PrintJob<'a> {
    pub dossier: &'a Dossier,
    pub profile: &'a CallProfile,
    /// The dossier's file, if saved: attachments are relative to it, and the
    /// output may never replace it.
    pub dossier_path: Option<&'a Path>,
    pub options: RenderOptions,
    pub output: PathBuf,
}

/// Runs the full check (attachments read), renders and writes the PDFs.
pub fn print(job: &PrintJob<'_>) -> Result<Printed, JobError> {
    let protected: Vec<&Path> = job.dossier_path.into_iter().collect();
    // The number of files is known only after rendering (copies); check the
    // single output now and every file before writing.
    guard_output(&job.output, &protected, ".pdf")?;
    let base = super::base_dir(job.dossier_path);
    let (attachments, findings) = super::check::full(job.dossier, job.profile, &base);
    let rendered = crate::print::render_with(
        job.dossier,
        job.profile,
        &findings,
        &job.options,
        &attachments,
    )?;
    let files = output_files(&job.output, rendered.pdfs.len());
    for f in &files {
        guard_output(f, &protected, ".pdf")?;
    }
    for (path, bytes) in files.iter().zip(&rendered.pdfs) {
        store::write_atomic(path, bytes, false)?;
    }
    Ok(Printed {
        files,
        pages_per_copy: rendered.pages_per_copy,
        copies: rendered.copies,
        draft: rendered.draft,
        warnings: rendered.warnings,
    })
}

/// Writes the budget and indicator workbook.
pub fn export_tables(
    dossier: &Dossier,
    profile: &CallProfile,
    dossier_path: Option<&Path>,
    output: &Path,
) -> Result<(), JobError> {
    let protected: Vec<&Path> = dossier_path.into_iter().collect();
    guard_output(output, &protected, ".xlsx")?;
    let bytes = crate::export::tables_xlsx(dossier, profile)?;
    store::write_atomic(output, &bytes, false)?;
    Ok(())
}
