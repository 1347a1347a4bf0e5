//! Section 7 – Suivi et évaluation: the call's indicators and the
//! cluster's own.

use super::{Doc, as_columns, or_dash, year_columns};
use crate::model::call::KpiUnit;
use crate::model::field::{CustomKpiField, FieldPath};
use crate::model::figures::Figures;
use crate::model::money::format_typed;
use crate::print::layout::{Align, Block, Part, Row, Style};

pub(super) fn indicators(doc: &mut Doc) {
    let (d, p) = (doc.d, doc.p);
    doc.anchored(2, "Section 7 – Suivi et évaluation", "s7");
    doc.heading(3, "Indicateurs de performance sur cinq ans");
    // The figures of `model::figures`: the self-financing indicator is the
    // budget's ratio unless typed over; percentages with two decimals, cut.
    let figures = Figures::of(d, p);
    let mut rows: Vec<Row> = p
        .kpi_rows
        .iter()
        .map(|k| {
            let percent = k.unit == KpiUnit::Percent;
            let mut cells = vec![k.label.clone()];
            cells.extend((0..5).map(|y| doc.fill(figures.kpi(d, p, &k.id, y).text(percent))));
            Row::new(cells)
        })
        .collect();
    for k in &d.indicators.custom {
        let label = if doc.blank {
            String::new()
        } else {
            format!("{} ({})", or_dash(&k.label), or_dash(&k.unit))
        };
        rows.push(doc.five_year_row(&label, &k.values, |v| format_typed(*v)));
    }
    doc.table(
        &as_columns(&year_columns("Indicateurs de performance", 0.40)),
        rows,
    );
    let standard = p.kpi_rows.iter().map(|k| FieldPath::kpi(&k.id));
    let custom = (0..d.indicators.custom.len()).map(|i| {
        (
            FieldPath::custom_kpi(i, CustomKpiField::Label),
            FieldPath::custom_kpi(i, CustomKpiField::Values),
        )
    });
    let lines = standard
        .map(|path| (path.clone(), path))
        .chain(custom)
        .enumerate();
    for (r, (label, values)) in lines.collect::<Vec<_>>() {
        doc.table_source(Part::Cell(r, 0), label);
        for y in 0..5 {
            doc.table_source(Part::Cell(r, y + 1), values.clone().year(y));
        }
    }
    doc.push(Block::styled(
        format!("† {}", p.kpi_note),
        Style::Small,
        Align::Left,
    ));
}
