//! Section 5: start-up creation and support.

use egui::Ui;

use super::grid;
use crate::model::dossier::{
    Dossier, PreparationKind, PreparationStep, SupportService, SupportType,
};
use crate::model::field::*;
use crate::ui::widgets::{Form, row_list, title};

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, p: &crate::model::CallProfile) {
    crate::ui::help::show(ui, p, crate::model::finding::Section::Startups);
    let s = &mut d.startups;
    title(ui, "Section 5 – Création et accompagnement des start-up");
    let base = crate::model::rubric::startups_base();
    super::rubrics::show(ui, form, &base, s, crate::model::rubric::STARTUPS);
    title(ui, "Processus de préparation à la création d'entreprise");
    row_list(
        ui,
        form,
        &FieldPath::startups(StartupsField::Preparation),
        &mut s.preparation,
        "Ajouter une étape",
        |i, p: &PreparationStep| format!("Étape {} : {}", i + 1, p.kind.label()),
        |ui, form, i, p| {
            let f = |n: StepField| {
                FieldPath::startups(StartupsField::Preparation)
                    .row(i)
                    .field(n)
            };
            grid(
                ui,
                &FieldPath::startups(StartupsField::Preparation).row(i),
                |ui| {
                    form.choice(
                        ui,
                        &f(StepField::Kind),
                        "Type d'étape",
                        &mut p.kind,
                        &PreparationKind::ALL,
                        PreparationKind::label,
                    );
                    form.text(ui, &f(StepField::Partners), "Partenaires", &mut p.partners);
                },
            );
            form.multiline(
                ui,
                &f(StepField::Description),
                "Description",
                &mut p.description,
            );
        },
    );
    title(
        ui,
        "Accompagnement post-création : services par type de soutien",
    );
    row_list(
        ui,
        form,
        &FieldPath::startups(StartupsField::PostCreation),
        &mut s.post_creation,
        "Ajouter un type de soutien",
        |i, p: &SupportService| format!("Soutien {} : {}", i + 1, p.support_type.label()),
        |ui, form, i, p| {
            let f = |n: StepField| {
                FieldPath::startups(StartupsField::PostCreation)
                    .row(i)
                    .field(n)
            };
            grid(
                ui,
                &FieldPath::startups(StartupsField::PostCreation).row(i),
                |ui| {
                    form.choice(
                        ui,
                        &f(StepField::SupportType),
                        "Type de soutien",
                        &mut p.support_type,
                        &SupportType::ALL,
                        SupportType::label,
                    );
                },
            );
            form.multiline(
                ui,
                &f(StepField::Services),
                "Services offerts",
                &mut p.services,
            );
        },
    );
}
