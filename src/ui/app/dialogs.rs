//! The modal dialogs. They are drawn from the dialog held by the app (never
//! a copy of it) and only push [`Command`]s: saving, opening and restoring
//! happen once the frame is drawn, in `DossierApp::apply`.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};

use egui::{Key, RichText, Ui};

use super::{Command, DossierApp, Pending};

pub(crate) const NO_FILE_CHOSEN: &str = "Aucun fichier choisi. Si la fenêtre de sélection ne s'est pas ouverte sur cet ordinateur, saisissez le chemin complet ci-dessus.";

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
    /// A call profile's path, typed (« Profil de l'appel… » or « Nouvelle
    /// édition… » when the system dialog could not open).
    ProfilePath {
        text: String,
        edition: bool,
    },
    /// A previous session left unsaved work: the first of the app's offers.
    Recovery,
    /// The file changed on disk since it was opened.
    Overwrite,
    Error(String),
    /// Something done, with details to read (e.g. what a new edition could
    /// not carry over).
    Info {
        title: String,
        lines: Vec<String>,
    },
}

/// What a dialog asks for, besides closing.
type Out = Vec<Command>;

impl DossierApp {
    /// Draws the current dialog, if any; its buttons push commands.
    pub(super) fn dialogs(&mut self, ui: &mut Ui) {
        let picked = poll_pick(ui.ctx());
        self.runtime.commands.extend(picked);
        let busy = picking(ui.ctx());
        let offers = &self.runtime.offers;
        let Some(dialog) = &mut self.view.dialog else {
            self.view.dialog_note = None;
            return;
        };
        let note = if busy {
            Some(PICKING)
        } else {
            self.view.dialog_note.as_deref()
        };
        let mut out: Out = Vec::new();
        let ctx = ui.ctx().clone();
        let modal = egui::Modal::new(egui::Id::unique("dialog")).show(&ctx, |ui| {
            ui.set_max_width(560.0);
            match dialog {
                Dialog::ConfirmDiscard { then } => confirm_discard(ui, then, &mut out),
                Dialog::OpenPath { text } => open_path(ui, text, note, busy, &mut out),
                Dialog::SaveAsPath { text } => save_as_path(ui, text, note, busy, &mut out),
                Dialog::ProfilePath { text, edition } => {
                    profile_path(ui, text, *edition, note, busy, &mut out)
                }
                Dialog::Recovery => match offers.front() {
                    Some(offer) => super::restore::dialog(ui, offer, &mut out),
                    None => out.push(Command::CloseDialog),
                },
                Dialog::Overwrite => overwrite(ui, &mut out),
                Dialog::Error(message) => error(ui, message, &mut out),
                Dialog::Info { title, lines } => info(ui, title, lines, &mut out),
            }
        });
        if modal.should_close() && out.is_empty() {
            out.push(Command::CloseDialog);
        }
        self.runtime.commands.extend(out);
    }
}

fn confirm_discard(ui: &mut Ui, then: &Pending, out: &mut Out) {
    ui.heading("Modifications non enregistrées");
    ui.label("Le dossier a des modifications qui ne sont pas enregistrées.");
    ui.horizontal(|ui| {
        if ui.button("Enregistrer").clicked() {
            out.extend([
                Command::CloseDialog,
                Command::Save,
                Command::PerformIfSaved(then.clone()),
            ]);
        }
        if ui.button("Ne pas enregistrer").clicked() {
            out.extend([Command::CloseDialog, Command::Discard(then.clone())]);
        }
        if ui.button("Annuler").clicked() {
            out.push(Command::CloseDialog);
        }
    });
}

/// The path field of the open and save dialogs; true when Enter was pressed in it.
fn path_field(ui: &mut Ui, text: &mut String, note: Option<&str>) -> bool {
    let l = ui.label("Chemin du fichier (.ron) :");
    let r = ui
        .add(egui::TextEdit::singleline(text).desired_width(520.0))
        .labelled_by(l.id);
    if let Some(note) = note {
        ui.label(RichText::new(note).color(ui.visuals().warn_fg_color));
    }
    r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
}

fn open_path(ui: &mut Ui, text: &mut String, note: Option<&str>, busy: bool, out: &mut Out) {
    ui.heading("Ouvrir un dossier");
    let entered = path_field(ui, text, note);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!busy, egui::Button::new("Parcourir…"))
            .clicked()
        {
            start_pick(ui.ctx(), Pick::Open);
        }
        if ui.button("Ouvrir").clicked() || entered {
            out.extend([
                Command::CloseDialog,
                Command::OpenPath(PathBuf::from(text.trim())),
            ]);
        }
        if ui.button("Annuler").clicked() {
            out.push(Command::CloseDialog);
        }
    });
}

fn save_as_path(ui: &mut Ui, text: &mut String, note: Option<&str>, busy: bool, out: &mut Out) {
    ui.heading("Enregistrer sous");
    let entered = path_field(ui, text, note);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!busy, egui::Button::new("Parcourir…"))
            .clicked()
        {
            start_pick(ui.ctx(), Pick::Save);
        }
        if ui.button("Enregistrer").clicked() || entered {
            let mut p = PathBuf::from(text.trim());
            if p.extension().is_none() {
                p.set_extension("ron");
            }
            out.extend([Command::CloseDialog, Command::SaveTo(p)]);
        }
        if ui.button("Annuler").clicked() {
            out.push(Command::CloseDialog);
        }
    });
}

fn profile_path(
    ui: &mut Ui,
    text: &mut String,
    edition: bool,
    note: Option<&str>,
    busy: bool,
    out: &mut Out,
) {
    ui.heading(if edition {
        "Nouvelle édition à partir de ce dossier"
    } else {
        "Profil de l'appel"
    });
    ui.label(crate::ui::tabs::home::PROFILE_EXPLAINED);
    let entered = path_field(ui, text, note);
    ui.horizontal(|ui| {
        let pick = if edition {
            Pick::NewEdition
        } else {
            Pick::Profile
        };
        if ui
            .add_enabled(!busy, egui::Button::new("Parcourir…"))
            .clicked()
        {
            start_pick(ui.ctx(), pick);
        }
        let go = if edition {
            "Créer la nouvelle édition"
        } else {
            "Utiliser ce profil"
        };
        if (ui.button(go).clicked() || entered) && !text.trim().is_empty() {
            let p = PathBuf::from(text.trim());
            out.extend([
                Command::CloseDialog,
                if edition {
                    Command::NewEdition(p)
                } else {
                    Command::UseProfile(p)
                },
            ]);
        }
        if ui.button("Annuler").clicked() {
            out.push(Command::CloseDialog);
        }
    });
}

fn overwrite(ui: &mut Ui, out: &mut Out) {
    ui.heading("Fichier modifié par ailleurs");
    ui.label("Le fichier a été modifié sur le disque depuis son ouverture (autre copie de l'application, collègue sur un dossier partagé). L'écraser remplacera ces modifications.");
    ui.horizontal(|ui| {
        if ui.button("Écraser").clicked() {
            out.extend([Command::CloseDialog, Command::Overwrite]);
        }
        if ui.button("Enregistrer sous…").clicked() {
            out.push(Command::AskSaveAs);
        }
        if ui.button("Annuler").clicked() {
            out.push(Command::CloseDialog);
        }
    });
}

fn error(ui: &mut Ui, message: &str, out: &mut Out) {
    ui.heading("Erreur");
    ui.label(RichText::new(message).color(ui.visuals().error_fg_color));
    if ui.button("OK").clicked() {
        out.push(Command::CloseDialog);
    }
}

fn info(ui: &mut Ui, title: &str, lines: &[String], out: &mut Out) {
    ui.heading(title);
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .show(ui, |ui| {
            for l in lines {
                ui.label(l);
            }
        });
    if ui.button("OK").clicked() {
        out.push(Command::CloseDialog);
    }
}

const PICKING: &str =
    "La fenêtre de sélection de fichier est ouverte (elle peut être derrière cette fenêtre).";

/// Which native file dialog to open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Open,
    Save,
    /// « Profil de l'appel… ».
    Profile,
    /// « Nouvelle édition à partir de ce dossier… »: the new profile.
    NewEdition,
}

/// The running native dialog's answer, kept in egui's memory (the app
/// state has no slot for it): `None` once collected.
type Slot = Arc<Mutex<Option<Receiver<Vec<Command>>>>>;

fn slot_id() -> egui::Id {
    egui::Id::unique("dossier.native_file_dialog")
}

/// Opens the native file dialog in a worker thread: the window keeps
/// drawing (and answering the system) while it is open, and the choice
/// comes back as the commands the « Ouvrir » and « Enregistrer » buttons
/// push. A dialog that cannot open brings up a path field and says so.
pub(crate) fn start_pick(ctx: &egui::Context, pick: Pick) {
    use crate::ui::picker::{Answer, Mode, Request};
    let (tx, rx) = channel();
    let slot: Slot = Arc::new(Mutex::new(Some(rx)));
    ctx.data_mut(|d| d.insert_temp(slot_id(), slot));
    let (title, filter) = match pick {
        Pick::Open => ("Ouvrir un dossier", "Dossier cluster"),
        Pick::Save => ("Enregistrer sous", "Dossier cluster"),
        Pick::Profile => ("Profil de l'appel", "Profil d'appel"),
        Pick::NewEdition => ("Profil de la nouvelle édition", "Profil d'appel"),
    };
    let request = Request {
        title,
        filter,
        extensions: &["ron"],
        folder: None,
    };
    let mode = match pick {
        Pick::Save => Mode::Save {
            file_name: "dossier-cluster.ron".into(),
        },
        _ => Mode::Open,
    };
    crate::ui::picker::ask(ctx, request, mode, move |answer| {
        let commands = match (pick, answer) {
            (Pick::Open, Answer::File(p)) => vec![Command::CloseDialog, Command::OpenPath(p)],
            (Pick::Save, Answer::File(p)) => vec![Command::CloseDialog, Command::SaveTo(p)],
            (Pick::Profile, Answer::File(p)) => {
                vec![Command::CloseDialog, Command::UseProfile(p)]
            }
            (Pick::NewEdition, Answer::File(p)) => {
                vec![Command::CloseDialog, Command::NewEdition(p)]
            }
            (_, Answer::Unavailable) => vec![Command::PickUnavailable(pick)],
            // Cancelled from a menu: nothing was asked, nothing to say.
            (Pick::Profile | Pick::NewEdition, Answer::Cancelled) => Vec::new(),
            (_, Answer::Cancelled) => vec![Command::NoFileChosen],
        };
        // The window may be gone: nothing to deliver then.
        let _ = tx.send(commands);
    });
}

fn slot(ctx: &egui::Context) -> Option<Slot> {
    ctx.data(|d| d.get_temp::<Slot>(slot_id()))
}

/// Whether a native dialog is open.
fn picking(ctx: &egui::Context) -> bool {
    slot(ctx).is_some_and(|s| s.lock().is_ok_and(|g| g.is_some()))
}

/// The commands of a native dialog that just closed.
fn poll_pick(ctx: &egui::Context) -> Vec<Command> {
    let Some(slot) = slot(ctx) else {
        return Vec::new();
    };
    let Ok(mut guard) = slot.lock() else {
        return Vec::new();
    };
    let Some(rx) = guard.as_ref() else {
        return Vec::new();
    };
    match rx.try_recv() {
        Ok(commands) => {
            *guard = None;
            commands
        }
        Err(TryRecvError::Empty) => Vec::new(),
        Err(TryRecvError::Disconnected) => {
            *guard = None;
            vec![Command::NoFileChosen]
        }
    }
}

/// Wakes the worker thread parked in [`block_on`].
struct Unpark(std::thread::Thread);

impl std::task::Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Runs rfd's dialog future on the worker thread (no async runtime is
/// needed for one future).
pub(crate) fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let waker = std::task::Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = std::task::Context::from_waker(&waker);
    loop {
        match future.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(v) => return v,
            std::task::Poll::Pending => std::thread::park(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_dialog_is_delivered_once_as_commands() {
        let ctx = egui::Context::default();
        let (tx, rx) = channel();
        let slot: Slot = Arc::new(Mutex::new(Some(rx)));
        ctx.data_mut(|d| d.insert_temp(slot_id(), slot));
        assert!(picking(&ctx));
        assert!(poll_pick(&ctx).is_empty(), "still open");
        let chosen = PathBuf::from("/tmp/cluster.ron");
        tx.send(vec![
            Command::CloseDialog,
            Command::OpenPath(chosen.clone()),
        ])
        .expect("send");
        assert_eq!(
            poll_pick(&ctx),
            [Command::CloseDialog, Command::OpenPath(chosen)]
        );
        assert!(!picking(&ctx));
        assert!(poll_pick(&ctx).is_empty(), "delivered once");
    }

    #[test]
    fn block_on_runs_a_future_to_its_end() {
        assert_eq!(block_on(async { 41 + 1 }), 42);
    }
}
