//! The modal dialogs. They are drawn from the dialog held by the app (never
//! a copy of it) and only push [`Command`]s: saving, opening and restoring
//! happen once the frame is drawn, in `DossierApp::apply`.

use std::path::PathBuf;

use egui::{Key, RichText, Ui};

use super::{Command, DossierApp, Pending};
use crate::store::recovery::Recovery;
use crate::ui::widgets::{AMBER, RED};

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
    /// A previous session left unsaved work.
    Recovery(Box<Recovery>),
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
        let Some(dialog) = &mut self.dialog else {
            self.dialog_note = None;
            return;
        };
        let note = self.dialog_note.as_deref();
        let mut out: Out = Vec::new();
        let ctx = ui.ctx().clone();
        let modal = egui::Modal::new(egui::Id::unique("dialog")).show(&ctx, |ui| {
            ui.set_max_width(560.0);
            match dialog {
                Dialog::ConfirmDiscard { then } => confirm_discard(ui, then, &mut out),
                Dialog::OpenPath { text } => open_path(ui, text, note, &mut out),
                Dialog::SaveAsPath { text } => save_as_path(ui, text, note, &mut out),
                Dialog::Recovery(r) => recovery(ui, r, &mut out),
                Dialog::Overwrite => overwrite(ui, &mut out),
                Dialog::Error(message) => error(ui, message, &mut out),
                Dialog::Info { title, lines } => info(ui, title, lines, &mut out),
            }
        });
        if modal.should_close() && out.is_empty() {
            out.push(Command::CloseDialog);
        }
        self.commands.extend(out);
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
        ui.label(RichText::new(note).color(AMBER));
    }
    r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
}

fn open_path(ui: &mut Ui, text: &mut String, note: Option<&str>, out: &mut Out) {
    ui.heading("Ouvrir un dossier");
    let entered = path_field(ui, text, note);
    ui.horizontal(|ui| {
        if ui.button("Parcourir…").clicked() {
            out.push(Command::BrowseOpen);
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

fn save_as_path(ui: &mut Ui, text: &mut String, note: Option<&str>, out: &mut Out) {
    ui.heading("Enregistrer sous");
    let entered = path_field(ui, text, note);
    ui.horizontal(|ui| {
        if ui.button("Parcourir…").clicked() {
            out.push(Command::BrowseSave);
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

fn recovery(ui: &mut Ui, r: &Recovery, out: &mut Out) {
    ui.heading("Travail non enregistré retrouvé");
    let source = r.source.as_ref().map_or_else(
        || "un dossier jamais enregistré".to_string(),
        |p| format!("« {} »", p.display()),
    );
    ui.label(format!("La dernière session s'est arrêtée sans enregistrer les modifications de {source}. Voulez-vous les restaurer ?"));
    ui.horizontal(|ui| {
        if ui.button("Restaurer").clicked() {
            // The command takes the recovered dossier out of the dialog.
            out.push(Command::RestoreRecovery);
        }
        if ui.button("Ignorer").clicked() {
            out.extend([Command::CloseDialog, Command::ClearRecovery]);
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
    ui.label(RichText::new(message).color(RED));
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
