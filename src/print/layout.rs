//! The layout engine: blocks of content in, pages of positioned boxes out.
//! Measured with the bundled font's advances; independent of the PDF writer.
//!
//! Guarantees: paragraphs wrap and over-long words break, so no text is
//! ever cut; a heading is never left alone at a page bottom; table header
//! rows repeat on every page and a row that cannot fit is moved whole or,
//! when taller than a page, split line by line; nothing leaves the content
//! rectangle, so nothing goes under the footer or the stamp box.

use std::collections::HashMap;

use super::font::{Fonts, Weight};
use super::geometry::{Geometry, Rect};
use super::shape::{MissingGlyph, is_arabic, prepare, visual_order};

/// Text styles of the printed dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Body,
    BodyBold,
    Small,
    SmallBold,
    H1,
    H2,
    H3,
    Title,
    Subtitle,
}

impl Style {
    pub fn size(self) -> f32 {
        match self {
            Style::Body | Style::BodyBold => 9.5,
            Style::Small | Style::SmallBold => 8.0,
            Style::H1 => 15.0,
            Style::H2 => 12.5,
            Style::H3 => 10.5,
            Style::Title => 20.0,
            Style::Subtitle => 13.0,
        }
    }
    pub fn weight(self) -> Weight {
        match self {
            Style::Body | Style::Small | Style::Subtitle => Weight::Regular,
            _ => Weight::Bold,
        }
    }
    pub fn line_height(self) -> f32 {
        self.size() * 1.32
    }
    /// From the top of a line to its baseline: a full em, so even accented
    /// capitals (DejaVu's reach 0.93 em) stay below the line's top and a
    /// first line never inks above the content area; the 0.32 em left
    /// under the baseline holds the descenders (0.24 em).
    pub fn ascent(self) -> f32 {
        self.size()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub title: String,
    /// Share of the content width; the shares of a table add up to 1.
    pub share: f32,
    pub align: Align,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Row {
    pub cells: Vec<String>,
    pub bold: bool,
    pub shaded: bool,
    /// Minimum height in points (signature cells leave room to sign).
    pub min_height: f32,
}

impl Row {
    pub fn new(cells: Vec<String>) -> Self {
        Self {
            cells,
            ..Self::default()
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TocEntry {
    pub title: String,
    pub level: u8,
    pub anchor: String,
}

/// A unit of content.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Level 1 to 3; an anchor makes it a sommaire target.
    Heading {
        level: u8,
        text: String,
        anchor: Option<String>,
    },
    /// Text with `\n` line breaks and `\n\n` paragraph breaks.
    Paragraph {
        text: String,
        style: Style,
        align: Align,
    },
    Bullets(Vec<String>),
    /// Label in bold on the left, value on the right; empty values print « — ».
    KeyValues(Vec<(String, String)>),
    Table(Table),
    /// The sommaire, filled with the anchors' page numbers.
    Toc(Vec<TocEntry>),
    /// A ticked or empty box followed by its text.
    Checkbox {
        checked: bool,
        text: String,
    },
    /// A bordered, empty area (signature, stamp) with a caption on top.
    SignatureArea {
        caption: String,
        height: f32,
    },
    /// Records the current page for an anchor without drawing.
    Anchor(String),
    /// Ruled lines to write on by hand (blank form).
    WritingLines(usize),
    /// The pages of an attachment, each on its own page; the anchor
    /// `att:KEY` gives its first page.
    Attachment {
        key: String,
        pages: usize,
    },
    Spacer(f32),
    PageBreak,
}

impl Block {
    pub fn para(text: impl Into<String>) -> Self {
        Block::Paragraph {
            text: text.into(),
            style: Style::Body,
            align: Align::Left,
        }
    }
    pub fn styled(text: impl Into<String>, style: Style, align: Align) -> Self {
        Block::Paragraph {
            text: text.into(),
            style,
            align,
        }
    }
    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Block::Heading {
            level,
            text: text.into(),
            anchor: None,
        }
    }
    pub fn anchored(level: u8, text: impl Into<String>, anchor: impl Into<String>) -> Self {
        Block::Heading {
            level,
            text: text.into(),
            anchor: Some(anchor.into()),
        }
    }
}

/// Grey level, 0 = black, 1 = white.
pub type Gray = f32;

/// A positioned box on a page (y from the top edge, text y is the baseline).
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        text: String,
        gray: Gray,
    },
    Rect {
        rect: Rect,
        stroke: Option<f32>,
        fill: Option<Gray>,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// Text rotated by `angle` degrees around its start (the draft mark).
    Rotated {
        x: f32,
        y: f32,
        size: f32,
        angle: f32,
        text: String,
        gray: Gray,
    },
    /// Where page `page` of the attachment `key` goes, scaled into the
    /// content area (the PDF stage puts it there).
    Placeholder { key: String, page: usize },
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// The laid-out document.
#[derive(Debug, Default)]
pub struct Laid {
    pub pages: Vec<Page>,
    /// Anchor → 0-based page index.
    pub anchors: HashMap<String, usize>,
    /// Anchor → vertical position on its page, for slots drawn per copy.
    pub anchor_y: HashMap<String, f32>,
    pub missing: Vec<MissingGlyph>,
}

const CELL_PAD: f32 = 3.0;
const PARA_GAP: f32 = 4.0;
/// Spacing of the ruled lines of a blank form (8 mm, for handwriting).
const WRITING_LINE_GAP: f32 = 8.0 * super::geometry::MM;

/// Wraps one hard line to `width`; over-long words are broken by characters.
pub fn wrap_line(text: &str, width: f32, fonts: &Fonts, style: Style) -> Vec<String> {
    let metrics = fonts.get(style.weight());
    let size = style.size();
    let space = metrics.width(" ", size);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_w = 0.0f32;
    for word in text.split(' ') {
        let word_w = metrics.width(word, size);
        let sep = if line.is_empty() { 0.0 } else { space };
        if line_w + sep + word_w <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            line_w += sep + word_w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_w = 0.0;
        }
        if word_w <= width {
            line.push_str(word);
            line_w = word_w;
        } else {
            // Break the word where it must: never cut, never overflow.
            for c in word.chars() {
                let cw = metrics.width(c.encode_utf8(&mut [0; 4]), size);
                if line_w + cw > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += cw;
            }
        }
    }
    lines.push(line);
    lines
}

/// Wraps a text with hard breaks; blank lines are kept as empty lines.
pub fn wrap(text: &str, width: f32, fonts: &Fonts, style: Style) -> Vec<String> {
    text.split('\n')
        .flat_map(|hard| wrap_line(hard.trim_end(), width, fonts, style))
        .collect()
}

pub struct Layouter<'a> {
    fonts: &'a Fonts,
    geo: Geometry,
    out: Laid,
    page: Page,
    y: f32,
    /// Page numbers for the sommaire, from a previous pass.
    toc_pages: HashMap<String, usize>,
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
        }
    }

    fn bottom(&self) -> f32 {
        self.geo.content.bottom()
    }
    fn remaining(&self) -> f32 {
        self.bottom() - self.y
    }
    fn at_page_top(&self) -> bool {
        self.y <= self.geo.content.y + 0.01
    }

    fn new_page(&mut self) {
        let page = std::mem::take(&mut self.page);
        self.out.pages.push(page);
        self.y = self.geo.content.y;
    }

    fn ensure(&mut self, height: f32) {
        if height > self.remaining() && !self.at_page_top() {
            self.new_page();
        }
    }

    /// Shapes `text` for the page; a character the font lacks is reported
    /// with the page and the words around it, so the user can find it.
    fn prepared(&mut self, text: &str, style: Style, kind: &str) -> String {
        let font = self.fonts.get(style.weight());
        if text.chars().all(|c| font.has_glyph(c)) && !text.chars().any(super::shape::is_arabic) {
            return text.to_string();
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

    /// Draws one line. Lines are wrapped in logical order and put in visual
    /// order here, one by one, so a wrapped right-to-left text starts with
    /// its first words on its first line.
    fn text_at(&mut self, x: f32, baseline: f32, style: Style, text: String) {
        if text.is_empty() {
            return;
        }
        let text = if text.chars().any(is_arabic) {
            visual_order(&text)
        } else {
            text
        };
        self.page.items.push(Item::Text {
            x,
            y: baseline,
            size: style.size(),
            weight: style.weight(),
            text,
            gray: 0.0,
        });
    }

    fn aligned_x(&self, line: &str, style: Style, x: f32, width: f32, align: Align) -> f32 {
        let w = self.fonts.get(style.weight()).width(line, style.size());
        match align {
            Align::Left => x,
            Align::Right => x + (width - w).max(0.0),
            Align::Center => x + ((width - w) / 2.0).max(0.0),
        }
    }

    /// Lays out lines of text at x within width, breaking pages as needed.
    fn flow_lines(&mut self, lines: Vec<String>, style: Style, x: f32, width: f32, align: Align) {
        let lh = style.line_height();
        let ascent = style.ascent();
        for line in lines {
            if lh > self.remaining() {
                self.new_page();
            }
            let lx = self.aligned_x(&line, style, x, width, align);
            let baseline = self.y + ascent;
            self.text_at(lx, baseline, style, line);
            self.y += lh;
        }
    }

    fn heading_style(level: u8) -> Style {
        match level {
            1 => Style::H1,
            2 => Style::H2,
            _ => Style::H3,
        }
    }

    /// Height the first lines of a block need, to keep a heading with it.
    fn lead_height(&self, block: Option<&Block>) -> f32 {
        match block {
            Some(Block::Paragraph { style, .. }) => style.line_height() * 2.0,
            Some(Block::Bullets(_)) | Some(Block::KeyValues(_)) | Some(Block::Checkbox { .. }) => {
                Style::Body.line_height() * 2.0
            }
            Some(Block::Table(t)) => {
                // Header and first row of one line each.
                let _ = t;
                (Style::Small.line_height() + 2.0 * CELL_PAD) * 2.0
            }
            Some(Block::Heading { level, .. }) => Self::heading_style(*level).line_height() * 2.0,
            Some(Block::Toc(_)) => Style::Body.line_height(),
            Some(Block::SignatureArea { height, .. }) => *height,
            Some(Block::WritingLines(_)) => WRITING_LINE_GAP * 2.0,
            _ => 0.0,
        }
    }

    pub fn layout(mut self, blocks: &[Block]) -> Laid {
        for (i, block) in blocks.iter().enumerate() {
            self.block(block, blocks.get(i + 1));
        }
        if !self.page.items.is_empty() || self.out.pages.is_empty() {
            self.new_page();
        }
        self.out
    }

    fn block(&mut self, block: &Block, next: Option<&Block>) {
        let cx = self.geo.content.x;
        let cw = self.geo.content.w;
        match block {
            Block::Heading {
                level,
                text,
                anchor,
            } => {
                let style = Self::heading_style(*level);
                let before = if self.at_page_top() {
                    0.0
                } else {
                    style.size() * 0.9
                };
                let text = self.prepared(text, style, "titre");
                let lines = wrap(&text, cw, self.fonts, style);
                let own = before + lines.len() as f32 * style.line_height() + 3.0;
                self.ensure(own + self.lead_height(next));
                if !self.at_page_top() {
                    self.y += before;
                }
                if let Some(anchor) = anchor {
                    self.out
                        .anchors
                        .insert(anchor.clone(), self.out.pages.len());
                }
                self.flow_lines(lines, style, cx, cw, Align::Left);
                if *level <= 2 {
                    let y = self.y + 1.0;
                    self.page.items.push(Item::Line {
                        x1: cx,
                        y1: y,
                        x2: cx + cw,
                        y2: y,
                        width: if *level == 1 { 1.0 } else { 0.5 },
                    });
                }
                self.y += 3.0;
            }
            Block::Paragraph { text, style, align } => {
                let text = self.prepared(text, *style, "texte");
                let lines = wrap(&text, cw, self.fonts, *style);
                self.flow_lines(lines, *style, cx, cw, *align);
                self.y += PARA_GAP;
            }
            Block::Bullets(items) => {
                let indent = 12.0;
                for item in items {
                    let text = self.prepared(item, Style::Body, "liste");
                    let lines = wrap(&text, cw - indent, self.fonts, Style::Body);
                    let lh = Style::Body.line_height();
                    if lh > self.remaining() {
                        self.new_page();
                    }
                    let baseline = self.y + Style::Body.ascent();
                    self.text_at(cx + 2.0, baseline, Style::Body, "•".to_string());
                    self.flow_lines(lines, Style::Body, cx + indent, cw - indent, Align::Left);
                    self.y += 1.5;
                }
                self.y += PARA_GAP;
            }
            Block::KeyValues(pairs) => {
                let key_w = cw * 0.34;
                let gap = 8.0;
                for (key, value) in pairs {
                    let key = self.prepared(key, Style::BodyBold, "libellé");
                    let value = if value.trim().is_empty() {
                        "—".to_string()
                    } else {
                        self.prepared(value, Style::Body, key.as_str())
                    };
                    let key_lines = wrap(&key, key_w, self.fonts, Style::BodyBold);
                    let value_lines = wrap(&value, cw - key_w - gap, self.fonts, Style::Body);
                    let lh = Style::Body.line_height();
                    let ascent = Style::Body.ascent();
                    let n = key_lines.len().max(value_lines.len());
                    // Short pairs stay together; long values flow across pages.
                    if n <= 6 {
                        self.ensure(n as f32 * lh);
                    }
                    for k in 0..n {
                        if lh > self.remaining() {
                            self.new_page();
                        }
                        let baseline = self.y + ascent;
                        if let Some(l) = key_lines.get(k) {
                            self.text_at(cx, baseline, Style::BodyBold, l.clone());
                        }
                        if let Some(l) = value_lines.get(k) {
                            self.text_at(cx + key_w + gap, baseline, Style::Body, l.clone());
                        }
                        self.y += lh;
                    }
                    self.y += 2.0;
                }
                self.y += PARA_GAP;
            }
            Block::Table(table) => self.table(table),
            Block::Toc(entries) => {
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
                            let line_w = self.fonts.get(style.weight()).width(&line, style.size());
                            let px = self.aligned_x(&page, style, cx, cw, Align::Right);
                            // Dotted leader between the title and its page number.
                            // Measured in the font the leader is drawn with.
                            let dot_w = self.fonts.regular.width(". ", style.size());
                            let start = cx + indent + line_w + 4.0;
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
                            self.text_at(px, baseline, style, page.clone());
                        }
                        self.text_at(cx + indent, baseline, style, line);
                        self.y += style.line_height();
                    }
                    self.y += 1.5;
                }
                self.y += PARA_GAP;
            }
            Block::Checkbox { checked, text } => {
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
                if *checked {
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
            Block::SignatureArea { caption, height } => {
                let caption = self.prepared(caption, Style::BodyBold, "signature");
                let lh = Style::BodyBold.line_height();
                self.ensure(lh + height);
                let baseline = self.y + Style::BodyBold.ascent();
                self.text_at(cx, baseline, Style::BodyBold, caption);
                self.y += lh;
                let h = height.min(self.remaining());
                self.page.items.push(Item::Rect {
                    rect: Rect {
                        x: cx,
                        y: self.y,
                        w: cw * 0.55,
                        h,
                    },
                    stroke: Some(0.8),
                    fill: None,
                });
                self.y += h + PARA_GAP;
            }
            Block::Anchor(anchor) => {
                self.out
                    .anchors
                    .insert(anchor.clone(), self.out.pages.len());
                self.out.anchor_y.insert(anchor.clone(), self.y);
            }
            Block::Attachment { key, pages } => {
                if !self.page.items.is_empty() {
                    self.new_page();
                }
                self.out
                    .anchors
                    .insert(format!("att:{key}"), self.out.pages.len());
                for page in 0..*pages {
                    self.page.items.push(Item::Placeholder {
                        key: key.clone(),
                        page,
                    });
                    self.new_page();
                }
            }
            Block::WritingLines(n) => {
                for _ in 0..*n {
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

    fn table(&mut self, table: &Table) {
        let cx = self.geo.content.x;
        let cw = self.geo.content.w;
        let style = Style::Small;
        let lh = style.line_height();
        let ascent = style.ascent();
        let widths: Vec<f32> = table.columns.iter().map(|c| c.share * cw).collect();
        let xs: Vec<f32> = widths
            .iter()
            .scan(cx, |x, w| {
                let here = *x;
                *x += w;
                Some(here)
            })
            .collect();

        let wrap_cells = |this: &mut Self, cells: &[String], bold: bool| -> Vec<Vec<String>> {
            let st = if bold { Style::SmallBold } else { style };
            (0..widths.len())
                .map(|i| {
                    let text = cells.get(i).map(String::as_str).unwrap_or("");
                    let text = this.prepared(text, st, "tableau");
                    wrap(&text, widths[i] - 2.0 * CELL_PAD, this.fonts, st)
                })
                .collect()
        };
        let header_cells: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
        let header = wrap_cells(self, &header_cells, true);
        let header_h = header.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * CELL_PAD;

        let draw_row = |this: &mut Self,
                        lines: &[Vec<String>],
                        from: usize,
                        count: usize,
                        h: f32,
                        bold: bool,
                        shaded: bool,
                        aligns: &[Align]| {
            let st = if bold { Style::SmallBold } else { style };
            for (i, cell) in lines.iter().enumerate() {
                let rect = Rect {
                    x: xs[i],
                    y: this.y,
                    w: widths[i],
                    h,
                };
                this.page.items.push(Item::Rect {
                    rect,
                    stroke: Some(0.5),
                    fill: shaded.then_some(0.9),
                });
                for (k, line) in cell.iter().skip(from).take(count).enumerate() {
                    let x = this.aligned_x(
                        line,
                        st,
                        xs[i] + CELL_PAD,
                        widths[i] - 2.0 * CELL_PAD,
                        aligns[i],
                    );
                    let baseline = this.y + CELL_PAD + k as f32 * lh + ascent;
                    this.text_at(x, baseline, st, line.clone());
                }
            }
            this.y += h;
        };
        let header_aligns: Vec<Align> = vec![Align::Center; widths.len()];
        let aligns: Vec<Align> = table.columns.iter().map(|c| c.align).collect();

        // The header and the first row must start on the same page.
        let first_h = table.rows.first().map_or(0.0, |r| {
            let l = wrap_cells(self, &r.cells, r.bold);
            (l.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * CELL_PAD)
                .max(r.min_height)
        });
        self.ensure(header_h + first_h.min(self.geo.content.h - header_h));
        // The header row, drawn first and again on every new page.
        let draw_header = |this: &mut Self| {
            draw_row(
                this,
                &header,
                0,
                usize::MAX,
                header_h,
                true,
                true,
                &header_aligns,
            )
        };
        draw_header(self);

        for row in &table.rows {
            let lines = wrap_cells(self, &row.cells, row.bold);
            let n_lines = lines.iter().map(Vec::len).max().unwrap_or(1);
            let natural = (n_lines as f32 * lh + 2.0 * CELL_PAD).max(row.min_height);
            let fresh = self.geo.content.h - header_h;
            if natural > self.remaining() && natural <= fresh {
                // Move the row whole to the next page, under a repeated header.
                self.new_page();
                draw_header(self);
            }
            if natural <= self.remaining() {
                let all = usize::MAX;
                draw_row(self, &lines, 0, all, natural, row.bold, row.shaded, &aligns);
                continue;
            }
            // Taller than a page: split it line by line.
            let mut from = 0;
            while from < n_lines {
                let fit = ((self.remaining() - 2.0 * CELL_PAD) / lh).floor().max(0.0) as usize;
                if fit == 0 {
                    self.new_page();
                    draw_header(self);
                    continue;
                }
                let count = fit.min(n_lines - from);
                let h = count as f32 * lh + 2.0 * CELL_PAD;
                draw_row(self, &lines, from, count, h, row.bold, row.shaded, &aligns);
                from += count;
                if from < n_lines {
                    self.new_page();
                    draw_header(self);
                }
            }
        }
        self.y += PARA_GAP + 2.0;
    }
}
