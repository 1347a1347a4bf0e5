//! The keys two rows are compared by for duplicates: the ICE's digits,
//! and the name without accents, case, punctuation or legal form.

use super::mapping::normalise;

/// The legal forms dropped before comparing names.
const LEGAL_FORMS: &[&str] = &[
    "sarlau",
    "sarl au",
    "sarl",
    "s a r l a u",
    "s a r l",
    "sasu",
    "sas",
    "sa",
    "s a",
    "snc",
    "scs",
    "ste",
    "societe",
    "ets",
    "etablissements",
];

/// A name as compared for duplicates: no accents, case, punctuation or
/// legal form (« Sté Atlas SARL » = « ATLAS »).
pub fn name_key(name: &str) -> String {
    let mut words = format!(" {} ", normalise(name));
    for form in LEGAL_FORMS {
        let pattern = format!(" {form} ");
        while words.contains(&pattern) {
            words = words.replace(&pattern, " ");
        }
    }
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn ice_key(ice: &str) -> String {
    ice.chars().filter(char::is_ascii_digit).collect()
}
