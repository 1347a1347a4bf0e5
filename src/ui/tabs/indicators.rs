//! Section 7: the six standard indicators and custom ones, over five years.

use egui::{RichText, Ui};

use super::grid;
use crate::model::CallProfile;
use crate::model::call::KpiRole;
use crate::model::dossier::{CustomKpi, Dossier, KpiLine, YEARS};
use crate::model::field::*;
use crate::model::figures::Figures;
use crate::model::limits::NumberKind;
use crate::ui::widgets::{Form, HINT_SIZE, row_list, title, year_header};

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, p: &CallProfile) {
    crate::ui::help::show(ui, p, crate::model::finding::Section::Indicators);
    title(ui, "Section 7 – Indicateurs de performance sur cinq ans");
    ui.label(RichText::new(&p.kpi_note).size(HINT_SIZE).weak());
    for k in &p.kpi_rows {
        if d.kpi_line(&k.id).is_none() {
            d.indicators.standard.push(KpiLine {
                id: k.id.clone(),
                values: [None; YEARS],
            });
        }
    }
    let figures = Figures::with_invalid(d, p, &form.invalid);
    form.year_grid(ui, "kpis", 4.0, true, |ui, form| {
        year_header(ui, "Indicateur");
        for k in &p.kpi_rows {
            if let Some(line) = d.indicators.standard.iter_mut().find(|l| l.id == k.id) {
                form.year_decimals(
                    ui,
                    &FieldPath::kpi(&k.id),
                    &k.label,
                    &mut line.values,
                    NumberKind::Figure,
                );
                ui.end_row();
                computed_row(ui, &figures, k.role);
            }
        }
    });
    title(ui, "Indicateurs supplémentaires proposés par le cluster");
    row_list(
        ui,
        form,
        &FieldPath::part(Part::Indicators).field(IndicatorsField::Custom),
        &mut d.indicators.custom,
        "Ajouter un indicateur",
        |i, k: &CustomKpi| format!("Indicateur {} : {}", i + 1, k.label),
        |ui, form, i, k| {
            let f = |n: CustomKpiField| FieldPath::custom_kpi(i, n);
            grid(
                ui,
                &FieldPath::part(Part::Indicators)
                    .field(IndicatorsField::Custom)
                    .row(i),
                |ui| {
                    form.text(ui, &f(CustomKpiField::Label), "Libellé", &mut k.label);
                    form.text(ui, &f(CustomKpiField::Unit), "Unité", &mut k.unit);
                },
            );
            form.year_row_table(
                ui,
                &f(CustomKpiField::Values),
                "Valeurs",
                &mut k.values,
                NumberKind::Figure,
            );
        },
    );
}

/// Under an indicator the program computes, what it computes: the budget's
/// ratio (shown in every output while the cell is blank) or the register's
/// year-1 count (which a typed figure is compared with).
fn computed_row(ui: &mut Ui, figures: &Figures, role: KpiRole) {
    let hint = |text: String| RichText::new(text).size(HINT_SIZE).weak();
    let cells: Vec<String> = match role {
        KpiRole::SelfFinancing => {
            ui.label(hint(
                "   calculé depuis le budget (case vide : ce chiffre est repris)".into(),
            ));
            (0..YEARS).map(|y| figures.ratio(y).number_text()).collect()
        }
        KpiRole::ActiveMembers => {
            ui.label(hint("   registre : membres engagés".into()));
            vec![figures.counts.engaged_members().to_string()]
        }
        KpiRole::CompanyMembers => {
            ui.label(hint("   registre : entreprises engagées".into()));
            vec![figures.counts.engaged_companies.to_string()]
        }
        _ => return,
    };
    for text in cells {
        ui.label(hint(text));
    }
    ui.end_row();
}
