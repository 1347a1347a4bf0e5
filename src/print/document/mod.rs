//! The printed dossier as blocks, in the order the ministry expects: cover,
//! sommaire, Partie 1 (bordereau, board table to sign, fee document),
//! Partie 2 (sections 1 to 7), Partie 3 (criteria), annexe (déclaration);
//! then, after the copies, the receipt ([`receipt`]).
//!
//! One file per part of the dossier; [`Doc`] holds what they share: the
//! blocks built so far and the way a value prints, which differs on a
//! blank form (nothing computed, room to write instead of « — »).

mod administrative;
mod blank;
mod cooperation;
mod cover;
mod criteria;
mod declaration;
mod governance;
mod identity;
mod indicators;
mod members;
mod plan;
mod receipt;
mod rubrics;
mod strategy;

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::layout::{Align, Block, Column, Part, Row, SourceMap, Table, TocEntry};
use crate::model::Date;
use crate::model::call::CallProfile;
use crate::model::dossier::{Civility, Dossier};
use crate::model::field::FieldPath;
use crate::model::finding::Finding;
use crate::model::money::{format_dh, format_number};

pub use blank::blank_dossier;
pub use cover::COVER_COPY_SLOT;
pub use receipt::{RECEIPT_TITLE, ReceiptFacts, STAMP_CAPTION, receipt};

/// What the document needs besides the dossier.
pub struct DocumentInput<'a> {
    pub dossier: &'a Dossier,
    pub profile: &'a CallProfile,
    pub findings: &'a [Finding],
    /// Blocking findings remain, or the user asked for a draft: the cover
    /// lists the blocking findings.
    pub draft: bool,
    /// A blank form to fill by hand: values become room to write.
    pub blank: bool,
    /// The scans to insert, read beforehand.
    pub attachments: &'a crate::attach::Attachments,
    /// Anchor → page index from the previous layout pass, for the page
    /// ranges the bordereau and the déclaration give.
    pub pages: &'a HashMap<String, usize>,
}

/// Heading level of a rubric inside a numbered subsection (« 3.1 … »).
pub(super) const RUBRIC: u8 = 4;

/// Lines to write on in a blank form, for a rubric of free text.
const BLANK_TEXT_LINES: usize = 7;
/// The underline standing for a value to fill in.
const BLANK_VALUE: &str = "________________________________________________";
/// Height of a table row to fill by hand (identifiers written by hand
/// need at least 10 mm).
pub const BLANK_ROW_HEIGHT: f32 = 10.5 * crate::print::geometry::MM;

/// The blocks being built and how values print.
pub(super) struct Doc<'i, 'a> {
    pub input: &'i DocumentInput<'a>,
    pub d: &'a Dossier,
    pub p: &'a CallProfile,
    pub blank: bool,
    pub b: Vec<Block>,
    /// Which field each part of a block prints, for the live preview.
    pub sources: SourceMap,
}

impl<'i, 'a> Doc<'i, 'a> {
    fn new(input: &'i DocumentInput<'a>) -> Self {
        Self {
            input,
            d: input.dossier,
            p: input.profile,
            blank: input.blank,
            b: Vec::new(),
            sources: SourceMap::new(),
        }
    }

    /// The last block's `part` prints the field `path` (the wizard's path).
    pub fn source(&mut self, part: Part, path: impl Into<String>) {
        if let Some(i) = self.b.len().checked_sub(1) {
            self.sources.insert((i, part), path.into());
        }
    }

    /// The last table's `part` prints the field `path`.
    pub fn table_source(&mut self, part: Part, path: impl Into<String>) {
        if let Some(i) = self.b.iter().rposition(|b| matches!(b, Block::Table(_))) {
            self.sources.insert((i, part), path.into());
        }
    }

    pub fn push(&mut self, block: Block) {
        self.b.push(block);
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.b.push(Block::heading(level, text));
    }

    pub fn anchored(&mut self, level: u8, text: &str, anchor: &str) {
        self.b.push(Block::anchored(level, text, anchor));
    }

    pub fn para(&mut self, text: impl Into<String>) {
        self.b.push(Block::para(text));
    }

    /// A rubric of free text: « — » when empty, ruled lines on a blank form.
    pub fn free_text(&mut self, text: &str) {
        if self.blank {
            self.b.push(Block::WritingLines(BLANK_TEXT_LINES));
        } else {
            self.b.push(Block::para(or_dash(text)));
        }
    }

    /// A titled rubric of free text (under a numbered subsection).
    pub fn text_section(&mut self, title: &str, text: &str) {
        self.heading(RUBRIC, title);
        self.free_text(text);
    }

    /// Label and value pairs; a blank form underlines the values to fill.
    pub fn key_values(&mut self, pairs: Vec<(&str, String)>) {
        let blank = self.blank;
        self.b.push(Block::KeyValues(
            pairs
                .into_iter()
                .map(|(k, v)| {
                    let v = if blank { BLANK_VALUE.to_string() } else { v };
                    (k.to_string(), v)
                })
                .collect(),
        ));
    }

    /// A table of the given columns (title, share of the width, alignment).
    /// On a blank form, rows with a cell to fill are made taller.
    pub fn table(&mut self, columns: &[(&str, f32, Align)], mut rows: Vec<Row>) {
        if self.blank {
            for row in &mut rows {
                if row.cells.iter().any(|c| c.is_empty()) {
                    row.min_height = row.min_height.max(BLANK_ROW_HEIGHT);
                }
            }
        }
        self.b.push(Block::Table(Table {
            columns: columns
                .iter()
                .map(|&(title, share, align)| Column {
                    title: title.to_string(),
                    share,
                    align,
                })
                .collect(),
            rows,
            dense: false,
        }));
    }

    /// A table set at the smallest size, for long registers.
    pub fn dense_table(&mut self, columns: &[(&str, f32, Align)], rows: Vec<Row>) {
        self.table(columns, rows);
        if let Some(Block::Table(t)) = self.b.last_mut() {
            t.dense = true;
        }
    }

    /// A typed value in a table cell: « — » when empty, nothing on a blank
    /// form.
    pub fn cell(&self, text: &str) -> String {
        if self.blank {
            String::new()
        } else {
            or_dash(text)
        }
    }

    /// A value the dossier chose or the program computed (a category, a
    /// count, a total): nothing on a blank form, where it is to be filled.
    pub fn fill(&self, text: impl Into<String>) -> String {
        if self.blank {
            String::new()
        } else {
            text.into()
        }
    }

    pub fn date(&self, date: Option<Date>) -> String {
        self.fill(date_text(date))
    }

    pub fn dh(&self, value: Option<Decimal>) -> String {
        self.fill(value.map_or_else(|| "—".to_string(), format_dh))
    }

    pub fn num(&self, value: Option<Decimal>, decimals: u32) -> String {
        self.fill(value.map_or_else(|| "—".to_string(), |v| format_number(v, decimals)))
    }

    /// A row of a five-year table: its label, then one cell per year.
    pub fn five_year_row<T>(
        &self,
        label: &str,
        values: &[Option<T>; 5],
        fmt: impl Fn(&T) -> String,
    ) -> Row {
        let mut cells = vec![label.to_string()];
        cells.extend(
            values
                .iter()
                .map(|v| self.fill(v.as_ref().map_or_else(|| "—".to_string(), &fmt))),
        );
        Row::new(cells)
    }

    /// « pages 5 à 12 » (1-based) of an inserted attachment, once known.
    pub fn page_range(&self, key: &str) -> Option<String> {
        page_range(self.input, key)
    }
}

fn page_range(input: &DocumentInput, key: &str) -> Option<String> {
    let count = input.attachments.pages(key)?;
    let first = input.pages.get(&format!("att:{key}")).map(|p| p + 1);
    Some(match (first, count) {
        (Some(f), 1) => format!("page {f}"),
        (Some(f), n) => format!("pages {f} à {}", f + n - 1),
        (None, 1) => "1 page".to_string(),
        (None, n) => format!("{n} pages"),
    })
}

/// The columns of a five-year table: a label column, then « Année 1 » to 5.
pub(super) fn year_columns(first: &str, first_share: f32) -> Vec<(String, f32, Align)> {
    let share = (1.0 - first_share) / 5.0;
    let mut cols = vec![(first.to_string(), first_share, Align::Left)];
    for y in 1..=5 {
        cols.push((format!("Année {y}"), share, Align::Right));
    }
    cols
}

/// [`year_columns`] as the table helper takes them.
pub(super) fn as_columns(cols: &[(String, f32, Align)]) -> Vec<(&str, f32, Align)> {
    cols.iter().map(|(t, s, a)| (t.as_str(), *s, *a)).collect()
}

/// A title as it agrees with the person holding it: « Vice-présidente »
/// for a woman; unchanged when the civility is not known.
pub(super) fn title_for(title: &str, civility: Option<Civility>) -> String {
    if civility != Some(Civility::Madame) {
        return title.to_string();
    }
    const FEMININE: [(&str, &str); 7] = [
        ("Vice-président", "Vice-présidente"),
        ("Président", "Présidente"),
        ("Trésorier adjoint", "Trésorière adjointe"),
        ("Trésorier", "Trésorière"),
        ("Secrétaire général", "Secrétaire générale"),
        ("Administrateur", "Administratrice"),
        ("Directeur", "Directrice"),
    ];
    FEMININE
        .iter()
        .find(|(m, _)| *m == title)
        .map_or_else(|| title.to_string(), |(_, f)| f.to_string())
}

/// The non-empty parts, trimmed, joined by `sep`.
/// The non-empty parts joined by `sep`. Set on one line, each part with
/// right-to-left text is isolated (U+2068 … U+2069), so that an Arabic
/// name does not turn the telephone number after it around: every field
/// keeps the direction of its own first letter.
pub(super) fn joined(parts: &[&str], sep: &str) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(|p| {
            if sep.contains('\n') || !super::shape::has_bidi(p) {
                p.to_string()
            } else {
                format!("\u{2068}{p}\u{2069}")
            }
        })
        .collect::<Vec<_>>()
        .join(sep)
}

pub(super) fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        text.to_string()
    }
}

pub(super) fn date_text(date: Option<Date>) -> String {
    date.map_or_else(|| "—".to_string(), |d| d.french())
}

/// Builds the whole copy.
pub fn build(input: &DocumentInput) -> Vec<Block> {
    build_with_sources(input).0
}

/// Builds the whole copy, with the field path each sourced part prints.
pub fn build_with_sources(input: &DocumentInput) -> (Vec<Block>, SourceMap) {
    let mut doc = Doc::new(input);
    cover::cover(&mut doc);
    doc.push(Block::PageBreak);
    doc.anchored(1, "Sommaire", "sommaire");
    let entries = toc(input);
    doc.push(Block::Toc(entries));
    administrative::partie1(&mut doc);
    identity::partie2(&mut doc);
    members::members(&mut doc);
    governance::governance(&mut doc);
    strategy::strategy(&mut doc);
    cooperation::cooperation(&mut doc);
    cooperation::startups(&mut doc);
    plan::plan(&mut doc);
    indicators::indicators(&mut doc);
    criteria::partie3(&mut doc);
    declaration::declaration(&mut doc);
    (doc.b, doc.sources)
}

/// The sommaire's entries; the scanned pieces are listed with their page
/// ranges under the part they belong to.
fn toc(input: &DocumentInput) -> Vec<TocEntry> {
    let e = |level: u8, title: &str, anchor: &str| TocEntry {
        title: title.into(),
        level,
        anchor: anchor.into(),
    };
    let attached = |key: String, label: &str| {
        page_range(input, &key).map(|range| TocEntry {
            title: format!("Pièce jointe : {label} ({range})"),
            level: 3,
            anchor: format!("att:{key}"),
        })
    };
    let pieces = input
        .profile
        .admin_pieces
        .iter()
        .filter_map(|def| attached(FieldPath::admin_piece(&def.id).to_string(), &def.label));
    let others = input
        .dossier
        .declaration
        .other_documents
        .iter()
        .enumerate()
        .filter_map(|(i, doc)| {
            attached(FieldPath::other_document(i).to_string(), doc.title.trim())
        });
    let mut entries = vec![
        e(1, "Partie 1 – Dossier administratif", "p1"),
        e(2, "Bordereau des pièces administratives", "p1-bordereau"),
        e(
            2,
            "Tableau des membres du Conseil d'Administration",
            "p1-ca",
        ),
        e(
            2,
            "Document indiquant les montants de cotisation",
            "p1-cotisations",
        ),
    ];
    entries.extend(pieces);
    entries.extend([
        e(1, "Partie 2 – Dossier technique", "p2"),
        e(2, "Section 1 – Carte d'identité du cluster", "s1"),
        e(2, "Section 2 – Gouvernance et pilotage", "s2"),
        e(2, "Section 3 – Stratégie générale du cluster", "s3"),
        e(2, "Section 4 – Partenariat et coopération", "s4"),
        e(
            2,
            "Section 5 – Création et accompagnement des start-up",
            "s5",
        ),
        e(2, "Section 6 – Plan d'action et budget prévisionnels", "s6"),
        e(2, "Section 7 – Suivi et évaluation", "s7"),
        e(1, "Partie 3 – Critères de sélection", "p3"),
        e(1, "Annexe – Déclaration sur l'honneur", "annexe"),
    ]);
    entries.extend(others);
    entries
}
