//! « Aperçu »: the pages of one copy as `print::render` lays them out,
//! drawn live beside the form. Layout runs off the UI thread
//! ([`worker`], a [`crate::ui::job::Latest`] job); the pane only paints the
//! latest pages, so typing never waits for it. Self-contained: the app holds a [`PreviewPane`], calls
//! [`PreviewPane::request`] after edits, [`PreviewPane::reveal`] with the
//! edited field's path, and opens the field [`PreviewPane::show`] returns
//! when the user clicks printed text.

mod draw;
mod view;
mod worker;

#[cfg(test)]
pub(crate) mod tests;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use egui::{Pos2, Rect, Ui, pos2, vec2};

use crate::model::{CallProfile, Dossier};
use crate::service::pages::PreviewDoc;
use worker::{Job, Worker};

/// At most one layout per this interval while edits keep coming. A layout
/// of the 300-member dossier takes about 20 ms here (benches/preview.rs):
/// a short pause keeps typing within 200 ms of its page on slower laptops
/// too, and leaves the other core to the window.
pub const RELAYOUT_INTERVAL: Duration = Duration::from_millis(40);
/// Pixels between pages and around them.
const GAP: f32 = 16.0;
const THUMBS_W: f32 = 116.0;
/// The pages' column below which the thumbnails make way: an A4 page at
/// 75 % with its margins.
const READABLE_PAGE_W: f32 = 595.0 * 0.75 + 2.0 * GAP + 14.0;
const THUMB_PAGE_W: f32 = 84.0;

/// How large pages are drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Zoom {
    /// As wide as the pane.
    PageWidth,
    /// Pixels per point (1.0 = actual size at 100 %).
    Scale(f32),
}

/// Where the pages were drawn in the last frame, to map clicks and fields.
#[derive(Clone, Copy, Debug)]
struct Placement {
    /// Top-left corner of page 0 on screen.
    origin: Pos2,
    scale: f32,
    /// From one page's top to the next one's.
    pitch: f32,
    view: Rect,
}

pub struct PreviewPane {
    worker: Worker,
    doc: Option<Arc<PreviewDoc>>,
    error: Option<String>,
    requested: u64,
    received: u64,
    latency: Option<Duration>,
    base_dir: Option<PathBuf>,
    ctx: Option<egui::Context>,
    pub zoom: Zoom,
    pub show_thumbnails: bool,
    current: usize,
    /// Vertical scroll offset to apply on the next frame.
    scroll_to: Option<f32>,
    /// The field to outline, and the generation after which to scroll to
    /// it again (its place may move once the edit is laid out).
    reveal: Option<(String, u64)>,
    outline: Option<(usize, crate::service::pages::Rect)>,
    placement: Option<Placement>,
    /// Scroll to the revealed field once the pages have a placement.
    scroll_reveal: bool,
    /// Bring the current page's thumbnail into view on the next frame.
    thumbs_follow: bool,
}

impl Default for PreviewPane {
    fn default() -> Self {
        Self::new()
    }
}

impl PreviewPane {
    pub fn new() -> Self {
        Self::with_interval(RELAYOUT_INTERVAL)
    }

    /// A pane whose layouts are spaced by `interval` while edits keep coming.
    pub fn with_interval(interval: Duration) -> Self {
        let worker = Worker::start(interval);
        Self {
            error: worker.failed.clone(),
            worker,
            doc: None,
            requested: 0,
            received: 0,
            latency: None,
            base_dir: None,
            ctx: None,
            zoom: Zoom::PageWidth,
            show_thumbnails: true,
            current: 0,
            scroll_to: None,
            reveal: None,
            outline: None,
            placement: None,
            scroll_reveal: false,
            thumbs_follow: false,
        }
    }

    /// The dossier's folder: the layout then checks attached files exist,
    /// as the wizard's checks do (a missing scan makes the copy a draft).
    pub fn set_base_dir(&mut self, dir: Option<PathBuf>) {
        self.base_dir = dir;
    }

    /// Lays the dossier out again, off the frame; returns at once.
    pub fn request(&mut self, dossier: Dossier, profile: Arc<CallProfile>) {
        self.requested += 1;
        self.worker.send(Job {
            generation: self.requested,
            dossier,
            profile,
            base_dir: self.base_dir.clone(),
            sent: std::time::Instant::now(),
            ctx: self.ctx.clone(),
        });
    }

    /// Scrolls to where the field `path` prints and outlines it (now, and
    /// again once the pending edits are laid out).
    pub fn reveal(&mut self, path: &str) {
        self.reveal = Some((path.to_string(), self.requested));
        self.place_reveal(true);
    }

    /// The pages shown, if any layout has finished.
    pub fn doc(&self) -> Option<&PreviewDoc> {
        self.doc.as_deref()
    }

    /// Edits sent that the pages do not show yet.
    pub fn is_pending(&self) -> bool {
        self.received < self.requested
    }

    /// The newest edit (numbered from 1 by [`Self::request`]) the pages show.
    pub fn shown(&self) -> u64 {
        self.received
    }

    /// From the request to the pages of the newest layout.
    pub fn last_latency(&self) -> Option<Duration> {
        self.latency
    }

    /// The page at the middle of the view (0-based).
    pub fn current_page(&self) -> usize {
        self.current
    }

    /// The outlined field: its page and box.
    pub fn outlined(&self) -> Option<(usize, crate::service::pages::Rect)> {
        self.outline
    }

    /// Where the field `path` was drawn in the last frame, on screen.
    pub fn screen_rect(&self, path: &str) -> Option<Rect> {
        let (page, r) = self.doc.as_ref()?.find(path)?;
        let p = self.placement?;
        let o = p.origin + vec2(0.0, page as f32 * p.pitch);
        Some(Rect::from_min_size(
            o + vec2(r.x, r.y) * p.scale,
            vec2(r.w, r.h) * p.scale,
        ))
    }

    /// Takes the newest finished layout.
    fn poll(&mut self) {
        let Some(done) = self.worker.newest(self.requested) else {
            return;
        };
        self.received = self.received.max(done.generation);
        self.latency = Some(done.latency);
        match done.doc {
            Ok(doc) => {
                self.doc = Some(doc);
                self.error = None;
                self.current = self.current.min(self.page_count().saturating_sub(1));
                let again = self
                    .reveal
                    .as_ref()
                    .is_some_and(|(_, after)| done.generation >= *after);
                self.place_reveal(again);
                if again && let Some((_, after)) = &mut self.reveal {
                    // Scrolled once for this edit; later layouts only move
                    // the outline.
                    *after = u64::MAX;
                }
            }
            Err(e) => self.error = Some(e),
        }
    }

    fn page_count(&self) -> usize {
        self.doc.as_ref().map_or(0, |d| d.pages.len())
    }

    /// Outlines the revealed field and, with `scroll`, brings it into view.
    fn place_reveal(&mut self, scroll: bool) {
        let Some((path, _)) = &self.reveal else {
            return;
        };
        let Some(found) = self.doc.as_ref().and_then(|d| d.find(path)) else {
            self.outline = None;
            return;
        };
        self.outline = Some(found);
        if scroll {
            let (page, r) = found;
            self.current = page;
            self.thumbs_follow = true;
            if let Some(p) = self.placement {
                let y = page as f32 * p.pitch + GAP + (r.y + r.h / 2.0) * p.scale;
                self.scroll_to = Some((y - p.view.height() / 2.0).max(0.0));
                self.scroll_reveal = false;
            } else {
                // The pages' size on screen is known after their first frame.
                self.scroll_reveal = true;
            }
        }
    }

    fn scroll_to_page(&mut self, page: usize) {
        let pitch = self.placement.map_or(0.0, |p| p.pitch);
        self.current = page;
        self.thumbs_follow = true;
        self.scroll_to = Some(page as f32 * pitch);
    }

    /// Draws the pane; returns the field path of printed text the user
    /// clicked.
    pub fn show(&mut self, ui: &mut Ui) -> Option<String> {
        if self.ctx.is_none() {
            self.ctx = Some(ui.ctx().clone());
        }
        let fonts = draw::fonts_ready(ui.ctx());
        if !fonts {
            // Again after any later `set_fonts` of the window, which drops
            // fonts added before it.
            draw::add_fonts(ui.ctx());
        }
        self.poll();
        if self.is_pending() {
            // The worker wakes the window; this covers a request sent
            // before the pane first showed.
            ui.ctx().request_repaint_after(Duration::from_millis(50));
        }
        self.toolbar(ui);
        let Some(doc) = self.doc.clone() else {
            let text = self.error.as_deref().unwrap_or("Mise en page de l'aperçu…");
            ui.label(text);
            return None;
        };
        let area = ui.available_rect_before_wrap();
        let (thumbs, main) = if self.show_thumbnails && area.width() - THUMBS_W >= READABLE_PAGE_W {
            let split = area.left() + THUMBS_W;
            (
                Some(Rect::from_min_max(area.min, pos2(split, area.bottom()))),
                Rect::from_min_max(pos2(split, area.top()), area.max),
            )
        } else {
            (None, area)
        };
        if let Some(r) = thumbs {
            ui.scope_builder(egui::UiBuilder::new().max_rect(r), |ui| {
                self.thumbnails(ui, &doc);
            });
        }
        let clicked = ui
            .scope_builder(egui::UiBuilder::new().max_rect(main), |ui| {
                self.pages(ui, &doc, fonts)
            })
            .inner;
        ui.advance_cursor_after_rect(area);
        clicked
    }
}
