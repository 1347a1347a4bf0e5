//! Rubrics declared once. A rubric is one thing the call asks the dossier
//! to say (« Moyens mobilisés », « Stratégie globale du cluster »): its
//! field, its label as the call words it, whether it is required, how it
//! is read and written, what « Nouvelle édition » does with it and how the
//! paper sets it. The wizard's form, the PDF section and its preview
//! anchors, the completeness rules, the proofreading copy and « Nouvelle
//! édition » all read the tables in [`tables`], so a new rubric is its
//! field, its line in a table and a format fixture.
//!
//! What a table cannot say (the members' register, the budget, a person's
//! contact block) stays with its section's code.

pub mod catalogue;
pub mod tables;

use super::date::Date;
use super::dossier::Years;
use super::field::{FieldName, FieldPath};
use super::limits::NumberKind;
use rust_decimal::Decimal;

pub use catalogue::{Declared, catalogue};
pub use tables::*;

/// Whether the call requires the rubric.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Missing, the dossier is incomplete: a blocking finding.
    Required,
    /// Missing, a reviewer will notice: a warning.
    Advisable,
    /// Said only when there is something to say.
    Optional,
}

/// What « Nouvelle édition » does with the rubric.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carry {
    /// It describes the cluster: carried, to reread.
    Keep,
    /// It belongs to one application (dated, yearly): started afresh.
    Clear,
}

/// How the paper sets the rubric.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Print {
    /// A line of the section's « libellé : valeur » block.
    Pair,
    /// A paragraph under its label.
    Titled,
    /// A paragraph under the previous heading, printed only when filled.
    Note,
    /// A row of the five-year table it is declared in.
    YearRow,
    /// Set by its section's own code (joined with another rubric, in a
    /// heading…): the table still gives its label, need and value.
    Bespoke,
}

/// How the wizard shows a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextForm {
    /// One line.
    Line,
    /// One line that wraps as it grows (an address, a legal form).
    Wrapped,
    /// Several lines, with a character count.
    Paragraph,
}

/// How a rubric's value is read and written, on its holder `T` (a part of
/// the dossier, or one row of a list).
pub enum Value<T: 'static> {
    Text(TextForm, fn(&T) -> &String, fn(&mut T) -> &mut String),
    Date(fn(&T) -> &Option<Date>, fn(&mut T) -> &mut Option<Date>),
    Counts(fn(&T) -> &Years<u32>, fn(&mut T) -> &mut Years<u32>),
    Decimals(
        NumberKind,
        fn(&T) -> &Years<Decimal>,
        fn(&mut T) -> &mut Years<Decimal>,
    ),
}

/// A value as a consumer reads it.
pub enum Read<'a> {
    Text(&'a String),
    Date(&'a Option<Date>),
    Counts(&'a Years<u32>),
    Decimals(NumberKind, &'a Years<Decimal>),
}

/// A value as the wizard edits it.
pub enum Edit<'a> {
    Text(TextForm, &'a mut String),
    Date(&'a mut Option<Date>),
    Counts(&'a mut Years<u32>),
    Decimals(NumberKind, &'a mut Years<Decimal>),
}

/// One rubric of a holder `T` whose fields are named by `F`.
pub struct Rubric<T: 'static, F: 'static> {
    pub field: F,
    /// The label as the call words it, capitalised (« Moyens mobilisés »).
    pub label: &'static str,
    pub need: Need,
    pub value: Value<T>,
    pub carry: Carry,
    pub print: Print,
}

impl<T, F: FieldName> Rubric<T, F> {
    /// Its path below `base` (the part, or the row, that holds it).
    pub fn path(&self, base: &FieldPath) -> FieldPath {
        base.clone().field(self.field)
    }
}

impl<T, F> Rubric<T, F> {
    pub fn read<'a>(&self, holder: &'a T) -> Read<'a> {
        match &self.value {
            Value::Text(_, get, _) => Read::Text(get(holder)),
            Value::Date(get, _) => Read::Date(get(holder)),
            Value::Counts(get, _) => Read::Counts(get(holder)),
            Value::Decimals(kind, get, _) => Read::Decimals(*kind, get(holder)),
        }
    }

    pub fn edit<'a>(&self, holder: &'a mut T) -> Edit<'a> {
        match &self.value {
            Value::Text(form, _, get) => Edit::Text(*form, get(holder)),
            Value::Date(_, get) => Edit::Date(get(holder)),
            Value::Counts(_, get) => Edit::Counts(get(holder)),
            Value::Decimals(kind, _, get) => Edit::Decimals(*kind, get(holder)),
        }
    }

    /// Whether anything is typed (a text with more than blanks, a date, a
    /// year filled).
    pub fn is_filled(&self, holder: &T) -> bool {
        match self.read(holder) {
            Read::Text(s) => !s.trim().is_empty(),
            Read::Date(d) => d.is_some(),
            Read::Counts(v) => v.iter().any(Option::is_some),
            Read::Decimals(_, v) => v.iter().any(Option::is_some),
        }
    }

    /// Copies the value from `from` to `to`.
    pub fn copy(&self, from: &T, to: &mut T) {
        match &self.value {
            Value::Text(_, get, set) => set(to).clone_from(get(from)),
            Value::Date(get, set) => *set(to) = *get(from),
            Value::Counts(get, set) => *set(to) = *get(from),
            Value::Decimals(_, get, set) => *set(to) = *get(from),
        }
    }

    /// The label for the wizard: optional rubrics say so.
    pub fn form_label(&self) -> String {
        match self.need {
            Need::Optional => format!("{} (facultatif)", self.label),
            Need::Required | Need::Advisable => self.label.to_string(),
        }
    }

    /// The label inside a sentence about a row (« Projet de coopération
    /// n° 2, moyens mobilisés »): its first letter in lower case, unless
    /// the word is an acronym.
    pub fn label_in_sentence(&self) -> String {
        lower_first(self.label)
    }
}

/// `Texte` → `texte`; `R&D` and `ISO` stay as they are.
pub fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() && second.is_alphabetic() => {
            let mut out: String = first.to_lowercase().collect();
            out.push(second);
            out.push_str(chars.as_str());
            out
        }
        _ => label.to_string(),
    }
}

/// A line of a section's table: a heading the call gives inside the
/// section, a rubric, or rubrics over five years shown as one table under
/// its own heading.
pub enum Entry<T: 'static, F: 'static> {
    /// A heading over the rubrics that follow, up to the next heading.
    Heading(&'static str),
    Rubric(Rubric<T, F>),
    /// Its own heading; `first` heads the label column (« Objectif »).
    YearTable {
        heading: &'static str,
        first: &'static str,
        rows: &'static [Rubric<T, F>],
    },
}

/// Every rubric of a table, in order, through its year tables.
pub fn rubrics<T, F>(
    entries: &'static [Entry<T, F>],
) -> impl Iterator<Item = &'static Rubric<T, F>> {
    entries.iter().flat_map(|e| match e {
        Entry::Heading(_) => [].iter(),
        Entry::Rubric(r) => std::slice::from_ref(r).iter(),
        Entry::YearTable { rows, .. } => rows.iter(),
    })
}

/// Each rubric of a table with the heading it sits under, for messages
/// (« Historique, genèse du cluster »): the last [`Entry::Heading`] for a
/// rubric, the table's own for a year row.
pub fn with_context<T, F>(
    entries: &'static [Entry<T, F>],
) -> Vec<(Option<&'static str>, &'static Rubric<T, F>)> {
    let mut out = Vec::new();
    let mut heading = None;
    for e in entries {
        match e {
            Entry::Heading(h) => heading = Some(*h),
            Entry::Rubric(r) => out.push((heading, r)),
            Entry::YearTable {
                heading: h, rows, ..
            } => {
                out.extend(rows.iter().map(|r| (Some(*h), r)));
            }
        }
    }
    out
}

/// The rubric of `field` in a table.
pub fn find<T, F: PartialEq>(
    entries: &'static [Entry<T, F>],
    field: F,
) -> Option<&'static Rubric<T, F>> {
    rubrics(entries).find(|r| r.field == field)
}
