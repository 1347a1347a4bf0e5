//! Section 6: action plan and the budget on the call's canevas, with live
//! totals, résultat and self-financing ratio.

use egui::{RichText, Ui};

use super::grid;
use crate::model::CallProfile;
use crate::model::compute;
use crate::model::dossier::{Action, ActionCategory, Dossier, YEARS};
use crate::model::field::*;
use crate::model::figures::{Figures, Total};
use crate::model::limits::NumberKind;
use crate::model::money::format_amount;
use crate::ui::widgets::{Form, HINT_SIZE, row_list, title, year_header};

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, p: &CallProfile) {
    crate::ui::help::show(ui, p, crate::model::finding::Section::Plan);
    title(ui, "6.1 Plan d'action sur cinq ans");
    let base = crate::model::rubric::plan_base();
    super::rubrics::show(ui, form, &base, &mut d.plan, crate::model::rubric::PLAN);
    ui.add_space(6.0);
    ui.strong("Actions (coût par année en DHS ; une année vide est une année sans l'action)");
    row_list(
        ui,
        form,
        &FieldPath::plan(PlanField::Actions),
        &mut d.plan.actions,
        "Ajouter une action",
        |i, a: &Action| format!("Action {} : {}", i + 1, a.title),
        |ui, form, i, a| {
            let f = |n: ActionField| FieldPath::action(i, n);
            grid(ui, &FieldPath::plan(PlanField::Actions).row(i), |ui| {
                form.long_text(ui, &f(ActionField::Title), "Intitulé", &mut a.title);
                let path = f(ActionField::Category);
                let l = ui.label("Catégorie");
                let current = match &a.category {
                    ActionCategory::Eligible(id) => p
                        .action_category(id)
                        .map_or(id.clone(), |c| c.label.clone()),
                    ActionCategory::Other => "Autre action (non éligible au Fonds)".to_string(),
                };
                let r = egui::ComboBox::from_id_salt(&path)
                    .selected_text(current)
                    .width(360.0)
                    .show_ui(ui, |ui| {
                        for c in &p.action_categories {
                            let value = ActionCategory::Eligible(c.id.clone());
                            if ui
                                .selectable_label(a.category == value, &c.label)
                                .on_hover_text(&c.examples)
                                .clicked()
                                && a.category != value
                            {
                                a.category = value;
                                form.touch(&path);
                            }
                        }
                        if ui
                            .selectable_label(
                                a.category == ActionCategory::Other,
                                "Autre action (non éligible au Fonds)",
                            )
                            .clicked()
                            && a.category != ActionCategory::Other
                        {
                            a.category = ActionCategory::Other;
                            form.touch(&path);
                        }
                    });
                let response = r.response.labelled_by(l.id);
                form.mark(ui, &path, &response);
                ui.end_row();
            });
            form.multiline(
                ui,
                &f(ActionField::Description),
                "Description",
                &mut a.description,
            );
            form.year_row_table(
                ui,
                &f(ActionField::Cost),
                "Coût (DHS)",
                &mut a.cost,
                NumberKind::Amount,
            );
        },
    );

    title(ui, "6.2 Budget prévisionnel (en DHS)");
    ui.label(RichText::new(&p.budget_star_note).size(HINT_SIZE).weak());
    let costs = compute::action_costs(d);
    form.year_grid(ui, "budget", 4.0, true, |ui, form| {
        year_header(ui, "Libellé");
        budget_rows(ui, form, d, p, true, &costs);
        // The mistyped cells are the form's while the tab is drawn: the
        // figures wait for them as the panel and Vérification do.
        let figures = Figures::with_invalid(d, p, &form.invalid);
        total_row(ui, "TOTAL DES CHARGES", |y| figures.charges(y));
        budget_rows(ui, form, d, p, false, &costs);
        let figures = Figures::with_invalid(d, p, &form.invalid);
        total_row(ui, "TOTAL DES PRODUITS", |y| figures.products(y));
        total_row(ui, "RÉSULTAT D'EXPLOITATION", |y| figures.result(y));
        ui.label(RichText::new("Autofinancement (%)").strong());
        for y in 0..YEARS {
            let ratio = figures.ratio(y);
            let below = y == 0 && !figures.self_financing_ok();
            let text = RichText::new(ratio.text()).strong();
            ui.label(if below {
                text.color(ui.visuals().error_fg_color)
            } else {
                text
            });
        }
        ui.end_row();
    });
    ui.label(
        RichText::new(compute::SELF_FINANCING_FORMULA)
            .size(HINT_SIZE)
            .weak(),
    );
    // The rows marked « (à préciser) » say what their amount covers.
    ui.add_space(6.0);
    grid(ui, "budget.details", |ui| {
        for row in p.budget_rows.iter().filter(|r| r.needs_detail) {
            let line = d.budget_line_mut(&row.id);
            form.text(
                ui,
                &FieldPath::budget_row(&row.id).field(BudgetField::Detail),
                &format!("{} : à préciser", row.label),
                &mut line.detail,
            );
        }
    });
}

fn budget_rows(
    ui: &mut Ui,
    form: &mut Form,
    d: &mut Dossier,
    p: &CallProfile,
    charges: bool,
    costs: &[rust_decimal::Decimal; YEARS],
) {
    ui.label(
        RichText::new(if charges {
            "CHARGES (en DHS)"
        } else {
            "PRODUITS (en DHS)"
        })
        .strong(),
    );
    ui.end_row();
    let has_actions = !d.plan.actions.is_empty();
    for row in p
        .budget_rows
        .iter()
        .filter(|r| r.role.is_charge() == charges)
    {
        let mut label = row.label.clone();
        if row.starred {
            label.push_str(" *");
        }
        let line = d.budget_line_mut(&row.id);
        form.year_decimals(
            ui,
            &FieldPath::budget_row(&row.id),
            &label,
            &mut line.amounts,
            NumberKind::Amount,
        );
        ui.end_row();
        if row.role == crate::model::call::BudgetRole::Actions && has_actions {
            ui.label(
                RichText::new("   (total des actions du plan)")
                    .size(HINT_SIZE)
                    .weak(),
            );
            for c in costs {
                ui.label(RichText::new(format_amount(*c)).size(HINT_SIZE).weak());
            }
            ui.end_row();
        }
    }
}

fn total_row(ui: &mut Ui, label: &str, total: impl Fn(usize) -> Total) {
    ui.label(RichText::new(label).strong());
    for y in 0..YEARS {
        let t = total(y);
        let text = RichText::new(t.text()).strong();
        ui.label(if t.is_negative() {
            text.color(ui.visuals().error_fg_color)
        } else {
            text
        });
    }
    ui.end_row();
}
