//! The layout engine: blocks of content in, pages of positioned boxes out.
//! Measured with the bundled font's advances; independent of the PDF writer.
//!
//! Guarantees: paragraphs wrap and over-long words break, so no text is
//! ever cut; a heading is never left alone at a page bottom; table header
//! rows repeat on every page and a row that cannot fit is moved whole or,
//! when taller than a page, split line by line; nothing leaves the content
//! rectangle, so nothing goes under the footer or the stamp box.

mod blocks;
mod cache;
mod engine;
mod flow;
mod reuse;
mod table;
mod wrap;

use std::collections::HashMap;

use super::font::Weight;
use super::geometry::Rect;
use super::shape::MissingGlyph;

pub use cache::TextCache;
pub use engine::Layouter;
pub use reuse::{Previous, Record};

pub use wrap::{wrap, wrap_line};

/// Text styles of the printed dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    Body,
    BodyBold,
    Small,
    SmallBold,
    /// Tables too wide for their numbers at the small size.
    Tiny,
    TinyBold,
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
            Style::Tiny | Style::TinyBold => 7.0,
            Style::H1 => 15.0,
            Style::H2 => 12.5,
            Style::H3 => 10.5,
            Style::Title => 20.0,
            Style::Subtitle => 13.0,
        }
    }
    pub fn weight(self) -> Weight {
        match self {
            Style::Body | Style::Small | Style::Tiny | Style::Subtitle => Weight::Regular,
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
    /// The first cell's first line (up to its first `\n`) is set in bold
    /// above the rest (an action's title over its description).
    pub lead_bold: bool,
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
    /// Set at the smallest size (long registers): more rows per page.
    pub dense: bool,
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
    /// Where the fields the document builder named were printed (filled
    /// from the [`SourceMap`] given to [`Layouter::with_sources`]).
    pub sources: Vec<Source>,
}

/// Which part of a block a field path covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// Every text the block draws.
    Whole,
    /// One label and value pair of a [`Block::KeyValues`].
    Pair(usize),
    /// Every cell of one row of a [`Block::Table`] (0 = first data row).
    Row(usize),
    /// One cell: row, column.
    Cell(usize, usize),
    /// The lines of a cell after its bold lead ([`Row::lead_bold`]): an
    /// action's description under its title. Falls back to the cell.
    CellTail(usize, usize),
    /// A table's header row: never a field.
    Header,
}

/// Field paths (as the wizard keys its widgets) by block index and part:
/// what the document builder knew about where each value came from.
pub type SourceMap = HashMap<(usize, Part), String>;

/// A printed field: the box its text covers on a page (0-based).
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub page: usize,
    pub rect: Rect,
    pub path: String,
}

pub(crate) const CELL_PAD: f32 = 3.0;
pub(crate) const PARA_GAP: f32 = 4.0;
/// Spacing of the ruled lines of a blank form (8 mm, for handwriting).
pub(crate) const WRITING_LINE_GAP: f32 = 8.0 * super::geometry::MM;
