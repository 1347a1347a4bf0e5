//! Section 2: board, internal organisation, membership terms, fee schedule.

use egui::{RichText, Ui};

use super::grid;
use crate::model::compute;
use crate::model::dossier::{BoardMember, BoardRole, Dossier, FeeCategory};
use crate::model::field::*;
use crate::model::money::format_dh;
use crate::ui::widgets::{Form, row_list, title};

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, p: &crate::model::CallProfile) {
    crate::ui::help::show(ui, p, crate::model::finding::Section::Governance);
    title(ui, "Section 2 – Gouvernance et pilotage");
    ui.strong("Composition du Conseil d'Administration");
    super::officers::panel(ui, form, d);
    let before = d.governance.board.clone();
    row_list(
        ui,
        form,
        &FieldPath::governance(GovernanceField::Board),
        &mut d.governance.board,
        "Ajouter un administrateur",
        |i, b: &BoardMember| format!("{} : {} ({})", i + 1, b.name, b.role.label()),
        |ui, form, i, b| {
            let p = |f: BoardField| {
                FieldPath::governance(GovernanceField::Board)
                    .row(i)
                    .field(f)
            };
            grid(
                ui,
                &FieldPath::governance(GovernanceField::Board).row(i),
                |ui| {
                    form.text(ui, &p(BoardField::Name), "Nom et prénom", &mut b.name);
                    form.choice(
                        ui,
                        &p(BoardField::Role),
                        "Qualité au CA",
                        &mut b.role,
                        &BoardRole::ALL,
                        BoardRole::label,
                    );
                    form.long_text(
                        ui,
                        &p(BoardField::Organisation),
                        "Organisme",
                        &mut b.organisation,
                    );
                    form.long_text(
                        ui,
                        &p(BoardField::Function),
                        "Fonction dans l'organisme",
                        &mut b.function,
                    );
                    form.text(ui, &p(BoardField::Phone), "Téléphone", &mut b.phone);
                    form.text(ui, &p(BoardField::Email), "E-mail", &mut b.email);
                },
            );
        },
    );
    super::officers::follow_board(d, &before);
    let g = &mut d.governance;
    let base = crate::model::rubric::governance_base();
    super::rubrics::show(
        ui,
        form,
        &base,
        g,
        crate::model::rubric::GOVERNANCE_ORGANISATION,
    );
    title(ui, "Barème des cotisations");
    row_list(
        ui,
        form,
        &FieldPath::governance(GovernanceField::FeeCategories),
        &mut g.fee_categories,
        "Ajouter une catégorie",
        |i, c: &FeeCategory| {
            let name = if c.name.trim().is_empty() {
                "(sans nom)"
            } else {
                c.name.as_str()
            };
            format!("Catégorie {} : {name}", i + 1)
        },
        |ui, form, i, c| {
            let p = |f: FeeField| {
                FieldPath::governance(GovernanceField::FeeCategories)
                    .row(i)
                    .field(f)
            };
            grid(
                ui,
                &FieldPath::governance(GovernanceField::FeeCategories).row(i),
                |ui| {
                    form.text(ui, &p(FeeField::Name), "Nom de la catégorie", &mut c.name);
                    form.long_text(
                        ui,
                        &p(FeeField::Description),
                        "Description",
                        &mut c.description,
                    );
                    form.money(
                        ui,
                        &p(FeeField::AnnualAmount),
                        "Cotisation annuelle",
                        &mut c.annual_amount,
                    );
                },
            );
        },
    );
    super::rubrics::show(ui, form, &base, g, crate::model::rubric::GOVERNANCE_FEES);
    let revenue = compute::fee_revenue(d);
    ui.add_space(6.0);
    ui.label(
        RichText::new(format!(
            "Recettes annuelles calculées d'après le registre des membres : {}",
            format_dh(revenue.total)
        ))
        .strong(),
    );
    for (name, count, subtotal) in &revenue.per_category {
        let name = if name.trim().is_empty() {
            "(catégorie sans nom)"
        } else {
            name.as_str()
        };
        let members = if *count > 1 {
            format!("{count} membres")
        } else {
            format!("{count} membre")
        };
        ui.label(format!("• {name} : {members}, {}", format_dh(*subtotal)));
    }
    if !revenue.unmatched_members.is_empty() {
        ui.label(
            RichText::new(format!(
                "{} membre(s) engagé(s) sans catégorie de cotisation valable.",
                revenue.unmatched_members.len()
            ))
            .color(ui.visuals().warn_fg_color),
        );
    }
}
