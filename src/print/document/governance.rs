//! Section 2 – Gouvernance et pilotage, and the fee schedule it shares with
//! Partie 1.

use super::rubrics::set;
use super::{Doc, RUBRIC, joined, title_for};
use crate::model::compute;
use crate::model::field::{BoardField, FeeField, FieldPath};
use crate::model::money::format_dh;
use crate::model::rubric;
use crate::print::layout::{Align, Part, Row};

pub(super) fn governance(doc: &mut Doc) {
    let g = &doc.d.governance;
    doc.anchored(2, "Section 2 – Gouvernance et pilotage", "s2");
    doc.heading(RUBRIC, "Composition du Conseil d'Administration");
    let rows = g
        .board
        .iter()
        .map(|m| {
            Row::new(vec![
                doc.cell(&m.name),
                doc.fill(title_for(m.role.label(), m.civility)),
                doc.fill(joined(&[&m.organisation, &m.function], " — ")),
                doc.fill(format!(
                    "{}\n{}",
                    super::or_dash(&m.phone),
                    super::or_dash(&m.email)
                )),
            ])
        })
        .collect();
    doc.table(
        &[
            ("Nom", 0.22, Align::Left),
            ("Qualité", 0.16, Align::Left),
            ("Organisme et fonction", 0.32, Align::Left),
            ("Téléphone et e-mail", 0.30, Align::Left),
        ],
        rows,
    );
    for i in 0..g.board.len() {
        for (c, field) in [
            BoardField::Name,
            BoardField::Role,
            BoardField::Organisation,
            BoardField::Phone,
        ]
        .into_iter()
        .enumerate()
        {
            doc.table_source(Part::Cell(i, c), FieldPath::board(i, field));
        }
    }
    set(
        doc,
        &rubric::governance_base(),
        g,
        rubric::GOVERNANCE_ORGANISATION,
        &|_| None,
    );
    doc.heading(RUBRIC, "Recettes de cotisation et mode de calcul");
    fee_schedule(doc);
}

/// The fee schedule with the revenue computed from the register.
pub(super) fn fee_schedule(doc: &mut Doc) {
    let d = doc.d;
    let revenue = compute::fee_revenue(d);
    let mut rows: Vec<Row> = d
        .governance
        .fee_categories
        .iter()
        .zip(&revenue.per_category)
        .map(|(c, (_, count, subtotal))| {
            Row::new(vec![
                doc.cell(&c.name),
                doc.cell(&c.description),
                doc.dh(c.annual_amount),
                doc.fill(count.to_string()),
                doc.fill(format_dh(*subtotal)),
            ])
        })
        .collect();
    let members = revenue.members;
    rows.push(Row {
        cells: vec![
            "Total des recettes annuelles de cotisation".into(),
            String::new(),
            String::new(),
            doc.fill(members.to_string()),
            doc.fill(format_dh(revenue.total)),
        ],
        bold: true,
        shaded: true,
        ..Row::default()
    });
    doc.table(
        &[
            ("Catégorie", 0.22, Align::Left),
            ("Description", 0.30, Align::Left),
            ("Cotisation annuelle", 0.18, Align::Right),
            ("Membres", 0.10, Align::Right),
            ("Recette annuelle", 0.20, Align::Right),
        ],
        rows,
    );
    // The count and the revenue are computed: they lead to the category.
    let priced = revenue
        .per_category
        .len()
        .min(d.governance.fee_categories.len());
    for i in 0..priced {
        doc.table_source(Part::Row(i), FieldPath::fee_category(i, FeeField::Name));
        doc.table_source(
            Part::Cell(i, 1),
            FieldPath::fee_category(i, FeeField::Description),
        );
        doc.table_source(
            Part::Cell(i, 2),
            FieldPath::fee_category(i, FeeField::AnnualAmount),
        );
    }
    set(
        doc,
        &rubric::governance_base(),
        &d.governance,
        rubric::GOVERNANCE_FEES,
        &|_| None,
    );
}
