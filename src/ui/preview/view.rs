//! The pane's parts: the toolbar (zoom, pages), the thumbnails strip and
//! the pages themselves, only those in view painted.

use egui::{Color32, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

use super::{GAP, Placement, PreviewPane, THUMB_PAGE_W, Zoom, draw};
use crate::service::pages::PreviewDoc;

const ZOOM_STEPS: [f32; 9] = [0.35, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0];
const OUTLINE: Color32 = Color32::from_rgb(0, 110, 220);

impl PreviewPane {
    pub(super) fn toolbar(&mut self, ui: &mut Ui) {
        let scale = self.placement.map(|p| p.scale);
        ui.horizontal_wrapped(|ui| {
            ui.strong("Aperçu");
            if ui
                .selectable_label(self.zoom == Zoom::PageWidth, "Largeur de page")
                .clicked()
            {
                self.zoom = Zoom::PageWidth;
            }
            let now = match self.zoom {
                Zoom::Scale(s) => s,
                Zoom::PageWidth => scale.unwrap_or(1.0),
            };
            if ui.button("-").on_hover_text("Réduire").clicked() {
                let s = ZOOM_STEPS.iter().rev().find(|s| **s < now - 0.01);
                self.zoom = Zoom::Scale(*s.unwrap_or(&ZOOM_STEPS[0]));
            }
            ui.label(format!("{:.0} %", now * 100.0));
            if ui.button("+").on_hover_text("Agrandir").clicked() {
                let s = ZOOM_STEPS.iter().find(|s| **s > now + 0.01);
                self.zoom = Zoom::Scale(*s.unwrap_or(&ZOOM_STEPS[ZOOM_STEPS.len() - 1]));
            }
            ui.separator();
            let n = self.page_count();
            if ui.button("<").on_hover_text("Page précédente").clicked() && self.current > 0 {
                self.scroll_to_page(self.current - 1);
            }
            ui.label(if n == 0 {
                "Page — / —".to_string()
            } else {
                format!("Page {} / {n}", self.current + 1)
            });
            if ui.button(">").on_hover_text("Page suivante").clicked() && self.current + 1 < n {
                self.scroll_to_page(self.current + 1);
            }
            ui.separator();
            ui.checkbox(&mut self.show_thumbnails, "Miniatures");
            if self.is_pending() {
                ui.weak("mise à jour…");
            } else if let Some(doc) = &self.doc {
                if doc.draft {
                    ui.label(RichText::new("BROUILLON").color(Color32::from_rgb(180, 90, 0)));
                }
                if !doc.warnings.is_empty() {
                    ui.label(RichText::new(format!(
                        "{} avertissement(s)",
                        doc.warnings.len()
                    )))
                    .on_hover_text(doc.warnings.join("\n"));
                }
            }
        });
    }

    pub(super) fn thumbnails(&mut self, ui: &mut Ui, doc: &PreviewDoc) {
        let scale = THUMB_PAGE_W / doc.page_w;
        let page_h = doc.page_h * scale;
        let row_h = page_h + 22.0;
        let mut area = egui::ScrollArea::vertical()
            .id_salt("apercu.miniatures")
            .auto_shrink([false, false]);
        if std::mem::take(&mut self.thumbs_follow) {
            let y = self.current as f32 * (row_h + ui.spacing().item_spacing.y);
            area = area.vertical_scroll_offset((y - row_h).max(0.0));
        }
        area.show_rows(ui, row_h, doc.pages.len(), |ui, range| {
            for i in range {
                let (rect, response) =
                    ui.allocate_exact_size(vec2(ui.available_width(), row_h), Sense::click());
                let page = Rect::from_min_size(
                    pos2(rect.center().x - THUMB_PAGE_W / 2.0, rect.top() + 4.0),
                    vec2(THUMB_PAGE_W, page_h),
                );
                let painter = ui.painter_at(rect);
                painter.rect_filled(page, 0.0, Color32::WHITE);
                // The bars standing for text are estimates: kept on the page.
                let inside = painter.with_clip_rect(page.intersect(painter.clip_rect()));
                draw::page(&inside, &doc.pages[i], page.min, scale, false);
                let stroke = if i == self.current {
                    Stroke::new(2.0, OUTLINE)
                } else {
                    Stroke::new(1.0, Color32::from_gray(150))
                };
                painter.rect_stroke(page, 0.0, stroke, egui::StrokeKind::Outside);
                painter.text(
                    pos2(rect.center().x, page.bottom() + 10.0),
                    egui::Align2::CENTER_CENTER,
                    (i + 1).to_string(),
                    egui::FontId::proportional(11.0),
                    ui.visuals().text_color(),
                );
                if response.on_hover_text(format!("Page {}", i + 1)).clicked() {
                    self.scroll_to_page(i);
                }
            }
        });
    }

    /// The pages, stacked; returns the field under a click.
    pub(super) fn pages(&mut self, ui: &mut Ui, doc: &PreviewDoc, fonts: bool) -> Option<String> {
        let avail = ui.available_width();
        let scale = match self.zoom {
            Zoom::PageWidth => ((avail - 2.0 * GAP - 14.0) / doc.page_w).max(0.1),
            Zoom::Scale(s) => s,
        };
        let (pw, ph) = (doc.page_w * scale, doc.page_h * scale);
        let pitch = ph + GAP;
        let n = doc.pages.len();
        let content = vec2(pw + 2.0 * GAP, n as f32 * pitch + GAP);
        let mut area = egui::ScrollArea::both()
            .id_salt("apercu.pages")
            .auto_shrink([false, false]);
        if let Some(y) = self.scroll_to.take() {
            // A page number asked for before a placement: the pitch is
            // known now.
            let y = if y == 0.0 && self.current > 0 {
                self.current as f32 * pitch
            } else {
                y
            };
            area = area.vertical_scroll_offset(y);
        }
        let out = area.show_viewport(ui, |ui, viewport| {
            let (rect, response) = ui.allocate_exact_size(content, Sense::click());
            let x0 = rect.left() + ((rect.width().max(ui.available_width()) - pw) / 2.0).max(GAP);
            let origin = pos2(x0, rect.top() + GAP);
            let painter = ui.painter();
            let first = ((viewport.top() - GAP) / pitch).floor().max(0.0) as usize;
            let last = (((viewport.bottom()) / pitch).ceil() as usize).min(n);
            for i in first..last {
                let top_left = origin + vec2(0.0, i as f32 * pitch);
                let page = Rect::from_min_size(top_left, vec2(pw, ph));
                painter.rect_filled(page.translate(vec2(2.0, 2.0)), 0.0, Color32::from_gray(90));
                painter.rect_filled(page, 0.0, Color32::WHITE);
                draw::page(painter, &doc.pages[i], top_left, scale, fonts);
                if let Some((p, r)) = self.outline
                    && p == i
                {
                    let o = Rect::from_min_size(
                        top_left + vec2(r.x, r.y) * scale,
                        vec2(r.w, r.h) * scale,
                    )
                    .expand(2.0);
                    painter.rect_stroke(
                        o,
                        2.0,
                        Stroke::new(2.0, OUTLINE),
                        egui::StrokeKind::Outside,
                    );
                }
            }
            let click = response
                .clicked()
                .then(|| response.interact_pointer_pos())
                .flatten()
                .and_then(|pos| {
                    let rel = pos - origin;
                    let i = (rel.y / pitch).floor();
                    if i < 0.0 {
                        return None;
                    }
                    let page = doc.pages.get(i as usize)?;
                    let y = (rel.y - i * pitch) / scale;
                    let field = page.field_at(rel.x / scale, y)?;
                    Some((i as usize, field.rect, field.path.clone()))
                });
            (origin, click)
        });
        let (origin, click) = out.inner;
        let view = out.inner_rect;
        self.placement = Some(Placement {
            origin,
            scale,
            pitch,
            view,
        });
        if self.scroll_reveal {
            self.place_reveal(true);
            ui.ctx().request_repaint();
        } else if self.scroll_to.is_none() {
            let middle = out.state.clamped_offset().y + view.height() / 2.0;
            let current = ((middle / pitch).floor().max(0.0) as usize).min(n.saturating_sub(1));
            if current != self.current {
                self.current = current;
                self.thumbs_follow = true;
            }
        }
        let (page, rect, path) = click?;
        self.outline = Some((page, rect));
        self.reveal = Some((path.clone(), u64::MAX));
        Some(path)
    }
}
