//! Sets a rubric table (see [`crate::model::rubric`]) on paper, with the
//! preview's anchors: the section's code calls it where its rubrics go and
//! keeps only what a table cannot say.

use super::{Doc, RUBRIC, as_columns, year_columns};
use crate::model::field::{FieldName, FieldPath};
use crate::model::limits::NumberKind;
use crate::model::money::{format_number, format_typed};
use crate::model::rubric::{Entry, Need, Print, Read, Rubric};
use crate::print::layout::{Part, Row};

/// A « libellé : valeur » line a section sets for a [`Print::Bespoke`]
/// rubric of a pair block (« Siège » for the address and the city).
pub(super) struct BespokePair {
    pub label: String,
    pub value: String,
}

/// Sets the rubrics of `table` held by `holder` at `base`. Consecutive
/// [`Print::Pair`] rubrics make one block; `bespoke` gives the pair a
/// bespoke rubric sets there, if any (other bespoke rubrics are the
/// section's to set).
pub(super) fn set<T, F: FieldName>(
    doc: &mut Doc,
    base: &FieldPath,
    holder: &T,
    table: &'static [Entry<T, F>],
    bespoke: &dyn Fn(&Rubric<T, F>) -> Option<BespokePair>,
) {
    let mut pairs: Vec<(String, String, FieldPath)> = Vec::new();
    let mut under_heading = false;
    for entry in table {
        let pair = match entry {
            Entry::Rubric(r) if r.print == Print::Pair => pair_of(doc, r, base, holder),
            Entry::Rubric(r) if r.print == Print::Bespoke => bespoke(r).map(|b| {
                let path = r.path(base);
                (b.label, b.value, path)
            }),
            _ => None,
        };
        let in_block =
            matches!(entry, Entry::Rubric(r) if matches!(r.print, Print::Pair | Print::Bespoke));
        if let Some(p) = pair {
            pairs.push(p);
            continue;
        }
        if in_block {
            continue;
        }
        flush(doc, &mut pairs);
        match entry {
            Entry::Heading(h) => {
                doc.heading(RUBRIC, *h);
                under_heading = true;
            }
            Entry::Rubric(r) => paragraph(doc, r, base, holder, under_heading),
            Entry::YearTable {
                heading,
                first,
                rows,
            } => year_table(doc, base, holder, heading, first, rows),
        }
    }
    flush(doc, &mut pairs);
}

/// A pair rubric's line, or `None` for an optional one left empty (a
/// blank form keeps it, to be written in).
fn pair_of<T, F: FieldName>(
    doc: &Doc,
    r: &Rubric<T, F>,
    base: &FieldPath,
    holder: &T,
) -> Option<(String, String, FieldPath)> {
    if r.need == Need::Optional && !r.is_filled(holder) && !doc.blank {
        return None;
    }
    let value = match r.read(holder) {
        Read::Text(s) => s.clone(),
        Read::Date(d) => doc.date(*d),
        Read::Counts(v) => years_text(v, |x| x.to_string()),
        Read::Decimals(kind, v) => years_text(v, |x| number(kind, *x)),
    };
    Some((r.label.to_string(), value, r.path(base)))
}

fn years_text<V>(values: &[Option<V>; 5], fmt: impl Fn(&V) -> String) -> String {
    values
        .iter()
        .map(|v| v.as_ref().map_or_else(|| "—".to_string(), &fmt))
        .collect::<Vec<_>>()
        .join(" ; ")
}

fn flush(doc: &mut Doc, pairs: &mut Vec<(String, String, FieldPath)>) {
    if pairs.is_empty() {
        return;
    }
    let taken = std::mem::take(pairs);
    doc.key_values(
        taken
            .iter()
            .map(|(label, value, _)| (label.as_str(), value.clone()))
            .collect(),
    );
    for (k, (_, _, path)) in taken.into_iter().enumerate() {
        doc.source(Part::Pair(k), path);
    }
}

/// A titled paragraph, or a note printed only when filled.
fn paragraph<T, F: FieldName>(
    doc: &mut Doc,
    r: &Rubric<T, F>,
    base: &FieldPath,
    holder: &T,
    under_heading: bool,
) {
    let Read::Text(text) = r.read(holder) else {
        return;
    };
    let filled = r.is_filled(holder);
    match r.print {
        Print::Note => {
            if filled {
                doc.para(text.clone());
                doc.source(Part::Whole, r.path(base));
            }
        }
        Print::Titled => {
            if r.need == Need::Optional && !filled && !doc.blank {
                return;
            }
            let level = if under_heading { RUBRIC + 1 } else { RUBRIC };
            doc.heading(level, r.label);
            doc.free_text(text);
            doc.source(Part::Whole, r.path(base));
        }
        Print::Pair | Print::YearRow | Print::Bespoke => {}
    }
}

/// Five-year rubrics as one table under its heading, each row anchored to
/// its field and each cell to its year.
fn year_table<T, F: FieldName>(
    doc: &mut Doc,
    base: &FieldPath,
    holder: &T,
    heading: &str,
    first: &str,
    rows: &'static [Rubric<T, F>],
) {
    doc.heading(RUBRIC, heading);
    let cells: Vec<Row> = rows
        .iter()
        .map(|r| match r.read(holder) {
            Read::Counts(v) => doc.five_year_row(r.label, v, |x| x.to_string()),
            Read::Decimals(kind, v) => doc.five_year_row(r.label, v, |x| number(kind, *x)),
            Read::Text(_) | Read::Date(_) => Row::new(vec![r.label.to_string()]),
        })
        .collect();
    doc.table(&as_columns(&year_columns(first, 0.35)), cells);
    for (i, r) in rows.iter().enumerate() {
        let path = r.path(base);
        doc.table_source(Part::Row(i), path.clone());
        for y in 0..5 {
            doc.table_source(Part::Cell(i, y + 1), path.clone().year(y));
        }
    }
}

/// A figure as the section prints its kind: money with two decimals, the
/// rest as typed.
fn number(kind: NumberKind, v: rust_decimal::Decimal) -> String {
    match kind {
        NumberKind::Amount => format_number(v, 2),
        NumberKind::Percent | NumberKind::Figure | NumberKind::Count => format_typed(v),
    }
}
