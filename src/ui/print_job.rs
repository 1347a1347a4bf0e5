//! The Impression tab's state: PDF generation off the UI thread, then
//! opening or printing the result with the system's tools.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::{CallProfile, Dossier, Finding};
use crate::service::jobs::{self, JobError, PrintJob, Writer};
use crate::service::pages::RenderOptions;
use crate::service::session::{Fingerprint, fingerprint};

/// What the PDF is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PrintMode {
    /// Marked « BROUILLON » on every page.
    #[default]
    Draft,
    /// To hand in: refused while blocking findings remain.
    Final,
    /// The structure only, to fill by hand.
    Blank,
}

/// The outcome of a generation.
pub enum JobResult {
    Done {
        files: Vec<PathBuf>,
        pages: usize,
        copies: u32,
        draft: bool,
        warnings: Vec<String>,
    },
    Refused(Vec<Finding>),
    Failed(String),
}

/// A PDF the print would replace that this dossier did not write.
#[derive(Clone, Debug)]
pub struct Replace {
    pub path: PathBuf,
    pub writer: Writer,
}

/// The question asked before replacing such files, and what it was asked
/// for (a change of the path or of the per-copy choice drops it).
#[derive(Clone, Debug)]
pub struct Confirm {
    pub files: Vec<Replace>,
    pub output: String,
    pub per_copy: bool,
}

/// The Impression tab's state. Everything here belongs to the open
/// dossier: [`PrintPanel::reset`] forgets it when the dossier is replaced.
#[derive(Default)]
pub struct PrintPanel {
    /// The PDF path; it follows [`Self::output_default`] (beside the
    /// dossier, named after it) until she edits it.
    pub output: String,
    pub output_default: String,
    pub mode: PrintMode,
    /// Whether the user picked the mode; until then it follows the dossier
    /// (final when nothing blocks, draft otherwise).
    pub mode_chosen: bool,
    pub per_copy: bool,
    pub last: Option<JobResult>,
    pub message: Option<String>,
    /// The file the system could not open, offered to copy.
    pub unopened: Option<PathBuf>,
    /// Where the budget and indicator workbook goes (following its default
    /// like the PDF), and the last outcome.
    pub xlsx: String,
    pub xlsx_default: String,
    pub xlsx_message: Option<(String, bool)>,
    /// Asked before replacing a PDF this dossier did not write.
    pub confirm: Option<Confirm>,
    /// The files this dossier's prints wrote in this session, as written
    /// (a dossier never saved has no mark in its PDFs).
    written: Vec<(PathBuf, Option<Fingerprint>)>,
}

impl PrintPanel {
    /// Forgets everything that belonged to the previous dossier: its paths
    /// (the next frame fills the new dossier's defaults), results, question
    /// and the files it wrote (its running jobs go with
    /// `Jobs::forget_dossier`).
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// The render options chosen on the panel.
    pub fn options(&self) -> RenderOptions {
        RenderOptions {
            copies: None,
            mode: match self.mode {
                PrintMode::Draft => crate::service::pages::PrintMode::Draft,
                PrintMode::Final => crate::service::pages::PrintMode::Final,
                PrintMode::Blank => crate::service::pages::PrintMode::Blank,
            },
            per_copy: self.per_copy,
        }
    }

    /// Whether this panel wrote `path` and nobody changed it since.
    fn wrote(&self, path: &Path) -> bool {
        let now = fingerprint(path);
        self.written.iter().any(|(p, f)| p == path && *f == now)
    }

    /// « Générer le PDF »: the files are checked at once (a refusal is
    /// shown, nothing written); an existing PDF this dossier did not write
    /// is asked about first. Returns the PDF to write when the job may start.
    pub fn generate(
        &mut self,
        dossier: &Dossier,
        profile: &Arc<CallProfile>,
        dossier_path: Option<&Path>,
    ) -> Option<PathBuf> {
        self.confirm = None;
        self.message = None;
        self.unopened = None;
        let output = PathBuf::from(self.output.trim());
        if output.as_os_str().is_empty() {
            self.last = Some(JobResult::Failed(
                "indiquez le fichier PDF à écrire".to_string(),
            ));
            return None;
        }
        let job = PrintJob {
            dossier,
            profile,
            dossier_path,
            profile_file: None,
            options: self.options(),
            output: output.clone(),
        };
        let files = match job.check_outputs() {
            Ok(files) => files,
            Err(e) => {
                self.last = Some(JobResult::Failed(e.to_string()));
                return None;
            }
        };
        let foreign: Vec<Replace> = files
            .into_iter()
            .filter(|f| f.exists() && !self.wrote(f))
            .map(|path| Replace {
                writer: jobs::written_by(&path),
                path,
            })
            .filter(|r| !r.writer.is(dossier_path))
            .collect();
        if foreign.is_empty() {
            self.last = None;
            return Some(output);
        }
        self.last = None;
        self.confirm = Some(Confirm {
            files: foreign,
            output: self.output.clone(),
            per_copy: self.per_copy,
        });
        None
    }

    /// « Remplacer »: she confirmed; returns the PDF to write.
    pub fn confirmed(&mut self) -> Option<PathBuf> {
        self.confirm.take()?;
        self.last = None;
        Some(PathBuf::from(self.output.trim()))
    }

    /// Drops the question when what it was about changed.
    pub fn forget_stale_question(&mut self) {
        if self
            .confirm
            .as_ref()
            .is_some_and(|c| c.output != self.output || c.per_copy != self.per_copy)
        {
            self.confirm = None;
        }
    }

    /// Renders the PDF: run off the UI thread by the app's job (the full
    /// check, attachments read, runs there too).
    pub fn render(
        dossier: &Dossier,
        profile: &Arc<CallProfile>,
        dossier_path: Option<&Path>,
        options: RenderOptions,
        output: PathBuf,
    ) -> JobResult {
        let job = PrintJob {
            dossier,
            profile,
            dossier_path,
            profile_file: None,
            options,
            output,
        };
        match jobs::print(&job) {
            Ok(p) => JobResult::Done {
                files: p.files,
                pages: p.pages_per_copy,
                copies: p.copies,
                draft: p.draft,
                warnings: p.warnings,
            },
            Err(JobError::Blocking(f)) => JobResult::Refused(f),
            Err(e) => JobResult::Failed(crate::service::describe_error(&e)),
        }
    }

    /// A finished generation: shown, and its files remembered as this
    /// dossier's own.
    pub fn finished(&mut self, result: JobResult) {
        if let JobResult::Done { files, .. } = &result {
            for f in files {
                self.written.retain(|(p, _)| p != f);
                self.written.push((f.clone(), fingerprint(f)));
            }
        }
        self.last = Some(result);
    }
}

impl crate::ui::app::DossierApp {
    /// « Enregistrer sous » goes to the dossier's own file or a new one,
    /// never over what it reads nor any other file (the core's rule,
    /// [`jobs::check_save_as`]); a refusal is shown and nothing written.
    pub(crate) fn may_save_as(&mut self, path: &Path) -> bool {
        let current = self.document.path.as_deref();
        match jobs::check_save_as(
            &self.document.dossier,
            &self.document.profile,
            current,
            path,
        ) {
            Ok(()) => true,
            Err(e) => {
                self.view.status = format!("Échec de l'enregistrement : {e}");
                self.view.status_is_error = true;
                self.view.dialog = Some(crate::ui::app::Dialog::Error(e.to_string()));
                false
            }
        }
    }
}

/// Why the system could not open or print the PDF; each message says
/// what to do instead.
#[derive(Debug, thiserror::Error)]
pub enum SystemError {
    #[error(
        "Impossible d'ouvrir le PDF ({}) : ouvrez « {} » avec votre lecteur de PDF.",
        crate::service::french_io(.source),
        .path.display()
    )]
    Open {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "Sous Windows, ouvrez « {} » et utilisez la commande Imprimer du lecteur de PDF.",
        .0.display()
    )]
    PrintOnWindows(PathBuf),
    #[error("L'impression a échoué : {0}. Ouvrez le PDF et imprimez-le depuis votre lecteur.")]
    PrintFailed(String),
    #[error(
        "Aucune commande d'impression (lp) sur ce système : ouvrez « {} » et imprimez-le depuis votre lecteur de PDF.",
        .path.display()
    )]
    NoPrintCommand {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Opens a file with the system's viewer (the `open` crate tries xdg-open,
/// gio and kde-open on Linux and waits for the opener's verdict, so a
/// failure is reported rather than announced as a success).
pub fn open_with_system(path: &Path) -> Result<(), SystemError> {
    open::that(path).map_err(|source| SystemError::Open {
        path: path.to_path_buf(),
        source,
    })
}

/// Sends a file to the default printer with `lp` (Linux, macOS). The PDF
/// already holds every copy in sequence, so it is printed once.
pub fn print_with_system(path: &Path) -> Result<String, SystemError> {
    if cfg!(target_os = "windows") {
        return Err(SystemError::PrintOnWindows(path.to_path_buf()));
    }
    match std::process::Command::new("lp").arg(path).output() {
        Ok(out) if out.status.success() => Ok(format!(
            "Envoyé à l'imprimante : {}",
            String::from_utf8_lossy(&out.stdout).trim()
        )),
        Ok(out) => Err(SystemError::PrintFailed(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        )),
        Err(source) => Err(SystemError::NoPrintCommand {
            path: path.to_path_buf(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use crate::service::recovery::{Choice, Recoveries};
    use crate::ui::app::{Answer, Command, DossierApp};
    use crate::ui::tabs::print::default_output;

    /// « Restaurer » replaces the dossier like opening one: the paths typed
    /// for the previous dossier are forgotten (the next frame fills the
    /// restored dossier's own, as `tests/outputs_wizard.rs` shows for open).
    #[test]
    fn restoring_work_forgets_the_previous_dossiers_outputs() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = crate::example_dossier().expect("example");
        let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
        crate::store::save(&a, &d).expect("a");
        crate::store::save(&b, &d).expect("b");
        let dirs = crate::store::settings::AppDirs {
            config: dir.path().join("c"),
            data: dir.path().join("d"),
        };
        // A session on b was killed after an autosave.
        let mut crashed = Recoveries::new(Some(dirs.data.clone()));
        crashed.autosave(Some(&b), None, &d).expect("autosaved");
        drop(crashed);
        let mut app = DossierApp::new(Some(dirs));
        app.open_path(&a);
        app.view.print_panel.output = dir.path().join("a-moi.pdf").display().to_string();
        app.view.print_panel.xlsx = dir.path().join("a-moi.xlsx").display().to_string();
        app.view.print_panel.per_copy = true;
        app.apply(Command::AnswerRecovery(Answer::Choose(Choice::Recovered)));
        let b = crate::store::recovery::key(&b);
        assert_eq!(app.document.path.as_deref(), Some(b.as_path()));
        let panel = &app.view.print_panel;
        assert!(panel.output.is_empty() && panel.xlsx.is_empty() && !panel.per_copy);
        assert!(panel.confirm.is_none() && panel.last.is_none());
    }

    #[test]
    fn an_unsaved_dossier_is_named_after_its_acronym() {
        let beside = default_output(Some(std::path::Path::new("/d/acme.ron")), "X", "pdf");
        assert_eq!(beside, std::path::Path::new("/d/acme.pdf"));
        let named = default_output(None, " Agro/Sud 2 ", "xlsx");
        assert!(named.ends_with("agro-sud-2.xlsx"), "{}", named.display());
        assert!(default_output(None, " / ", "pdf").ends_with("dossier-cluster.pdf"));
    }
}
