//! Section 4: cooperation projects, collaborative projects, partnerships.

use egui::Ui;

use super::grid;
use crate::model::dossier::{
    CollaborativeProject, CooperationProject, Dossier, PartnerBodyKind, Partnership,
    PartnershipScope, PartnershipStatus,
};
use crate::model::field::*;
use crate::model::rubric;
use crate::ui::widgets::{Form, row_list, title};

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, p: &crate::model::CallProfile) {
    crate::ui::help::show(ui, p, crate::model::finding::Section::Cooperation);
    let c = &mut d.cooperation;
    title(ui, "4.1 Projets de coopération");
    row_list(
        ui,
        form,
        &FieldPath::cooperation(CooperationField::CooperationProjects),
        &mut c.cooperation_projects,
        "Ajouter un projet de coopération",
        |i, p: &CooperationProject| format!("Projet de coopération {} : {}", i + 1, p.title),
        |ui, form, i, p| {
            let row = FieldPath::cooperation(CooperationField::CooperationProjects).row(i);
            super::rubrics::show(ui, form, &row, p, rubric::COOPERATION_PROJECT);
        },
    );
    title(ui, "4.1 Projets collaboratifs");
    row_list(
        ui,
        form,
        &FieldPath::cooperation(CooperationField::CollaborativeProjects),
        &mut c.collaborative_projects,
        "Ajouter un projet collaboratif",
        |i, p: &CollaborativeProject| format!("Projet collaboratif {} : {}", i + 1, p.title),
        |ui, form, i, p| {
            let row = FieldPath::cooperation(CooperationField::CollaborativeProjects).row(i);
            super::rubrics::show(ui, form, &row, p, rubric::COLLABORATIVE_PROJECT);
        },
    );
    title(ui, "4.2 Partenariats nationaux et internationaux");
    row_list(
        ui,
        form,
        &FieldPath::cooperation(CooperationField::Partnerships),
        &mut c.partnerships,
        "Ajouter un partenariat",
        |i, p: &Partnership| format!("Partenariat {} : {} ({})", i + 1, p.body, p.scope.label()),
        |ui, form, i, p| {
            let f = |n: PartnershipField| {
                FieldPath::cooperation(CooperationField::Partnerships)
                    .row(i)
                    .field(n)
            };
            grid(
                ui,
                &FieldPath::cooperation(CooperationField::Partnerships).row(i),
                |ui| {
                    form.long_text(ui, &f(PartnershipField::Body), "Organisme", &mut p.body);
                    form.choice(
                        ui,
                        &f(PartnershipField::Kind),
                        "Type d'organisme",
                        &mut p.kind,
                        &PartnerBodyKind::ALL,
                        PartnerBodyKind::label,
                    );
                    form.choice(
                        ui,
                        &f(PartnershipField::Scope),
                        "Portée",
                        &mut p.scope,
                        &[PartnershipScope::National, PartnershipScope::International],
                        PartnershipScope::label,
                    );
                    form.text(ui, &f(PartnershipField::Country), "Pays", &mut p.country);
                    form.choice(
                        ui,
                        &f(PartnershipField::Status),
                        "État",
                        &mut p.status,
                        &[PartnershipStatus::Envisaged, PartnershipStatus::Established],
                        PartnershipStatus::label,
                    );
                    form.long_text(
                        ui,
                        &f(PartnershipField::Purpose),
                        "Objet du partenariat",
                        &mut p.purpose,
                    );
                },
            );
        },
    );
}
