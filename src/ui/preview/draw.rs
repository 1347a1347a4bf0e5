//! Paints the layout's items with egui: the page is white and the ink dark
//! whatever the theme, text in the bundled DejaVu at the layout's sizes
//! (egui 0.37 sizes fonts in em, like the PDF), so lines break and align
//! as on paper.

use egui::{Color32, FontFamily, FontId, Painter, Pos2, Rect, Stroke, pos2, vec2};

use crate::service::pages::Item;
use crate::service::pages::PreviewPage;
use crate::service::pages::Weight;

pub(super) const REGULAR: &str = "apercu-regular";
pub(super) const BOLD: &str = "apercu-bold";

/// Registers the PDF's two fonts under their own family names, so the
/// preview does not depend on the fonts the rest of the window uses.
pub(super) fn add_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    for (name, bytes) in [
        (REGULAR, crate::service::pages::REGULAR_TTF),
        (BOLD, crate::service::pages::BOLD_TTF),
    ] {
        ctx.add_font(FontInsert::new(
            name,
            egui::FontData::from_static(bytes),
            vec![InsertFontFamily {
                family: FontFamily::Name(name.into()),
                priority: FontPriority::Highest,
            }],
        ));
    }
}

/// Whether the preview's font families are installed yet (they are from
/// the pass after [`add_fonts`] at the latest).
pub(super) fn fonts_ready(ctx: &egui::Context) -> bool {
    let bold = FontFamily::Name(BOLD.into());
    ctx.fonts(|f| f.families().contains(&bold))
}

fn gray(level: f32) -> Color32 {
    Color32::from_gray((level.clamp(0.0, 1.0) * 255.0).round() as u8)
}

fn family(weight: Weight) -> FontFamily {
    match weight {
        Weight::Regular => FontFamily::Name(REGULAR.into()),
        Weight::Bold => FontFamily::Name(BOLD.into()),
    }
}

/// Below this many pixels a glyph is unreadable: a grey bar stands for it.
const MIN_TEXT_PX: f32 = 3.5;

/// Paints `page` with its top-left corner at `origin`, `scale` pixels per
/// point.
pub(super) fn page(painter: &Painter, page: &PreviewPage, origin: Pos2, scale: f32, fonts: bool) {
    let at = |x: f32, y: f32| pos2(origin.x + x * scale, origin.y + y * scale);
    for item in &page.items {
        match item {
            Item::Text {
                x,
                y,
                size,
                weight,
                text,
                gray: g,
            } => text_run(
                painter,
                at(*x, *y),
                *size * scale,
                *weight,
                text,
                gray(*g),
                fonts,
            ),
            Item::Rotated {
                x,
                y,
                size,
                angle,
                text,
                gray: g,
            } => {
                if !fonts {
                    continue;
                }
                let font = FontId::new(*size * scale, family(Weight::Bold));
                let galley = painter.layout_no_wrap(text.clone(), font, gray(*g));
                let ascent = baseline_offset(&galley, *size * scale);
                // The PDF turns counter-clockwise with y up; egui turns
                // clockwise with y down; the galley hangs from its top.
                let a = -angle.to_radians();
                let base = at(*x, *y);
                let top_left = base + vec2(ascent * a.sin(), -ascent * a.cos());
                painter.add(egui::epaint::TextShape::new(top_left, galley, gray(*g)).with_angle(a));
            }
            Item::Rect { rect, stroke, fill } => {
                let r = Rect::from_min_size(at(rect.x, rect.y), vec2(rect.w, rect.h) * scale);
                if let Some(f) = fill {
                    painter.rect_filled(r, 0.0, gray(*f));
                }
                if let Some(w) = stroke {
                    let s = Stroke::new((w * scale).max(0.6), Color32::BLACK);
                    painter.rect_stroke(r, 0.0, s, egui::StrokeKind::Middle);
                }
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
            } => {
                let s = Stroke::new((width * scale).max(0.6), Color32::BLACK);
                painter.line_segment([at(*x1, *y1), at(*x2, *y2)], s);
            }
            Item::Placeholder { key, page } => {
                let r = Rect::from_min_size(at(60.0, 120.0), vec2(475.0, 600.0) * scale);
                painter.rect_filled(r, 0.0, gray(0.93));
                if fonts {
                    painter.text(
                        r.center(),
                        egui::Align2::CENTER_CENTER,
                        format!("Pièce jointe « {key} », page {}", page + 1),
                        FontId::new(11.0 * scale, family(Weight::Regular)),
                        gray(0.3),
                    );
                }
            }
        }
    }
}

/// From a galley's top to its first baseline.
fn baseline_offset(galley: &egui::Galley, px: f32) -> f32 {
    galley
        .rows
        .first()
        .and_then(|r| r.glyphs.first().map(|g| r.pos.y + g.pos.y))
        .unwrap_or(px * 0.93)
}

fn text_run(
    painter: &Painter,
    baseline: Pos2,
    px: f32,
    weight: Weight,
    text: &str,
    color: Color32,
    fonts: bool,
) {
    if px < MIN_TEXT_PX || !fonts {
        // Thumbnails: a bar as long as the text, roughly.
        let w = text.chars().count() as f32 * px * 0.5;
        let y = baseline.y - px * 0.35;
        let c = Color32::from_gray(150);
        painter.line_segment(
            [pos2(baseline.x, y), pos2(baseline.x + w, y)],
            Stroke::new((px * 0.6).max(0.5), c),
        );
        return;
    }
    let font = FontId::new(px, family(weight));
    let galley = match crate::service::pages::display_sections(text) {
        // Arabic: the runs in visual order, as the PDF draws them.
        Some(sections) => painter.layout_job(super::super::bidi::job(&sections, font, color)),
        None => painter.layout_no_wrap(text.to_string(), font, color),
    };
    let top = baseline.y - baseline_offset(&galley, px);
    painter.galley(pos2(baseline.x, top), galley, color);
}
