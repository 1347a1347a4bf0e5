//! « Ce que demande l'appel »: a folding header at the top of each form tab
//! with the call's own words for that section (what it asks, the Partie 3
//! criteria the evaluators apply, the expected length where the call gives
//! one), all read from the dossier's call profile. The criteria come first:
//! they are short and stay in sight when the call's requests scroll.
//!
//! Folded by default, one line high: the form keeps the tab. Unfolded, the
//! text scrolls inside a box of at most 40 % of the window's height, so the
//! form's first fields stay in sight on a 1366 × 768 laptop. Each tab's
//! header remembers whether it is open for the session (egui's memory).

use egui::scroll_area::ScrollBarVisibility;
use egui::text::LayoutJob;
use egui::{FontSelection, RichText, TextFormat, Ui};

use super::widgets::HINT_SIZE;
use crate::model::CallProfile;
use crate::model::call::SectionHelp;
use crate::model::finding::Section;

/// The header's text.
pub const HEADER: &str = "Ce que demande l'appel";
/// The heading of the criteria inside the help.
pub const CRITERIA_HEADING: &str =
    "Ce que regardent les évaluateurs (Partie 3 – critères de sélection)";

/// Share of the window's height the unfolded help may take.
const MAX_HEIGHT_SHARE: f32 = 0.4;

/// The header for `section`, when the profile has help for it (a profile
/// without `section_help`, from an earlier version, shows nothing).
pub fn show(ui: &mut Ui, p: &CallProfile, section: Section) {
    let Some(help) = p.help_for(section) else {
        return;
    };
    egui::CollapsingHeader::new(RichText::new(HEADER).strong())
        .id_salt(("call_help", section))
        .default_open(false)
        .show(ui, |ui| body(ui, p, help));
}

fn body(ui: &mut Ui, p: &CallProfile, help: &SectionHelp) {
    let max_height = (ui.ctx().content_rect().height() * MAX_HEIGHT_SHARE).max(120.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        // A bar always drawn (egui's floating bars hide until hovered): she
        // sees there is more to read below.
        ui.style_mut().spacing.scroll = egui::style::ScrollStyle::thin();
        egui::ScrollArea::vertical()
            .id_salt("call_help_text")
            .max_height(max_height)
            .auto_shrink([false, true])
            .scroll_bar_visibility(ScrollBarVisibility::AlwaysVisible)
            .show(ui, |ui| {
                // The criteria first: a few lines, always in sight even
                // when the call's requests need the box to scroll.
                let mut criteria = help.criteria_in(p).peekable();
                if criteria.peek().is_some() {
                    ui.strong(CRITERIA_HEADING);
                    for c in criteria {
                        let text = match &c.weight {
                            Some(w) => format!("{} (pondération : {w})", c.label),
                            None => c.label.clone(),
                        };
                        bullet(ui, c.group.label(), &text, "");
                    }
                    ui.add_space(6.0);
                }
                ui.label(
                    RichText::new(format!("Cahier des charges, « {} » :", help.reference))
                        .size(HINT_SIZE)
                        .weak(),
                );
                for ask in &help.asks {
                    bullet(ui, &ask.rubric, &ask.text, &ask.source);
                }
                // No length when the call gives none: nothing is made up.
                if let Some(length) = &help.expected_length {
                    ui.add_space(6.0);
                    bullet(ui, "Longueur attendue", length, "");
                }
            });
    });
}

/// « • Rubrique : texte (source) », wrapped to the tab's width; the source
/// is the call's heading when the text comes from another part of it.
fn bullet(ui: &mut Ui, rubric: &str, text: &str, source: &str) {
    let font = FontSelection::Default.resolve(ui.style());
    let normal = TextFormat::simple(font.clone(), ui.visuals().text_color());
    let strong = TextFormat::simple(font.clone(), ui.visuals().strong_text_color());
    let weak = TextFormat::simple(font, ui.visuals().weak_text_color());
    let mut job = LayoutJob::default();
    job.append("• ", 0.0, normal.clone());
    if !rubric.is_empty() {
        job.append(rubric, 0.0, strong);
        job.append(" : ", 0.0, normal.clone());
    }
    job.append(text, 0.0, normal);
    if !source.is_empty() {
        job.append(&format!(" ({source})"), 0.0, weak);
    }
    ui.label(job);
}
