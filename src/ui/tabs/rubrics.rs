//! Draws a rubric table (see [`crate::model::rubric`]) in the wizard: one
//! widget per rubric, keyed by its field path, under the table's headings.
//! A section's tab calls it where its rubrics go and keeps only what a
//! table cannot say.

use egui::Ui;

use super::grid;
use crate::model::field::{FieldName, FieldPath};
use crate::model::rubric::{Edit, Entry, Rubric, TextForm};
use crate::ui::widgets::{Form, title, year_header};

/// Shows the rubrics of `table` held by `holder` at `base`. Consecutive
/// one-line rubrics share a two-column grid; paragraphs take the width.
pub fn show<T, F: FieldName>(
    ui: &mut Ui,
    form: &mut Form,
    base: &FieldPath,
    holder: &mut T,
    table: &'static [Entry<T, F>],
) {
    let mut i = 0;
    while let Some(entry) = table.get(i) {
        match entry {
            Entry::Heading(h) => title(ui, h),
            Entry::Rubric(r) if is_line(r) => {
                let start = i;
                let mut end = i;
                while matches!(table.get(end), Some(Entry::Rubric(r)) if is_line(r)) {
                    end += 1;
                }
                grid(ui, &format!("{base}#{start}"), |ui| {
                    for e in &table[start..end] {
                        if let Entry::Rubric(r) = e {
                            line(ui, form, base, holder, r);
                        }
                    }
                });
                i = end;
                continue;
            }
            Entry::Rubric(r) => {
                if let Edit::Text(_, value) = r.edit(holder) {
                    form.multiline(ui, &r.path(base), &r.form_label(), value);
                }
            }
            Entry::YearTable {
                heading,
                first,
                rows,
            } => {
                title(ui, heading);
                form.year_grid(ui, format!("{base}#{i}"), 6.0, false, |ui, form| {
                    year_header(ui, first);
                    for r in rows.iter() {
                        year_row(ui, form, base, holder, r);
                        ui.end_row();
                    }
                });
            }
        }
        i += 1;
    }
}

fn is_line<T, F>(r: &Rubric<T, F>) -> bool {
    matches!(
        r.value,
        crate::model::rubric::Value::Text(TextForm::Line | TextForm::Wrapped, ..)
            | crate::model::rubric::Value::Date(..)
    )
}

fn line<T, F: FieldName>(
    ui: &mut Ui,
    form: &mut Form,
    base: &FieldPath,
    holder: &mut T,
    r: &Rubric<T, F>,
) {
    let path = r.path(base);
    let label = r.form_label();
    match r.edit(holder) {
        Edit::Text(TextForm::Line, value) => {
            form.text(ui, &path, &label, value);
        }
        Edit::Text(_, value) => {
            form.long_text(ui, &path, &label, value);
        }
        Edit::Date(value) => form.date(ui, &path, &label, value),
        Edit::Counts(_) | Edit::Decimals(..) => {}
    }
}

fn year_row<T, F: FieldName>(
    ui: &mut Ui,
    form: &mut Form,
    base: &FieldPath,
    holder: &mut T,
    r: &Rubric<T, F>,
) {
    let path = r.path(base);
    match r.edit(holder) {
        Edit::Counts(values) => form.year_counts(ui, &path, r.label, values),
        Edit::Decimals(kind, values) => form.year_decimals(ui, &path, r.label, values, kind),
        Edit::Text(..) | Edit::Date(_) => {}
    }
}
