//! Mistyped numbers, amounts and dates: each is a blocking finding that
//! quotes the text as typed and names the field, until it is corrected.
//! The value itself is blank meanwhile: nothing is computed with a guess.

use crate::model::call::CallProfile;
use crate::model::dossier::Dossier;
use crate::model::field::{self, FieldPath};
use crate::model::finding::Finding;

pub fn check(d: &Dossier, profile: &CallProfile) -> Vec<Finding> {
    d.invalid_entries
        .iter()
        .map(|(path, text)| {
            Finding::blocking(
                field::section_of(path),
                FieldPath::from_stored(path),
                format!(
                    "{} : « {} » n'est pas une valeur valide (nombre, montant ou date JJ/MM/AAAA) ; tant qu'elle n'est pas corrigée, elle ne compte pas dans les totaux",
                    field::describe(path, profile),
                    text
                ),
            )
        })
        .collect()
}
