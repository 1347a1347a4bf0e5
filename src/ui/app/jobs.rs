//! The app's background jobs (see [`crate::ui::job`]): the commands of the
//! print tab and the file dialogs start them once the frame is drawn, and
//! each frame collects what ended. Drawing code never writes a file nor
//! waits for one: it pushes a [`Command`].

use std::path::PathBuf;

use super::DossierApp;
use super::dialogs::Pick;
use crate::service;
use crate::ui::job::Job;
use crate::ui::picker::{self, Answer};
use crate::ui::print_job::{self, JobResult, PrintPanel};

/// A file handed to the system's viewer or printer, and for which panel.
pub(crate) struct Handed {
    file: PathBuf,
    copy: bool,
    result: Result<String, String>,
}

/// The jobs the app runs; `None` when idle.
#[derive(Default)]
pub struct Jobs {
    /// The system's file dialog of « Ouvrir », « Enregistrer sous » and
    /// the profile dialogs.
    pub(crate) pick: Option<(Pick, Job<Answer>)>,
    /// « Générer le PDF ».
    pub(crate) pdf: Option<Job<JobResult>>,
    /// « Exporter les tableaux »: the workbook written, or why not.
    pub(crate) tables: Option<Job<Result<PathBuf, String>>>,
    /// « Copie de relecture »: the copy written, or why not.
    pub(crate) copy: Option<Job<Result<PathBuf, String>>>,
    /// « Ouvrir le PDF », « Imprimer », « Ouvrir la copie ».
    pub(crate) system: Option<Job<Handed>>,
}

impl Jobs {
    /// Drops the jobs of the dossier being replaced: their results belong
    /// to it (a job already writing finishes; nothing is shown).
    pub(crate) fn forget_dossier(&mut self) {
        self.pdf = None;
        self.tables = None;
        self.copy = None;
        self.system = None;
    }
}

impl DossierApp {
    /// Whether the PDF is being generated.
    pub(crate) fn printing(&self) -> bool {
        self.runtime.jobs.pdf.is_some()
    }

    /// Starts the system's file dialog for `pick`; its answer comes back as
    /// the commands the dialog's own buttons push.
    pub(crate) fn browse(&mut self, pick: Pick) {
        let (request, mode) = super::dialogs::pick_request(pick);
        let job = picker::ask(&self.runtime.ctx, request, mode);
        self.runtime.jobs.pick = Some((pick, job));
    }

    /// « Générer le PDF », once the frame is drawn: a refusal or the
    /// question about replacing files is shown at once, else the job starts.
    pub(crate) fn generate_pdf(&mut self, confirmed: bool) {
        let d = &self.document;
        let panel = &mut self.view.print_panel;
        let output = if confirmed {
            panel.confirmed()
        } else {
            panel.generate(&d.dossier, &d.profile, d.path.as_deref())
        };
        let Some(output) = output else { return };
        let (dossier, profile) = (d.dossier.clone(), d.profile.clone());
        let (path, options) = (d.path.clone(), panel.options());
        self.runtime.jobs.pdf = Some(Job::spawn(
            &self.runtime.ctx,
            "la génération du PDF",
            move |_| PrintPanel::render(&dossier, &profile, path.as_deref(), options, output),
        ));
    }

    /// « Exporter les tableaux »: the workbook, written by the core off the
    /// UI thread.
    pub(crate) fn export_tables(&mut self) {
        let path = PathBuf::from(self.view.print_panel.xlsx.trim());
        let d = &self.document;
        let (dossier, profile, file) = (d.dossier.clone(), d.profile.clone(), d.path.clone());
        self.runtime.jobs.tables = Some(Job::spawn(
            &self.runtime.ctx,
            "l'écriture du classeur",
            move |_| {
                service::jobs::export_tables(&dossier, &profile, file.as_deref(), None, &path)
                    .map(|()| path)
                    .map_err(|e| service::describe_error(&e))
            },
        ));
    }

    /// « Copie de relecture »: the copy, written by the core off the UI
    /// thread (it never replaces a corrected copy).
    pub(crate) fn write_proof_copy(&mut self) {
        let output = PathBuf::from(self.view.copy_panel.output.trim());
        let d = &self.document;
        let (dossier, profile, file) = (d.dossier.clone(), d.profile.clone(), d.path.clone());
        self.runtime.jobs.copy = Some(Job::spawn(
            &self.runtime.ctx,
            "l'écriture de la copie de relecture",
            move |_| {
                let today = service::proofcopy::today(&profile);
                service::proofcopy::write(&dossier, &profile, file.as_deref(), &output, today)
                    .map(|()| output)
                    .map_err(|e| service::describe_error(&e))
            },
        ));
    }

    /// Hands `file` to the system's viewer (or printer, `print`); `copy`:
    /// the proofreading copy's panel reports it.
    pub(crate) fn hand_to_system(&mut self, file: PathBuf, print: bool, copy: bool) {
        self.runtime.jobs.system = Some(Job::spawn(
            &self.runtime.ctx,
            "l'ouverture du fichier",
            move |_| {
                let result = if print {
                    print_job::print_with_system(&file)
                } else if copy {
                    print_job::open_with_system(&file)
                        .map(|()| format!("Copie ouverte : {}", file.display()))
                } else {
                    print_job::open_with_system(&file).map(|()| "PDF ouvert".to_string())
                };
                Handed {
                    file,
                    copy,
                    result: result.map_err(|e| e.to_string()),
                }
            },
        ));
    }

    /// Collects the jobs that ended since the last frame; never waits.
    pub(crate) fn collect_jobs(&mut self) {
        let jobs = &mut self.runtime.jobs;
        if let Some((pick, job)) = &jobs.pick
            && let Some(answer) = job.try_take()
        {
            let commands = super::dialogs::picked(*pick, answer);
            jobs.pick = None;
            self.runtime.commands.extend(commands);
        }
        if let Some(r) = take(&mut jobs.pdf) {
            let r = r.unwrap_or_else(|e| JobResult::Failed(e.to_string()));
            self.view.print_panel.finished(r);
        }
        if let Some(r) = take(&mut jobs.tables) {
            self.view.print_panel.xlsx_message =
                Some(match r.map_err(|e| e.to_string()).and_then(|r| r) {
                    Ok(path) => (format!("Tableaux exportés : {}", path.display()), false),
                    Err(e) => (e, true),
                });
        }
        if let Some(r) = take(&mut jobs.copy) {
            let panel = &mut self.view.copy_panel;
            let r = r.map_err(|e| e.to_string()).and_then(|r| r);
            panel.written = r.as_ref().ok().cloned();
            panel.message = Some(match r {
                Ok(output) => (
                    format!("Copie de relecture écrite : {}", output.display()),
                    false,
                ),
                Err(e) => (e, true),
            });
        }
        match take(&mut jobs.system) {
            None => {}
            Some(Err(e)) => {
                self.view.print_panel.unopened = None;
                self.view.print_panel.message = Some(e.to_string());
            }
            Some(Ok(handed)) if handed.copy => {
                self.view.copy_panel.message = Some(match handed.result {
                    Ok(m) => (m, false),
                    Err(e) => (e, true),
                });
            }
            Some(Ok(handed)) => {
                let panel = &mut self.view.print_panel;
                panel.unopened = handed.result.is_err().then_some(handed.file);
                panel.message = Some(handed.result.unwrap_or_else(|e| e));
            }
        }
    }
}

/// The result of a job that ended, once; the slot is then free.
fn take<T>(slot: &mut Option<Job<T>>) -> Option<Result<T, crate::ui::job::JobError>> {
    let result = slot.as_ref()?.try_take()?;
    *slot = None;
    Some(result)
}
