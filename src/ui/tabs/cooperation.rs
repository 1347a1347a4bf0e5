//! Section 4: cooperation projects, collaborative projects, partnerships.

use egui::Ui;

use super::grid;
use crate::model::dossier::{
    CollaborativeProject, CooperationProject, Dossier, PartnerBodyKind, Partnership,
    PartnershipScope, PartnershipStatus,
};
use crate::ui::widgets::{Form, row_list, title};

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier) {
    let c = &mut d.cooperation;
    title(ui, "4.1 Projets de coopération");
    row_list(
        ui,
        form,
        "cooperation.cooperation_projects",
        &mut c.cooperation_projects,
        "Ajouter un projet de coopération",
        |i, p: &CooperationProject| format!("Projet de coopération {} : {}", i + 1, p.title),
        |ui, form, i, p| {
            let f = |n: &str| format!("cooperation.cooperation_projects[{i}].{n}");
            grid(ui, &f("grid"), |ui| {
                form.long_text(ui, &f("title"), "Intitulé", &mut p.title);
            });
            form.multiline(ui, &f("nature"), "Nature", &mut p.nature);
            form.multiline(
                ui,
                &f("stakeholders"),
                "Parties prenantes",
                &mut p.stakeholders,
            );
            form.multiline(ui, &f("means"), "Moyens mobilisés", &mut p.means);
            form.multiline(
                ui,
                &f("expected_results"),
                "Résultats attendus",
                &mut p.expected_results,
            );
        },
    );
    title(ui, "4.1 Projets collaboratifs");
    row_list(
        ui,
        form,
        "cooperation.collaborative_projects",
        &mut c.collaborative_projects,
        "Ajouter un projet collaboratif",
        |i, p: &CollaborativeProject| format!("Projet collaboratif {} : {}", i + 1, p.title),
        |ui, form, i, p| {
            let f = |n: &str| format!("cooperation.collaborative_projects[{i}].{n}");
            grid(ui, &f("grid"), |ui| {
                form.long_text(ui, &f("title"), "Intitulé", &mut p.title);
            });
            form.multiline(ui, &f("objectives"), "Objectifs", &mut p.objectives);
            form.multiline(ui, &f("actors"), "Acteurs impliqués", &mut p.actors);
            form.multiline(
                ui,
                &f("expected_results"),
                "Résultats attendus",
                &mut p.expected_results,
            );
        },
    );
    title(ui, "4.2 Partenariats nationaux et internationaux");
    row_list(
        ui,
        form,
        "cooperation.partnerships",
        &mut c.partnerships,
        "Ajouter un partenariat",
        |i, p: &Partnership| format!("Partenariat {} : {} ({})", i + 1, p.body, p.scope.label()),
        |ui, form, i, p| {
            let f = |n: &str| format!("cooperation.partnerships[{i}].{n}");
            grid(ui, &f("grid"), |ui| {
                form.long_text(ui, &f("body"), "Organisme", &mut p.body);
                form.choice(
                    ui,
                    &f("kind"),
                    "Type d'organisme",
                    &mut p.kind,
                    &PartnerBodyKind::ALL,
                    PartnerBodyKind::label,
                );
                form.choice(
                    ui,
                    &f("scope"),
                    "Portée",
                    &mut p.scope,
                    &[PartnershipScope::National, PartnershipScope::International],
                    PartnershipScope::label,
                );
                form.text(ui, &f("country"), "Pays", &mut p.country);
                form.choice(
                    ui,
                    &f("status"),
                    "État",
                    &mut p.status,
                    &[PartnershipStatus::Envisaged, PartnershipStatus::Established],
                    PartnershipStatus::label,
                );
                form.long_text(ui, &f("purpose"), "Objet du partenariat", &mut p.purpose);
            });
        },
    );
}
