//! Where a word may be hyphenated: only a lowercase word with no hyphen of
//! its own (a proper name, a place name, an acronym or a compound such as
//! « agro-industrielle » is never hyphenated; a compound breaks at its own
//! hyphen), and never leaving fewer than [`MIN_LETTERS`] letters on either
//! side.

/// Letters kept at least on each side of a break inside a word.
pub const MIN_LETTERS: usize = 3;

/// hypher (without allocation) takes words up to this many bytes.
const HYPHER_MAX: usize = 45;

/// Break points of a word with letters: `(byte offset, hyphen drawn)`.
pub fn word_breaks(word: &str) -> Vec<(usize, bool)> {
    let compound = word
        .char_indices()
        .any(|(i, c)| matches!(c, '-' | '/') && i > 0 && i + 1 < word.len());
    if compound {
        return own_breaks(word);
    }
    // The letters of the word, its elided article (« l’ », « d’ ») and
    // punctuation set aside.
    let end = word
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let start = word
        .char_indices()
        .find(|(_, c)| c.is_alphabetic())
        .map_or(0, |(i, _)| i);
    let core = &word[start..end.max(start)];
    let elided = core
        .char_indices()
        .rfind(|(_, c)| matches!(c, '’' | '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let core = &core[elided..];
    let letters = core.chars().count();
    if letters < 2 * MIN_LETTERS || !core.chars().all(char::is_lowercase) {
        return Vec::new();
    }
    let base = start + elided;
    syllable_ends(core)
        .into_iter()
        .filter(|&i| {
            core[..i].chars().count() >= MIN_LETTERS && core[i..].chars().count() >= MIN_LETTERS
        })
        .map(|i| (base + i, true))
        .collect()
}

/// A compound's own breaks: after each of its hyphens (or slashes), with
/// at least [`MIN_LETTERS`] letters on each side.
fn own_breaks(word: &str) -> Vec<(usize, bool)> {
    let total = word.chars().filter(|c| c.is_alphanumeric()).count();
    let mut out = Vec::new();
    let mut seen = 0;
    for (i, c) in word.char_indices() {
        if c.is_alphanumeric() {
            seen += 1;
        }
        let at = i + c.len_utf8();
        if matches!(c, '-' | '/')
            && at < word.len()
            && seen >= MIN_LETTERS
            && total - seen >= MIN_LETTERS
        {
            out.push((at, false));
        }
    }
    out
}

/// Byte offsets where the syllables of a lowercase word end (its end
/// excluded); a word longer than hypher takes is hyphenated piece by piece.
fn syllable_ends(word: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut base = 0;
    let mut rest = word;
    while !rest.is_empty() {
        let mut cut = rest.len().min(HYPHER_MAX);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let piece = &rest[..cut];
        let mut pos = base;
        let syllables: Vec<&str> = hypher::hyphenate(piece, hypher::Lang::French).collect();
        for s in &syllables[..syllables.len().saturating_sub(1)] {
            pos += s.len();
            out.push(pos);
        }
        base += cut;
        rest = &rest[cut..];
        if !rest.is_empty() {
            out.push(base);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(word: &str) -> Vec<&str> {
        word_breaks(word).iter().map(|(i, _)| &word[..*i]).collect()
    }

    #[test]
    fn names_compounds_and_short_ends_are_not_hyphenated() {
        assert!(word_breaks("Meknès").is_empty());
        assert_eq!(heads("Fès-Meknès"), vec!["Fès-"]);
        assert_eq!(heads("agro-industrielle"), vec!["agro-"]);
        assert_eq!(heads("physico-chimique"), vec!["physico-"]);
        assert_eq!(heads("ouest-africain"), vec!["ouest-"]);
        assert!(word_breaks("e-mail").is_empty());
        assert!(word_breaks("CASABLANCA").is_empty());
        for h in heads("université") {
            let tail = &"université"[h.len()..];
            assert!(h.chars().count() >= 3 && tail.chars().count() >= 3, "{h}");
        }
        assert!(!heads("université").contains(&"universi"));
        assert!(heads("l’université").iter().all(|h| h.chars().count() >= 5));
    }
}
