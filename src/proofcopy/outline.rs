//! The dossier's written sections as blocks under the call's headings, and
//! the helpers every section shares: a rubric of typed text, a table, a
//! figure that shows what was typed when it is not a valid value.

use super::{Block, Cell, Column, Row, TO_WRITE, Table};
use crate::model::dossier::Civility;
use crate::model::field::FieldPath;
use crate::model::{CallProfile, Dossier};

/// The written sections, in the order of the call: sections 1 to 6.
pub fn outline(dossier: &Dossier, profile: &CallProfile) -> Vec<Block> {
    let mut o = Outline {
        d: dossier,
        p: profile,
        blocks: Vec::new(),
    };
    super::identity::identity(&mut o);
    super::identity::members(&mut o);
    super::identity::governance(&mut o);
    super::projects::strategy(&mut o);
    super::projects::cooperation(&mut o);
    super::projects::startups(&mut o);
    super::plan::plan(&mut o);
    o.blocks
}

/// The blocks being built.
pub(super) struct Outline<'a> {
    pub d: &'a Dossier,
    pub p: &'a CallProfile,
    pub blocks: Vec<Block>,
}

impl Outline<'_> {
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
    }

    /// A titled rubric of typed text.
    pub fn rubric(&mut self, level: u8, title: &str, text: &str) {
        self.heading(level, title);
        self.text(text);
    }

    /// Typed text; the writer shows [`TO_WRITE`] when it is blank.
    pub fn text(&mut self, text: &str) {
        self.blocks.push(Block::Text(text.to_string()));
    }

    /// A label, then the typed text it names.
    pub fn labelled(&mut self, label: &str, text: &str) {
        self.blocks.push(Block::Label(label.to_string()));
        self.text(text);
    }

    pub fn note(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Note(text.into()));
    }

    /// A list the call asks for is empty: « [à rédiger : aucun …] ».
    pub fn missing(&mut self, what: &str) {
        let open = TO_WRITE.trim_end_matches(']');
        self.blocks
            .push(Block::Missing(format!("{open} : {what}]")));
    }

    /// A table of `(title, per cent of the width, figures)` columns.
    pub fn table(&mut self, columns: &[(&str, u32, bool)], rows: Vec<Row>) {
        self.blocks.push(Block::Table(Table {
            columns: columns
                .iter()
                .map(|&(title, percent, figures)| Column {
                    title: title.to_string(),
                    percent,
                    figures,
                })
                .collect(),
            rows,
        }));
    }

    /// A figure's cell: what was typed when it is not a valid value (the
    /// value is then blank), else the value formatted, « — » when blank.
    pub fn figure<T>(
        &self,
        path: FieldPath,
        value: Option<&T>,
        fmt: impl Fn(&T) -> String,
    ) -> Cell {
        match self.d.invalid_entries.get(path.as_str()) {
            Some(typed) => Cell::Invalid(typed.clone()),
            None => Cell::Value(value.map_or_else(|| "—".to_string(), fmt)),
        }
    }

    /// A row of a five-year table: its label, then one figure per year of
    /// the field `path`.
    pub fn years<T>(
        &self,
        label: &str,
        path: FieldPath,
        values: &[Option<T>; 5],
        fmt: impl Fn(&T) -> String,
    ) -> Row {
        let mut cells = vec![Cell::Value(label.to_string())];
        cells.extend(
            values
                .iter()
                .enumerate()
                .map(|(y, v)| self.figure(path.clone().year(y), v.as_ref(), &fmt)),
        );
        Row {
            cells,
            emphasis: false,
        }
    }
}

/// The columns of a five-year table: a label column, then « Année 1 » to 5.
pub(super) fn year_columns(first: &str) -> Vec<(String, u32, bool)> {
    let mut cols = vec![(first.to_string(), 30, false)];
    cols.extend((1..=5).map(|y| (format!("Année {y}"), 14, true)));
    cols
}

/// [`year_columns`] as [`Outline::table`] takes them.
pub(super) fn as_columns(cols: &[(String, u32, bool)]) -> Vec<(&str, u32, bool)> {
    cols.iter().map(|(t, s, f)| (t.as_str(), *s, *f)).collect()
}

/// A row of cells.
pub(super) fn row(cells: Vec<Cell>) -> Row {
    Row {
        cells,
        emphasis: false,
    }
}

/// The non-empty parts, trimmed, joined by `sep`.
pub(super) fn joined(parts: &[&str], sep: &str) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

/// A title as it agrees with the person holding it (« Présidente »), as
/// the printed dossier writes it; unchanged when the civility is unknown.
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
