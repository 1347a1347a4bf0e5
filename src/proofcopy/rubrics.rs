//! Sets a rubric table (see [`crate::model::rubric`]) in the proofreading
//! copy, under the same labels as the wizard and the paper.

use super::Row;
use super::identity::{typed, value};
use super::outline::{Outline, as_columns, row, year_columns};
use crate::model::field::{FieldName, FieldPath};
use crate::model::limits::NumberKind;
use crate::model::money::{format_amount, format_typed};
use crate::model::rubric::{Entry, Need, Print, Read, Rubric, TextForm, Value};

/// The (label, text) row a bespoke rubric sets in the pairs' table.
pub(super) type Bespoke<'a, T, F> = dyn Fn(&Rubric<T, F>) -> Option<(String, String)> + 'a;

/// Sets the rubrics of `table` held by `holder` at `base`, headings at
/// `level`. Short pairs make a « Rubrique / Contenu » table, paragraphs a
/// label and their text; `bespoke` gives the row a bespoke rubric sets in
/// that table (« Siège »), if any.
pub(super) fn set<T, F: FieldName>(
    o: &mut Outline,
    level: u8,
    base: &FieldPath,
    holder: &T,
    table: &'static [Entry<T, F>],
    bespoke: &Bespoke<'_, T, F>,
) {
    let mut rows: Vec<Row> = Vec::new();
    let mut sub = level;
    for entry in table {
        match entry {
            Entry::Rubric(r) if r.print == Print::Bespoke => {
                if let Some((label, text)) = bespoke(r) {
                    rows.push(row(vec![value(&label), typed(&text)]));
                }
            }
            Entry::Rubric(r) if r.print == Print::Pair && is_short(r) => {
                if let Some(cells) = short_pair(o, r, base, holder) {
                    rows.push(cells);
                }
            }
            _ => {
                flush(o, &mut rows);
                match entry {
                    Entry::Heading(h) => {
                        o.heading(level, *h);
                        sub = level.saturating_add(1);
                    }
                    Entry::Rubric(r) => text(o, sub, r, holder),
                    Entry::YearTable {
                        heading,
                        first,
                        rows: years,
                    } => {
                        o.heading(level, *heading);
                        let cells = years
                            .iter()
                            .filter_map(|r| year_row(o, r, base, holder))
                            .collect();
                        o.table(&as_columns(&year_columns(first)), cells);
                    }
                }
            }
        }
    }
    flush(o, &mut rows);
}

fn is_short<T, F>(r: &Rubric<T, F>) -> bool {
    !matches!(r.value, Value::Text(TextForm::Paragraph, ..))
}

fn short_pair<T, F: FieldName>(
    o: &Outline,
    r: &Rubric<T, F>,
    base: &FieldPath,
    holder: &T,
) -> Option<Row> {
    if r.need == Need::Optional && !r.is_filled(holder) {
        return None;
    }
    let cell = match r.read(holder) {
        Read::Text(s) => typed(s),
        Read::Date(d) => o.figure(r.path(base), d.as_ref(), |d| d.french()),
        Read::Counts(_) | Read::Decimals(..) => return None,
    };
    Some(row(vec![value(r.label), cell]))
}

fn flush(o: &mut Outline, rows: &mut Vec<Row>) {
    if !rows.is_empty() {
        o.table(
            &[("Rubrique", 30, false), ("Contenu", 70, false)],
            std::mem::take(rows),
        );
    }
}

/// A paragraph: a labelled text in a row's pairs, a titled rubric, or a
/// note set only when filled.
fn text<T, F>(o: &mut Outline, level: u8, r: &Rubric<T, F>, holder: &T) {
    let Read::Text(s) = r.read(holder) else {
        return;
    };
    match r.print {
        Print::Pair => o.labelled(r.label, s),
        Print::Titled if r.need != Need::Optional || r.is_filled(holder) => {
            o.rubric(level, r.label, s);
        }
        Print::Note if !super::text::is_blank(s) => o.text(s),
        _ => {}
    }
}

fn year_row<T, F: FieldName>(
    o: &Outline,
    r: &Rubric<T, F>,
    base: &FieldPath,
    holder: &T,
) -> Option<Row> {
    let path = r.path(base);
    match r.read(holder) {
        Read::Counts(v) => Some(o.years(r.label, path, v, |x| x.to_string())),
        Read::Decimals(kind, v) => Some(o.years(r.label, path, v, |x| match kind {
            NumberKind::Amount => format_amount(*x),
            NumberKind::Percent | NumberKind::Figure | NumberKind::Count => format_typed(*x),
        })),
        Read::Text(_) | Read::Date(_) => None,
    }
}
