//! Words that agree with the dossier: « la Présidente » when the president
//! is a woman, in the page furniture and the documents she signs.

use crate::model::dossier::{Civility, Dossier};

/// The stamp box's caption as it agrees with the president.
pub fn stamp_label(feminine: bool) -> String {
    agree(super::furniture::STAMP_LABEL, feminine)
}

/// Whether the president is a woman: her civility on the identity card,
/// else the déclaration's (which she signs).
pub fn president_is_woman(d: &Dossier) -> bool {
    match d.identity.president.civility {
        Some(c) => c == Civility::Madame,
        None => d.declaration.civility == Civility::Madame,
    }
}

/// Phrases naming the president, masculine then feminine (the article
/// agrees too). « Vice-Président » is never touched: it does not follow
/// these articles directly.
const PHRASES: [(&str, &str); 8] = [
    ("du Président", "de la Présidente"),
    ("le Président", "la Présidente"),
    ("au Président", "à la Présidente"),
    ("DU PRÉSIDENT", "DE LA PRÉSIDENTE"),
    ("DU PRESIDENT", "DE LA PRESIDENTE"),
    ("LE PRÉSIDENT", "LA PRÉSIDENTE"),
    ("du président", "de la présidente"),
    ("le président", "la présidente"),
];

/// `text` with the president named as she is: unchanged for a man.
pub fn agree(text: &str, feminine: bool) -> String {
    if !feminine {
        return text.to_string();
    }
    let mut out = text.to_string();
    for (m, f) in PHRASES {
        if out.contains(m) {
            out = replace_words(&out, m, f);
        }
    }
    out
}

/// Replaces `from` where it is followed by a word's end (not « Présidente »
/// already, nor « Présidentielle »).
fn replace_words(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(i) = rest.find(from) {
        let after = &rest[i + from.len()..];
        out.push_str(&rest[..i]);
        if after.chars().next().is_some_and(char::is_alphabetic) {
            out.push_str(from);
        } else {
            out.push_str(to);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_president_is_named_as_she_is() {
        assert_eq!(
            agree("Signature et cachet du Président", true),
            "Signature et cachet de la Présidente"
        );
        assert_eq!(
            agree(
                "Signé et cacheté par le Président sur toutes les pages",
                true
            ),
            "Signé et cacheté par la Présidente sur toutes les pages"
        );
        assert_eq!(
            agree("CACHET DU PRÉSIDENT DE L'ASSOCIATION", true),
            "CACHET DE LA PRÉSIDENTE DE L'ASSOCIATION"
        );
        assert_eq!(agree("du Vice-Président", true), "du Vice-Président");
        let once = agree("le Président", true);
        assert_eq!(agree(&once, true), once, "idempotent");
        assert_eq!(agree("du Président", false), "du Président");
    }
}
