//! Mistyped numbers, amounts and dates, and numbers beyond their bound
//! (see [`crate::model::limits`]): each is a blocking finding that quotes
//! the text as typed (or the value as held) and names the field, until it
//! is corrected. The value itself is blank meanwhile, or left out of every
//! total: nothing is computed with a guess.

use crate::model::call::CallProfile;
use crate::model::dossier::{Dossier, YEARS};
use crate::model::field::{self, FieldPath};
use crate::model::figures::{Figures, NOT_COMPUTABLE, Ratio};
use crate::model::finding::Finding;
use crate::model::limits;
use crate::model::money::AmountError;

const NOT_COUNTED: &str = "tant qu'elle n'est pas corrigée, elle ne compte pas dans les totaux";

/// What a refused value leaves out: the totals, and for a budget cell that
/// the self-financing ratio waits for, the ratio itself (the one finding of
/// that cause: the eligibility rule says nothing more).
fn consequence(path: &str, figures: &Figures) -> String {
    let blocked = (0..YEARS).find(|&y| {
        matches!(figures.ratio(y), Ratio::NotComputable { cells } if cells.iter().any(|c| c == path))
    });
    match blocked {
        Some(year) => format!(
            "{NOT_COUNTED}, et l'autofinancement de l'{} est {NOT_COMPUTABLE}",
            super::year_label(year)
        ),
        None => NOT_COUNTED.to_string(),
    }
}

pub fn check(d: &Dossier, profile: &CallProfile) -> Vec<Finding> {
    let fields = limits::number_fields(d);
    let figures = Figures::of(d, profile);
    let kind_at = |path: &str| fields.iter().find(|f| f.path == path).map(|f| f.kind);
    let mut out: Vec<Finding> = d
        .invalid_entries
        .iter()
        .map(|(path, text)| {
            // Why the text is refused, when the field is a number the
            // bounds know: « au plus 1 000 000 000 000 DH … ».
            let why = kind_at(path).and_then(|kind| kind.parse(text).err());
            let message = match why {
                Some(e @ (AmountError::TooLarge(_)
                | AmountError::TooManyDecimals(_)
                | AmountError::Negative
                | AmountError::NotWhole)) => format!(
                    "{} : la valeur « {} » est refusée ({e}) ; {}",
                    field::describe(path, profile),
                    text,
                    consequence(path, &figures)
                ),
                _ => format!(
                    "{} : « {} » n'est pas une valeur valide (nombre, montant ou date JJ/MM/AAAA) ; {}",
                    field::describe(path, profile),
                    text,
                    consequence(path, &figures)
                ),
            };
            Finding::blocking(field::section_of(path), FieldPath::from_stored(path), message)
        })
        .collect();
    // A value beyond its bound that no load or entry set aside (a dossier
    // built in memory): the same finding, quoting the value.
    for f in &fields {
        if let (Some(value), Some(e)) = (f.value, f.refusal())
            && !d.invalid_entries.contains_key(f.path.as_str())
        {
            out.push(Finding::blocking(
                f.path.section(),
                f.path.clone(),
                format!(
                    "{} : la valeur « {} » est refusée ({e}) ; {}",
                    field::describe(&f.path, profile),
                    value.text(),
                    consequence(f.path.as_str(), &figures)
                ),
            ));
        }
    }
    out
}
