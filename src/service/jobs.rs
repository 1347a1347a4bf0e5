//! Print and export jobs: check, render or export, then write, for both
//! front ends. Every output goes through [`guard_output`] first (the rule
//! is in [`guard`]); a PDF names the dossier that wrote it ([`mark`]).

mod guard;
mod mark;

use std::path::{Path, PathBuf};

pub use guard::{Input, Output, OutputError, Protected, Role, guard_output, inputs};
pub use mark::{Writer, source_mark, written_by};

use crate::model::{CallProfile, Dossier, Finding};
use crate::print::{RenderError, RenderOptions};
use crate::store::{self, StoreError};

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
    /// The dossier's file, if saved: attachments are relative to it, the
    /// output may never replace it, and the PDF names it ([`source_mark`]).
    pub dossier_path: Option<&'a Path>,
    /// The profile file named explicitly (`--appel`): read, so protected.
    pub profile_file: Option<&'a Path>,
    pub options: RenderOptions,
    pub output: PathBuf,
}

impl PrintJob<'_> {
    /// The files this job will write: the output, or one per copy beside
    /// it (`dossier-exemplaire-2.pdf`).
    pub fn files(&self) -> Vec<PathBuf> {
        if !self.options.per_copy {
            return vec![self.output.clone()];
        }
        // The count as the renderer takes it; an invalid one is refused by
        // the renderer before anything is written.
        let copies = crate::print::copies_and_draft(self.dossier, self.profile, &[], &self.options)
            .map_or(1, |(c, _)| c);
        output_files(&self.output, copies as usize)
    }

    /// What the job may not write over.
    pub fn protected(&self) -> Protected {
        Protected::of(
            self.dossier,
            self.profile,
            self.dossier_path,
            self.profile_file,
        )
    }

    /// Checks every file the job will write, before any work.
    pub fn check_outputs(&self) -> Result<Vec<PathBuf>, OutputError> {
        let protected = self.protected();
        let files = self.files();
        for f in std::iter::once(&self.output).chain(&files) {
            guard_output(f, &protected, Output::Document(".pdf"))?;
        }
        Ok(files)
    }
}

/// Runs the full check (attachments read), renders and writes the PDFs.
pub fn print(job: &PrintJob<'_>) -> Result<Printed, JobError> {
    job.check_outputs()?;
    let base = super::base_dir(job.dossier_path);
    let (attachments, findings) = super::check::full(job.dossier, job.profile, &base);
    let mark = job.dossier_path.map(source_mark);
    let rendered = crate::print::render_marked(
        job.dossier,
        job.profile,
        &findings,
        &job.options,
        &attachments,
        mark.as_deref(),
    )?;
    // The files as rendered (checked again: the count comes from the render).
    let files = output_files(&job.output, rendered.pdfs.len());
    let protected = job.protected();
    for f in &files {
        guard_output(f, &protected, Output::Document(".pdf"))?;
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

/// Writes the budget and indicator workbook (`profile_file`: the profile
/// named explicitly, protected like the dossier's own).
pub fn export_tables(
    dossier: &Dossier,
    profile: &CallProfile,
    dossier_path: Option<&Path>,
    profile_file: Option<&Path>,
    output: &Path,
) -> Result<(), JobError> {
    let protected = Protected::of(dossier, profile, dossier_path, profile_file);
    guard_output(output, &protected, Output::Document(".xlsx"))?;
    let bytes = crate::export::tables_xlsx(dossier, profile)?;
    store::write_atomic(output, &bytes, false)?;
    Ok(())
}

/// Checks a new file (a new dossier, a profile written as a starting
/// point) against what the command reads: it must not exist yet, and the
/// refusal says what the existing file is.
pub fn check_new_file(output: &Path, protected: &Protected) -> Result<(), OutputError> {
    guard_output(output, protected, Output::NewFile)
}

/// Checks « Enregistrer sous » : the dossier may go to its own file or to a
/// new one, never over its attachments, its profile, its companions,
/// another dossier or any other existing file.
pub fn check_save_as(
    dossier: &Dossier,
    profile: &CallProfile,
    dossier_path: Option<&Path>,
    output: &Path,
) -> Result<(), OutputError> {
    let protected = Protected::of(dossier, profile, dossier_path, None);
    guard_output(output, &protected, Output::DossierCopy)
}
