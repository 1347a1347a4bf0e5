//! The application state and the frame: menus, navigation, eligibility
//! panel, status bar, dialogs, shortcuts, autosave. Tabs live in `tabs/`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::history::History;
use super::print_job::PrintPanel;
use super::widgets::{AMBER, Form, GREEN, RED};
use crate::model::rules;
use crate::model::{CallProfile, Dossier, Finding, Section};
use crate::service::{self, session};
use crate::store::recovery::{self, Recovery};
use crate::store::settings::{AppDirs, Settings};
use crate::store::{self, Fingerprint};

const NO_FILE_CHOSEN: &str = "Aucun fichier choisi. Si la fenêtre de sélection ne s'est pas ouverte sur cet ordinateur, saisissez le chemin complet ci-dessus.";

/// The wizard's tabs, in dossier order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tab {
    Home,
    Administrative,
    Identity,
    Members,
    Governance,
    Strategy,
    Cooperation,
    Startups,
    Plan,
    Indicators,
    Criteria,
    Declaration,
    Verification,
    Print,
}

impl Tab {
    pub const ALL: [Tab; 14] = [
        Tab::Home,
        Tab::Administrative,
        Tab::Identity,
        Tab::Members,
        Tab::Governance,
        Tab::Strategy,
        Tab::Cooperation,
        Tab::Startups,
        Tab::Plan,
        Tab::Indicators,
        Tab::Criteria,
        Tab::Declaration,
        Tab::Verification,
        Tab::Print,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Home => "Accueil",
            Tab::Administrative => "Partie 1 Administratif",
            Tab::Identity => "1 Identité",
            Tab::Members => "1.2 Membres",
            Tab::Governance => "2 Gouvernance",
            Tab::Strategy => "3 Stratégie",
            Tab::Cooperation => "4 Partenariats et projets",
            Tab::Startups => "5 Start-up",
            Tab::Plan => "6 Plan d'action et budget",
            Tab::Indicators => "7 Indicateurs",
            Tab::Criteria => "Partie 3 Critères",
            Tab::Declaration => "Annexe Déclaration",
            Tab::Verification => "Vérification",
            Tab::Print => "Impression",
        }
    }

    /// The dossier section whose findings the tab shows.
    pub fn section(self) -> Option<Section> {
        Some(match self {
            Tab::Home => Section::General,
            Tab::Administrative => Section::Administrative,
            Tab::Identity => Section::Identity,
            Tab::Members => Section::Members,
            Tab::Governance => Section::Governance,
            Tab::Strategy => Section::Strategy,
            Tab::Cooperation => Section::Cooperation,
            Tab::Startups => Section::Startups,
            Tab::Plan => Section::Plan,
            Tab::Indicators => Section::Indicators,
            Tab::Criteria => Section::Criteria,
            Tab::Declaration => Section::Declaration,
            Tab::Verification | Tab::Print => return None,
        })
    }

    pub fn for_section(section: Section) -> Tab {
        Tab::ALL
            .into_iter()
            .find(|t| t.section() == Some(section))
            .unwrap_or(Tab::Verification)
    }
}

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New,
    Open(PathBuf),
    OpenExample,
    AskOpenPath,
    Quit,
}

#[derive(Clone, Debug)]
pub enum Dialog {
    /// Unsaved changes: save, discard or cancel before `then`.
    ConfirmDiscard {
        then: Pending,
    },
    /// Typed path, and a button for the native dialog.
    OpenPath {
        text: String,
    },
    SaveAsPath {
        text: String,
    },
    /// A previous session left unsaved work.
    Recovery(Box<Recovery>),
    /// The file changed on disk since it was opened.
    Overwrite,
    Error(String),
}

pub struct DossierApp {
    pub dossier: Dossier,
    pub profile: Arc<CallProfile>,
    pub path: Option<PathBuf>,
    fingerprint: Option<Fingerprint>,
    saved: Dossier,
    pub dirty: bool,
    pub history: History,
    pub tab: Tab,
    pub findings: Vec<Finding>,
    flagged: HashMap<String, bool>,
    pub buffers: HashMap<String, String>,
    /// Field to bring into view, and whether that was just asked.
    focus: Option<(String, bool)>,
    pub dialog: Option<Dialog>,
    /// A hint shown in the file dialogs (the native one did not give a file).
    dialog_note: Option<String>,
    pub dirs: Option<AppDirs>,
    pub settings: Settings,
    /// Last time the dossier changed and whether the recovery file has it.
    last_change: Option<Instant>,
    autosaved: bool,
    pub autosave_error: Option<String>,
    /// « Enregistré à 14 h 32 », or an error.
    pub status: String,
    pub status_is_error: bool,
    pub members_view: super::tabs::members::MembersView,
    pub verification_blocking_only: bool,
    pub print_panel: PrintPanel,
    allow_close: bool,
    quit_requested: bool,
    fonts_ready: bool,
    last_title: String,
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
            fingerprint: None,
            dirty: false,
            tab: Tab::Home,
            findings: Vec::new(),
            flagged: HashMap::new(),
            buffers: HashMap::new(),
            focus: None,
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
            allow_close: false,
            quit_requested: false,
            fonts_ready: false,
            last_title: String::new(),
        };
        app.recheck();
        if let Some(dirs) = &app.dirs
            && let Some(r) = recovery::read(&dirs.data)
        {
            app.dialog = Some(Dialog::Recovery(Box::new(r)));
        }
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
            let e = self.flagged.entry(f.field.to_string()).or_insert(false);
            *e |= f.is_blocking();
        }
    }

    fn after_change(&mut self) {
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
        self.fingerprint = path.as_deref().and_then(store::fingerprint);
        self.path = path;
        self.dirty = false;
        self.history.reset(&self.dossier);
        self.buffers.clear();
        self.focus = None;
        self.members_view = Default::default();
        self.autosaved = true;
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
                self.fingerprint = opened.fingerprint;
                self.remember(path);
                self.status = format!("Ouvert : {}", path.display());
                self.status_is_error = false;
                self.tab = Tab::Home;
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
        self.write(&path, Some(self.fingerprint));
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

    fn clear_recovery(&self) {
        if let Some(dirs) = &self.dirs {
            recovery::clear(&dirs.data);
        }
    }

    /// Writes the dossier to `path` (a new place: nothing to compare with).
    pub fn save_to(&mut self, path: &Path) -> bool {
        self.write(path, None)
    }

    /// Writes the dossier under its lock; with `expected`, only if the file
    /// is still the one that was opened (else asks before overwriting). On
    /// failure the work stays in memory and the error is shown. Returns
    /// whether it was saved.
    fn write(&mut self, path: &Path, expected: Option<Option<Fingerprint>>) -> bool {
        match session::save(path, &self.dossier, expected) {
            Err(session::SessionError::ChangedOnDisk { .. }) => {
                self.dialog = Some(Dialog::Overwrite);
                false
            }
            Ok(fingerprint) => {
                self.saved = self.dossier.clone();
                self.dirty = false;
                self.path = Some(path.to_path_buf());
                self.fingerprint = fingerprint;
                self.status = format!("Enregistré à {}", local_time_text(&self.profile));
                self.status_is_error = false;
                if let Some(dirs) = &self.dirs {
                    recovery::clear(&dirs.data);
                }
                self.autosaved = true;
                self.remember(path);
                true
            }
            Err(e) => {
                self.status = format!("Échec de l'enregistrement : {e}");
                self.status_is_error = true;
                self.dialog = Some(Dialog::Error(format!(
                    "{e}\n\nVotre travail est toujours dans l'application : choisissez « Enregistrer sous » vers un autre dossier."
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
                if let Some(dirs) = &self.dirs {
                    recovery::clear(&dirs.data);
                }
                self.allow_close = true;
                self.dirty = false;
                self.quit_requested = true;
            }
        }
    }

    /// Records an edit made outside a form (print choices).
    pub fn record_edit(&mut self, key: &str) {
        if self.history.record(&self.dossier, key) {
            self.after_change();
        }
    }

    pub fn undo(&mut self) {
        if self.history.undo(&mut self.dossier) {
            self.buffers.clear();
            self.after_change();
        }
    }
    pub fn redo(&mut self) {
        if self.history.redo(&mut self.dossier) {
            self.buffers.clear();
            self.after_change();
        }
    }

    /// Opens the tab of a finding and brings its field into view.
    pub fn go_to(&mut self, section: Section, field: &str) {
        self.tab = Tab::for_section(section);
        self.focus = Some((field.to_string(), true));
        super::tabs::members::select_from_path(&mut self.members_view, field);
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

    fn shortcuts(&mut self, ui: &Ui) {
        let cmd = Modifiers::COMMAND;
        let shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let pressed = |m, k| ui.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(m, k)));
        // Longer combinations first: Ctrl+Shift+S must not trigger Ctrl+S.
        if pressed(shift, Key::S) {
            self.dialog = Some(Dialog::SaveAsPath {
                text: self
                    .path
                    .as_ref()
                    .map_or_else(|| self.suggested_path(), |p| p.display().to_string()),
            });
        } else if pressed(cmd, Key::S) {
            self.save();
        }
        if pressed(shift, Key::Z) {
            self.redo();
        } else if pressed(cmd, Key::Z) {
            self.undo();
        }
        if pressed(cmd, Key::Y) {
            self.redo();
        }
        if pressed(cmd, Key::N) {
            self.request(Pending::New);
        }
        if pressed(cmd, Key::O) {
            self.request(Pending::AskOpenPath);
        }
        if pressed(cmd, Key::P) {
            self.tab = Tab::Print;
        }
    }

    fn autosave(&mut self, ui: &Ui) {
        const DELAY: Duration = Duration::from_millis(1500);
        let Some(changed) = self.last_change else {
            return;
        };
        if self.autosaved || !self.dirty || self.dirs.is_none() {
            return;
        }
        let elapsed = changed.elapsed();
        if elapsed < DELAY {
            ui.ctx().request_repaint_after(DELAY - elapsed);
            return;
        }
        let Some(dirs) = &self.dirs else { return };
        let r = Recovery {
            source: self.path.clone(),
            saved_at: crate::now_unix().unwrap_or(0),
            dossier: self.dossier.clone(),
        };
        match recovery::write(&dirs.data, &r) {
            Ok(()) => self.autosave_error = None,
            Err(e) => {
                self.autosave_error = Some(format!("Sauvegarde automatique impossible : {e}"))
            }
        }
        self.autosaved = true;
    }

    /// The whole window, drawn into `ui` (eframe and the tests both call it).
    pub fn show(&mut self, ui: &mut Ui) {
        if !self.fonts_ready {
            // The bundled fonts first: they take effect from the next frame,
            // and every label of the wizard needs them.
            super::install_fonts(ui.ctx());
            self.fonts_ready = true;
            ui.ctx().request_repaint();
            return;
        }
        self.shortcuts(ui);
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

        let focus = self.focus.clone();
        let mut form_changed = None;
        egui::CentralPanel::default_margins().show(ui, |ui| {
            let tab = self.tab;
            if matches!(tab, Tab::Home | Tab::Verification | Tab::Print) {
                egui::ScrollArea::vertical()
                    .id_salt(("tab", tab))
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        super::tabs::show_special(tab, ui, self);
                    });
                return;
            }
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
                super::tabs::members::show(ui, &mut form, dossier, members_view);
            } else {
                egui::ScrollArea::vertical()
                    .id_salt(("tab", tab))
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        super::tabs::show(tab, ui, &mut form, dossier, profile, findings);
                    });
            }
            dossier.invalid_entries = std::mem::take(&mut form.invalid);
            form_changed = form.changed.take();
        });
        // The focus request was served by this frame's form (a request made
        // during this frame, from the Vérification tab, waits for the next).
        if focus.as_ref().is_some_and(|f| f.1)
            && self.focus == focus
            && let Some((_, now)) = &mut self.focus
        {
            *now = false;
        }
        if let Some(key) = form_changed
            && self.history.record(&self.dossier, &key)
        {
            self.after_change();
        }
        self.dialogs(ui);
        self.print_panel.poll(ui);
        self.autosave(ui);
        if self.quit_requested {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("Fichier", |ui| {
                if ui.button("Nouveau (Ctrl+N)").clicked() {
                    self.request(Pending::New);
                }
                if ui.button("Ouvrir… (Ctrl+O)").clicked() {
                    self.request(Pending::AskOpenPath);
                }
                if ui.button("Ouvrir l'exemple").clicked() {
                    self.request(Pending::OpenExample);
                }
                ui.menu_button("Fichiers récents", |ui| {
                    if self.settings.recent_files.is_empty() {
                        ui.label("Aucun fichier récent");
                    }
                    for p in self.settings.recent_files.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.request(Pending::Open(p));
                        }
                    }
                });
                ui.separator();
                if ui.button("Enregistrer (Ctrl+S)").clicked() {
                    self.save();
                }
                if ui.button("Enregistrer sous… (Ctrl+Maj+S)").clicked() {
                    self.dialog = Some(Dialog::SaveAsPath {
                        text: self
                            .path
                            .as_ref()
                            .map_or_else(|| self.suggested_path(), |p| p.display().to_string()),
                    });
                }
                ui.separator();
                if ui.button("Imprimer… (Ctrl+P)").clicked() {
                    self.tab = Tab::Print;
                }
                ui.separator();
                if ui.button("Quitter").clicked() {
                    self.request(Pending::Quit);
                }
            });
            ui.menu_button("Édition", |ui| {
                if ui
                    .add_enabled(
                        self.history.can_undo(),
                        egui::Button::new("Annuler (Ctrl+Z)"),
                    )
                    .clicked()
                {
                    self.undo();
                }
                if ui
                    .add_enabled(
                        self.history.can_redo(),
                        egui::Button::new("Rétablir (Ctrl+Maj+Z)"),
                    )
                    .clicked()
                {
                    self.redo();
                }
            });
            ui.separator();
            ui.label(RichText::new(self.title()).weak());
        });
    }

    fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            if self.dirty {
                ui.label(RichText::new("Modifications non enregistrées").color(AMBER));
            } else {
                ui.label(RichText::new("Aucune modification non enregistrée").weak());
            }
            ui.separator();
            let color = if self.status_is_error {
                RED
            } else {
                ui.visuals().text_color()
            };
            ui.label(RichText::new(&self.status).color(color));
            if let Some(e) = &self.autosave_error {
                ui.separator();
                ui.label(RichText::new(e).color(RED));
            }
        });
    }

    fn navigation(&mut self, ui: &mut Ui) {
        ui.add_space(4.0);
        ui.heading("Dossier");
        ui.add_space(4.0);
        for tab in Tab::ALL {
            let (blocking, warnings) = match tab.section() {
                Some(s) => (
                    self.findings
                        .iter()
                        .filter(|f| f.section == s && f.is_blocking())
                        .count(),
                    self.findings
                        .iter()
                        .filter(|f| f.section == s && !f.is_blocking())
                        .count(),
                ),
                None if tab == Tab::Verification => rules::summary(&self.findings),
                None => (0, 0),
            };
            ui.horizontal(|ui| {
                let selected = self.tab == tab;
                if ui.selectable_label(selected, tab.label()).clicked() {
                    self.tab = tab;
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if tab == Tab::Print {
                        return;
                    }
                    if blocking > 0 {
                        ui.label(RichText::new(format!("✖ {blocking}")).color(RED))
                            .on_hover_text(format!("{blocking} point(s) bloquant(s)"));
                    } else if warnings > 0 {
                        ui.label(RichText::new(format!("! {warnings}")).color(AMBER))
                            .on_hover_text(format!("{warnings} avertissement(s)"));
                    } else {
                        ui.label(RichText::new("✔").color(GREEN))
                            .on_hover_text("Complet");
                    }
                });
            });
        }
    }

    fn dialogs(&mut self, ui: &mut Ui) {
        let Some(dialog) = self.dialog.clone() else {
            self.dialog_note = None;
            return;
        };
        let shown = std::mem::discriminant(&dialog);
        let ctx = ui.ctx().clone();
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("dialog")).show(&ctx, |ui| {
            ui.set_max_width(560.0);
            match dialog {
                Dialog::ConfirmDiscard { then } => {
                    ui.heading("Modifications non enregistrées");
                    ui.label("Le dossier a des modifications qui ne sont pas enregistrées.");
                    ui.horizontal(|ui| {
                        if ui.button("Enregistrer").clicked() {
                            close = true;
                            self.dialog = None;
                            self.save();
                            if !self.dirty {
                                self.perform(then.clone());
                            }
                        }
                        if ui.button("Ne pas enregistrer").clicked() {
                            close = true;
                            self.dirty = false;
                            // Discarded work must not come back after a crash.
                            self.clear_recovery();
                            self.perform(then.clone());
                        }
                        if ui.button("Annuler").clicked() {
                            close = true;
                        }
                    });
                }
                Dialog::OpenPath { mut text } => {
                    ui.heading("Ouvrir un dossier");
                    let l = ui.label("Chemin du fichier (.ron) :");
                    let r = ui.add(egui::TextEdit::singleline(&mut text).desired_width(520.0)).labelled_by(l.id);
                    if r.changed() && let Some(Dialog::OpenPath { text: t }) = &mut self.dialog {
                        *t = text.clone();
                    }
                    if let Some(note) = &self.dialog_note {
                        ui.label(RichText::new(note).color(AMBER));
                    }
                    ui.horizontal(|ui| {
                        if ui.button("Parcourir…").clicked() {
                            match rfd::FileDialog::new().add_filter("Dossier cluster", &["ron"]).pick_file() {
                                Some(p) => {
                                    close = true;
                                    self.dialog = None;
                                    self.open_path(&p);
                                }
                                None => self.dialog_note = Some(NO_FILE_CHOSEN.into()),
                            }
                        }
                        if ui.button("Ouvrir").clicked() || (r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))) {
                            close = true;
                            self.dialog = None;
                            self.open_path(Path::new(text.trim()));
                        }
                        if ui.button("Annuler").clicked() {
                            close = true;
                        }
                    });
                }
                Dialog::SaveAsPath { mut text } => {
                    ui.heading("Enregistrer sous");
                    let l = ui.label("Chemin du fichier (.ron) :");
                    let r = ui.add(egui::TextEdit::singleline(&mut text).desired_width(520.0)).labelled_by(l.id);
                    if r.changed() && let Some(Dialog::SaveAsPath { text: t }) = &mut self.dialog {
                        *t = text.clone();
                    }
                    if let Some(note) = &self.dialog_note {
                        ui.label(RichText::new(note).color(AMBER));
                    }
                    ui.horizontal(|ui| {
                        if ui.button("Parcourir…").clicked() {
                            match rfd::FileDialog::new().add_filter("Dossier cluster", &["ron"]).set_file_name("dossier-cluster.ron").save_file() {
                                Some(p) => {
                                    close = true;
                                    self.dialog = None;
                                    self.save_to(&p);
                                }
                                None => self.dialog_note = Some(NO_FILE_CHOSEN.into()),
                            }
                        }
                        if ui.button("Enregistrer").clicked() || (r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))) {
                            let mut p = PathBuf::from(text.trim());
                            if p.extension().is_none() {
                                p.set_extension("ron");
                            }
                            close = true;
                            self.dialog = None;
                            self.save_to(&p);
                        }
                        if ui.button("Annuler").clicked() {
                            close = true;
                        }
                    });
                }
                Dialog::Recovery(r) => {
                    ui.heading("Travail non enregistré retrouvé");
                    let source = r.source.as_ref().map_or_else(|| "un dossier jamais enregistré".to_string(), |p| format!("« {} »", p.display()));
                    ui.label(format!("La dernière session s'est arrêtée sans enregistrer les modifications de {source}. Voulez-vous les restaurer ?"));
                    ui.horizontal(|ui| {
                        if ui.button("Restaurer").clicked() {
                            close = true;
                            let path = r.source.clone();
                            let profile = match service::profiles::for_dossier(&r.dossier, &service::base_dir(path.as_deref()), None) {
                                Ok(p) => p,
                                Err(e) => {
                                    self.dialog = Some(Dialog::Error(e.to_string()));
                                    return;
                                }
                            };
                            self.replace(r.dossier.clone(), profile, path.clone());
                            // Restored work is unsaved until the user saves it.
                            self.saved = path.as_deref().and_then(|p| store::load(p).ok()).unwrap_or_default();
                            self.dirty = self.dossier != self.saved;
                            self.autosaved = true;
                            self.status = "Travail restauré : pensez à enregistrer".into();
                        }
                        if ui.button("Ignorer").clicked() {
                            close = true;
                            if let Some(dirs) = &self.dirs {
                                recovery::clear(&dirs.data);
                            }
                        }
                    });
                }
                Dialog::Overwrite => {
                    ui.heading("Fichier modifié par ailleurs");
                    ui.label("Le fichier a été modifié sur le disque depuis son ouverture (autre copie de l'application, collègue sur un dossier partagé). L'écraser remplacera ces modifications.");
                    ui.horizontal(|ui| {
                        if ui.button("Écraser").clicked() {
                            close = true;
                            self.dialog = None;
                            if let Some(p) = self.path.clone() {
                                self.save_to(&p);
                            }
                        }
                        if ui.button("Enregistrer sous…").clicked() {
                            self.dialog = Some(Dialog::SaveAsPath { text: self.suggested_path() });
                        }
                        if ui.button("Annuler").clicked() {
                            close = true;
                        }
                    });
                }
                Dialog::Error(message) => {
                    ui.heading("Erreur");
                    ui.label(RichText::new(message).color(RED));
                    if ui.button("OK").clicked() {
                        close = true;
                    }
                }
            }
        });
        if (close || modal.should_close())
            && self
                .dialog
                .as_ref()
                .is_some_and(|d| std::mem::discriminant(d) == shown)
        {
            // A handler may have opened a follow-up dialog: only the one
            // shown is closed.
            self.dialog = None;
            self.dialog_note = None;
        }
    }
}
