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
    /// runs on a worker, see `dialogs::start_pick`).
    UseProfile(PathBuf),
    /// « Nouvelle édition à partir de ce dossier… »: the new profile.
    NewEdition(PathBuf),
}

impl DossierApp {
    /// Applies the commands queued during the frame, in order.
    pub(super) fn apply_commands(&mut self) {
        for command in std::mem::take(&mut self.commands) {
            self.apply(command);
        }
    }

    /// Applies one command now (the tests use it to act as the menus do).
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Request(action) => self.request(action),
            Command::PerformIfSaved(action) => {
                if !self.dirty {
                    self.perform(action);
                }
            }
            Command::Discard(action) => {
                self.dirty = false;
                // Discarded work must not come back after a crash.
                self.clear_recovery();
                self.perform(action);
            }
            Command::Save => self.save(),
            Command::AskSaveAs => {
                let text = self
                    .path
                    .as_ref()
                    .map_or_else(|| self.suggested_path(), |p| p.display().to_string());
                self.dialog = Some(Dialog::SaveAsPath { text });
            }
            Command::SaveTo(p) => {
                self.save_to(&p);
            }
            Command::Overwrite => {
                if let Some(p) = self.path.clone() {
                    self.save_to(&p);
                }
            }
            Command::OpenPath(p) => self.open_path(&p),
            Command::NoFileChosen => self.dialog_note = Some(NO_FILE_CHOSEN.into()),
            Command::PickUnavailable(pick) => {
                use super::dialogs::Pick;
                if matches!(pick, Pick::Profile | Pick::NewEdition)
                    && !matches!(self.dialog, Some(Dialog::ProfilePath { .. }))
                {
                    self.dialog = Some(Dialog::ProfilePath {
                        text: String::new(),
                        edition: pick == Pick::NewEdition,
                    });
                }
                self.dialog_note = Some(crate::ui::picker::UNAVAILABLE.into());
            }
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::GoTo(tab) => self.tab = tab,
            Command::CloseDialog => {
                if matches!(self.dialog, Some(Dialog::Recovery)) {
                    // Dismissed: every work shown stays pending, for later.
                    for offer in std::mem::take(&mut self.offers) {
                        self.recoveries.postpone(offer);
                    }
                }
                self.dialog = None;
                self.dialog_note = None;
            }
            Command::AnswerRecovery(answer) => self.answer_offer(answer),
            Command::UseProfile(p) => self.use_profile(&p),
            Command::NewEdition(p) => self.new_edition(&p),
        }
    }

    /// Checks the dossier against the profile in `file` and remembers it in
    /// the dossier (relative to the dossier's folder when it can), as one
    /// undoable edit.
    pub fn use_profile(&mut self, file: &Path) {
        let profile = match service::profiles::from_file(file) {
            Ok(p) => p,
            Err(e) => {
                self.dialog = Some(Dialog::Error(e.to_string()));
                return;
            }
        };
        let remembered = match &self.path {
            Some(dossier_path) => service::profiles::remembered_path(dossier_path, file),
            None => absolute(file).display().to_string(),
        };
        self.profile = profile;
        self.dossier.call_profile = Some(remembered);
        self.record_edit("call_profile");
        // The verdicts change with the profile even if the dossier did not.
        self.recheck();
        self.status = format!(
            "Profil de l'appel {} : {}",
            self.profile.edition,
            file.display()
        );
        self.status_is_error = false;
    }

    /// Replaces the dossier with a new, untitled one for the profile in
    /// `file`, carrying over what describes the cluster, and lists what
    /// could not be carried.
    pub fn new_edition(&mut self, file: &Path) {
        let profile = match service::profiles::from_file(file) {
            Ok(p) => p,
            Err(e) => {
                self.dialog = Some(Dialog::Error(e.to_string()));
                return;
            }
        };
        let mut next = crate::model::edition::carry_over(&self.dossier, &profile);
        next.dossier.call_profile = Some(absolute(file).display().to_string());
        self.clear_recovery();
        let edition = profile.edition.clone();
        self.replace(next.dossier, profile, None);
        // A new, unsaved dossier: the saved state is an empty one.
        self.saved = Default::default();
        self.dirty = true;
        self.autosaved = false;
        self.last_change = Some(std::time::Instant::now());
        self.tab = Tab::Home;
        self.status = format!("Nouvelle édition {edition} : pensez à l'enregistrer");
        self.status_is_error = false;
        let mut lines = vec![
            "Identité, membres, partenaires, gouvernance, partenariats et start-up ont été repris. N'ont pas été repris :".to_string(),
        ];
        if next.not_carried.is_empty() {
            lines.push("rien".to_string());
        }
        lines.extend(next.not_carried.iter().map(|l| format!("• {l}")));
        self.dialog = Some(Dialog::Info {
            title: format!("Nouvelle édition {edition}"),
            lines,
        });
    }
}

fn absolute(file: &Path) -> PathBuf {
    crate::store::paths::canonicalize(file)
        .or_else(|_| std::path::absolute(file))
        .unwrap_or_else(|_| file.to_path_buf())
}
