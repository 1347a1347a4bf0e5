//! « Importer depuis un tableur », in the members tab: choose a file, check
//! the guessed column mapping on a preview, choose what to do with
//! duplicates, see exactly what will happen, then import in one undoable
//! step.

use egui::{RichText, Ui};

use crate::import::{self, DuplicatePolicy, Field, ImportPlan, Sheet};
use crate::model::dossier::Dossier;
use crate::ui::widgets::{AMBER, Form, GREEN, RED};

#[derive(Default)]
pub struct ImportState {
    pub path: String,
    pub sheet: Option<Sheet>,
    pub mapping: Vec<Field>,
    pub policy: DuplicatePolicy,
    pub error: Option<String>,
    pub done: Option<String>,
}

const PREVIEW_ROWS: usize = 5;

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, st: &mut ImportState) {
    egui::CollapsingHeader::new("Importer des membres depuis un tableur (CSV, Excel, LibreOffice)")
        .id_salt("members.import")
        .show(ui, |ui| body(ui, form, d, st));
}

fn load(st: &mut ImportState) {
    st.done = None;
    match import::read_sheet(std::path::Path::new(st.path.trim())) {
        Ok(sheet) => {
            st.mapping = import::guess_mapping(&sheet.headers);
            st.sheet = Some(sheet);
            st.error = None;
        }
        Err(e) => {
            st.sheet = None;
            st.error = Some(e.to_string());
        }
    }
}

fn body(ui: &mut Ui, form: &mut Form, d: &mut Dossier, st: &mut ImportState) {
    ui.horizontal(|ui| {
        let l = ui.label("Fichier :");
        ui.add(egui::TextEdit::singleline(&mut st.path).desired_width(360.0).hint_text("chemin du tableur"))
            .labelled_by(l.id);
        if ui.button("Parcourir…").clicked() {
            match rfd::FileDialog::new().add_filter("Tableur", &["csv", "xlsx", "xls", "ods", "txt"]).pick_file() {
                Some(p) => {
                    st.path = p.display().to_string();
                    load(st);
                }
                None => st.error = Some("Aucun fichier choisi : saisissez le chemin du tableur si la fenêtre de sélection ne s'ouvre pas.".into()),
            }
        }
        if ui.button("Lire le fichier").clicked() {
            load(st);
        }
    });
    if let Some(e) = &st.error {
        ui.label(RichText::new(e).color(RED));
    }
    if let Some(done) = &st.done {
        ui.label(RichText::new(done).color(GREEN));
    }
    let Some(sheet) = &st.sheet else { return };

    ui.label(format!(
        "{} ligne(s) de données. Vérifiez la correspondance des colonnes :",
        sheet.rows.len()
    ));
    egui::ScrollArea::horizontal()
        .id_salt("import.preview")
        .max_width(ui.available_width())
        .show(ui, |ui| {
            egui::Grid::new("import.grid")
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for (i, header) in sheet.headers.iter().enumerate() {
                        ui.vertical(|ui| {
                            let l = ui.label(RichText::new(header).strong());
                            if let Some(field) = st.mapping.get_mut(i) {
                                egui::ComboBox::from_id_salt(("import.map", i))
                                    .selected_text(field.label())
                                    .width(150.0)
                                    .show_ui(ui, |ui| {
                                        for f in Field::ALL {
                                            ui.selectable_value(field, f, f.label());
                                        }
                                    })
                                    .response
                                    .labelled_by(l.id);
                            }
                        });
                    }
                    ui.end_row();
                    for (_, row) in sheet.rows.iter().take(PREVIEW_ROWS) {
                        for cell in row.iter().take(sheet.headers.len()) {
                            ui.label(cell.chars().take(40).collect::<String>());
                        }
                        ui.end_row();
                    }
                });
        });
    ui.horizontal_wrapped(|ui| {
        ui.label("Doublons (même ICE, ou même nom sans accents, casse ni forme juridique) :");
        ui.radio_value(&mut st.policy, DuplicatePolicy::Skip, "ignorer");
        ui.radio_value(
            &mut st.policy,
            DuplicatePolicy::Merge,
            "compléter le membre existant",
        );
    });
    if !st.mapping.contains(&Field::Name) {
        ui.label(RichText::new("Indiquez la colonne qui donne la raison sociale.").color(RED));
        return;
    }
    let plan: ImportPlan = import::plan_import(d, sheet, &st.mapping, st.policy);
    ui.label(RichText::new(format!("Résultat prévu : {}.", plan.summary())).strong());
    let details = plan.details();
    if !details.is_empty() {
        egui::ScrollArea::vertical()
            .id_salt("import.details")
            .max_height(120.0)
            .show(ui, |ui| {
                for line in &details {
                    ui.label(RichText::new(line).color(AMBER));
                }
            });
    }
    let nothing = plan.new_members.is_empty() && plan.merges.is_empty();
    if ui
        .add_enabled(!nothing, egui::Button::new("Importer"))
        .clicked()
    {
        plan.apply(d);
        form.structural();
        st.done = Some(format!(
            "Import terminé : {} (Ctrl+Z pour annuler).",
            plan.summary()
        ));
        st.sheet = None;
    }
}
