//! The application state and the frame. The chrome (menus, shortcuts,
//! status bar, navigation) is in `chrome`, the modal dialogs in `dialogs`,
//! the commands they push in `commands`; tabs live in `ui/tabs/`.
//!
//! Drawing code never saves, opens or replaces the dossier: it pushes a
//! [`Command`], and the queue is applied once the frame is drawn.

mod chrome;
mod commands;
mod dialogs;
mod disk;
mod jobs;
pub(crate) mod preview;
mod restore;
mod state;
mod tab;
#[cfg(test)]
mod tests_jobs;
#[cfg(test)]
mod tests_restore;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use egui::Ui;

pub use commands::Command;
pub use dialogs::{Dialog, Pick};
pub use restore::Answer;
pub use state::{Document, Runtime, View};
pub use tab::Tab;

use super::widgets::Form;
use crate::model::{CallProfile, Dossier, Section};
use crate::service::session::{self, Base, Check};
use crate::service::{self, AppDirs};

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New,
    Open(PathBuf),
    OpenExample,
    AskOpenPath,
    Quit,
}

/// The wizard: the dossier and its file, what is on screen, and the
/// machinery, each in its own part (see `state`).
pub struct DossierApp {
    pub(crate) document: Document,
    pub(crate) view: View,
    pub(crate) runtime: Runtime,
}

/// Where new files go: the user's Documents folder, else the home folder,
/// always an absolute path a user can find again.
pub fn default_folder() -> PathBuf {
    let user = directories::UserDirs::new();
    user.as_ref()
        .and_then(|u| u.document_dir().map(Path::to_path_buf))
        .or_else(|| user.as_ref().map(|u| u.home_dir().to_path_buf()))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}

fn local_time_text(profile: &CallProfile) -> String {
    // Morocco's legal time (the call's time zone); no time zone database needed.
    let now = crate::now_unix().unwrap_or(0) + i64::from(profile.deadline.utc_offset_minutes) * 60;
    let minutes = now.rem_euclid(86_400) / 60;
    format!("{} h {:02}", minutes / 60, minutes % 60)
}

impl DossierApp {
    /// A fresh app with an empty dossier; `dirs` is where settings and the
    /// recovery file live (`None`: neither).
    pub fn new(dirs: Option<AppDirs>) -> Self {
        let profile = service::profiles::latest_bundled();
        let dossier = Dossier::new_for(&profile);
        let mut app = Self {
            document: Document::new(dossier, profile),
            view: View::default(),
            runtime: Runtime::new(dirs),
        };
        app.recheck();
        app.runtime.offers = app.runtime.recoveries.pending().into();
        app.show_next_offer();
        app
    }

    /// The folder attachment paths are relative to.
    pub fn base_dir(&self) -> PathBuf {
        service::base_dir(self.document.path.as_deref())
    }

    /// Re-runs the rules after a change.
    pub fn recheck(&mut self) {
        // Attachments: only whether the files exist (reading them waits for
        // printing, where the full check runs).
        self.document.findings = service::check::quick(
            &self.document.dossier,
            &self.document.profile,
            &self.base_dir(),
        );
        self.document.flagged.clear();
        for f in &self.document.findings {
            let e = self
                .document
                .flagged
                .entry(f.field.to_string())
                .or_default();
            e.blocking |= f.is_blocking();
            if !e.message.is_empty() {
                e.message.push('\n');
            }
            e.message.push_str(&f.message);
        }
    }

    fn after_change(&mut self) {
        self.runtime.preview_stale = true;
        self.document.dirty = self.document.dossier != self.document.saved;
        self.runtime.last_change = Some(Instant::now());
        self.runtime.autosaved = false;
        self.recheck();
    }

    /// Replaces the dossier (new, opened, restored).
    pub fn replace(&mut self, dossier: Dossier, profile: Arc<CallProfile>, path: Option<PathBuf>) {
        self.document.profile = profile;
        self.document.dossier = dossier;
        self.document.saved = self.document.dossier.clone();
        self.document.base = Base::default();
        self.document.path = path;
        self.document.dirty = false;
        self.document.history.reset(&self.document.dossier);
        self.view.buffers.clear();
        self.view.focus = None;
        self.view.members_view = Default::default();
        self.view.print_panel.reset(); // Its output paths go with the old dossier.
        self.runtime.jobs.forget_dossier();
        self.runtime.autosaved = true;
        self.runtime.preview_stale = true;
        self.recheck();
    }

    pub fn new_dossier(&mut self) {
        self.clear_recovery();
        let profile = service::profiles::latest_bundled();
        let d = Dossier::new_for(&profile);
        self.replace(d, profile, None);
        self.view.tab = Tab::Identity;
        self.view.status = "Dossier vide créé : commencez par l'onglet « 1 Identité »".into();
        self.view.status_is_error = false;
    }

    pub fn open_example(&mut self) {
        match crate::example_dossier() {
            Ok(d) => {
                self.clear_recovery();
                let profile = service::profiles::latest_bundled();
                self.replace(d, profile, None);
                self.view.status =
                    "Exemple ouvert (enregistrez-le sous un autre nom pour le garder)".into();
                self.view.status_is_error = false;
            }
            Err(e) => self.view.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    /// Opens a file; on failure shows why and keeps the current dossier.
    pub fn open_path(&mut self, path: &Path) {
        match session::open(path, None) {
            Ok(opened) => {
                self.clear_recovery();
                self.replace(opened.dossier, opened.profile, Some(path.to_path_buf()));
                self.document.base = opened.base;
                self.remember(path);
                self.view.status = format!("Ouvert : {}", path.display());
                self.view.status_is_error = false;
                self.view.tab = Tab::Home;
                self.offer_recoveries_of(path);
            }
            Err(e) => {
                self.view.status = e.to_string();
                self.view.status_is_error = true;
                self.view.dialog = Some(Dialog::Error(e.to_string()));
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        self.runtime.settings.remember(path);
        if let Some(dirs) = &self.runtime.dirs {
            // Recent files are a convenience: a failure here is reported, not fatal.
            if let Err(e) = dirs.save_settings(&self.runtime.settings) {
                self.view.status = e.to_string();
                self.view.status_is_error = true;
            }
        }
    }

    /// Enregistrer: to the current file, asking first if it changed on disk.
    pub fn save(&mut self) {
        let Some(path) = self.document.path.clone() else {
            self.view.dialog = Some(Dialog::SaveAsPath {
                text: self.suggested_path(),
            });
            return;
        };
        self.write(&path, Check::Unchanged);
    }

    fn suggested_path(&self) -> String {
        let stem = if self.document.dossier.identity.acronym.trim().is_empty() {
            "dossier-cluster".to_string()
        } else {
            self.document.dossier.identity.acronym.trim().to_lowercase()
        };
        default_folder()
            .join(format!("{stem}.ron"))
            .display()
            .to_string()
    }

    /// Drops this instance's autosave (the work is saved or discarded).
    fn clear_recovery(&mut self) {
        self.runtime.recoveries.forget();
    }

    /// Writes the dossier to `path`, a place she chose in « Enregistrer
    /// sous » (or the current file, after she confirmed « Écraser »).
    pub fn save_to(&mut self, path: &Path) -> bool {
        if !self.may_save_as(path) {
            return false;
        }
        if self.document.path.as_deref() == Some(path) {
            // « Écraser », or the same file chosen again.
            return self.write(path, Check::Overwrite);
        }
        // Another file: its own session starts with this save. A dossier
        // never saved remembers its profile from its folder from now on.
        self.document.base = Base::default();
        if self.document.path.is_none()
            && let Some(p) = service::profiles::rebased_profile(&self.document.dossier, path)
        {
            self.document.dossier.call_profile = Some(p);
        }
        self.write(path, Check::NewPlace)
    }

    /// Writes the dossier under its lock; with [`Check::Unchanged`], only if
    /// the file is still the version the edits started from (else asks
    /// before overwriting). On failure the work stays in memory and the
    /// error is shown. Returns whether it was saved.
    fn write(&mut self, path: &Path, check: Check) -> bool {
        let mut base = self.document.base;
        match session::save(path, &self.document.dossier, &mut base, check) {
            Err(session::SessionError::ChangedOnDisk { .. }) => {
                self.view.dialog = Some(Dialog::Overwrite);
                false
            }
            Ok(()) => {
                self.document.base = base;
                self.document.saved = self.document.dossier.clone();
                self.document.dirty = false;
                self.document.path = Some(path.to_path_buf());
                self.view.status =
                    format!("Enregistré à {}", local_time_text(&self.document.profile));
                self.view.status_is_error = false;
                self.runtime.recoveries.forget();
                self.runtime.autosaved = true;
                self.remember(path);
                true
            }
            Err(e) => {
                self.view.status = format!("Échec de l'enregistrement : {e}");
                self.view.status_is_error = true;
                // Another place does not make a dossier smaller.
                let elsewhere = !e.is_too_large();
                self.view.dialog = Some(Dialog::Error(format!(
                    "{e}\n\nVotre travail est toujours dans l'application{}",
                    if elsewhere {
                        " : choisissez « Enregistrer sous » vers un autre dossier."
                    } else {
                        "."
                    }
                )));
                false
            }
        }
    }

    /// Runs `action` now, or after asking about unsaved changes.
    pub fn request(&mut self, action: Pending) {
        if self.document.dirty {
            self.view.dialog = Some(Dialog::ConfirmDiscard { then: action });
        } else {
            self.perform(action);
        }
    }

    fn perform(&mut self, action: Pending) {
        match action {
            Pending::New => self.new_dossier(),
            Pending::Open(p) => self.open_path(&p),
            Pending::OpenExample => self.open_example(),
            Pending::AskOpenPath => {
                self.view.dialog = Some(Dialog::OpenPath {
                    text: String::new(),
                })
            }
            Pending::Quit => {
                self.runtime.recoveries.forget();
                self.runtime.allow_close = true;
                self.document.dirty = false;
                self.runtime.quit_requested = true;
            }
        }
    }

    /// Records an edit made outside a form (print choices).
    pub fn record_edit(&mut self, key: &str) {
        if self
            .document
            .history
            .record(&mut self.document.dossier, key)
        {
            self.after_change();
        }
    }

    pub fn undo(&mut self) {
        let profile_file = self.document.dossier.call_profile.clone();
        if self.document.history.undo(&mut self.document.dossier) {
            self.after_history(profile_file);
        }
    }

    pub fn redo(&mut self) {
        let profile_file = self.document.dossier.call_profile.clone();
        if self.document.history.redo(&mut self.document.dossier) {
            self.after_history(profile_file);
        }
    }

    /// After undo or redo: the buffers show the restored values, and the
    /// profile follows the dossier's remembered profile file.
    fn after_history(&mut self, profile_file: Option<String>) {
        self.view.buffers.clear();
        if self.document.dossier.call_profile != profile_file {
            let base = self.base_dir();
            match service::profiles::for_dossier(&self.document.dossier, &base, None) {
                Ok(p) => self.document.profile = p,
                Err(e) => self.view.dialog = Some(Dialog::Error(e.to_string())),
            }
        }
        self.after_change();
    }

    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.view.tab
    }

    pub fn set_tab(&mut self, tab: Tab) {
        self.view.tab = tab;
    }

    /// The dossier being edited.
    pub fn dossier(&self) -> &Dossier {
        &self.document.dossier
    }

    /// Opens the tab of a finding and brings its field into view.
    pub fn go_to(&mut self, section: Section, field: &str) {
        self.view.tab = Tab::for_section(section);
        self.view.focus = Some((field.to_string(), true));
        super::tabs::members::select_from_path(
            &mut self.view.members_view,
            &crate::model::field::FieldPath::from_stored(field),
        );
    }

    pub fn title(&self) -> String {
        let name = self
            .document
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || "Sans titre".to_string(),
                |n| n.to_string_lossy().to_string(),
            );
        format!(
            "{}{name} — Dossier Cluster",
            if self.document.dirty { "● " } else { "" }
        )
    }

    /// Queues what the user asked for; it is done once the frame is drawn.
    pub fn push(&mut self, command: Command) {
        self.runtime.commands.push(command);
    }

    /// The whole window, drawn into `ui` (eframe and the tests both call it).
    pub fn show(&mut self, ui: &mut Ui) {
        if self.runtime.ctx != *ui.ctx() {
            self.runtime.ctx = ui.ctx().clone();
        }
        if !self.runtime.fonts_ready {
            // The bundled fonts first: they take effect from the next frame,
            // and every label of the wizard needs them.
            super::install_fonts(ui.ctx());
            super::theme::install(ui.ctx());
            self.runtime.fonts_ready = true;
            ui.ctx().request_repaint();
            return;
        }
        // What ended off the UI thread since the last frame (never waits).
        self.collect_jobs();
        self.shortcuts(ui);
        self.watch_disk(ui.ctx());
        if ui.ctx().input(|i| i.viewport().close_requested())
            && self.document.dirty
            && !self.runtime.allow_close
        {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.view.dialog = Some(Dialog::ConfirmDiscard {
                then: Pending::Quit,
            });
        }
        let title = self.title();
        if title != self.runtime.last_title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.runtime.last_title = title;
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("navigation")
            .resizable(false)
            .default_size(230.0)
            .show(ui, |ui| self.navigation(ui));
        egui::Panel::right("eligibility")
            .resizable(false)
            .default_size(250.0)
            .show(ui, |ui| super::eligibility::panel(ui, self));
        let shown = self.preview_beside(ui);
        self.central_panel(ui, shown);
        self.feed_preview();
        self.dialogs(ui);
        self.apply_commands();
        self.autosave(ui);
        if self.runtime.quit_requested {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// The current tab: the special ones act on the app, the form tabs edit
    /// the dossier through a [`Form`] and are recorded for undo.
    fn central(&mut self, ui: &mut Ui) {
        let tab = self.view.tab;
        if tab == Tab::Preview {
            self.preview_ui(ui);
            return;
        }
        if matches!(tab, Tab::Home | Tab::Verification | Tab::Print) {
            egui::ScrollArea::vertical()
                .id_salt(("tab", tab))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    super::tabs::show_special(tab, ui, self);
                });
            return;
        }
        let focus = self.view.focus.clone();
        let base_dir = self.base_dir();
        let View {
            buffers,
            members_view,
            status,
            status_is_error,
            ..
        } = &mut self.view;
        let Document {
            flagged,
            dossier,
            profile,
            findings,
            ..
        } = &mut self.document;
        let mut form = Form::new(
            focus.as_ref().map(|f| f.0.as_str()),
            focus.as_ref().is_some_and(|f| f.1),
            buffers,
            flagged,
        );
        form.base_dir = base_dir;
        form.invalid = std::mem::take(&mut dossier.invalid_entries);
        if tab == Tab::Members {
            // The members tab manages its own scrolling (virtualised rows).
            let before = members_view.import.done.clone();
            super::tabs::members::show(ui, &mut form, dossier, members_view, findings, profile);
            // An import just applied: the status bar says so too, instead of
            // the message of what happened before it.
            if let Some(done) = &members_view.import.done
                && before.as_ref() != Some(done)
            {
                *status = done.clone();
                *status_is_error = false;
            }
        } else {
            egui::ScrollArea::vertical()
                .id_salt(("tab", tab))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    super::tabs::show(tab, ui, &mut form, dossier, profile, findings);
                });
        }
        dossier.invalid_entries = std::mem::take(&mut form.invalid);
        let form_changed = form.changed.take();
        self.view.focus_served = form
            .focus_seen
            .get()
            .then(|| focus.as_ref().map(|f| f.0.clone()))
            .flatten();
        // The focus request was served by this frame's form (a request made
        // during this frame, from the Vérification tab, waits for the next).
        if focus.as_ref().is_some_and(|f| f.1)
            && self.view.focus == focus
            && let Some((_, now)) = &mut self.view.focus
        {
            *now = false;
        }
        if let Some(key) = form_changed
            && self
                .document
                .history
                .record(&mut self.document.dossier, &key)
        {
            self.after_change();
            self.preview_follow(&key);
        }
    }
}
