//! One layout per kind of block (tables are in [`super::table`]).

use super::engine::Layouter;
use super::{Align, Block, Item, PARA_GAP, Style, TocEntry, WRITING_LINE_GAP, wrap};
use crate::print::font::Weight;
use crate::print::geometry::Rect;

/// Share of the width for the labels of a key-value block, and the gap
/// before the values.
const KEY_SHARE: f32 = 0.34;
const KEY_GAP: f32 = 8.0;

/// Lines of a key-value pair that must start on the same page: a short
/// pair stays whole; a long value flows across pages, its first two lines
/// together.
fn pair_kept_lines(n: usize) -> usize {
    if n <= 6 { n } else { 2 }
}

impl Layouter<'_> {
    pub(super) fn heading(&mut self, level: u8, text: &str, anchor: Option<&str>, next: &[Block]) {
        let (cx, cw) = (self.geo.content.x, self.geo.content.w);
        let style = Self::heading_style(level);
        let before = if self.at_page_top() {
            0.0
        } else {
            style.size() * 0.9
        };
        let text = self.prepared(text, style, "titre");
        // A heading is never hyphenated.
        let lines = super::wrap::wrap_unhyphenated(&text, cw, self.fonts, style);
        let own = before + lines.len() as f32 * style.line_height() + 3.0;
        let lead = self.lead_height(next);
        // A lead taller than a page (a huge first row) cannot be kept.
        self.ensure((own + lead).min(self.geo.full_content().h));
        if !self.at_page_top() {
            self.y += before;
        }
        if let Some(anchor) = anchor {
            self.anchor(anchor.to_string(), false);
        }
        self.flow_lines(lines, style, cx, cw, Align::Left);
        if level <= 2 {
            let y = self.y + 1.0;
            self.page.items.push(Item::Line {
                x1: cx,
                y1: y,
                x2: cx + cw,
                y2: y,
                width: if level == 1 { 1.0 } else { 0.5 },
            });
        }
        self.y += 3.0;
    }

    pub(super) fn paragraph(&mut self, text: &str, style: Style, align: Align) {
        let (cx, cw) = (self.geo.content.x, self.geo.content.w);
        let text = self.prepared(text, style, "texte");
        self.flow_text(&text, style, (cx, cw), align, None);
        self.y += PARA_GAP;
    }

    pub(super) fn bullets(&mut self, items: &[String]) {
        let (cx, cw) = (self.geo.content.x, self.geo.content.w);
        let indent = 12.0;
        for item in items {
            let text = self.prepared(item, Style::Body, "liste");
            let marker = Some((cx + 2.0, "•"));
            let span = (cx + indent, cw - indent);
            self.flow_text(&text, Style::Body, span, Align::Left, marker);
            self.y += 1.5;
        }
        self.y += PARA_GAP;
    }

    /// Height the first pair of a key-value block keeps together: what a
    /// heading above it must find room for on its page.
    pub(super) fn key_values_lead(&self, pairs: &[(String, String)]) -> f32 {
        let Some((key, value)) = pairs.first() else {
            return 0.0;
        };
        let cw = self.geo.content.w;
        let (key_w, gap) = (cw * KEY_SHARE, KEY_GAP);
        let key = self.texts.french(key);
        let value = self.texts.french(value);
        let lines = |text: &str, width: f32, style: Style| {
            self.texts
                .lines(text, width, self.fonts, (style, true))
                .len()
        };
        let n =
            lines(&key, key_w, Style::BodyBold).max(lines(&value, cw - key_w - gap, Style::Body));
        pair_kept_lines(n).max(2) as f32 * Style::Body.line_height()
    }

    pub(super) fn key_values(&mut self, pairs: &[(String, String)]) {
        let (cx, cw) = (self.geo.content.x, self.geo.content.w);
        let key_w = cw * KEY_SHARE;
        let gap = KEY_GAP;
        for (pair, (key, value)) in pairs.iter().enumerate() {
            self.part = super::Part::Pair(pair);
            let key = self.prepared(key, Style::BodyBold, "libellé");
            let value = if value.trim().is_empty() {
                "—".to_string()
            } else {
                self.prepared(value, Style::Body, key.as_str())
            };
            let fonts = self.fonts;
            let key_lines = self
                .texts
                .lines(&key, key_w, fonts, (Style::BodyBold, true));
            let value_width = cw - key_w - gap;
            let value_lines = self
                .texts
                .lines(&value, value_width, fonts, (Style::Body, true));
            let lh = Style::Body.line_height();
            let ascent = Style::Body.ascent();
            let n = key_lines.len().max(value_lines.len());
            self.ensure(pair_kept_lines(n) as f32 * lh);
            for k in 0..n {
                // No last line alone on the next page: the one before goes
                // with it (a long value keeps at least two lines on each).
                let widow = k + 2 == n && k >= 2 && 2.0 * lh > self.remaining();
                if lh > self.remaining() || widow {
                    self.new_page();
                }
                let baseline = self.y + ascent;
                if let Some(l) = key_lines.get(k) {
                    self.text_in(cx, baseline, Style::BodyBold, l.clone(), key_w);
                }
                if let Some(l) = value_lines.get(k) {
                    let vw = cw - key_w - gap;
                    self.text_in(cx + key_w + gap, baseline, Style::Body, l.clone(), vw);
                }
                self.y += lh;
            }
            self.y += 2.0;
        }
        self.y += PARA_GAP;
    }

    pub(super) fn toc(&mut self, entries: &[TocEntry]) {
        let (cx, cw) = (self.geo.content.x, self.geo.content.w);
        let num_w = self.fonts.regular.width("0000", Style::Body.size());
        for e in entries {
            let style = if e.level == 1 {
                Style::BodyBold
            } else {
                Style::Body
            };
            let indent = (f32::from(e.level) - 1.0) * 14.0;
            let title = self.prepared(&e.title, style, "sommaire");
            let lines = wrap(&title, cw - indent - num_w - 10.0, self.fonts, style);
            let n = lines.len();
            self.ensure(n as f32 * style.line_height());
            let page = self
                .toc_pages
                .get(&e.anchor)
                .map_or_else(|| "…".to_string(), |p| (p + 1).to_string());
            for (k, line) in lines.into_iter().enumerate() {
                let baseline = self.y + style.ascent();
                if k + 1 == n {
                    self.toc_leader(&line, &page, style, cx + indent, baseline);
                }
                self.text_at(cx + indent, baseline, style, line);
                self.y += style.line_height();
            }
            self.y += 1.5;
        }
        self.y += PARA_GAP;
    }

    /// The dotted leader between a sommaire title and its page number, and
    /// the number itself.
    fn toc_leader(&mut self, line: &str, page: &str, style: Style, x: f32, baseline: f32) {
        let (cx, cw) = (self.geo.content.x, self.geo.content.w);
        let line_w = self.fonts.get(style.weight()).width(line, style.size());
        let px = self.aligned_x(page, style, cx, cw, Align::Right);
        // Measured in the font the leader is drawn with.
        let dot_w = self.fonts.regular.width(". ", style.size());
        let start = x + line_w + 4.0;
        let count = ((px - 4.0 - start) / dot_w).floor().max(0.0) as usize;
        if count > 0 {
            self.page.items.push(Item::Text {
                x: start,
                y: baseline,
                size: style.size(),
                weight: Weight::Regular,
                text: ". ".repeat(count).trim_end().to_string(),
                gray: 0.55,
            });
        }
        self.text_at(px, baseline, style, page.to_string());
    }

    pub(super) fn checkbox(&mut self, checked: bool, text: &str) {
        let (cx, cw) = (self.geo.content.x, self.geo.content.w);
        let size = 9.0;
        let indent = size + 8.0;
        let text = self.prepared(text, Style::Body, "case à cocher");
        let lines = wrap(&text, cw - indent, self.fonts, Style::Body);
        self.ensure(Style::Body.line_height() * lines.len().min(3) as f32);
        let top = self.y + 1.0;
        self.page.items.push(Item::Rect {
            rect: Rect {
                x: cx,
                y: top,
                w: size,
                h: size,
            },
            stroke: Some(0.8),
            fill: None,
        });
        if checked {
            // A drawn tick: independent of the font, visible on paper.
            self.page.items.push(Item::Line {
                x1: cx + 1.8,
                y1: top + 4.8,
                x2: cx + 3.8,
                y2: top + 7.4,
                width: 1.3,
            });
            self.page.items.push(Item::Line {
                x1: cx + 3.8,
                y1: top + 7.4,
                x2: cx + 7.6,
                y2: top + 1.4,
                width: 1.3,
            });
            self.text_at(cx + 1.2, top + 7.6, Style::Small, "X".to_string());
        }
        self.flow_lines(lines, Style::Body, cx + indent, cw - indent, Align::Left);
        self.y += 3.0;
    }

    /// A framed area to sign with its caption; it may sit beside the
    /// page's stamp zone when the span there is wide enough for it.
    pub(super) fn signature_area(&mut self, caption: &str, height: f32) {
        let (cx, cw) = (self.geo.content.x, self.geo.content.w);
        let caption = self.prepared(caption, Style::BodyBold, "signature");
        let lh = Style::BodyBold.line_height();
        let w = cw * 0.55;
        let need = lh + height;
        // Where the area goes at `y`, if it fits there.
        let place = |l: &Self, y: f32| -> Option<f32> {
            if y + need <= l.bottom() {
                return Some(cx);
            }
            if y + need > l.geo.content.bottom() {
                return None;
            }
            let (sx, sw) = l.span(y, need, cx, cw);
            (sw >= w).then_some(sx)
        };
        let x = match place(self, self.y) {
            Some(x) => x,
            None => {
                if !self.at_page_top() {
                    self.new_page();
                }
                place(self, self.y).unwrap_or(cx)
            }
        };
        let baseline = self.y + Style::BodyBold.ascent();
        self.text_at(x, baseline, Style::BodyBold, caption);
        self.y += lh;
        let h = height.min(self.geo.content.bottom() - self.y);
        self.page.items.push(Item::Rect {
            rect: Rect { x, y: self.y, w, h },
            stroke: Some(0.8),
            fill: None,
        });
        self.y += h + PARA_GAP;
    }

    pub(super) fn attachment(&mut self, key: &str, pages: usize) {
        if !self.page.items.is_empty() {
            self.new_page();
        }
        self.anchor(format!("att:{key}"), false);
        for page in 0..pages {
            self.page.items.push(Item::Placeholder {
                key: key.to_string(),
                page,
            });
            self.new_page();
        }
    }

    pub(super) fn writing_lines(&mut self, n: usize) {
        let (cx, cw) = (self.geo.content.x, self.geo.content.w);
        for _ in 0..n {
            if WRITING_LINE_GAP > self.remaining() {
                self.new_page();
            }
            self.y += WRITING_LINE_GAP;
            let y = self.y - 2.0;
            self.page.items.push(Item::Line {
                x1: cx,
                y1: y,
                x2: cx + cw,
                y2: y,
                width: 0.3,
            });
        }
        self.y += PARA_GAP;
    }
}
