//! What menus, shortcuts, dialogs and tabs ask for, applied in order once
//! the frame is drawn (as `RowOp` does for rows): no file is saved, opened
//! or replaced from inside drawing code.

use std::path::{Path, PathBuf};

use super::dialogs::NO_FILE_CHOSEN;
use super::{Dialog, DossierApp, Pending, Tab};
use crate::service;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Runs the action, asking first about unsaved changes.
    Request(Pending),
    /// Runs the action if the save just asked for succeeded.
    PerformIfSaved(Pending),
    /// Drops the unsaved changes (and their recovery copy), then runs the action.
    Discard(Pending),
    Save,
    AskSaveAs,
    SaveTo(PathBuf),
    /// Saves over a file that changed on disk, as the user confirmed.
    Overwrite,
    OpenPath(PathBuf),
    /// The native dialog closed without a file.
    NoFileChosen,
    /// The native dialog could not open: a path field and why.
    PickUnavailable(super::dialogs::Pick),
    Undo,
    Redo,
    GoTo(Tab),
    CloseDialog,
    /// Her answer to the recovered work shown.
    AnswerRecovery(super::restore::Answer),
    /// « Profil de l'appel… »: the profile file chosen (the native dialog
    /// runs on a worker, see [`Command::Browse`]).
    UseProfile(PathBuf),
    /// « Nouvelle édition à partir de ce dossier… »: the new profile.
    NewEdition(PathBuf),
    /// « Parcourir… » of a dialog or menu: the system's file dialog, on a
    /// worker; its answer comes back as commands.
    Browse(super::dialogs::Pick),
    /// « Générer le PDF » (the job starts unless refused or asked about).
    GeneratePdf,
    /// « Remplacer »: the PDF's files may be replaced; the job starts.
    ReplacePdf,
    /// « Ouvrir le PDF », « Imprimer »: the system's viewer or printer.
    OpenPdf(PathBuf),
    PrintPdf(PathBuf),
    /// « Exporter les tableaux ».
    ExportTables,
    /// « Copie de relecture », and « Ouvrir la copie ».
    WriteProofCopy,
    OpenProofCopy(PathBuf),
}

impl DossierApp {
    /// Applies the commands queued during the frame, in order.
    pub(super) fn apply_commands(&mut self) {
        for command in std::mem::take(&mut self.runtime.commands) {
            self.apply(command);
        }
    }

    /// Applies one command now (the tests use it to act as the menus do).
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Request(action) => self.request(action),
            Command::PerformIfSaved(action) => {
                if !self.document.dirty {
                    self.perform(action);
                }
            }
            Command::Discard(action) => {
                self.document.dirty = false;
                // Discarded work must not come back after a crash.
                self.clear_recovery();
                self.perform(action);
            }
            Command::Save => self.save(),
            Command::AskSaveAs => {
                let text = self
                    .document
                    .path
                    .as_ref()
                    .map_or_else(|| self.suggested_path(), |p| p.display().to_string());
                self.view.dialog = Some(Dialog::SaveAsPath { text });
            }
            Command::SaveTo(p) => {
                self.save_to(&p);
            }
            Command::Overwrite => {
                if let Some(p) = self.document.path.clone() {
                    self.save_to(&p);
                }
            }
            Command::OpenPath(p) => self.open_path(&p),
            Command::NoFileChosen => self.view.dialog_note = Some(NO_FILE_CHOSEN.into()),
            Command::PickUnavailable(pick) => {
                use super::dialogs::Pick;
                if matches!(pick, Pick::Profile | Pick::NewEdition)
                    && !matches!(self.view.dialog, Some(Dialog::ProfilePath { .. }))
                {
                    self.view.dialog = Some(Dialog::ProfilePath {
                        text: String::new(),
                        edition: pick == Pick::NewEdition,
                    });
                }
                self.view.dialog_note = Some(crate::ui::picker::UNAVAILABLE.into());
            }
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::GoTo(tab) => self.view.tab = tab,
            Command::CloseDialog => {
                if matches!(self.view.dialog, Some(Dialog::Recovery)) {
                    // Dismissed: every work shown stays pending, for later.
                    for offer in std::mem::take(&mut self.runtime.offers) {
                        self.runtime.recoveries.postpone(offer);
                    }
                }
                self.view.dialog = None;
                self.view.dialog_note = None;
            }
            Command::AnswerRecovery(answer) => self.answer_offer(answer),
            Command::UseProfile(p) => self.use_profile(&p),
            Command::NewEdition(p) => self.new_edition(&p),
            Command::Browse(pick) => self.browse(pick),
            Command::GeneratePdf => self.generate_pdf(false),
            Command::ReplacePdf => self.generate_pdf(true),
            Command::OpenPdf(file) => self.hand_to_system(file, false, false),
            Command::PrintPdf(file) => self.hand_to_system(file, true, false),
            Command::ExportTables => self.export_tables(),
            Command::WriteProofCopy => self.write_proof_copy(),
            Command::OpenProofCopy(file) => self.hand_to_system(file, false, true),
        }
    }

    /// Checks the dossier against the profile in `file` and remembers it in
    /// the dossier (relative to the dossier's folder when it can), as one
    /// undoable edit.
    pub fn use_profile(&mut self, file: &Path) {
        let profile = match service::profiles::from_file(file) {
            Ok(p) => p,
            Err(e) => {
                self.view.dialog = Some(Dialog::Error(e.to_string()));
                return;
            }
        };
        let remembered =
            service::profiles::remembered_path_for(self.document.path.as_deref(), file);
        self.document.profile = profile;
        self.document.dossier.call_profile = Some(remembered);
        self.record_edit("call_profile");
        // The verdicts change with the profile even if the dossier did not.
        self.recheck();
        self.view.status = format!(
            "Profil de l'appel {} : {}",
            self.document.profile.edition,
            file.display()
        );
        self.view.status_is_error = false;
    }

    /// Replaces the dossier with a new, untitled one for the profile in
    /// `file`, carrying over what describes the cluster, and lists what
    /// could not be carried.
    pub fn new_edition(&mut self, file: &Path) {
        // Not saved yet: the profile path is absolute until its first save.
        let next = match service::edition::start(&self.document.dossier, file, None) {
            Ok(next) => next,
            Err(e) => {
                self.view.dialog = Some(Dialog::Error(e.to_string()));
                return;
            }
        };
        self.clear_recovery();
        let edition = next.profile.edition.clone();
        let lines = std::iter::once(next.headline())
            .chain(next.not_carried_lines())
            .collect();
        self.replace(next.dossier, next.profile, None);
        // A new, unsaved dossier: the saved state is an empty one.
        self.document.saved = Default::default();
        self.document.dirty = true;
        self.runtime.autosaved = false;
        self.runtime.last_change = Some(std::time::Instant::now());
        self.view.tab = Tab::Home;
        self.view.status = format!("Nouvelle édition {edition} : pensez à l'enregistrer");
        self.view.status_is_error = false;
        self.view.dialog = Some(Dialog::Info {
            title: format!("Nouvelle édition {edition}"),
            lines,
        });
    }
}
