//! Section 5: start-up creation and support.

use egui::Ui;

use super::grid;
use crate::model::dossier::{
    Dossier, PreparationKind, PreparationStep, SupportService, SupportType,
};
use crate::ui::widgets::{Form, row_list, title};

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier) {
    let s = &mut d.startups;
    title(ui, "Section 5 – Création et accompagnement des start-up");
    form.multiline(
        ui,
        "startups.strategy",
        "Stratégie de soutien à l'entrepreneuriat innovant",
        &mut s.strategy,
    );
    title(ui, "Processus de préparation à la création d'entreprise");
    row_list(
        ui,
        form,
        "startups.preparation",
        &mut s.preparation,
        "Ajouter une étape",
        |i, p: &PreparationStep| format!("Étape {} : {}", i + 1, p.kind.label()),
        |ui, form, i, p| {
            let f = |n: &str| format!("startups.preparation[{i}].{n}");
            grid(ui, &f("grid"), |ui| {
                form.choice(
                    ui,
                    &f("kind"),
                    "Type d'étape",
                    &mut p.kind,
                    &PreparationKind::ALL,
                    PreparationKind::label,
                );
                form.text(ui, &f("partners"), "Partenaires", &mut p.partners);
            });
            form.multiline(ui, &f("description"), "Description", &mut p.description);
        },
    );
    title(
        ui,
        "Accompagnement post-création : services par type de soutien",
    );
    row_list(
        ui,
        form,
        "startups.post_creation",
        &mut s.post_creation,
        "Ajouter un type de soutien",
        |i, p: &SupportService| format!("Soutien {} : {}", i + 1, p.support_type.label()),
        |ui, form, i, p| {
            let f = |n: &str| format!("startups.post_creation[{i}].{n}");
            grid(ui, &f("grid"), |ui| {
                form.choice(
                    ui,
                    &f("support_type"),
                    "Type de soutien",
                    &mut p.support_type,
                    &SupportType::ALL,
                    SupportType::label,
                );
            });
            form.multiline(ui, &f("services"), "Services offerts", &mut p.services);
        },
    );
}
