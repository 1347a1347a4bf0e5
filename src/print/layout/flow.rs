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

    /// The span of a line `lh` tall at `top` on this page, if it fits
    /// there (beside the stamp zone if need be).
    fn line_at(&self, top: f32, lh: f32, x: f32, w: f32) -> Option<(f32, f32)> {
        if top + lh > self.geo.content.bottom() {
            return None;
        }
        let (lx, lw) = self.span(top, lh, x, w);
        (lw >= MIN_BESIDE.min(w)).then_some((lx, lw))
    }

    /// The width of the line after the one at `self.y`: on this page, or
    /// the first of the next.
    fn following_width(&self, lh: f32, x: f32, w: f32) -> f32 {
        self.line_at(self.y + lh, lh, x, w)
            .or_else(|| self.line_at(self.geo.content.y, lh, x, w))
            .map_or(w, |(_, lw)| lw)
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

    /// One paragraph, line by line, each as wide as the page leaves it
    /// (narrower beside the stamp zone). No line of it is alone at the
    /// bottom of a page (orphan) or at the top of the next (widow): at a
    /// page break, the lines before it move to the next page instead.
    fn flow_paragraph(
        &mut self,
        text: &str,
        style: Style,
        (x, w): (f32, f32),
        align: Align,
        marker: Marker,
    ) {
        let metrics = self.fonts.get(style.weight());
        let (size, lh) = (style.size(), style.line_height());
        if text.is_empty() {
            // A blank line between paragraphs, never at a page top.
            if !self.at_page_top() {
                self.y += lh;
            }
            return;
        }
        let mut breaker = Breaker::new(text);
        // Where the paragraph started on this page (None once it went on
        // to another page or when it started at a page top), and the
        // state before each line placed on this page.
        let mut start: Option<(Breaker, usize, Marker)> =
            (!self.at_page_top()).then(|| (breaker.clone(), self.page.items.len(), marker));
        let mut placed: Vec<(Breaker, usize)> = Vec::new();
        let mut marker = marker;
        while !breaker.is_done() {
            let Some((lx, lw)) = self.line_at(self.y, lh, x, w) else {
                // A page break before this line.
                {
                    let top_w = self
                        .line_at(self.geo.content.y, lh, x, w)
                        .map_or(w, |s| s.1);
                    // Lines (up to two) the text from a state takes at
                    // the top of the next page, as wide as the page.
                    let lines_from = |b: &Breaker| {
                        let mut probe = b.clone();
                        let mut count = 0;
                        while count < 2 && probe.next_line(top_w, metrics, size).is_some() {
                            count += 1;
                        }
                        count
                    };
                    let n = placed.len();
                    let back = if n == 1 && start.is_some() {
                        // Orphan: the first line alone here.
                        Some(0)
                    } else if lines_from(&breaker) == 1 {
                        // Widow: move down as many lines as it takes to
                        // have two on the next page (narrow lines beside
                        // the stamp may join in one wide line), two kept
                        // here; else the whole paragraph.
                        (2..n)
                            .rev()
                            .find(|&k| lines_from(&placed[k].0) >= 2)
                            .or(start.as_ref().map(|_| 0))
                    } else {
                        None
                    };
                    if let Some(k) = back {
                        if k == 0 {
                            if let Some((b, items, m)) = start.take() {
                                breaker = b;
                                self.page.items.truncate(items);
                                marker = m;
                            }
                        } else {
                            let (b, items) = placed.swap_remove(k);
                            breaker = b;
                            self.page.items.truncate(items);
                        }
                    }
                }
                self.new_page();
                start = None;
                placed.clear();
                continue;
            };
            let next_w = self.following_width(lh, x, w);
            placed.push((breaker.clone(), self.page.items.len()));
            let Some(line) = breaker.next_line_before(lw, next_w, metrics, size) else {
                break;
            };
            let baseline = self.y + style.ascent();
            if let Some((mx, mark)) = marker.take() {
                self.text_at(mx, baseline, style, mark.to_string());
            }
            let ax = self.aligned_x(&line, style, lx, lw, align);
            self.text_in(ax, baseline, style, line, lw);
            self.y += lh;
        }
    }
}
