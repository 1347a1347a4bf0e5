//! The window's chrome: menu bar, keyboard shortcuts, status bar and the
//! navigation list. Menus and shortcuts push [`Command`]s; nothing is saved
//! or opened while they are drawn.

use std::cell::RefCell;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::{Command, DossierApp, Pending, Tab};
use crate::model::{Dossier, Fingerprint, rules};
use crate::ui::widgets::GREEN;

impl DossierApp {
    pub(super) fn menu_bar(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("Fichier", |ui| self.file_menu(ui));
            ui.menu_button("Édition", |ui| {
                let undo = egui::Button::new("Annuler (Ctrl+Z)");
                if ui
                    .add_enabled(self.document.history.can_undo(), undo)
                    .clicked()
                {
                    self.push(Command::Undo);
                }
                let redo = egui::Button::new("Rétablir (Ctrl+Maj+Z)");
                if ui
                    .add_enabled(self.document.history.can_redo(), redo)
                    .clicked()
                {
                    self.push(Command::Redo);
                }
            });
            ui.menu_button("Affichage", |ui| {
                let mut open = self.view.preview_open;
                if ui
                    .checkbox(&mut open, "Aperçu des pages à côté du formulaire (F9)")
                    .clicked()
                {
                    self.toggle_preview();
                }
                if ui.button("Aperçu en plein écran").clicked() {
                    self.push(Command::GoTo(Tab::Preview));
                }
            });
            ui.separator();
            ui.label(RichText::new(self.title()).weak());
        });
    }

    fn file_menu(&mut self, ui: &mut Ui) {
        let mut out = Vec::new();
        if ui.button("Nouveau (Ctrl+N)").clicked() {
            out.push(Command::Request(Pending::New));
        }
        if ui.button("Ouvrir… (Ctrl+O)").clicked() {
            out.push(Command::Request(Pending::AskOpenPath));
        }
        if ui.button("Ouvrir l'exemple").clicked() {
            out.push(Command::Request(Pending::OpenExample));
        }
        ui.menu_button("Fichiers récents", |ui| {
            if self.runtime.settings.recent_files.is_empty() {
                ui.label("Aucun fichier récent");
            }
            for p in &self.runtime.settings.recent_files {
                if ui.button(p.display().to_string()).clicked() {
                    out.push(Command::Request(Pending::Open(p.clone())));
                }
            }
        });
        ui.separator();
        if ui.button("Enregistrer (Ctrl+S)").clicked() {
            out.push(Command::Save);
        }
        if ui.button("Enregistrer sous… (Ctrl+Maj+S)").clicked() {
            out.push(Command::AskSaveAs);
        }
        ui.separator();
        // The native dialogs run on a worker: the window keeps drawing.
        if ui.button("Profil de l'appel…").clicked() {
            out.push(Command::Browse(super::dialogs::Pick::Profile));
        }
        if ui
            .button("Nouvelle édition à partir de ce dossier…")
            .clicked()
        {
            out.push(Command::Browse(super::dialogs::Pick::NewEdition));
        }
        ui.separator();
        if ui.button("Imprimer… (Ctrl+P)").clicked() {
            out.push(Command::GoTo(Tab::Print));
        }
        ui.separator();
        if ui.button("Quitter").clicked() {
            out.push(Command::Request(Pending::Quit));
        }
        self.runtime.commands.extend(out);
    }

    pub(super) fn shortcuts(&mut self, ui: &Ui) {
        let cmd = Modifiers::COMMAND;
        let shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let pressed = |m, k| ui.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(m, k)));
        if pressed(Modifiers::NONE, Key::F9) {
            self.toggle_preview();
        }
        // Longer combinations first: Ctrl+Shift+S must not trigger Ctrl+S.
        if pressed(shift, Key::S) {
            self.push(Command::AskSaveAs);
        } else if pressed(cmd, Key::S) {
            self.push(Command::Save);
        }
        if pressed(shift, Key::Z) {
            self.push(Command::Redo);
        } else if pressed(cmd, Key::Z) {
            self.push(Command::Undo);
        }
        if pressed(cmd, Key::Y) {
            self.push(Command::Redo);
        }
        if pressed(cmd, Key::N) {
            self.push(Command::Request(Pending::New));
        }
        if pressed(cmd, Key::O) {
            self.push(Command::Request(Pending::AskOpenPath));
        }
        if pressed(cmd, Key::P) {
            self.push(Command::GoTo(Tab::Print));
        }
    }

    pub(super) fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            if self.document.dirty {
                ui.label(
                    RichText::new("Modifications non enregistrées")
                        .color(ui.visuals().warn_fg_color),
                );
            } else {
                ui.label(RichText::new("Aucune modification non enregistrée").weak());
            }
            ui.separator();
            let color = if self.view.status_is_error {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            };
            ui.label(RichText::new(&self.view.status).color(color));
            if let Some(e) = &self.runtime.autosave_error {
                ui.separator();
                ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
            }
            if let Some(note) = &self.view.disk_note {
                ui.separator();
                ui.label(RichText::new(note).color(ui.visuals().warn_fg_color));
            }
            ui.separator();
            let code = shown_fingerprint(&self.document.dossier);
            ui.label(RichText::new(format!("Empreinte du contenu : {code}")).monospace())
                .on_hover_text(
                    "Imprimée sur chaque page de chaque exemplaire et sur l'accusé de réception ; \
                     elle change à chaque modification du contenu.",
                );
        });
    }

    /// Blocking points and warnings counted for one tab's entry.
    fn counts(&self, tab: Tab) -> (usize, usize) {
        match tab.section() {
            Some(s) => {
                let of = |blocking: bool| {
                    self.document
                        .findings
                        .iter()
                        .filter(|f| f.section == s && f.is_blocking() == blocking)
                        .count()
                };
                (of(true), of(false))
            }
            None if tab == Tab::Verification => rules::summary(&self.document.findings),
            None => (0, 0),
        }
    }

    pub(super) fn navigation(&mut self, ui: &mut Ui) {
        ui.add_space(4.0);
        ui.heading("Dossier");
        ui.add_space(4.0);
        // Before the user has started, what is left is work to do, not an
        // alarm: the counts stay, quiet.
        let blank = self.is_blank();
        for tab in Tab::ALL {
            let (blocking, warnings) = self.counts(tab);
            ui.horizontal(|ui| {
                let selected = self.view.tab == tab;
                if ui.selectable_label(selected, tab.label()).clicked() {
                    self.view.tab = tab;
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if matches!(tab, Tab::Print | Tab::Preview) {
                        return;
                    }
                    if blank && blocking + warnings > 0 {
                        ui.label(RichText::new((blocking + warnings).to_string()).weak())
                            .on_hover_text("à remplir");
                    } else if blocking > 0 {
                        ui.label(
                            RichText::new(format!("✖ {blocking}"))
                                .color(ui.visuals().error_fg_color),
                        )
                        .on_hover_text(format!("{blocking} point(s) bloquant(s)"));
                    } else if warnings > 0 {
                        ui.label(
                            RichText::new(format!("! {warnings}"))
                                .color(ui.visuals().warn_fg_color),
                        )
                        .on_hover_text(format!("{warnings} avertissement(s)"));
                    } else {
                        ui.label(RichText::new("✔").color(GREEN))
                            .on_hover_text("Complet");
                    }
                });
            });
        }
    }
}

thread_local! {
    /// The fingerprint the status bar shows, with the content it is of:
    /// hashed again only when the dossier changed, not on every frame.
    static SHOWN: RefCell<Option<(Dossier, String)>> = const { RefCell::new(None) };
}

/// The content fingerprint of `dossier` (the one its pages will carry).
fn shown_fingerprint(dossier: &Dossier) -> String {
    SHOWN.with_borrow_mut(|shown| {
        if let Some((seen, code)) = shown.as_ref()
            && seen == dossier
        {
            return code.clone();
        }
        let code = Fingerprint::of(dossier).code();
        *shown = Some((dossier.clone(), code.clone()));
        code
    })
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::super::DossierApp;
    use crate::model::Fingerprint;

    #[test]
    fn the_status_bar_shows_the_content_fingerprint_and_follows_edits() {
        let mut h = Harness::builder()
            .with_size([1280.0, 900.0])
            .with_max_steps(24)
            .build_ui_state(
                |ui, app: &mut DossierApp| app.show(ui),
                DossierApp::new(None),
            );
        h.run();
        let label = |app: &DossierApp| {
            format!(
                "Empreinte du contenu : {}",
                Fingerprint::of(&app.document.dossier).code()
            )
        };
        let before = label(h.state());
        assert!(h.query_by_label(&before).is_some(), "{before}");
        h.state_mut().document.dossier.identity.name.push('X');
        h.run();
        let after = label(h.state());
        assert_ne!(before, after);
        assert!(h.query_by_label(&after).is_some(), "{after}");
        assert!(h.query_by_label(&before).is_none());
    }
}
