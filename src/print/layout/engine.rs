//! The layout engine's core: the current page, the vertical position, page
//! breaks, text preparation and the dispatch of blocks to their layouts
//! ([`super::blocks`], [`super::table`]).

use std::collections::HashMap;
use std::rc::Rc;

use super::cache::TextCache;
use super::reuse::{Previous, Record};
use super::{Align, Block, Item, Laid, Page, Part, Source, SourceMap, Style, WRITING_LINE_GAP};
use crate::print::font::Fonts;
use crate::print::geometry::Geometry;
use crate::print::geometry::Rect;
use crate::print::shape::{self, prepare};

pub struct Layouter<'a> {
    pub(super) fonts: &'a Fonts,
    pub(super) geo: Geometry,
    pub(super) out: Laid,
    pub(super) page: Page,
    pub(super) y: f32,
    /// Page numbers for the sommaire, from a previous pass.
    pub(super) toc_pages: HashMap<String, usize>,
    /// Field paths to record where they print (empty for a plain render).
    sources: SourceMap,
    /// The block being laid out and the part of it being drawn.
    pub(super) block_index: usize,
    pub(super) part: Part,
    /// The data row a table is drawing, `None` for its header.
    pub(super) data_row: Option<usize>,
    /// Texts set and broken so far, shared by the passes of one layout.
    pub(super) texts: Rc<TextCache>,
    /// The grids of this layout's tables, by the table's address (the
    /// blocks are borrowed for the whole of [`Self::layout`]).
    pub(super) grids: HashMap<usize, Rc<super::table::Grid>>,
    /// This pass's record, and the previous pass to take over from.
    pub(super) record: Record,
    pub(super) previous: Option<Previous>,
}

impl<'a> Layouter<'a> {
    pub fn new(fonts: &'a Fonts, geo: Geometry, toc_pages: HashMap<String, usize>) -> Self {
        Self {
            fonts,
            geo,
            out: Laid::default(),
            page: Page::default(),
            y: geo.content.y,
            toc_pages,
            sources: SourceMap::new(),
            block_index: 0,
            part: Part::Whole,
            data_row: None,
            texts: Rc::default(),
            grids: HashMap::new(),
            record: Record::default(),
            previous: None,
        }
    }

    /// Shares `texts` with other layouts of the same document with the
    /// same fonts (the passes of [`crate::print::layout_pages`]).
    pub fn with_cache(mut self, texts: Rc<TextCache>) -> Self {
        self.texts = texts;
        self
    }

    /// Records in [`Laid::sources`] where the fields of `sources` print.
    pub fn with_sources(mut self, sources: SourceMap) -> Self {
        self.sources = sources;
        self
    }

    /// The field path of the part being drawn, if the document named one.
    fn source_path(&self) -> Option<&String> {
        let b = self.block_index;
        let get = |part: Part| self.sources.get(&(b, part));
        match self.part {
            Part::Header => None,
            Part::CellTail(r, c) => get(Part::CellTail(r, c))
                .or_else(|| get(Part::Cell(r, c)))
                .or_else(|| get(Part::Row(r)))
                .or_else(|| get(Part::Whole)),
            Part::Cell(r, c) => get(Part::Cell(r, c))
                .or_else(|| get(Part::Row(r)))
                .or_else(|| get(Part::Whole)),
            part => get(part).or_else(|| get(Part::Whole)),
        }
    }

    /// Adds a text's box to its field's source, merged with the previous
    /// box when the same field continues on the same page.
    fn record_source(&mut self, x: f32, baseline: f32, style: Style, text: &str) {
        let Some(path) = self.source_path().cloned() else {
            return;
        };
        let size = style.size();
        let rect = Rect {
            x,
            y: baseline - size,
            w: self.fonts.get(style.weight()).width(text, size),
            h: 1.25 * size,
        };
        let page = self.out.pages.len();
        if let Some(last) = self.out.sources.last_mut()
            && last.page == page
            && last.path == path
        {
            let (x0, y0) = (last.rect.x.min(rect.x), last.rect.y.min(rect.y));
            let x1 = last.rect.right().max(rect.right());
            let y1 = last.rect.bottom().max(rect.bottom());
            last.rect = Rect {
                x: x0,
                y: y0,
                w: x1 - x0,
                h: y1 - y0,
            };
            return;
        }
        self.out.sources.push(Source { page, rect, path });
    }

    /// Where full-width blocks end: above the stamp zone.
    pub(super) fn bottom(&self) -> f32 {
        self.geo.full_content().bottom()
    }
    pub(super) fn remaining(&self) -> f32 {
        self.bottom() - self.y
    }
    pub(super) fn at_page_top(&self) -> bool {
        self.y <= self.geo.content.y + 0.01
    }

    pub(super) fn new_page(&mut self) {
        let page = std::mem::take(&mut self.page);
        self.out.pages.push(page);
        self.y = self.geo.content.y;
    }

    pub(super) fn ensure(&mut self, height: f32) {
        if height > self.remaining() && !self.at_page_top() {
            self.new_page();
        }
    }

    /// Sets `text` in French for the page; a character the font lacks is
    /// reported with the page and the words around it, so the user can
    /// find it.
    pub(super) fn prepared(&mut self, text: &str, style: Style, kind: &str) -> String {
        let set = self.texts.french(text);
        let text = set.as_str();
        let font = self.fonts.get(style.weight());
        if text.chars().all(|c| font.has_glyph(c) && c != '\t') {
            return set;
        }
        let snippet: String = text.chars().take(60).collect();
        let context = format!(
            "page {} ({kind}), dans « {}{} »",
            self.out.pages.len() + 1,
            snippet.trim(),
            if text.chars().count() > 60 { "…" } else { "" }
        );
        prepare(text, font, &context, &mut self.out.missing)
    }

    /// Draws one line, given in logical order: the PDF writer shapes it
    /// and puts it in visual order (see [`shape`]), so what is measured,
    /// drawn and copied out is one text.
    pub(super) fn text_at(&mut self, x: f32, baseline: f32, style: Style, text: String) {
        self.text_sized(x, baseline, style, style.size(), text);
    }

    /// Draws one line that must stay within `width`: a line wider than
    /// that (a number, an address or a heading's word kept whole) is set
    /// smaller until it fits.
    pub(super) fn text_in(
        &mut self,
        x: f32,
        baseline: f32,
        style: Style,
        text: String,
        width: f32,
    ) {
        let w = self.fonts.get(style.weight()).width(&text, style.size());
        let size = if w > width + 0.01 && width > 0.0 {
            style.size() * width / w
        } else {
            style.size()
        };
        self.text_sized(x, baseline, style, size, text);
    }

    fn text_sized(&mut self, x: f32, baseline: f32, style: Style, size: f32, text: String) {
        if text.is_empty() {
            return;
        }
        if !self.sources.is_empty() {
            self.record_source(x, baseline, style, &text);
        }
        self.page.items.push(Item::Text {
            x,
            y: baseline,
            size,
            weight: style.weight(),
            text,
            gray: 0.0,
        });
    }

    pub(super) fn aligned_x(
        &self,
        line: &str,
        style: Style,
        x: f32,
        width: f32,
        align: Align,
    ) -> f32 {
        let w = self.fonts.get(style.weight()).width(line, style.size());
        // « Left » is the start of the line: a right-to-left line (an
        // Arabic name in the register, an Arabic paragraph) starts at the
        // right.
        let align = match align {
            Align::Left if shape::is_rtl(line) => Align::Right,
            other => other,
        };
        match align {
            Align::Left => x,
            Align::Right => x + (width - w).max(0.0),
            Align::Center => x + ((width - w) / 2.0).max(0.0),
        }
    }

    /// Lays out lines of text at x within width, breaking pages as needed.
    pub(super) fn flow_lines(
        &mut self,
        lines: Vec<String>,
        style: Style,
        x: f32,
        width: f32,
        align: Align,
    ) {
        let lh = style.line_height();
        let ascent = style.ascent();
        for line in lines {
            if lh > self.remaining() {
                self.new_page();
            }
            let lx = self.aligned_x(&line, style, x, width, align);
            let baseline = self.y + ascent;
            self.text_in(lx, baseline, style, line, width);
            self.y += lh;
        }
    }

    pub(super) fn heading_style(level: u8) -> Style {
        match level {
            1 => Style::H1,
            2 => Style::H2,
            3 => Style::H3,
            _ => Style::BodyBold,
        }
    }

    /// Height the blocks after a heading need on its page: at least two
    /// lines of text or a table's header and first row, through any
    /// headings that follow it (a heading is never left alone at a page
    /// bottom).
    pub(super) fn lead_height(&mut self, rest: &[Block]) -> f32 {
        let Some((block, after)) = rest.split_first() else {
            return 0.0;
        };
        match block {
            Block::Paragraph { style, .. } => style.line_height() * 2.0,
            Block::KeyValues(pairs) => self.key_values_lead(pairs),
            Block::Bullets(_) | Block::Checkbox { .. } => Style::Body.line_height() * 2.0,
            Block::Table(t) => self.table_lead(t),
            Block::Heading { level, text, .. } => {
                let style = Self::heading_style(*level);
                let text = self.texts.french(text);
                let width = self.geo.content.w;
                let lines = self
                    .texts
                    .lines(&text, width, self.fonts, (style, false))
                    .len();
                style.size() * 0.9
                    + lines as f32 * style.line_height()
                    + 3.0
                    + self.lead_height(after)
            }
            Block::Anchor(_) => self.lead_height(after),
            Block::Toc(_) => Style::Body.line_height(),
            Block::SignatureArea { height, .. } => *height + Style::BodyBold.line_height(),
            Block::WritingLines(_) => WRITING_LINE_GAP * 2.0,
            _ => 0.0,
        }
    }

    pub fn layout(self, blocks: &[Block]) -> Laid {
        self.layout_recorded(blocks).0
    }

    /// [`Self::layout`], with where each block started, for a next pass
    /// (see [`Self::with_previous`]).
    pub fn layout_recorded(mut self, blocks: &[Block]) -> (Laid, Record) {
        for (i, block) in blocks.iter().enumerate() {
            self.block_index = i;
            self.part = Part::Whole;
            if self.sources.is_empty() && self.take_over(i, blocks) {
                break;
            }
            self.start_block();
            self.block(block, &blocks[i + 1..]);
        }
        self.finish()
    }

    /// The last page, and what was laid out.
    pub(super) fn finish(mut self) -> (Laid, Record) {
        if !self.page.items.is_empty() || self.out.pages.is_empty() {
            self.new_page();
        }
        (self.out, self.record)
    }

    /// Takes the previous pass's pages over where this one agrees with it
    /// (see [`super::reuse`]).
    pub fn with_previous(mut self, previous: Previous) -> Self {
        self.previous = Some(previous);
        self
    }

    pub(super) fn block(&mut self, block: &Block, next: &[Block]) {
        match block {
            Block::Heading {
                level,
                text,
                anchor,
            } => self.heading(*level, text, anchor.as_deref(), next),
            Block::Paragraph { text, style, align } => self.paragraph(text, *style, *align),
            Block::Bullets(items) => self.bullets(items),
            Block::KeyValues(pairs) => self.key_values(pairs),
            Block::Table(table) => self.table(table),
            Block::Toc(entries) => self.toc(entries),
            Block::Checkbox { checked, text } => self.checkbox(*checked, text),
            Block::SignatureArea { caption, height } => self.signature_area(caption, *height),
            Block::Anchor(anchor) => self.anchor(anchor.clone(), true),
            Block::Attachment { key, pages } => self.attachment(key, *pages),
            Block::WritingLines(n) => self.writing_lines(*n),
            Block::Spacer(h) => {
                if *h > self.remaining() {
                    self.new_page();
                } else {
                    self.y += h;
                }
            }
            Block::PageBreak => {
                if !self.at_page_top() || !self.page.items.is_empty() {
                    self.new_page();
                }
            }
        }
    }
}
