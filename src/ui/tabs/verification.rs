//! Vérification: every finding, blocking first, grouped by section; a click
//! opens the tab and brings the field into view.
//!
//! A section with many findings (a register of 2 000 members just imported
//! has one per row) is drawn as one line per finding, cut with « … » (the
//! whole message on hover), and only the lines in view are laid out: the
//! tab stays as fast with 4 000 findings as with 40.

use egui::{RichText, Ui};

use crate::model::{Finding, Section};
use crate::ui::app::DossierApp;
use crate::ui::widgets::{GREEN, title};

/// Up to this many findings, a section's messages wrap in full; beyond,
/// one line each, laid out only when in view.
pub const WRAPPED_UP_TO: usize = 60;

pub fn show(ui: &mut Ui, app: &mut DossierApp) {
    title(ui, "Vérification du dossier");
    let (blocking, warnings) = crate::model::rules::summary(&app.document.findings);
    if blocking == 0 {
        ui.label(
            RichText::new("Aucun point bloquant : le dossier peut être imprimé en version finale.")
                .color(GREEN)
                .strong(),
        );
    } else {
        ui.label(
            RichText::new(format!(
                "{blocking} point(s) bloquant(s) : le dossier serait refusé en l'état."
            ))
            .color(ui.visuals().error_fg_color)
            .strong(),
        );
    }
    ui.label(format!("{warnings} avertissement(s)."));
    ui.checkbox(
        &mut app.view.verification_blocking_only,
        "bloquants seulement",
    );
    let mut target = None;
    for section in Section::ALL {
        let list: Vec<&Finding> = app
            .document
            .findings
            .iter()
            .filter(|f| {
                f.section == section && (!app.view.verification_blocking_only || f.is_blocking())
            })
            .collect();
        if list.is_empty() {
            continue;
        }
        ui.add_space(8.0);
        if list.len() <= WRAPPED_UP_TO {
            ui.strong(section.label());
            for f in list {
                if line(ui, f, false) {
                    target = Some((f.section, f.field.clone()));
                }
            }
        } else {
            ui.strong(format!("{} ({} constats)", section.label(), list.len()));
            if let Some(f) = long_list(ui, &list) {
                target = Some((f.section, f.field.clone()));
            }
        }
    }
    if let Some((section, field)) = target {
        app.go_to(section, field.as_str());
    }
}

/// One finding: its severity, then its message as a link to the field
/// (on one line cut with « … » when `cut`, the whole message on hover);
/// true when clicked.
fn line(ui: &mut Ui, f: &Finding, cut: bool) -> bool {
    let (mark, color) = if f.is_blocking() {
        ("✖ Bloquant", ui.visuals().error_fg_color)
    } else {
        ("! Attention", ui.visuals().warn_fg_color)
    };
    let body = |ui: &mut Ui| {
        ui.label(RichText::new(mark).color(color));
        let link = ui.link(&f.message);
        if cut {
            link.on_hover_text(format!("{}\n\nAller au champ", f.message))
        } else {
            link.on_hover_text("Aller au champ")
        }
        .clicked()
    };
    if cut {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        ui.horizontal(body).inner
    } else {
        ui.horizontal_wrapped(body).inner
    }
}

/// A long list as one line per finding: the space of every line is
/// reserved, and only the lines inside the visible part of the enclosing
/// scroll area are laid out. Returns the finding clicked.
fn long_list<'a>(ui: &mut Ui, list: &[&'a Finding]) -> Option<&'a Finding> {
    let row_h = ui
        .spacing()
        .interact_size
        .y
        .max(ui.text_style_height(&egui::TextStyle::Body))
        + ui.spacing().item_spacing.y;
    let width = ui.available_width();
    let total = row_h * list.len() as f32;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, total), egui::Sense::hover());
    let (first, last) = in_view(rect.top(), ui.clip_rect(), row_h, list.len());
    let mut clicked = None;
    for (i, f) in list.iter().enumerate().take(last).skip(first) {
        let top = rect.top() + row_h * i as f32;
        let row = egui::Rect::from_min_size(egui::pos2(rect.left(), top), egui::vec2(width, row_h));
        let hit = ui
            .scope_builder(
                egui::UiBuilder::new().max_rect(row).id_salt(("finding", i)),
                |ui| line(ui, f, true),
            )
            .inner;
        if hit {
            clicked = Some(*f);
        }
    }
    clicked
}

/// The rows `first..last` of a list of `len` rows of `row_h` starting at
/// `top` that meet the clip rectangle.
pub fn in_view(top: f32, clip: egui::Rect, row_h: f32, len: usize) -> (usize, usize) {
    if len == 0 || row_h <= 0.0 || !row_h.is_finite() {
        return (0, 0);
    }
    let first = ((clip.top() - top) / row_h).floor().max(0.0);
    let last = ((clip.bottom() - top) / row_h).ceil().max(0.0);
    let clamp = |x: f32| (x as usize).min(len);
    let (first, last) = (clamp(first), clamp(last));
    (first.min(last), last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clip(top: f32, bottom: f32) -> egui::Rect {
        egui::Rect::from_min_max(egui::pos2(0.0, top), egui::pos2(100.0, bottom))
    }

    #[test]
    fn only_the_rows_meeting_the_view_are_laid_out() {
        // 4 000 rows of 20 px from y = 100, a window of 600 px scrolled to 1 000.
        assert_eq!(in_view(100.0, clip(1000.0, 1600.0), 20.0, 4000), (45, 75));
        // Above the list: nothing; partly in view: the first rows.
        assert_eq!(in_view(100.0, clip(0.0, 50.0), 20.0, 4000), (0, 0));
        assert_eq!(in_view(100.0, clip(0.0, 130.0), 20.0, 4000), (0, 2));
        // Past the end: nothing; bounds never pass the length.
        assert_eq!(
            in_view(100.0, clip(90_000.0, 90_600.0), 20.0, 4000),
            (4000, 4000)
        );
        assert_eq!(in_view(0.0, clip(0.0, 1e9), 20.0, 3), (0, 3));
        assert_eq!(in_view(0.0, clip(0.0, 100.0), 0.0, 3), (0, 0));
    }
}
