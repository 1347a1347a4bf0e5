//! Impression: copies, stamp corner, draft or final, generation off the UI
//! thread, then open or print the PDF. The buttons push [`Command`]s: the
//! files are written, opened and printed by jobs once the frame is drawn.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use egui::{RichText, Ui};

use crate::model::Finding;
use crate::model::dossier::StampCorner;
use crate::ui::app::{Command, DossierApp};
use crate::ui::picker;
use crate::ui::print_job::{JobResult, PrintMode, PrintPanel};
use crate::ui::widgets::{GREEN, HINT_SIZE, title};

/// The dossier's own output file with `extension`: beside it and named
/// after it; for a dossier never saved, in the Documents folder, named
/// after its acronym.
pub fn default_output(path: Option<&Path>, acronym: &str, extension: &str) -> PathBuf {
    if let Some(p) = path {
        // Absolute: a path she can find again, whatever the working folder.
        let p = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        return p.with_extension(extension);
    }
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    let folder = FOLDER.get_or_init(crate::ui::app::default_folder);
    let stem: String = acronym
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let stem = if stem.trim_matches('-').is_empty() {
        "dossier-cluster"
    } else {
        stem.trim_matches('-')
    };
    folder.join(format!("{stem}.{extension}"))
}

/// The paths follow the dossier's defaults (they change when it is saved
/// under a new name or, never saved, when its acronym changes) until she
/// edits them.
fn follow_defaults(app: &mut DossierApp) {
    let acronym = &app.document.dossier.identity.acronym;
    let pdf = default_output(app.document.path.as_deref(), acronym, "pdf");
    let xlsx = default_output(app.document.path.as_deref(), acronym, "xlsx");
    let panel = &mut app.view.print_panel;
    for (field, default, new) in [
        (&mut panel.output, &mut panel.output_default, pdf),
        (&mut panel.xlsx, &mut panel.xlsx_default, xlsx),
    ] {
        let new = new.display().to_string();
        if field.is_empty() || *field == *default {
            *field = new.clone();
        }
        *default = new;
    }
    panel.forget_stale_question();
}

pub fn show(ui: &mut Ui, app: &mut DossierApp) {
    title(ui, "Impression du dossier");
    follow_defaults(app);
    let blocking: Vec<Finding> = app
        .document
        .findings
        .iter()
        .filter(|f| f.is_blocking())
        .cloned()
        .collect();
    if !app.view.print_panel.mode_chosen {
        // The first PDF is the one to hand in when nothing blocks it.
        app.view.print_panel.mode = if blocking.is_empty() {
            PrintMode::Final
        } else {
            PrintMode::Draft
        };
    }
    settings(ui, app);
    ui.add_space(8.0);
    if let Some(f) = blocking_notice(ui, app.view.print_panel.mode, &blocking) {
        app.go_to(f.section, f.field.as_str());
        return;
    }
    generate(ui, app, blocking.is_empty());
    job_result(ui, app);
    export_tables(ui, app);
    crate::ui::proofcopy::show(ui, app);
}

/// Output file, copies, stamp corner, version and files: the print choices
/// are kept in the dossier (a render is reproducible from the file alone)
/// and are undoable like any edit.
fn settings(ui: &mut Ui, app: &mut DossierApp) {
    let mut corner = app.document.dossier.print.stamp_corner;
    let mut copies = app
        .document
        .dossier
        .print
        .copies
        .unwrap_or(app.document.profile.copies);
    let mut copies_changed = false;
    egui::Grid::new("print")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let l = ui.label("Fichier PDF");
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut app.view.print_panel.output)
                        .desired_width(420.0),
                )
                .labelled_by(l.id);
                browse(
                    ui,
                    "pick-pdf",
                    &mut app.view.print_panel.output,
                    "Fichier PDF",
                    "PDF",
                    "pdf",
                );
            });
            ui.end_row();
            if picker::note(ui.ctx(), egui::Id::unique("pick-pdf")).is_some() {
                ui.label("");
                picker::show_note(ui, egui::Id::unique("pick-pdf"), 520.0);
                ui.end_row();
            }
            let l = ui.label("Nombre d'exemplaires");
            copies_changed = ui
                .add(egui::DragValue::new(&mut copies).range(1..=20))
                .labelled_by(l.id)
                .changed();
            ui.end_row();
            let l = ui.label("Cadre « Signature et cachet »");
            let _ = egui::ComboBox::from_id_salt("print.corner")
                .selected_text(corner.label())
                .show_ui(ui, |ui| {
                    for c in StampCorner::ALL {
                        ui.selectable_value(&mut corner, c, c.label());
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            ui.label("Version");
            ui.vertical(|ui| mode_choice(ui, &mut app.view.print_panel));
            ui.end_row();
            ui.label("Fichiers");
            ui.checkbox(
                &mut app.view.print_panel.per_copy,
                "un fichier par exemplaire",
            );
            ui.end_row();
        });
    if corner != app.document.dossier.print.stamp_corner || copies_changed {
        app.document.dossier.print.stamp_corner = corner;
        app.document.dossier.print.copies =
            (copies != app.document.profile.copies).then_some(copies);
        app.record_edit(if copies_changed {
            "print.copies"
        } else {
            "print.stamp_corner"
        });
    }
}

/// « Parcourir… » for an output file: the system's « Enregistrer sous »
/// dialog, or a message beside the path field when it cannot open.
fn browse(
    ui: &mut Ui,
    id: &str,
    value: &mut String,
    title: &'static str,
    filter: &'static str,
    extension: &'static str,
) {
    let current = PathBuf::from(value.trim());
    picker::browse_button(ui, egui::Id::unique(id), value, || {
        let request = picker::Request {
            title,
            filter,
            extensions: match extension {
                "pdf" => &["pdf"],
                _ => &["xlsx"],
            },
            folder: current.parent().map(Path::to_path_buf),
        };
        let file_name = current.file_name().map_or_else(
            || format!("dossier-cluster.{extension}"),
            |n| n.to_string_lossy().into_owned(),
        );
        (request, picker::Mode::Save { file_name })
    });
}

fn mode_choice(ui: &mut Ui, panel: &mut PrintPanel) {
    let choices = [
        (
            PrintMode::Draft,
            "Brouillon (« BROUILLON » sur chaque page)",
        ),
        (
            PrintMode::Final,
            "Finale, à déposer (refusée s'il reste des points bloquants)",
        ),
        (PrintMode::Blank, "Formulaire vierge, à remplir à la main"),
    ];
    for (mode, label) in choices {
        if ui.radio_value(&mut panel.mode, mode, label).clicked() {
            panel.mode_chosen = true;
        }
    }
}

/// Why the PDF will be a draft, or why the final version is refused; each
/// point leads to its field. Returns the point she clicked.
fn blocking_notice(ui: &mut Ui, mode: PrintMode, blocking: &[Finding]) -> Option<Finding> {
    if blocking.is_empty() || mode == PrintMode::Blank {
        return None;
    }
    if mode == PrintMode::Final {
        ui.label(
            RichText::new(format!(
                "Version finale impossible : {} point(s) bloquant(s) :",
                blocking.len()
            ))
            .color(ui.visuals().error_fg_color)
            .strong(),
        );
    } else {
        ui.label(
            RichText::new(format!(
                "Brouillon : le dossier a encore {} point(s) bloquant(s), la version finale serait refusée. Chaque page portera la mention « BROUILLON ». Points à corriger :",
                blocking.len()
            ))
            .color(ui.visuals().warn_fg_color),
        );
    }
    let mut chosen = None;
    for f in blocking.iter().take(12) {
        let text = RichText::new(format!("• {} — {}", f.section.label(), f.message))
            .color(crate::ui::theme::alarm(ui.visuals()));
        if ui
            .add(egui::Link::new(text))
            .on_hover_text("Aller au champ à corriger")
            .clicked()
        {
            chosen = Some(f.clone());
        }
    }
    if blocking.len() > 12 {
        ui.label(format!(
            "… et {} autre(s) : voir l'onglet Vérification.",
            blocking.len() - 12
        ));
    }
    chosen
}

fn generate(ui: &mut Ui, app: &mut DossierApp, nothing_blocks: bool) {
    let running = app.printing();
    ui.horizontal(|ui| {
        let can = !running && (app.view.print_panel.mode != PrintMode::Final || nothing_blocks);
        let can = can && app.view.print_panel.confirm.is_none();
        if ui
            .add_enabled(can, egui::Button::new("Générer le PDF"))
            .clicked()
        {
            app.push(Command::GeneratePdf);
        }
        if running {
            ui.spinner();
            ui.label("Génération en cours…");
        }
    });
    confirm_replace(ui, app);
}

/// The question before replacing a PDF this dossier did not write.
fn confirm_replace(ui: &mut Ui, app: &mut DossierApp) {
    let Some(confirm) = &app.view.print_panel.confirm else {
        return;
    };
    for r in &confirm.files {
        ui.label(
            RichText::new(format!(
                "« {} » existe déjà : {}.",
                r.path.display(),
                r.writer.describe()
            ))
            .color(ui.visuals().warn_fg_color)
            .strong(),
        );
    }
    let question = if confirm.files.len() == 1 {
        "Le remplacer par le PDF de ce dossier ?".to_string()
    } else {
        format!(
            "Remplacer ces {} fichiers par les PDF de ce dossier ?",
            confirm.files.len()
        )
    };
    ui.label(question);
    let (mut replace, mut cancel) = (false, false);
    ui.horizontal(|ui| {
        replace = ui.button("Remplacer").clicked();
        cancel = ui.button("Annuler").clicked();
    });
    if replace {
        app.push(Command::ReplacePdf);
    } else if cancel {
        app.view.print_panel.confirm = None;
        app.view.print_panel.message =
            Some("Rien n'a été remplacé : choisissez un autre fichier PDF.".into());
        app.view.print_panel.unopened = None;
    }
}

fn job_result(ui: &mut Ui, app: &mut DossierApp) {
    let mut action = None;
    match &app.view.print_panel.last {
        Some(JobResult::Done {
            files,
            pages,
            copies,
            draft,
            warnings,
        }) => {
            ui.label(
                RichText::new(format!(
                    "PDF prêt : {copies} exemplaire(s) de {pages} pages{}.",
                    if *draft { " (brouillon)" } else { "" }
                ))
                .color(GREEN)
                .strong(),
            );
            for w in warnings {
                ui.label(RichText::new(w).color(ui.visuals().error_fg_color));
            }
            for f in files {
                ui.horizontal(|ui| {
                    ui.label(f.display().to_string());
                    if ui.button("Ouvrir le PDF").clicked() {
                        action = Some((f.clone(), false));
                    }
                    if ui.button("Imprimer").clicked() {
                        action = Some((f.clone(), true));
                    }
                });
            }
            ui.label(RichText::new("Le PDF contient tous les exemplaires à la suite : imprimez-le une fois, puis signez et cachetez chaque page dans le cadre prévu.").size(HINT_SIZE));
        }
        Some(JobResult::Refused(findings)) => {
            ui.label(
                RichText::new(format!(
                    "Impression finale refusée : {} point(s) bloquant(s).",
                    findings.len()
                ))
                .color(ui.visuals().error_fg_color),
            );
        }
        Some(JobResult::Failed(e)) => {
            ui.label(RichText::new(format!("Échec : {e}")).color(ui.visuals().error_fg_color));
        }
        None => {}
    }
    if let Some((file, print)) = action {
        app.push(if print {
            Command::PrintPdf(file)
        } else {
            Command::OpenPdf(file)
        });
    }
    let failed = app.view.print_panel.unopened.clone();
    if let Some(m) = &app.view.print_panel.message {
        ui.label(if failed.is_some() {
            RichText::new(m).color(ui.visuals().error_fg_color)
        } else {
            RichText::new(m)
        });
    }
    if let Some(file) = failed
        && ui.button("Copier le chemin").clicked()
    {
        ui.ctx().copy_text(file.display().to_string());
        app.view.print_panel.message = Some(format!("Chemin copié : {}", file.display()));
        app.view.print_panel.unopened = None;
    }
}

/// The budget and indicators as a workbook for the treasurer.
fn export_tables(ui: &mut Ui, app: &mut DossierApp) {
    title(ui, "Tableaux pour le trésorier");
    ui.label("Le budget prévisionnel et les indicateurs dans un classeur (Excel, LibreOffice), totaux en formules.");
    ui.horizontal(|ui| {
        let l = ui.label("Classeur XLSX");
        ui.add(egui::TextEdit::singleline(&mut app.view.print_panel.xlsx).desired_width(360.0))
            .labelled_by(l.id);
        browse(
            ui,
            "pick-xlsx",
            &mut app.view.print_panel.xlsx,
            "Classeur des tableaux",
            "Classeur Excel",
            "xlsx",
        );
        let exporting = app.runtime.jobs.tables.is_some();
        if ui
            .add_enabled(!exporting, egui::Button::new("Exporter les tableaux"))
            .clicked()
        {
            app.push(Command::ExportTables);
        }
        if exporting {
            ui.spinner();
        }
    });
    picker::show_note(ui, egui::Id::unique("pick-xlsx"), 720.0);
    if let Some((m, error)) = &app.view.print_panel.xlsx_message {
        ui.label(if *error {
            RichText::new(m).color(ui.visuals().error_fg_color)
        } else {
            RichText::new(m).color(GREEN)
        });
    }
}
