//! Vérification: every finding, blocking first, grouped by section; a click
//! opens the tab and brings the field into view.

use egui::{RichText, Ui};

use crate::model::Section;
use crate::ui::app::DossierApp;
use crate::ui::widgets::{GREEN, title};

pub fn show(ui: &mut Ui, app: &mut DossierApp) {
    title(ui, "Vérification du dossier");
    let (blocking, warnings) = crate::model::rules::summary(&app.document.findings);
    if blocking == 0 {
        ui.label(
            RichText::new("Aucun point bloquant : le dossier peut être imprimé en version finale.")
                .color(GREEN)
                .strong(),
        );
    } else {
        ui.label(
            RichText::new(format!(
                "{blocking} point(s) bloquant(s) : le dossier serait refusé en l'état."
            ))
            .color(ui.visuals().error_fg_color)
            .strong(),
        );
    }
    ui.label(format!("{warnings} avertissement(s)."));
    ui.checkbox(
        &mut app.view.verification_blocking_only,
        "bloquants seulement",
    );
    let mut target = None;
    for section in Section::ALL {
        let list: Vec<_> = app
            .document
            .findings
            .iter()
            .filter(|f| {
                f.section == section && (!app.view.verification_blocking_only || f.is_blocking())
            })
            .collect();
        if list.is_empty() {
            continue;
        }
        ui.add_space(8.0);
        ui.strong(section.label());
        for f in list {
            let (mark, color) = if f.is_blocking() {
                ("✖ Bloquant", ui.visuals().error_fg_color)
            } else {
                ("! Attention", ui.visuals().warn_fg_color)
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(mark).color(color));
                if ui
                    .link(&f.message)
                    .on_hover_text("Aller au champ")
                    .clicked()
                {
                    target = Some((f.section, f.field.clone()));
                }
            });
        }
    }
    if let Some((section, field)) = target {
        app.go_to(section, field.as_str());
    }
}
