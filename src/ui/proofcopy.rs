//! « Copie de relecture », in the print tab: the written sections as a Word
//! document for the president and the board to correct before signing,
//! through the core's copy job (which never replaces a corrected copy).

use std::path::PathBuf;

use egui::{Id, RichText, Ui};

use crate::service::proofcopy;
use crate::ui::app::DossierApp;
use crate::ui::print_job;
use crate::ui::widgets::{GREEN, HINT_SIZE, RED, title};

/// The panel's state, kept in egui's memory for the session: the output
/// path as typed, the dossier path it was proposed for, the last outcome.
#[derive(Clone, Debug, Default)]
struct Panel {
    output: String,
    proposed_for: Option<PathBuf>,
    message: Option<(String, bool)>,
    written: Option<PathBuf>,
}

/// The proposed file: beside the dossier, named after it.
fn proposed(app: &DossierApp) -> String {
    let dossier = app
        .path
        .clone()
        .unwrap_or_else(|| crate::ui::app::default_folder().join("dossier-cluster.ron"));
    proofcopy::default_path(&dossier).display().to_string()
}

/// The section of the print tab.
pub fn show(ui: &mut Ui, app: &mut DossierApp) {
    let id = Id::unique("proofcopy.panel");
    let mut panel: Panel = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    // A new proposal when the dossier was saved under another name.
    if panel.output.is_empty() || panel.proposed_for != app.path {
        panel.output = proposed(app);
        panel.proposed_for = app.path.clone();
    }
    title(ui, "Copie de relecture");
    ui.label("Les sections rédigées (1 à 6) dans un document Word, à ouvrir avec Word ou LibreOffice : le Président et le Conseil d'Administration y commentent et corrigent le texte avant de signer. Ce n'est pas le dossier à déposer.");
    ui.horizontal(|ui| {
        let l = ui.label("Document DOCX");
        ui.add(egui::TextEdit::singleline(&mut panel.output).desired_width(360.0))
            .labelled_by(l.id);
        if ui.button("Copie de relecture").clicked() {
            write(app, &mut panel);
        }
    });
    if let Some((m, error)) = &panel.message {
        ui.label(RichText::new(m).color(if *error { RED } else { GREEN }));
    }
    if let Some(file) = panel.written.clone()
        && ui.button("Ouvrir la copie").clicked()
    {
        panel.message = Some(match print_job::open_with_system(&file) {
            Ok(()) => (format!("Copie ouverte : {}", file.display()), false),
            Err(e) => (e.to_string(), true),
        });
    }
    ui.label(
        RichText::new("Une copie déjà corrigée et enregistrée n'est jamais remplacée : la nouvelle copie prend alors un autre nom. Les corrections retenues se reportent ensuite dans le dossier.")
            .size(HINT_SIZE),
    );
    ui.data_mut(|d| d.insert_temp(id, panel));
}

fn write(app: &DossierApp, panel: &mut Panel) {
    let output = PathBuf::from(panel.output.trim());
    let today = proofcopy::today(&app.profile);
    let result = proofcopy::write(
        &app.dossier,
        &app.profile,
        app.path.as_deref(),
        &output,
        today,
    );
    panel.written = result.is_ok().then(|| output.clone());
    panel.message = Some(match result {
        Ok(()) => (
            format!("Copie de relecture écrite : {}", output.display()),
            false,
        ),
        Err(e) => (crate::service::describe_error(&e), true),
    });
}
