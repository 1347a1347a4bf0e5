//! Lists of rows (members, partners, actions…): add, remove and move
//! requests collected while drawing and applied after, as one edit.

use egui::{RichText, Ui};

use super::widgets::Form;

/// Row operations requested on a list, applied after it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowOp {
    Up(usize),
    Down(usize),
    Duplicate(usize),
    Delete(usize),
    Add,
}

impl RowOp {
    /// Whether the operation changes a list of `len` rows.
    pub fn applies(self, len: usize) -> bool {
        match self {
            RowOp::Up(i) => i > 0 && i < len,
            RowOp::Down(i) => i + 1 < len,
            RowOp::Duplicate(i) | RowOp::Delete(i) => i < len,
            RowOp::Add => true,
        }
    }
}

/// Applies a row operation; returns the index to select afterwards.
pub fn apply_row_op<T: Clone + Default>(items: &mut Vec<T>, op: RowOp) -> Option<usize> {
    match op {
        RowOp::Up(i) if i > 0 && i < items.len() => {
            items.swap(i, i - 1);
            Some(i - 1)
        }
        RowOp::Down(i) if i + 1 < items.len() => {
            items.swap(i, i + 1);
            Some(i + 1)
        }
        RowOp::Duplicate(i) if i < items.len() => {
            let copy = items[i].clone();
            items.insert(i + 1, copy);
            Some(i + 1)
        }
        RowOp::Delete(i) if i < items.len() => {
            items.remove(i);
            (!items.is_empty()).then(|| i.min(items.len() - 1))
        }
        RowOp::Add => {
            items.push(T::default());
            Some(items.len() - 1)
        }
        _ => None,
    }
}

/// The buttons of one row: move up, move down, duplicate, delete.
pub fn row_buttons(ui: &mut Ui, index: usize, len: usize, ops: &mut Option<RowOp>) {
    if ui
        .add_enabled(index > 0, egui::Button::new("⬆"))
        .on_hover_text("Monter")
        .clicked()
    {
        *ops = Some(RowOp::Up(index));
    }
    if ui
        .add_enabled(index + 1 < len, egui::Button::new("⬇"))
        .on_hover_text("Descendre")
        .clicked()
    {
        *ops = Some(RowOp::Down(index));
    }
    if ui.button("Dupliquer").clicked() {
        *ops = Some(RowOp::Duplicate(index));
    }
    if ui.button("Supprimer").clicked() {
        *ops = Some(RowOp::Delete(index));
    }
}

/// A list of rows, each in its own frame with its buttons, and an « Ajouter »
/// button: the editor used for projects, partnerships, board members...
pub fn row_list<T: Clone + Default>(
    ui: &mut Ui,
    form: &mut Form,
    path: &str,
    items: &mut Vec<T>,
    add_label: &str,
    title: impl Fn(usize, &T) -> String,
    mut body: impl FnMut(&mut Ui, &mut Form, usize, &mut T),
) {
    let mut op = None;
    let len = items.len();
    for (i, item) in items.iter_mut().enumerate() {
        ui.push_id((path, i), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    row_buttons(ui, i, len, &mut op);
                    ui.label(RichText::new(title(i, item)).strong());
                });
                body(ui, form, i, item);
            });
        });
        ui.add_space(4.0);
    }
    // A finding about the list as a whole (« aucun projet saisi ») leads to
    // the button that adds the first row.
    let add = ui.button(format!("+ {add_label}"));
    form.mark(ui, path, &add);
    if add.clicked() {
        op = Some(RowOp::Add);
    }
    if let Some(op) = op {
        form.rows_changed(path, op, items.len());
        apply_row_op(items, op);
        form.structural();
    }
}
