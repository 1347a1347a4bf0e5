//! Running text: lines broken one at a time, so a paragraph flows beside
//! the stamp zone with shorter lines, and no paragraph leaves a single line
//! alone at the bottom of a page (orphan) or at the top of the next (widow).

use super::engine::Layouter;
use super::wrap::Breaker;
use super::{Align, Style};

/// Narrowest span beside the stamp zone still worth a line.
const MIN_BESIDE: f32 = 40.0 * crate::print::geometry::MM;

/// A mark drawn before a paragraph's first line (a bullet), at `x`.
pub(super) type Marker<'m> = Option<(f32, &'m str)>;

impl Layouter<'_> {
    /// The free span of a line from `top` to `top + h` within `x..x + w`.
    pub(super) fn span(&self, top: f32, h: f32, x: f32, w: f32) -> (f32, f32) {
        match self.geo.exclusion {
            Some(e) if top + h > e.y && top < e.bottom() => {
                if e.x > x + 1.0 {
                    (x, (e.x - x).min(w))
                } else {
                    let nx = e.right().max(x);
                    (nx, w - (nx - x))
                }
            }
            _ => (x, w),
        }
    }

    /// Where the next line `lh` tall goes: on this page, beside the stamp
    /// zone if need be, or at the top of the next.
    fn line_box(&mut self, lh: f32, x: f32, w: f32) -> (f32, f32) {
        for _ in 0..2 {
            if self.y + lh <= self.geo.content.bottom() {
                let (lx, lw) = self.span(self.y, lh, x, w);
                if lw >= MIN_BESIDE.min(w) {
                    return (lx, lw);
                }
            }
            self.new_page();
        }
        (x, w)
    }

    /// Whether one more line `lh` tall fits on this page.
    fn line_fits(&self, lh: f32) -> bool {
        self.y + lh <= self.geo.content.bottom()
    }

    /// Lays out a text with hard breaks, paragraph by paragraph.
    pub(super) fn flow_text(
        &mut self,
        text: &str,
        style: Style,
        (x, w): (f32, f32),
        align: Align,
        marker: Marker,
    ) {
        for (i, hard) in text.split('\n').enumerate() {
            let marker = if i == 0 { marker } else { None };
            self.flow_paragraph(hard.trim_end(), style, (x, w), align, marker);
        }
    }

    fn flow_paragraph(
        &mut self,
        text: &str,
        style: Style,
        (x, w): (f32, f32),
        align: Align,
        mut marker: Marker,
    ) {
        let fonts = self.fonts;
        let metrics = fonts.get(style.weight());
        let (size, lh) = (style.size(), style.line_height());
        if text.is_empty() {
            // A blank line between paragraphs, never at a page top.
            if !self.at_page_top() {
                self.y += lh;
            }
            return;
        }
        let mut breaker = Breaker::new(text);
        // Orphan: a first line alone at the bottom of a page.
        if self.line_fits(lh) && !self.line_fits(2.0 * lh) {
            let mut probe = breaker.clone();
            let _ = probe.next_line(w, metrics, size);
            if !probe.is_done() {
                self.new_page();
            }
        }
        let mut on_page = 0usize;
        // The state before the last line placed, to move it if it would
        // leave a widow.
        let mut last: Option<(Breaker, usize)> = None;
        while !breaker.is_done() {
            if !self.line_fits(lh) && on_page >= 3 {
                let mut probe = breaker.clone();
                let _ = probe.next_line(w, metrics, size);
                if probe.is_done()
                    && let Some((before, items)) = last.take()
                {
                    // Widow: the last line would be alone on the next page;
                    // take one more with it.
                    self.page.items.truncate(items);
                    self.y -= lh;
                    breaker = before;
                    self.new_page();
                    on_page = 0;
                }
            }
            let (lx, lw) = self.line_box(lh, x, w);
            if self.at_page_top() {
                on_page = 0;
            }
            last = Some((breaker.clone(), self.page.items.len()));
            let Some(line) = breaker.next_line(lw, metrics, size) else {
                break;
            };
            let baseline = self.y + style.ascent();
            if let Some((mx, mark)) = marker.take() {
                self.text_at(mx, baseline, style, mark.to_string());
            }
            let ax = self.aligned_x(&line, style, lx, lw, align);
            self.text_at(ax, baseline, style, line);
            self.y += lh;
            on_page += 1;
        }
    }
}
