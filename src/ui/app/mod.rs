//! The application state and the frame. The chrome (menus, shortcuts,
//! status bar, navigation) is in `chrome`, the modal dialogs in `dialogs`,
//! the commands they push in `commands`; tabs live in `ui/tabs/`.
//!
//! Drawing code never saves, opens or replaces the dossier: it pushes a
//! [`Command`], and the queue is applied once the frame is drawn.

mod chrome;
mod commands;
mod dialogs;
pub(crate) use dialogs::block_on;
mod disk;
pub(crate) mod preview;
mod restore;
mod tab;
#[cfg(test)]
mod tests_restore;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use egui::Ui;

pub use commands::Command;
pub use dialogs::Dialog;
pub use restore::Answer;
pub use tab::Tab;

use super::history::History;
use super::print_job::PrintPanel;
use super::widgets::{Flag, Form};
use crate::model::{CallProfile, Dossier, Finding, Section};
use crate::service::recovery::{Offer, Recoveries};
use crate::service::session::{self, Base, Check};
use crate::service::{self};
use crate::store::settings::{AppDirs, Settings};

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New,
    Open(PathBuf),
    OpenExample,
    AskOpenPath,
    Quit,
}

pub struct DossierApp {
    pub(crate) dossier: Dossier,
    pub(crate) profile: Arc<CallProfile>,
    pub(crate) path: Option<PathBuf>,
    /// The file's version the edits started from (see [`Base`]).
    base: Base,
    /// This instance's autosave file, and the recovered works offered to
    /// her (the first one is in the dialog).
    pub(crate) recoveries: Recoveries,
    pub(crate) offers: std::collections::VecDeque<Offer>,
    saved: Dossier,
    pub(crate) dirty: bool,
    history: History,
    pub(crate) tab: Tab,
    pub(crate) findings: Vec<Finding>,
    flagged: HashMap<String, Flag>,
    buffers: HashMap<String, String>,
    /// Field to bring into view, and whether that was just asked.
    focus: Option<(String, bool)>,
    /// The focus target whose widget the last frame drew (for the tests
    /// that check every finding leads to a field).
    pub(crate) focus_served: Option<String>,
    pub(crate) dialog: Option<Dialog>,
    /// A hint shown in the file dialogs (the native one did not give a file).
    dialog_note: Option<String>,
    dirs: Option<AppDirs>,
    pub(crate) settings: Settings,
    /// Last time the dossier changed and whether the recovery file has it.
    last_change: Option<Instant>,
    autosaved: bool,
    autosave_error: Option<String>,
    /// « Enregistré à 14 h 32 », or an error.
    pub(crate) status: String,
    pub(crate) status_is_error: bool,
    pub(crate) members_view: super::tabs::members::MembersView,
    pub(crate) verification_blocking_only: bool,
    pub(crate) print_panel: PrintPanel,
    /// What menus, shortcuts, dialogs and tabs asked for during this frame.
    commands: Vec<Command>,
    allow_close: bool,
    quit_requested: bool,
    fonts_ready: bool,
    last_title: String,
    /// The page preview, shown beside the form or in its own tab.
    pub(crate) preview: super::preview::PreviewPane,
    pub(crate) preview_open: bool,
    /// The dossier changed since the preview was last fed.
    preview_stale: bool,
    /// When the file on disk was last looked at, and what was found.
    disk_checked: Option<Instant>,
    pub(crate) disk_note: Option<String>,
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
        let settings = dirs
            .as_ref()
            .map(AppDirs::load_settings)
            .unwrap_or_default();
        let mut app = Self {
            history: History::new(&dossier),
            saved: dossier.clone(),
            dossier,
            profile,
            path: None,
            base: Base::default(),
            recoveries: Recoveries::new(dirs.as_ref().map(|d| d.data.clone())),
            offers: Default::default(),
            dirty: false,
            tab: Tab::Home,
            findings: Vec::new(),
            flagged: HashMap::new(),
            buffers: HashMap::new(),
            focus: None,
            focus_served: None,
            dialog: None,
            dialog_note: None,
            dirs,
            settings,
            last_change: None,
            autosaved: true,
            autosave_error: None,
            status: String::new(),
            status_is_error: false,
            members_view: Default::default(),
            verification_blocking_only: false,
            print_panel: PrintPanel::default(),
            commands: Vec::new(),
            allow_close: false,
            quit_requested: false,
            fonts_ready: false,
            last_title: String::new(),
            preview: super::preview::PreviewPane::new(),
            preview_open: false,
            preview_stale: true,
            disk_checked: None,
            disk_note: None,
        };
        app.recheck();
        app.offers = app.recoveries.pending().into();
        app.show_next_offer();
        app
    }

    /// The folder attachment paths are relative to.
    pub fn base_dir(&self) -> PathBuf {
        service::base_dir(self.path.as_deref())
    }

    /// Re-runs the rules after a change.
    pub fn recheck(&mut self) {
        // Attachments: only whether the files exist (reading them waits for
        // printing, where the full check runs).
        self.findings = service::check::quick(&self.dossier, &self.profile, &self.base_dir());
        self.flagged.clear();
        for f in &self.findings {
            let e = self.flagged.entry(f.field.to_string()).or_default();
            e.blocking |= f.is_blocking();
            if !e.message.is_empty() {
                e.message.push('\n');
            }
            e.message.push_str(&f.message);
        }
    }

    fn after_change(&mut self) {
        self.preview_stale = true;
        self.dirty = self.dossier != self.saved;
        self.last_change = Some(Instant::now());
        self.autosaved = false;
        self.recheck();
    }

    /// Replaces the dossier (new, opened, restored).
    pub fn replace(&mut self, dossier: Dossier, profile: Arc<CallProfile>, path: Option<PathBuf>) {
        self.profile = profile;
        self.dossier = dossier;
        self.saved = self.dossier.clone();
        self.base = Base::default();
        self.path = path;
        self.dirty = false;
        self.history.reset(&self.dossier);
        self.buffers.clear();
        self.focus = None;
        self.members_view = Default::default();
        self.print_panel.reset(); // Its output paths go with the old dossier.
        self.autosaved = true;
        self.preview_stale = true;
        self.recheck();
    }

    pub fn new_dossier(&mut self) {
        self.clear_recovery();
        let profile = service::profiles::latest_bundled();
        let d = Dossier::new_for(&profile);
        self.replace(d, profile, None);
        self.tab = Tab::Identity;
        self.status = "Dossier vide créé : commencez par l'onglet « 1 Identité »".into();
        self.status_is_error = false;
    }

    pub fn open_example(&mut self) {
        match crate::example_dossier() {
            Ok(d) => {
                self.clear_recovery();
                let profile = service::profiles::latest_bundled();
                self.replace(d, profile, None);
                self.status =
                    "Exemple ouvert (enregistrez-le sous un autre nom pour le garder)".into();
                self.status_is_error = false;
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    /// Opens a file; on failure shows why and keeps the current dossier.
    pub fn open_path(&mut self, path: &Path) {
        match session::open(path, None) {
            Ok(opened) => {
                self.clear_recovery();
                self.replace(opened.dossier, opened.profile, Some(path.to_path_buf()));
                self.base = opened.base;
                self.remember(path);
                self.status = format!("Ouvert : {}", path.display());
                self.status_is_error = false;
                self.tab = Tab::Home;
                self.offer_recoveries_of(path);
            }
            Err(e) => {
                self.status = e.to_string();
                self.status_is_error = true;
                self.dialog = Some(Dialog::Error(e.to_string()));
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        self.settings.remember(path);
        if let Some(dirs) = &self.dirs {
            // Recent files are a convenience: a failure here is reported, not fatal.
            if let Err(e) = dirs.save_settings(&self.settings) {
                self.status = e.to_string();
                self.status_is_error = true;
            }
        }
    }

    /// Enregistrer: to the current file, asking first if it changed on disk.
    pub fn save(&mut self) {
        let Some(path) = self.path.clone() else {
            self.dialog = Some(Dialog::SaveAsPath {
                text: self.suggested_path(),
            });
            return;
        };
        self.write(&path, Check::Unchanged);
    }

    fn suggested_path(&self) -> String {
        let stem = if self.dossier.identity.acronym.trim().is_empty() {
            "dossier-cluster".to_string()
        } else {
            self.dossier.identity.acronym.trim().to_lowercase()
        };
        default_folder()
            .join(format!("{stem}.ron"))
            .display()
            .to_string()
    }

    /// Drops this instance's autosave (the work is saved or discarded).
    fn clear_recovery(&mut self) {
        self.recoveries.forget();
    }

    /// Writes the dossier to `path`, a place she chose in « Enregistrer
    /// sous » (or the current file, after she confirmed « Écraser »).
    pub fn save_to(&mut self, path: &Path) -> bool {
        if !self.may_save_as(path) {
            return false;
        }
        if self.path.as_deref() == Some(path) {
            // « Écraser », or the same file chosen again.
            return self.write(path, Check::Overwrite);
        }
        // Another file: its own session starts with this save.
        self.base = Base::default();
        self.write(path, Check::NewPlace)
    }

    /// Writes the dossier under its lock; with [`Check::Unchanged`], only if
    /// the file is still the version the edits started from (else asks
    /// before overwriting). On failure the work stays in memory and the
    /// error is shown. Returns whether it was saved.
    fn write(&mut self, path: &Path, check: Check) -> bool {
        let mut base = self.base;
        match session::save(path, &self.dossier, &mut base, check) {
            Err(session::SessionError::ChangedOnDisk { .. }) => {
                self.dialog = Some(Dialog::Overwrite);
                false
            }
            Ok(()) => {
                self.base = base;
                self.saved = self.dossier.clone();
                self.dirty = false;
                self.path = Some(path.to_path_buf());
                self.status = format!("Enregistré à {}", local_time_text(&self.profile));
                self.status_is_error = false;
                self.recoveries.forget();
                self.autosaved = true;
                self.remember(path);
                true
            }
            Err(e) => {
                self.status = format!("Échec de l'enregistrement : {e}");
                self.status_is_error = true;
                // Another place does not make a dossier smaller.
                let elsewhere = !matches!(
                    e,
                    session::SessionError::Store(crate::store::StoreError::TooLargeToSave { .. })
                );
                self.dialog = Some(Dialog::Error(format!(
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
        if self.dirty {
            self.dialog = Some(Dialog::ConfirmDiscard { then: action });
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
                self.dialog = Some(Dialog::OpenPath {
                    text: String::new(),
                })
            }
            Pending::Quit => {
                self.recoveries.forget();
                self.allow_close = true;
                self.dirty = false;
                self.quit_requested = true;
            }
        }
    }

    /// Records an edit made outside a form (print choices).
    pub fn record_edit(&mut self, key: &str) {
        if self.history.record(&mut self.dossier, key) {
            self.after_change();
        }
    }

    pub fn undo(&mut self) {
        let profile_file = self.dossier.call_profile.clone();
        if self.history.undo(&mut self.dossier) {
            self.after_history(profile_file);
        }
    }

    pub fn redo(&mut self) {
        let profile_file = self.dossier.call_profile.clone();
        if self.history.redo(&mut self.dossier) {
            self.after_history(profile_file);
        }
    }

    /// After undo or redo: the buffers show the restored values, and the
    /// profile follows the dossier's remembered profile file.
    fn after_history(&mut self, profile_file: Option<String>) {
        self.buffers.clear();
        if self.dossier.call_profile != profile_file {
            let base = self.base_dir();
            match service::profiles::for_dossier(&self.dossier, &base, None) {
                Ok(p) => self.profile = p,
                Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
            }
        }
        self.after_change();
    }

    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    pub fn set_tab(&mut self, tab: Tab) {
        self.tab = tab;
    }

    /// The dossier being edited.
    pub fn dossier(&self) -> &Dossier {
        &self.dossier
    }

    /// Opens the tab of a finding and brings its field into view.
    pub fn go_to(&mut self, section: Section, field: &str) {
        self.tab = Tab::for_section(section);
        self.focus = Some((field.to_string(), true));
        super::tabs::members::select_from_path(
            &mut self.members_view,
            &crate::model::field::FieldPath::from_stored(field),
        );
    }

    pub fn title(&self) -> String {
        let name = self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "Sans titre".to_string(),
            |n| n.to_string_lossy().to_string(),
        );
        format!(
            "{}{name} — Dossier Cluster",
            if self.dirty { "● " } else { "" }
        )
    }

    /// Queues what the user asked for; it is done once the frame is drawn.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The whole window, drawn into `ui` (eframe and the tests both call it).
    pub fn show(&mut self, ui: &mut Ui) {
        if !self.fonts_ready {
            // The bundled fonts first: they take effect from the next frame,
            // and every label of the wizard needs them.
            super::install_fonts(ui.ctx());
            super::theme::install(ui.ctx());
            self.fonts_ready = true;
            ui.ctx().request_repaint();
            return;
        }
        self.shortcuts(ui);
        self.watch_disk(ui.ctx());
        if ui.ctx().input(|i| i.viewport().close_requested()) && self.dirty && !self.allow_close {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::ConfirmDiscard {
                then: Pending::Quit,
            });
        }
        let title = self.title();
        if title != self.last_title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
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
        self.print_panel.poll(ui);
        self.autosave(ui);
        if self.quit_requested {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// The current tab: the special ones act on the app, the form tabs edit
    /// the dossier through a [`Form`] and are recorded for undo.
    fn central(&mut self, ui: &mut Ui) {
        let tab = self.tab;
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
        let focus = self.focus.clone();
        let base_dir = self.base_dir();
        let Self {
            buffers,
            flagged,
            dossier,
            profile,
            findings,
            members_view,
            ..
        } = self;
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
            super::tabs::members::show(ui, &mut form, dossier, members_view, findings, profile);
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
        self.focus_served = form
            .focus_seen
            .get()
            .then(|| focus.as_ref().map(|f| f.0.clone()))
            .flatten();
        // The focus request was served by this frame's form (a request made
        // during this frame, from the Vérification tab, waits for the next).
        if focus.as_ref().is_some_and(|f| f.1)
            && self.focus == focus
            && let Some((_, now)) = &mut self.focus
        {
            *now = false;
        }
        if let Some(key) = form_changed
            && self.history.record(&mut self.dossier, &key)
        {
            self.after_change();
            self.preview_follow(&key);
        }
    }
}
