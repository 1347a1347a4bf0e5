//! The app's state in three parts, each with one reason to change:
//! [`Document`] is the dossier being edited and its file, [`View`] is what
//! is on screen, [`Runtime`] is the machinery (settings, recovery,
//! autosave timing, the command queue and the background jobs).

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::{Command, Dialog, Tab};
use crate::model::{CallProfile, Dossier, Finding};
use crate::service::recovery::{Offer, Recoveries};
use crate::service::session::Base;
use crate::service::{AppDirs, Settings};
use crate::ui::history::History;
use crate::ui::print_job::PrintPanel;
use crate::ui::widgets::Flag;

/// The dossier being edited, its file, and what the rules say about it.
pub struct Document {
    pub(crate) dossier: Dossier,
    pub(crate) profile: Arc<CallProfile>,
    pub(crate) path: Option<PathBuf>,
    /// The file's version the edits started from (see [`Base`]).
    pub(crate) base: Base,
    /// The dossier as last saved or opened.
    pub(crate) saved: Dossier,
    pub(crate) dirty: bool,
    pub(crate) history: History,
    pub(crate) findings: Vec<Finding>,
    /// The findings by field, as the form marks them.
    pub(crate) flagged: HashMap<String, Flag>,
}

impl Document {
    pub(crate) fn new(dossier: Dossier, profile: Arc<CallProfile>) -> Self {
        Self {
            history: History::new(&dossier),
            saved: dossier.clone(),
            dossier,
            profile,
            path: None,
            base: Base::default(),
            dirty: false,
            findings: Vec::new(),
            flagged: HashMap::new(),
        }
    }
}

/// What is on screen: the tab, the fields' text being typed, the dialog,
/// the status line, the panels' own state.
pub struct View {
    pub(crate) tab: Tab,
    /// Field to bring into view, and whether that was just asked.
    pub(crate) focus: Option<(String, bool)>,
    /// The focus target whose widget the last frame drew (for the tests
    /// that check every finding leads to a field).
    pub(crate) focus_served: Option<String>,
    pub(crate) buffers: HashMap<String, String>,
    pub(crate) dialog: Option<Dialog>,
    /// A hint shown in the file dialogs (the native one did not give a file).
    pub(crate) dialog_note: Option<String>,
    /// « Enregistré à 14 h 32 », or an error.
    pub(crate) status: String,
    pub(crate) status_is_error: bool,
    pub(crate) members_view: crate::ui::tabs::members::MembersView,
    pub(crate) verification_blocking_only: bool,
    pub(crate) print_panel: PrintPanel,
    /// « Copie de relecture », in the print tab (kept for the session).
    pub(crate) copy_panel: crate::ui::proofcopy::CopyPanel,
    /// The page preview, shown beside the form or in its own tab.
    pub(crate) preview: crate::ui::preview::PreviewPane,
    pub(crate) preview_open: bool,
    /// What was found when the file on disk was last looked at.
    pub(crate) disk_note: Option<String>,
}

impl Default for View {
    fn default() -> Self {
        Self {
            tab: Tab::Home,
            focus: None,
            focus_served: None,
            buffers: HashMap::new(),
            dialog: None,
            dialog_note: None,
            status: String::new(),
            status_is_error: false,
            members_view: Default::default(),
            verification_blocking_only: false,
            print_panel: PrintPanel::default(),
            copy_panel: Default::default(),
            preview: crate::ui::preview::PreviewPane::new(),
            preview_open: false,
            disk_note: None,
        }
    }
}

/// The machinery: where settings and recovery files live, the autosave's
/// timing, the commands queued this frame, the jobs running.
pub struct Runtime {
    /// Where settings and the recovery file live (`None`: neither).
    pub(crate) dirs: Option<AppDirs>,
    pub(crate) settings: Settings,
    /// This instance's autosave file, and the recovered works offered to
    /// her (the first one is in the dialog).
    pub(crate) recoveries: Recoveries,
    pub(crate) offers: VecDeque<Offer>,
    /// Last time the dossier changed and whether the recovery file has it.
    pub(crate) last_change: Option<Instant>,
    pub(crate) autosaved: bool,
    pub(crate) autosave_error: Option<String>,
    /// What menus, shortcuts, dialogs and tabs asked for during this frame.
    pub(crate) commands: Vec<Command>,
    pub(crate) allow_close: bool,
    pub(crate) quit_requested: bool,
    pub(crate) fonts_ready: bool,
    pub(crate) last_title: String,
    /// The dossier changed since the preview was last fed.
    pub(crate) preview_stale: bool,
    /// When the file on disk was last looked at.
    pub(crate) disk_checked: Option<Instant>,
    /// The work running off the UI thread.
    pub(crate) jobs: super::jobs::Jobs,
    /// The window's context, for the jobs to wake it (a stand-in until the
    /// first frame).
    pub(crate) ctx: egui::Context,
}

impl Runtime {
    pub(crate) fn new(dirs: Option<AppDirs>) -> Self {
        let settings = dirs
            .as_ref()
            .map(AppDirs::load_settings)
            .unwrap_or_default();
        Self {
            recoveries: Recoveries::new(dirs.as_ref().map(|d| d.data.clone())),
            offers: VecDeque::new(),
            dirs,
            settings,
            last_change: None,
            autosaved: true,
            autosave_error: None,
            commands: Vec::new(),
            allow_close: false,
            quit_requested: false,
            fonts_ready: false,
            last_title: String::new(),
            preview_stale: true,
            disk_checked: None,
            jobs: Default::default(),
            ctx: egui::Context::default(),
        }
    }
}
