//! Mistyped numbers, amounts and dates, and numbers beyond their bound
//! (see [`crate::model::limits`]): each is a blocking finding that quotes
//! the text as typed (or the value as held) and names the field, until it
//! is corrected. The value itself is blank meanwhile, or left out of every
//! total: nothing is computed with a guess.

use crate::model::call::CallProfile;
use crate::model::dossier::Dossier;
use crate::model::field::{self, FieldPath};
use crate::model::finding::Finding;
use crate::model::limits;
use crate::model::money::AmountError;

const NOT_COUNTED: &str = "tant qu'elle n'est pas corrigée, elle ne compte pas dans les totaux";

pub fn check(d: &Dossier, profile: &CallProfile) -> Vec<Finding> {
    let fields = limits::number_fields(d);
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
                    "{} : la valeur « {} » est refusée ({e}) ; {NOT_COUNTED}",
                    field::describe(path, profile),
                    text
                ),
                _ => format!(
                    "{} : « {} » n'est pas une valeur valide (nombre, montant ou date JJ/MM/AAAA) ; {NOT_COUNTED}",
                    field::describe(path, profile),
                    text
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
                    "{} : la valeur « {} » est refusée ({e}) ; {NOT_COUNTED}",
                    field::describe(&f.path, profile),
                    value.text()
                ),
            ));
        }
    }
    out
}
