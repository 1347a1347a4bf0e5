//! Arabic in the wizard's text fields: egui 0.37 joins Arabic letters
//! (harfrust) but has no bidirectional algorithm, so a field holding
//! « مجموعة فاس للصناعات (فاس) 2026 » showed its year reversed and its runs
//! in the wrong order. A field with right-to-left text is laid out from the
//! sections [`crate::service::pages::display_sections`] gives: the same
//! characters, in the order egui turns into the visual one.

use std::sync::Arc;

use egui::text::{ByteIndex, LayoutJob, LayoutSection, TextFormat};
use egui::{Galley, TextBuffer, Ui};

/// Whether a field's text needs [`layouter`].
pub fn needed(text: &str) -> bool {
    crate::service::pages::has_bidi(text)
}

/// Lays out a text field's content in visual order (wrapped when
/// `multiline`).
pub fn layouter(multiline: bool) -> impl FnMut(&Ui, &dyn TextBuffer, f32) -> Arc<Galley> {
    move |ui: &Ui, text: &dyn TextBuffer, wrap_width: f32| {
        let font_id = egui::TextStyle::Body.resolve(ui.style());
        let color = ui.visuals().strong_text_color();
        let line_height =
            ui.fonts_mut(|f| f.row_height(&font_id)) + ui.spacing().extra_text_line_spacing;
        let mut format = TextFormat::simple(font_id, color);
        format.line_height = Some(line_height);
        let mut job = match crate::service::pages::display_sections(text.as_str()) {
            Some(sections) => sections_job(&sections, &format),
            None => {
                let mut job = LayoutJob::default();
                job.append(text.as_str(), 0.0, format);
                job
            }
        };
        job.wrap.max_width = if multiline { wrap_width } else { f32::INFINITY };
        job.keep_trailing_whitespace = true;
        ui.fonts_mut(|f| f.layout_job(job))
    }
}

/// One section per run, never merged (`LayoutJob::append` merges sections
/// of the same format, and egui would shape them as one run).
fn sections_job(sections: &[String], format: &TextFormat) -> LayoutJob {
    let mut job = LayoutJob::default();
    for section in sections {
        let start = job.text.len();
        job.text.push_str(section);
        job.sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(start)..ByteIndex(job.text.len()),
            format: format.clone(),
        });
    }
    job
}

/// A one-line job for the page preview: `sections` from
/// [`crate::service::pages::display_sections`].
pub fn job(sections: &[String], font: egui::FontId, color: egui::Color32) -> LayoutJob {
    let mut job = sections_job(sections, &TextFormat::simple(font, color));
    job.wrap.max_width = f32::INFINITY;
    job
}
