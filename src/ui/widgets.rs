//! Form fields bound to the dossier. Every field knows its path in the
//! dossier (the same path the rules put in findings), so a finding can
//! scroll to and highlight its field, and an edit can be grouped per field
//! for undo.

use std::collections::HashMap;

use egui::{Align, Color32, RichText, Stroke, Ui};
use rust_decimal::Decimal;

use crate::model::Date;
use crate::model::dossier::{YEARS, Years};
use crate::model::limits::{NumberKind, parse_count};
use crate::model::money::{AmountError, format_number, format_typed, parse_amount};
pub use crate::ui::year_grid::year_header;

pub const RED: Color32 = Color32::from_rgb(190, 30, 30);
pub const GREEN: Color32 = Color32::from_rgb(20, 130, 60);
pub const AMBER: Color32 = Color32::from_rgb(180, 110, 0);
/// Hints and footnotes: egui's `.small()` (9 pt, about 7 px of x-height)
/// is too small to read; 12 is the smallest UI text.
pub const HINT_SIZE: f32 = 12.0;

/// How a number field is named for the user: by a visible label, or, in a
/// table cell, by a tooltip (« Charges du personnel, année 1 »).
enum Name<'a> {
    Label(egui::Id),
    Hover(&'a str),
}

/// The red explanation under a field whose text is not understood.
fn error_under(ui: &mut Ui, error: Option<AmountError>) {
    if let Some(e) = error {
        ui.label(RichText::new(e.to_string()).color(ui.visuals().error_fg_color));
    }
}

/// The first cell of a table row: wraps long labels instead of widening
/// the table past the window.
fn row_label(ui: &mut Ui, label: &str) {
    ui.scope(|ui| {
        ui.set_max_width(230.0);
        ui.add(egui::Label::new(label).wrap());
    });
}

/// The widest amount a five-year grid must show whole (issue 11: Stratégie
/// showed « 1 500 000,( »).
/// 9 999 999 999 hundredths = 2 × 2³² + 1 410 065 407.
pub const WIDEST_AMOUNT: Decimal = Decimal::from_parts(1_410_065_407, 2, 0, false, 2);

/// Width of a money cell: « 99 999 999,99 » laid out in the field's font,
/// plus the field's inner margins and room for the cursor. Measured rather
/// than guessed, so a larger font or another typeface still fits.
pub fn money_cell_width(ui: &Ui) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text = format_number(WIDEST_AMOUNT, 2);
    let w = ui.fonts_mut(|f| f.layout_no_wrap(text, font, Color32::PLACEHOLDER).size().x);
    (w + 2.0 * ui.spacing().button_padding.x + 8.0).ceil()
}

/// How a number field reads and writes its value.
pub struct NumberFormat<T> {
    pub parse: fn(&str) -> Result<T, AmountError>,
    pub show: fn(T) -> String,
}

fn show_amount(v: Decimal) -> String {
    format_number(v, 2)
}

/// A figure with exactly the decimals it holds: a typed « 12,3456 » comes
/// back as typed, never rounded on screen.
fn show_plain(v: Decimal) -> String {
    format_typed(v)
}

fn parse_date(t: &str) -> Result<Date, AmountError> {
    if t.trim().is_empty() {
        Err(AmountError::Empty)
    } else {
        Date::parse(t)
            .ok_or_else(|| AmountError::NotANumber(format!("{t} (date attendue : JJ/MM/AAAA)")))
    }
}

fn show_date(d: Date) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

const AMOUNT: NumberFormat<Decimal> = NumberFormat {
    parse: parse_amount,
    show: show_amount,
};
const FIGURE: NumberFormat<Decimal> = NumberFormat {
    parse: |t| NumberKind::Figure.parse(t),
    show: show_plain,
};
const PERCENT: NumberFormat<Decimal> = NumberFormat {
    parse: |t| NumberKind::Percent.parse(t),
    show: show_plain,
};
const DATE: NumberFormat<Date> = NumberFormat {
    parse: parse_date,
    show: show_date,
};
const COUNT: NumberFormat<u32> = NumberFormat {
    parse: parse_count,
    show: |x| x.to_string(),
};

/// What the findings say about one field: whether one blocks, and their
/// messages (shown on hover over the field's frame).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flag {
    pub blocking: bool,
    pub message: String,
}

/// The per-frame editing context handed to the tabs.
pub struct Form<'a> {
    /// The field to bring into view and highlight, if any.
    pub focus: Option<&'a str>,
    /// Whether the focus was just requested (scroll and give keyboard focus once).
    pub focus_now: bool,
    /// Key of the field edited during this frame (`""` for a structural edit).
    pub changed: Option<String>,
    /// Text typed in number and date fields, kept as typed while invalid.
    pub buffers: &'a mut HashMap<String, String>,
    /// Fields with a blocking finding, outlined in red.
    pub flagged: &'a HashMap<String, Flag>,
    /// The dossier file's folder: attachment paths are stored relative to it.
    pub base_dir: std::path::PathBuf,
    /// The dossier's mistyped entries, by path (moved out of the dossier
    /// for the frame and back after): an invalid text is kept here, as
    /// typed, and the field's value stays blank.
    pub invalid: std::collections::BTreeMap<String, String>,
    /// Set when a widget with the focus target's path was drawn this frame.
    pub focus_seen: std::cell::Cell<bool>,
    /// Where the focus target was drawn when it asked to be scrolled to:
    /// a five-year table asks its tab again (see [`Form::year_grid`]).
    pub(super) focus_rect: std::cell::Cell<Option<egui::Rect>>,
}

impl<'a> Form<'a> {
    pub fn new(
        focus: Option<&'a str>,
        focus_now: bool,
        buffers: &'a mut HashMap<String, String>,
        flagged: &'a HashMap<String, Flag>,
    ) -> Self {
        Self {
            focus,
            focus_now,
            changed: None,
            buffers,
            flagged,
            base_dir: std::path::PathBuf::from("."),
            invalid: std::collections::BTreeMap::new(),
            focus_seen: std::cell::Cell::new(false),
            focus_rect: std::cell::Cell::new(None),
        }
    }

    /// After a row of `list` was added, moved, duplicated or deleted: the
    /// mistyped entries follow their rows, and the typing buffers (keyed by
    /// the old positions) are dropped.
    pub fn rows_changed(&mut self, list: &str, op: RowOp, len_before: usize) {
        if !op.applies(len_before) {
            return;
        }
        self.buffers.clear();
        let old = std::mem::take(&mut self.invalid);
        for (path, text) in old {
            let Some(i) = crate::model::field::row_index(&path, list) else {
                self.invalid.insert(path, text);
                continue;
            };
            let moved = |to: usize| crate::model::field::with_row_index(&path, list, to);
            let targets: Vec<Option<String>> = match op {
                RowOp::Up(j) if i == j => vec![moved(j - 1)],
                RowOp::Up(j) if i + 1 == j => vec![moved(j)],
                RowOp::Down(j) if i == j => vec![moved(j + 1)],
                RowOp::Down(j) if i == j + 1 => vec![moved(j)],
                RowOp::Duplicate(j) if i == j => vec![Some(path.clone()), moved(j + 1)],
                RowOp::Duplicate(j) if i > j => vec![moved(i + 1)],
                RowOp::Delete(j) if i == j => vec![],
                RowOp::Delete(j) if i > j => vec![moved(i - 1)],
                _ => vec![Some(path.clone())],
            };
            for target in targets.into_iter().flatten() {
                self.invalid.insert(target, text.clone());
            }
        }
    }

    /// One row of five years in its own table under the year headings
    /// (an action's cost, a custom indicator's values).
    pub fn year_row_table(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        values: &mut Years<Decimal>,
        kind: NumberKind,
    ) {
        self.year_grid(ui, format!("{path}.grid"), 4.0, false, |ui, form| {
            year_header(ui, "");
            form.year_decimals(ui, path, label, values, kind);
            ui.end_row();
        });
    }

    pub fn touch(&mut self, path: &str) {
        self.changed = Some(path.to_string());
    }

    /// A structural edit: a row added, removed or moved.
    pub fn structural(&mut self) {
        self.changed = Some(String::new());
    }

    /// Highlights and scrolls to the field when it is the focus target, and
    /// frames it in red or orange when a finding names it, with the
    /// finding's message on hover.
    pub fn mark(&self, ui: &Ui, path: &str, response: &egui::Response) {
        self.mark_group(ui, path, response, response);
    }

    /// [`Form::mark`] for a group of widgets (radio buttons): the group is
    /// scrolled to and outlined, `focus` takes the keyboard.
    pub fn mark_group(
        &self,
        ui: &Ui,
        path: &str,
        response: &egui::Response,
        focus: &egui::Response,
    ) {
        let flag = self.flagged.get(path);
        if self.focus == Some(path) {
            self.focus_seen.set(true);
            if self.focus_now {
                response.scroll_to_me(Some(Align::Center));
                focus.request_focus();
                self.focus_rect.set(Some(response.rect));
            }
            ui.painter().rect_stroke(
                response.rect.expand(3.0),
                3.0,
                Stroke::new(2.5, Color32::from_rgb(240, 140, 0)),
                egui::StrokeKind::Outside,
            );
        } else if let Some(flag) = flag {
            let color = if flag.blocking {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().warn_fg_color
            };
            ui.painter().rect_stroke(
                response.rect.expand(1.0),
                2.0,
                Stroke::new(1.0, color),
                egui::StrokeKind::Outside,
            );
        }
        if let Some(flag) = flag {
            let _ = response.clone().on_hover_text(&flag.message);
        }
    }

    /// A labelled one-line text field.
    pub fn text(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        value: &mut String,
    ) -> egui::Response {
        let l = ui.label(label);
        let mut bidi = super::bidi::layouter(false);
        let rtl = super::bidi::needed(value);
        let mut edit = egui::TextEdit::singleline(value)
            .id_salt(path)
            .desired_width(ui.available_width().clamp(120.0, 560.0));
        if rtl {
            edit = edit.layouter(&mut bidi);
        }
        let r = ui.add(edit).labelled_by(l.id);
        if r.changed() {
            self.touch(path);
        }
        self.mark(ui, path, &r);
        ui.end_row();
        r
    }

    /// A labelled text that wraps instead of scrolling out of sight
    /// (Forme juridique, Adresse, Observation…): one line while short,
    /// growing as it is typed. Enter does not add a line break, as in a
    /// one-line field.
    pub fn long_text(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        value: &mut String,
    ) -> egui::Response {
        let l = ui.label(label);
        let mut bidi = super::bidi::layouter(true);
        let rtl = super::bidi::needed(value);
        let mut edit = egui::TextEdit::multiline(value)
            .id_salt(path)
            .desired_rows(1)
            .return_key(None)
            .desired_width(ui.available_width().clamp(120.0, 560.0));
        if rtl {
            edit = edit.layouter(&mut bidi);
        }
        let r = ui.add(edit).labelled_by(l.id);
        if r.changed() {
            self.touch(path);
        }
        self.mark(ui, path, &r);
        ui.end_row();
        r
    }

    /// A labelled path to a scan, with « Parcourir… »; a chosen file is
    /// stored relative to the dossier's folder when it lies below it.
    pub fn file(&mut self, ui: &mut Ui, path: &str, label: &str, value: &mut String) -> bool {
        let l = ui.label(label);
        let mut changed = false;
        ui.horizontal(|ui| {
            let r = ui
                .add(
                    egui::TextEdit::singleline(value)
                        .id_salt(path)
                        .desired_width(300.0),
                )
                .labelled_by(l.id);
            if r.changed() {
                changed = true;
                self.touch(path);
            }
            self.mark(ui, path, &r);
            // The native dialog runs on a worker; its answer comes back on
            // a later frame, for this field only.
            let pick = egui::Id::unique(("pick-attachment", path));
            let mut chosen = String::new();
            let folder = self.base_dir.clone();
            if super::picker::browse_button(ui, pick, &mut chosen, || {
                let request = super::picker::Request {
                    title: "Pièce jointe",
                    filter: "PDF ou image",
                    extensions: &["pdf", "jpg", "jpeg", "png"],
                    folder: Some(folder),
                };
                (request, super::picker::Mode::Open)
            }) {
                *value = crate::service::stored_path::relative_to(
                    &self.base_dir,
                    std::path::Path::new(&chosen),
                );
                changed = true;
                self.touch(path);
            }
        });
        ui.end_row();
        let pick = egui::Id::unique(("pick-attachment", path));
        if super::picker::note(ui.ctx(), pick).is_some() {
            ui.label("");
            super::picker::show_note(ui, pick, 420.0);
            ui.end_row();
        }
        changed
    }

    /// A labelled multi-line text with its character count.
    pub fn multiline(&mut self, ui: &mut Ui, path: &str, label: &str, value: &mut String) {
        ui.add_space(4.0);
        let l = ui.label(RichText::new(label).strong());
        let r = ui
            .add(
                egui::TextEdit::multiline(value)
                    .id_salt(path)
                    .desired_rows(4)
                    .desired_width(ui.available_width() - 16.0),
            )
            .labelled_by(l.id);
        if r.changed() {
            self.touch(path);
        }
        self.mark(ui, path, &r);
        let count = value.chars().count();
        ui.label(
            RichText::new(format!(
                "{count} caractère{}",
                if count > 1 { "s" } else { "" }
            ))
            .size(HINT_SIZE)
            .weak(),
        );
    }

    /// A number field: keeps the user's text while it is invalid and shows
    /// why under it; the model changes only when the text parses.
    fn number_field<T: Copy>(
        &mut self,
        ui: &mut Ui,
        path: &str,
        name: Name<'_>,
        value: &mut Option<T>,
        width: f32,
        format: NumberFormat<T>,
    ) -> Option<AmountError> {
        let NumberFormat { parse, show } = format;
        let mut text = self
            .buffers
            .get(path)
            .or_else(|| self.invalid.get(path))
            .cloned()
            .unwrap_or_else(|| value.map(&show).unwrap_or_default());
        let edit = egui::TextEdit::singleline(&mut text)
            .id_salt(path)
            .desired_width(width);
        let mut r = ui.add_sized([width, ui.spacing().interact_size.y], edit);
        match name {
            Name::Label(id) => r = r.labelled_by(id),
            Name::Hover(text) => r = r.on_hover_text(text),
        }
        let error = if r.changed() {
            self.buffers.insert(path.to_string(), text.clone());
            self.touch(path);
            // Never a parsed prefix: an invalid text leaves the value blank
            // and is kept as typed, for the rules and the next session.
            match parse(&text) {
                Ok(v) => {
                    *value = Some(v);
                    self.invalid.remove(path);
                    None
                }
                Err(AmountError::Empty) => {
                    *value = None;
                    self.invalid.remove(path);
                    None
                }
                Err(e) => {
                    *value = None;
                    self.invalid.insert(path.to_string(), text.clone());
                    Some(e)
                }
            }
        } else if self.buffers.contains_key(path) || self.invalid.contains_key(path) {
            match parse(&text) {
                Ok(_) | Err(AmountError::Empty) => {
                    if !r.has_focus() {
                        self.buffers.remove(path);
                    }
                    None
                }
                Err(e) => Some(e),
            }
        } else {
            None
        };
        self.mark(ui, path, &r);
        if let Some(e) = &error {
            ui.painter().rect_stroke(
                r.rect.expand(1.0),
                2.0,
                Stroke::new(1.5, ui.visuals().error_fg_color),
                egui::StrokeKind::Outside,
            );
            r.on_hover_text(e.to_string());
        }
        error
    }

    /// A labelled amount in DH (« 1 234,50 », « 1234.5 », « 1 234 DH »).
    pub fn money(&mut self, ui: &mut Ui, path: &str, label: &str, value: &mut Option<Decimal>) {
        let l = ui.label(label);
        ui.vertical(|ui| {
            let error = ui
                .horizontal(|ui| {
                    let e = self.number_field(ui, path, Name::Label(l.id), value, 140.0, AMOUNT);
                    ui.label("DHS");
                    e
                })
                .inner;
            error_under(ui, error);
        });
        ui.end_row();
    }

    /// A labelled date, typed as JJ/MM/AAAA.
    pub fn date(&mut self, ui: &mut Ui, path: &str, label: &str, value: &mut Option<Date>) {
        let l = ui.label(label);
        ui.vertical(|ui| {
            let error = ui
                .horizontal(|ui| {
                    let e = self.number_field(ui, path, Name::Label(l.id), value, 110.0, DATE);
                    if let Some(d) = value {
                        ui.label(RichText::new(d.french()).weak());
                    }
                    e
                })
                .inner;
            error_under(ui, error);
        });
        ui.end_row();
    }

    /// One row of a five-year table: a label then five cells, each parsed
    /// and bounded as `kind` (amounts in DH, percentages, indicators).
    pub fn year_decimals(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        values: &mut Years<Decimal>,
        kind: NumberKind,
    ) {
        row_label(ui, label);
        let money_width = money_cell_width(ui);
        for (year, v) in values.iter_mut().enumerate().take(YEARS) {
            let p = format!("{path}[{year}]");
            let hover = format!("{label}, année {}", year + 1);
            ui.vertical(|ui| {
                let error = match kind {
                    NumberKind::Amount => {
                        self.number_field(ui, &p, Name::Hover(&hover), v, money_width, AMOUNT)
                    }
                    NumberKind::Percent => {
                        self.number_field(ui, &p, Name::Hover(&hover), v, 70.0, PERCENT)
                    }
                    NumberKind::Figure | NumberKind::Count => {
                        self.number_field(ui, &p, Name::Hover(&hover), v, 70.0, FIGURE)
                    }
                };
                error_under(ui, error);
            });
        }
    }

    /// One row of counts over five years.
    pub fn year_counts(&mut self, ui: &mut Ui, path: &str, label: &str, values: &mut Years<u32>) {
        row_label(ui, label);
        for (year, v) in values.iter_mut().enumerate() {
            let p = format!("{path}[{year}]");
            let hover = format!("{label}, année {}", year + 1);
            ui.vertical(|ui| {
                let error = self.number_field(ui, &p, Name::Hover(&hover), v, 70.0, COUNT);
                error_under(ui, error);
            });
        }
    }

    /// A labelled choice among an enum's values.
    pub fn choice<T: Copy + PartialEq>(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        value: &mut T,
        all: &[T],
        name: impl Fn(T) -> &'static str,
    ) {
        let l = ui.label(label);
        let r = egui::ComboBox::from_id_salt(path)
            .selected_text(name(*value))
            .width(260.0)
            .show_ui(ui, |ui| {
                for &option in all {
                    if ui
                        .selectable_label(*value == option, name(option))
                        .clicked()
                        && *value != option
                    {
                        *value = option;
                        self.touch(path);
                    }
                }
            });
        let response = r.response.labelled_by(l.id);
        self.mark(ui, path, &response);
        ui.end_row();
    }
}

/// A section title.
pub fn title(ui: &mut Ui, text: &str) {
    ui.add_space(6.0);
    ui.heading(text);
    ui.separator();
}

pub use super::rows::{RowOp, apply_row_op, row_buttons, row_list};
