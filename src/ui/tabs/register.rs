//! The member register's table: several rows selected at once (click,
//! Ctrl-click, Shift-click, « Tout sélectionner »), rows with a finding
//! marked, and the values an import guessed marked « à vérifier ».

use std::collections::{BTreeMap, BTreeSet};

use egui::{Modifiers, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::model::Finding;
use crate::model::dossier::Member;
use crate::model::field::{FieldPath, Part};
use crate::ui::theme;

/// The rows she selected, by index in the register, and the row a
/// Shift-click extends from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub rows: BTreeSet<usize>,
    pub anchor: Option<usize>,
}

/// How a row was clicked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Click {
    /// A plain click: that row alone.
    Plain,
    /// Ctrl-click (Cmd on a Mac): the row joins or leaves the selection.
    Toggle,
    /// Shift-click: the shown rows from the anchor to this one.
    Range,
    /// Ctrl+Shift-click: that range added to the selection.
    AddRange,
}

impl Click {
    pub fn from_modifiers(m: Modifiers) -> Self {
        match (m.command || m.ctrl, m.shift) {
            (false, false) => Click::Plain,
            (true, false) => Click::Toggle,
            (false, true) => Click::Range,
            (true, true) => Click::AddRange,
        }
    }
}

impl Selection {
    /// One row alone (a plain click, or a finding that leads to it).
    pub fn only(i: usize) -> Self {
        Self {
            rows: BTreeSet::from([i]),
            anchor: Some(i),
        }
    }

    /// Applies a click on register row `i`; `visible` is the shown rows in
    /// their order (a range never takes a row the filter hides).
    pub fn click(&mut self, i: usize, click: Click, visible: &[usize]) {
        match click {
            Click::Plain => *self = Self::only(i),
            Click::Toggle => {
                if !self.rows.remove(&i) {
                    self.rows.insert(i);
                }
                self.anchor = Some(i);
            }
            Click::Range | Click::AddRange => {
                let to = visible.iter().position(|r| *r == i);
                let from = self
                    .anchor
                    .and_then(|a| visible.iter().position(|r| *r == a))
                    .or(to);
                let (Some(from), Some(to)) = (from, to) else {
                    *self = Self::only(i);
                    return;
                };
                if click == Click::Range {
                    self.rows.clear();
                }
                self.rows.extend(&visible[from.min(to)..=from.max(to)]);
                if self.anchor.is_none() {
                    self.anchor = Some(i);
                }
            }
        }
    }

    /// « Tout sélectionner »: every shown row (the others are left out).
    pub fn select_all(&mut self, visible: &[usize]) {
        self.rows = visible.iter().copied().collect();
        self.anchor = visible.first().copied();
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Keeps only the shown rows of a register of `len` rows: what the
    /// filter hides is never edited by mistake.
    pub fn keep(&mut self, visible: &[usize], len: usize) {
        let shown: BTreeSet<usize> = visible.iter().copied().collect();
        self.rows.retain(|r| *r < len && shown.contains(r));
        if self.anchor.is_some_and(|a| !shown.contains(&a)) {
            self.anchor = None;
        }
    }

    /// The one row selected, if exactly one is.
    pub fn single(&self) -> Option<usize> {
        match self.rows.len() {
            1 => self.rows.first().copied(),
            _ => None,
        }
    }
}

/// What the findings say about each member's row: whether one blocks, and
/// their messages (borrowed: nothing is copied on each frame).
pub type RowFindings<'a> = BTreeMap<usize, (bool, Vec<&'a str>)>;

pub fn row_findings(findings: &[Finding]) -> RowFindings<'_> {
    let list = FieldPath::part(Part::Members);
    let mut out = RowFindings::new();
    for f in findings {
        if let Some(i) = f.field.row_of(&list) {
            let e = out.entry(i).or_default();
            e.0 |= f.is_blocking();
            e.1.push(&f.message);
        }
    }
    out
}

/// The modifiers held for this frame's click: those carried by the mouse
/// button's release (the keyboard state may already be released), else the
/// keyboard's.
fn click_modifiers(ctx: &egui::Context) -> Modifiers {
    ctx.input(|i| {
        i.events
            .iter()
            .rev()
            .find_map(|e| match e {
                egui::Event::PointerButton {
                    button: egui::PointerButton::Primary,
                    modifiers,
                    ..
                } => Some(*modifiers),
                _ => None,
            })
            .unwrap_or(i.modifiers)
    })
}

const ROW_H: f32 = 22.0;

/// The register's columns: header, share of the width left once N° and
/// ICE have theirs, and the narrowest a drag can make them.
const COLUMNS: [(&str, f32, f32); 6] = [
    ("N°", 0.0, 56.0),
    ("Raison sociale", 0.36, 120.0),
    ("Catégorie", 0.26, 80.0),
    ("Activité", 0.18, 70.0),
    ("Ville", 0.20, 60.0),
    ("ICE", 0.0, 70.0),
];

/// The « à vérifier » prefix of a guessed value in the register.
pub const GUESS_MARK: &str = "⚠ ";
/// The prefix of a row number whose member has a finding.
pub const FINDING_MARK: &str = "● ";

/// An ICE's 15 digits laid out in the body font, plus the cell's margin:
/// the last column never cuts a full ICE at the first width.
fn ice_width(ui: &Ui) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let w = ui.fonts_mut(|f| {
        f.layout_no_wrap("000000000000000".into(), font, egui::Color32::PLACEHOLDER)
            .size()
            .x
    });
    (w + 2.0 * ui.spacing().item_spacing.x).ceil()
}

/// One cell's text, cut with « … » when the column is too narrow; the full
/// value shows on hover, so nothing typed is hidden for good.
fn cell(ui: &mut Ui, text: &str) {
    // Not selectable: a click on the cell selects the row.
    ui.add(egui::Label::new(text).truncate().selectable(false));
}

/// A value an import guessed: « ⚠ » and amber until she confirms it.
fn guessed_cell(ui: &mut Ui, value: &str, guessed: bool, selected: bool) {
    if guessed {
        // On a selected row's fill, the selection's text colour reads better.
        let color = if selected {
            ui.visuals().selection.stroke.color
        } else {
            theme::warning(ui.visuals())
        };
        ui.add(
            egui::Label::new(RichText::new(format!("{GUESS_MARK}{value}")).color(color))
                .truncate()
                .selectable(false),
        )
        .on_hover_text("Proposée à l'import, à vérifier : confirmez-la ou choisissez-en une autre");
    } else {
        cell(ui, value);
    }
}

/// What happened in the table this frame.
pub struct Clicked {
    pub row: usize,
    pub click: Click,
}

/// The register: a fixed header, aligned resizable columns and virtualised
/// rows (`body.rows`), so 2 000 members draw as fast as 20.
pub fn table(
    ui: &mut Ui,
    members: &[Member],
    visible: &[usize],
    selection: &Selection,
    marks: &RowFindings<'_>,
    scroll_to: Option<usize>,
) -> Option<Clicked> {
    let ice = ice_width(ui);
    let spacing = ui.spacing().item_spacing.x * COLUMNS.len() as f32;
    let shared = (ui.available_width() - COLUMNS[0].2 - ice - spacing).max(0.0);
    let table_h = (ui.available_height() * 0.45).max(160.0);
    let mut builder = TableBuilder::new(ui)
        .id_salt("members.table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .min_scrolled_height(table_h)
        .max_scroll_height(table_h)
        .auto_shrink([false, true]);
    for (i, (_, share, min)) in COLUMNS.iter().enumerate() {
        builder = builder.column(match i {
            0 => Column::exact(*min),
            // The last column takes what is left: a long activity or city
            // never pushes it past the right edge.
            5 => Column::remainder().at_least(min.min(ice)).clip(true),
            _ => Column::initial(share * shared).at_least(*min).clip(true),
        });
    }
    if let Some(pos) = scroll_to.and_then(|s| visible.iter().position(|i| *i == s)) {
        builder = builder.scroll_to_row(pos, Some(egui::Align::Center));
    }
    let mut clicked = None;
    builder
        .header(ROW_H, |mut header| {
            for (h, _, _) in COLUMNS {
                header.col(|ui| {
                    ui.strong(h);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_H, visible.len(), |mut row| {
                let i = visible[row.index()];
                let m = &members[i];
                let selected = selection.rows.contains(&i);
                row.set_selected(selected);
                row.col(|ui| match marks.get(&i) {
                    Some((blocking, messages)) => {
                        let color = if selected {
                            ui.visuals().selection.stroke.color
                        } else if *blocking {
                            theme::alarm(ui.visuals())
                        } else {
                            theme::warning(ui.visuals())
                        };
                        ui.add(
                            egui::Label::new(
                                RichText::new(format!("{FINDING_MARK}{}", i + 1)).color(color),
                            )
                            .selectable(false),
                        )
                        .on_hover_text(messages.join("\n"));
                    }
                    None => {
                        ui.add(egui::Label::new((i + 1).to_string()).selectable(false));
                    }
                });
                let mut hit = false;
                row.col(|ui| {
                    let name = if m.name.trim().is_empty() {
                        "(sans nom)"
                    } else {
                        m.name.as_str()
                    };
                    let r = ui.add(egui::Button::selectable(selected, name).truncate());
                    hit |= r.clicked();
                    r.on_hover_text(name);
                });
                row.col(|ui| guessed_cell(ui, m.category.label(), m.to_check.category, selected));
                row.col(|ui| guessed_cell(ui, m.activity.label(), m.to_check.activity, selected));
                row.col(|ui| cell(ui, &m.city));
                row.col(|ui| cell(ui, &m.ice));
                if hit || row.response().clicked() {
                    let click = Click::from_modifiers(click_modifiers(&row.response().ctx));
                    clicked = Some(Clicked { row: i, click });
                }
            });
        });
    clicked
}
