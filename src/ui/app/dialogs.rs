//! The modal dialogs. They are drawn from the dialog held by the app (never
//! a copy of it) and only push [`Command`]s: saving, opening and restoring
//! happen once the frame is drawn, in `DossierApp::apply`.

use std::path::PathBuf;

use egui::{Key, RichText, Ui};

use super::{Command, DossierApp, Pending};
use crate::ui::job::JobError;
use crate::ui::picker::{self, Answer};

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
        let busy = self.runtime.jobs.pick.is_some();
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
            out.push(Command::Browse(Pick::Open));
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
            out.push(Command::Browse(Pick::Save));
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
            out.push(Command::Browse(pick));
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

/// What to ask the system's file dialog for `pick`.
pub(crate) fn pick_request(pick: Pick) -> (picker::Request, picker::Mode) {
    let (title, filter) = match pick {
        Pick::Open => ("Ouvrir un dossier", "Dossier cluster"),
        Pick::Save => ("Enregistrer sous", "Dossier cluster"),
        Pick::Profile => ("Profil de l'appel", "Profil d'appel"),
        Pick::NewEdition => ("Profil de la nouvelle édition", "Profil d'appel"),
    };
    let request = picker::Request {
        title,
        filter,
        extensions: &["ron"],
        folder: None,
    };
    let mode = match pick {
        Pick::Save => picker::Mode::Save {
            file_name: "dossier-cluster.ron".into(),
        },
        _ => picker::Mode::Open,
    };
    (request, mode)
}

/// The commands the system's file dialog gives back: those the dialog's
/// own buttons push. A dialog that could not open brings up a path field
/// and says so.
pub(crate) fn picked(pick: Pick, answer: Result<Answer, JobError>) -> Vec<Command> {
    // A dialog whose worker failed gave no dialog either.
    let answer = answer.unwrap_or(Answer::Unavailable);
    match (pick, answer) {
        (Pick::Open, Answer::File(p)) => vec![Command::CloseDialog, Command::OpenPath(p)],
        (Pick::Save, Answer::File(p)) => vec![Command::CloseDialog, Command::SaveTo(p)],
        (Pick::Profile, Answer::File(p)) => vec![Command::CloseDialog, Command::UseProfile(p)],
        (Pick::NewEdition, Answer::File(p)) => {
            vec![Command::CloseDialog, Command::NewEdition(p)]
        }
        (_, Answer::Unavailable) => vec![Command::PickUnavailable(pick)],
        // Cancelled from a menu: nothing was asked, nothing to say.
        (Pick::Profile | Pick::NewEdition, Answer::Cancelled) => Vec::new(),
        (_, Answer::Cancelled) => vec![Command::NoFileChosen],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_file_comes_back_as_the_buttons_commands() {
        let chosen = PathBuf::from("/tmp/cluster.ron");
        assert_eq!(
            picked(Pick::Open, Ok(Answer::File(chosen.clone()))),
            [Command::CloseDialog, Command::OpenPath(chosen)]
        );
        assert_eq!(
            picked(Pick::Save, Ok(Answer::Cancelled)),
            [Command::NoFileChosen]
        );
        assert!(picked(Pick::Profile, Ok(Answer::Cancelled)).is_empty());
        let failed = JobError::Panicked {
            what: "x".into(),
            detail: "y".into(),
        };
        assert_eq!(
            picked(Pick::NewEdition, Err(failed)),
            [Command::PickUnavailable(Pick::NewEdition)]
        );
    }
}
