//! « Copie de relecture », in the print tab: the written sections as a Word
//! document for the president and the board to correct before signing,
//! through the core's copy job (which never replaces a corrected copy).

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::service::proofcopy;
use crate::ui::app::{Command, DossierApp};
use crate::ui::widgets::{GREEN, HINT_SIZE, title};

/// The panel's state, kept for the session: the output path as typed, the
/// dossier path it was proposed for, the last outcome.
#[derive(Clone, Debug, Default)]
pub struct CopyPanel {
    pub(crate) output: String,
    proposed_for: Option<PathBuf>,
    pub(crate) message: Option<(String, bool)>,
    pub(crate) written: Option<PathBuf>,
}

/// The proposed file: beside the dossier, named after it.
fn proposed(app: &DossierApp) -> String {
    let dossier = app
        .document
        .path
        .clone()
        .unwrap_or_else(|| crate::ui::app::default_folder().join("dossier-cluster.ron"));
    proofcopy::default_path(&dossier).display().to_string()
}

/// The section of the print tab. Its buttons push commands: the copy is
/// written, and opened, off the frame.
pub fn show(ui: &mut Ui, app: &mut DossierApp) {
    // A new proposal when the dossier was saved under another name.
    let path = app.document.path.clone();
    if app.view.copy_panel.output.is_empty() || app.view.copy_panel.proposed_for != path {
        app.view.copy_panel.output = proposed(app);
        app.view.copy_panel.proposed_for = path;
    }
    let writing = app.runtime.jobs.copy.is_some();
    let panel = &mut app.view.copy_panel;
    let mut out = Vec::new();
    title(ui, "Copie de relecture");
    ui.label("Les sections rédigées (1 à 6) dans un document Word, à ouvrir avec Word ou LibreOffice : le Président et le Conseil d'Administration y commentent et corrigent le texte avant de signer. Ce n'est pas le dossier à déposer.");
    ui.horizontal(|ui| {
        let l = ui.label("Document DOCX");
        ui.add(egui::TextEdit::singleline(&mut panel.output).desired_width(360.0))
            .labelled_by(l.id);
        if ui
            .add_enabled(!writing, egui::Button::new("Copie de relecture"))
            .clicked()
        {
            out.push(Command::WriteProofCopy);
        }
        if writing {
            ui.spinner();
        }
    });
    if let Some((m, error)) = &panel.message {
        ui.label(RichText::new(m).color(if *error {
            ui.visuals().error_fg_color
        } else {
            GREEN
        }));
    }
    if let Some(file) = panel.written.clone()
        && ui.button("Ouvrir la copie").clicked()
    {
        out.push(Command::OpenProofCopy(file));
    }
    ui.label(
        RichText::new("Une copie déjà corrigée et enregistrée n'est jamais remplacée : la nouvelle copie prend alors un autre nom. Les corrections retenues se reportent ensuite dans le dossier.")
            .size(HINT_SIZE),
    );
    for c in out {
        app.push(c);
    }
}

#[cfg(test)]
mod tests {
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use crate::ui::app::DossierApp;

    /// The secretary's path: the print tab proposes the copy beside the
    /// dossier, the button writes it, and says so.
    #[test]
    fn the_button_writes_the_copy_beside_the_dossier() {
        let dir = tempfile::tempdir().expect("tempdir");
        let dossier = dir.path().join("mon-cluster.ron");
        let mut app = DossierApp::new(None);
        app.open_example();
        crate::store::save(&dossier, &app.document.dossier).expect("saved");
        app.document.path = Some(dossier);
        let mut h = Harness::builder()
            .with_size([1280.0, 2400.0])
            .with_max_steps(24)
            .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
        h.run();
        h.get_by_label("Impression").click();
        h.run();
        let proposed = dir.path().join("mon-cluster-relecture.docx");
        assert!(
            h.query_all_by_value(&proposed.display().to_string())
                .next()
                .is_some(),
            "the field proposes {}",
            proposed.display()
        );
        h.get_by_role_and_label(Role::Button, "Copie de relecture")
            .click();
        crate::ui::job::settle(&mut h);
        let written = std::fs::read(&proposed).expect("the copy is written");
        assert_eq!(
            crate::proofcopy::stamp::examine(&written),
            crate::proofcopy::stamp::Existing::Unchanged
        );
        assert!(
            h.query_by_label_contains("Copie de relecture écrite")
                .is_some(),
            "says where"
        );
        assert!(h.query_by_label("Ouvrir la copie").is_some());
    }
}
