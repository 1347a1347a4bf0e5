//! Section 6 – Plan d'action et budget prévisionnels: 6.1 with each action's
//! text, and 6.2, the budget canevas, as a table to check the figures.

use rust_decimal::Decimal;

use super::identity::value;
use super::outline::{Outline, as_columns, row, year_columns};
use super::projects::project_title;
use super::{Cell, Row};
use crate::model::call::BudgetRowDef;
use crate::model::compute;
use crate::model::dossier::ActionCategory;
use crate::model::field::{ActionField, FieldPath, budget_cell};
use crate::model::figures::{Figures, Total};
use crate::model::money::format_amount;

/// The category of an action outside the Fund's eligible categories, as
/// the printed dossier names it.
const OTHER_ACTION: &str = "Autre action (non éligible au Fonds)";

pub(super) fn plan(o: &mut Outline) {
    let d = o.d;
    o.heading(1, "Section 6 – Plan d'action et budget prévisionnels");
    o.heading(2, "6.1 Plan d'action");
    let base = crate::model::rubric::plan_base();
    super::rubrics::set(o, 3, &base, &d.plan, crate::model::rubric::PLAN, &|_| None);
    actions(o);
    budget(o);
}

/// The costs at a glance, then each action's title, category and text.
fn actions(o: &mut Outline) {
    let (d, p) = (o.d, o.p);
    o.heading(3, "Actions planifiées (coûts en DHS)");
    if d.plan.actions.is_empty() {
        o.missing("aucune action");
        return;
    }
    let mut rows: Vec<Row> = d
        .plan
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut cells = vec![Cell::Typed(a.title.clone())];
            cells.extend(a.cost.iter().enumerate().map(|(y, v)| {
                o.figure(
                    FieldPath::action(i, ActionField::Cost).year(y),
                    v.as_ref(),
                    |v| format_amount(*v),
                )
            }));
            row(cells)
        })
        .collect();
    let mut total = vec![value("Total du plan d'action")];
    total.extend(
        compute::action_costs(d)
            .iter()
            .map(|v| value(&format_amount(*v))),
    );
    rows.push(Row {
        cells: total,
        emphasis: true,
    });
    let mut columns = vec![("Action", 40, false)];
    let years: Vec<String> = (1..=5).map(|y| format!("A{y}")).collect();
    columns.extend(years.iter().map(|y| (y.as_str(), 12, true)));
    o.table(&columns, rows);
    for (i, a) in d.plan.actions.iter().enumerate() {
        o.heading(4, project_title("Action", i, &a.title));
        let category = match &a.category {
            ActionCategory::Eligible(id) => p
                .action_category(id)
                .map_or_else(|| id.clone(), |c| c.label.clone()),
            ActionCategory::Other => OTHER_ACTION.into(),
        };
        o.note(format!("Catégorie : {category}"));
        o.text(&a.description);
    }
}

/// The canevas of the call: charges, then products, their totals and the
/// operating result, amounts as typed (what was typed when invalid).
fn budget(o: &mut Outline) {
    let (d, p) = (o.d, o.p);
    o.heading(2, "6.2 Budget prévisionnel");
    // The figures of `model::figures`, as the printed dossier shows them.
    let figures = Figures::of(d, p);
    let line = |def: &BudgetRowDef| {
        let typed = d.budget_line(&def.id);
        let mut cells = vec![value(
            &def.printed_label(typed.map_or("", |l| l.detail.as_str())),
        )];
        cells.extend(
            (0..5).map(|y| match d.invalid_entries.get(&budget_cell(&def.id, y)) {
                Some(text) => Cell::Invalid(text.clone()),
                None => amount(typed.and_then(|l| l.amounts[y])),
            }),
        );
        row(cells)
    };
    let total = |label: &str, total: &dyn Fn(usize) -> Total| Row {
        cells: std::iter::once(value(label))
            .chain((0..5).map(|y| value(&total(y).text())))
            .collect(),
        emphasis: true,
    };
    let group = |label: &str| Row {
        cells: vec![Cell::Span(label.to_string())],
        emphasis: true,
    };
    let mut rows = vec![group("CHARGES (en DHS)")];
    rows.extend(
        p.budget_rows
            .iter()
            .filter(|r| r.role.is_charge())
            .map(line),
    );
    rows.push(total("TOTAL DES CHARGES", &|y| figures.charges(y)));
    rows.push(group("PRODUITS (en DHS)"));
    rows.extend(
        p.budget_rows
            .iter()
            .filter(|r| !r.role.is_charge())
            .map(line),
    );
    rows.push(total("TOTAL DES PRODUITS", &|y| figures.products(y)));
    rows.push(total("RÉSULTAT D'EXPLOITATION", &|y| figures.result(y)));
    rows.push(Row {
        cells: std::iter::once(value("Capacité d'autofinancement (%)"))
            .chain((0..5).map(|y| value(&figures.ratio(y).number_text())))
            .collect(),
        emphasis: true,
    });
    o.table(&as_columns(&year_columns("Libellé")), rows);
    if !p.budget_star_note.trim().is_empty() {
        o.note(p.budget_star_note.clone());
    }
}

/// An amount with two decimals, as the printed dossier shows it.
fn amount(v: Option<Decimal>) -> Cell {
    value(&v.map_or_else(|| "—".to_string(), format_amount))
}
