//! Section 6 – Plan d'action et budget prévisionnels.

use rust_decimal::Decimal;

use super::{Doc, as_columns, or_dash, year_columns};
use crate::model::compute;
use crate::model::dossier::ActionCategory;
use crate::model::field::{ActionField, BudgetField, FieldPath};
use crate::model::figures::{Figures, Total};
use crate::model::money::{AMOUNT_DECIMALS_SHOWN, format_amount};
use crate::print::layout::{Align, Part, Row, Style};

/// The category of an action outside the Fund's eligible categories.
pub(super) const OTHER_ACTION: &str = "Autre action (non éligible au Fonds)";

pub(super) fn plan(doc: &mut Doc) {
    let d = doc.d;
    doc.anchored(2, "Section 6 – Plan d'action et budget prévisionnels", "s6");
    doc.heading(3, "6.1 Plan d'action");
    super::rubrics::set(
        doc,
        &crate::model::rubric::plan_base(),
        &d.plan,
        crate::model::rubric::PLAN,
        &|_| None,
    );
    actions(doc);
    budget(doc);
}

fn actions(doc: &mut Doc) {
    let (d, p) = (doc.d, doc.p);
    doc.heading(super::RUBRIC, "Actions planifiées (coûts en DHS)");
    let mut rows: Vec<Row> = d
        .plan
        .actions
        .iter()
        .map(|a| {
            let category = match &a.category {
                ActionCategory::Eligible(id) => p
                    .action_category(id)
                    .map_or_else(|| id.clone(), |c| c.label.clone()),
                ActionCategory::Other => OTHER_ACTION.into(),
            };
            let title = format!("{}\n{}", or_dash(&a.title), a.description.trim())
                .trim_end()
                .to_string();
            let mut cells = vec![doc.fill(title), doc.fill(category)];
            cells.extend(a.cost.iter().map(|v| doc.num(*v, AMOUNT_DECIMALS_SHOWN)));
            Row {
                cells,
                lead_bold: true,
                ..Row::default()
            }
        })
        .collect();
    let costs = compute::action_costs(d);
    let mut total = vec!["Total du plan d'action".to_string(), String::new()];
    total.extend(costs.iter().map(|v| doc.fill(format_amount(*v))));
    rows.push(Row {
        cells: total,
        bold: true,
        shaded: true,
        ..Row::default()
    });
    let years: Vec<String> = (1..=5).map(|y| format!("A{y}")).collect();
    let mut columns = vec![
        ("Action", 0.38, Align::Left),
        ("Catégorie", 0.17, Align::Left),
    ];
    columns.extend(years.iter().map(|y| (y.as_str(), 0.09, Align::Right)));
    doc.table(&columns, rows);
    // The first cell prints the title in bold, then the description.
    for i in 0..d.plan.actions.len() {
        doc.table_source(Part::Cell(i, 0), FieldPath::action(i, ActionField::Title));
        doc.table_source(
            Part::CellTail(i, 0),
            FieldPath::action(i, ActionField::Description),
        );
        doc.table_source(
            Part::Cell(i, 1),
            FieldPath::action(i, ActionField::Category),
        );
        for y in 0..5 {
            doc.table_source(
                Part::Cell(i, y + 2),
                FieldPath::action(i, ActionField::Cost).year(y),
            );
        }
    }
}

fn budget(doc: &mut Doc) {
    let (d, p) = (doc.d, doc.p);
    doc.heading(3, "6.2 Budget prévisionnel");
    // One computation for every figure (see `model::figures`): a total that
    // would leave a mistyped cell out reads « non calculable ».
    let figures = Figures::of(d, p);
    let money_row = |label: String, values: [Option<Decimal>; 5]| Row {
        cells: std::iter::once(label)
            .chain(values.iter().map(|v| doc.num(*v, AMOUNT_DECIMALS_SHOWN)))
            .collect(),
        ..Row::default()
    };
    let total_row = |label: &str, total: &dyn Fn(usize) -> Total, shaded: bool| Row {
        cells: std::iter::once(label.to_string())
            .chain((0..5).map(|y| doc.fill(total(y).text())))
            .collect(),
        bold: true,
        shaded,
        ..Row::default()
    };
    let section_row = |label: &str| Row {
        cells: vec![label.to_string()],
        bold: true,
        shaded: true,
        ..Row::default()
    };
    let line_row = |row: &crate::model::call::BudgetRowDef| {
        let line = d.budget_line(&row.id);
        // On a blank form, a line to write the detail on, not a dash.
        let detail = if doc.blank {
            "____________"
        } else {
            line.map_or("", |l| l.detail.as_str())
        };
        let label = row.printed_label(detail);
        money_row(label, line.map_or([None; 5], |l| l.amounts))
    };
    let mut rows = vec![section_row("CHARGES (en DHS)")];
    rows.extend(
        p.budget_rows
            .iter()
            .filter(|r| r.role.is_charge())
            .map(line_row),
    );
    rows.push(total_row(
        "TOTAL DES CHARGES",
        &|y| figures.charges(y),
        false,
    ));
    rows.push(section_row("PRODUITS (en DHS)"));
    rows.extend(
        p.budget_rows
            .iter()
            .filter(|r| !r.role.is_charge())
            .map(line_row),
    );
    rows.push(total_row(
        "TOTAL DES PRODUITS",
        &|y| figures.products(y),
        false,
    ));
    rows.push(total_row(
        "RÉSULTAT D'EXPLOITATION",
        &|y| figures.result(y),
        true,
    ));
    doc.table(&as_columns(&year_columns("Libellé", 0.35)), rows);
    budget_sources(doc);
    doc.push(crate::print::layout::Block::styled(
        p.budget_star_note.clone(),
        Style::Small,
        Align::Left,
    ));
    self_financing(doc, &figures);
}

/// The budget table's amount cells and their fields: the rows follow the
/// profile's order, charges then products, each after its section row, with
/// the charges' total between them.
fn budget_sources(doc: &mut Doc) {
    let p = doc.p;
    let charges = p.budget_rows.iter().filter(|r| r.role.is_charge());
    let products = p.budget_rows.iter().filter(|r| !r.role.is_charge());
    let n_charges = charges.clone().count();
    let placed = charges.enumerate().map(|(k, def)| (1 + k, def)).chain(
        products
            .enumerate()
            .map(|(k, def)| (n_charges + 3 + k, def)),
    );
    for (r, def) in placed.collect::<Vec<_>>() {
        for year in 0..5 {
            doc.table_source(
                Part::Cell(r, year + 1),
                FieldPath::budget_cell(&def.id, year),
            );
        }
        if def.needs_detail {
            doc.table_source(
                Part::Cell(r, 0),
                FieldPath::budget_row(&def.id).field(BudgetField::Detail),
            );
        }
    }
}

fn self_financing(doc: &mut Doc, figures: &Figures) {
    if doc.blank {
        return;
    }
    doc.para(format!(
        "Capacité d'autofinancement calculée ({}) : {}.",
        compute::SELF_FINANCING_FORMULA,
        (0..5)
            .map(|y| format!("année {} : {}", y + 1, figures.ratio(y).text()))
            .collect::<Vec<_>>()
            .join(" ; ")
    ));
}
