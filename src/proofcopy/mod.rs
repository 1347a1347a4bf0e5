//! The proofreading copy (« Copie de relecture »): the written sections of
//! the technical dossier (sections 1 to 6) as a Word document that the
//! president and the board open in Word or LibreOffice, comment on and
//! correct before signing. It is not the dossier to hand in: the title page
//! and every page's header say so.
//!
//! Two steps, each in one place:
//! - [`outline`] turns the dossier into a plain list of [`Block`]s under the
//!   call's headings (« Section 1 – Carte d'identité du cluster », « 1.1
//!   Description générale »…): the texts as typed, an empty rubric as the
//!   visible [`TO_WRITE`] placeholder, the tables the board checks;
//! - [`docx`] writes those blocks with `docx-rs`, the headings as real
//!   heading styles (« Heading 1 » to « Heading 4 », « Titre 1 » to « Titre 4 »
//!   in a French LibreOffice), so the navigator shows the outline.
//!
//! [`stamp`] recognises a copy this program wrote and nobody edited since,
//! the only existing file a new copy may replace: a copy the board corrected
//! is never overwritten.

mod docx;
mod identity;
mod outline;
mod plan;
mod projects;
mod rubrics;
pub mod stamp;
#[cfg(test)]
mod tests;
mod text;

use crate::model::{CallProfile, Date, Dossier};

pub use outline::outline;
pub use text::paragraphs;

/// What an empty rubric shows, so the board sees what is still missing.
pub const TO_WRITE: &str = "[à rédiger]";

/// A piece of the copy, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading of the call (level 1: « Section N – … », level 2: « N.M … »),
    /// or a rubric's title (levels 3 and 4).
    Heading {
        level: u8,
        text: String,
    },
    /// A rubric's text as typed; [`TO_WRITE`] when it is blank.
    Text(String),
    /// A short label before a typed text (« Nature », « Résultats attendus »).
    Label(String),
    /// A sentence of the program's: a count, where the register is.
    Note(String),
    /// Something the call asks for that the dossier lacks: shown like the
    /// placeholder, with what is missing (« [à rédiger : aucun projet…] »).
    Missing(String),
    Table(Table),
}

/// A table: its columns and its rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub title: String,
    /// Share of the text width, in per cent.
    pub percent: u32,
    /// Figures, aligned right.
    pub figures: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// A total or a group's title: bold and shaded.
    pub emphasis: bool,
}

/// What a table cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text the user typed: paragraphs kept, [`TO_WRITE`] when blank.
    Typed(String),
    /// A value as shown (a figure, a choice, a computed total); « — » for
    /// a blank figure, which is a year without one, not a missing text.
    Value(String),
    /// What the user typed in a figure's field that is not a valid value,
    /// shown as typed so the board sees it, with a word that it is invalid.
    Invalid(String),
    /// A cell spanning the whole row (the title of a group of rows).
    Span(String),
}

/// What the title page says besides the dossier.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyFacts {
    /// The day the copy was made (`None` when the clock cannot be read).
    pub date: Option<Date>,
    /// The dossier's file name, so the board knows which file to correct.
    pub source: Option<String>,
}

/// Why the document could not be made; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ProofcopyError {
    #[error("la copie de relecture n'a pas pu être composée : {0}")]
    Write(String),
}

/// The copy as the bytes of a `.docx` file.
pub fn docx(
    dossier: &Dossier,
    profile: &CallProfile,
    facts: &CopyFacts,
) -> Result<Vec<u8>, ProofcopyError> {
    let blocks = outline(dossier, profile);
    docx::write(dossier, profile, facts, &blocks)
}
