//! French typesetting at print time: what the user typed is stored as typed,
//! the page shows it the way a French document is set. No-break spaces
//! before « : ; ! ? % » and inside « », the typographic apostrophe, digits
//! of amounts grouped with a narrow no-break space, and where a long word
//! or an address may be broken.

mod breaks;
mod glue;

pub use breaks::MIN_LETTERS;
pub use glue::glue;

/// No-break space (before « : », inside « », between a number and its unit).
pub const NBSP: char = '\u{00A0}';
/// Narrow no-break space (before « ; ! ? », between groups of digits).
pub const NNBSP: char = '\u{202F}';
/// What a line broken inside a word ends with: the soft hyphen, drawn with
/// the font's hyphen glyph. Text extractors know it for a break inserted by
/// the typesetter and join the word again.
pub const BREAK_HYPHEN: char = '\u{00AD}';

fn is_space(c: char) -> bool {
    c == ' ' || c == NBSP || c == NNBSP
}

/// Units written after a number, kept on its line.
const UNITS: [&str; 6] = ["DH", "DHS", "MAD", "%", "€", "Dhs"];

/// Sets a text in French; idempotent, and a no-op on text already set.
/// Spaces no line may break at (dates, standards, numbers with their
/// unit) become no-break spaces.
pub fn french(text: &str) -> String {
    glue(&french_spaces(text))
}

fn french_spaces(text: &str) -> String {
    if !text
        .chars()
        .any(|c| matches!(c, '\'' | ':' | ';' | '!' | '?' | '%' | '«' | '»' | ' '))
    {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        match c {
            '\'' if prev.is_some_and(char::is_alphabetic) => out.push('’'),
            ' ' => out.push(space_before(&chars, i).unwrap_or(' ')),
            '«' => {
                out.push('«');
                if next.is_some_and(|n| !is_space(n)) {
                    out.push(NBSP);
                }
            }
            '»' => {
                if prev.is_some_and(|p| !is_space(p)) && i > 0 {
                    out.push(NBSP);
                }
                out.push('»');
            }
            _ => out.push(c),
        }
    }
    out
}

/// The no-break space an ordinary space at `i` becomes, if any.
fn space_before(chars: &[char], i: usize) -> Option<char> {
    let next = chars.get(i + 1).copied()?;
    let prev = i.checked_sub(1).map(|p| chars[p])?;
    // Before high punctuation, only when it ends a word or the text (not
    // « a ; b » lists written as « a; b », not smileys).
    let after_next = chars.get(i + 2).copied();
    let closes = after_next.is_none_or(|c| c.is_whitespace() || c == ')' || c == '»');
    match next {
        ':' if closes => return Some(NBSP),
        ';' | '!' | '?' if closes => return Some(NNBSP),
        '»' => return Some(NBSP),
        _ => {}
    }
    if prev == '«' {
        return Some(NBSP);
    }
    if prev.is_ascii_digit() {
        // « 1 200 000 » : groups of three digits after a number.
        let group = chars[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let after = chars.get(i + 1 + group).copied();
        let lead = number_run_before(chars, i);
        if group == 3 && lead.is_some_and(|n| n <= 3) && after.is_none_or(|c| !c.is_alphanumeric())
        {
            return Some(NNBSP);
        }
        // « 298 000 DH », « 12 % »: the unit stays with its number.
        let rest: String = chars[i + 1..]
            .iter()
            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '.' | ')' | ';'))
            .collect();
        if UNITS.contains(&rest.as_str()) {
            return Some(NBSP);
        }
    }
    None
}

/// Digits of the number group ending at `i - 1`, when it is a group of a
/// grouped number (its start is a word start or another group).
fn number_run_before(chars: &[char], i: usize) -> Option<usize> {
    let digits = chars[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let start = i - digits;
    let before = start.checked_sub(1).map(|p| chars[p]);
    match before {
        None => Some(digits),
        Some(c) if c == NNBSP || c == ' ' => Some(digits),
        Some(c) if c.is_alphanumeric() || c == ',' || c == '.' => None,
        Some(_) => Some(digits),
    }
}

/// What kind of word the line breaker has in hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordKind {
    /// Letters: may be hyphenated where French allows.
    Word,
    /// Digits, amounts, identifiers: never broken.
    Number,
    /// An e-mail or web address: broken only after « @ » or before « . »;
    /// set smaller when a piece is still wider than the line.
    Address,
}

pub fn word_kind(word: &str) -> WordKind {
    if word.contains('@') || word.contains("://") || word.starts_with("www.") {
        WordKind::Address
    } else if word.chars().any(|c| c.is_ascii_digit())
        && word.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(c, ',' | '.' | '−' | '-' | '+' | '%' | '/' | ':')
                || is_space(c)
        })
    {
        WordKind::Number
    } else {
        WordKind::Word
    }
}

/// Where `word` may be broken: byte offsets of the places a line may end
/// inside it, and whether a hyphen is then drawn.
pub fn break_points(word: &str) -> Vec<(usize, bool)> {
    match word_kind(word) {
        WordKind::Number => Vec::new(),
        // After « @ », before « . »: never at the address's own hyphens.
        WordKind::Address => word
            .char_indices()
            .filter_map(|(i, c)| match c {
                '@' => Some(i + 1),
                '.' => Some(i),
                _ => None,
            })
            .filter(|&i| i > 0 && i < word.len())
            .map(|i| (i, false))
            .collect(),
        // Words glued with no-break spaces around figures (a date, « 298
        // 000 DH », « année 2 ») were glued to stay on one line.
        WordKind::Word if word.chars().any(|c| c.is_ascii_digit()) && word.contains(is_space) => {
            Vec::new()
        }
        WordKind::Word => breaks::word_breaks(word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_glued_with_no_break_spaces_is_not_hyphenated() {
        assert!(break_points("14\u{a0}novembre\u{a0}2023").is_empty());
        assert!(!break_points("conditionnement").is_empty());
    }

    #[test]
    fn spaces_before_high_punctuation_do_not_break() {
        assert_eq!(french("Date limite : 20"), "Date limite\u{a0}: 20");
        assert_eq!(french("a ; b ! c ?"), "a\u{202f}; b\u{202f}! c\u{202f}?");
        assert_eq!(french("« Atlas »"), "«\u{a0}Atlas\u{a0}»");
        assert_eq!(french("«Atlas»"), "«\u{a0}Atlas\u{a0}»");
        assert_eq!(french("http://exemple.ma"), "http://exemple.ma");
        assert_eq!(french("10:30"), "10:30");
    }

    #[test]
    fn apostrophes_and_amounts() {
        assert_eq!(french("l'État d'abord"), "l’État d’abord");
        assert_eq!(french("'cité'"), "'cité’");
        assert_eq!(french("soit 298 000 DH"), "soit 298\u{202f}000\u{a0}DH");
        assert_eq!(
            french("1 200 000 et 12 %"),
            "1\u{202f}200\u{202f}000 et 12\u{a0}%"
        );
        assert_eq!(french("+212 6 12 34 56"), "+212 6 12 34 56");
        assert_eq!(french("en 2024 100 entreprises"), "en 2024 100 entreprises");
        let once = french("« l'Atlas » : 1 200 DH ; 5 %");
        assert_eq!(french(&once), once, "idempotent");
    }

    #[test]
    fn words_break_where_french_allows() {
        let word = "conditionnement";
        let points = break_points(word);
        assert!(!points.is_empty());
        assert!(points.iter().all(|(_, hyphen)| *hyphen));
        let pieces: Vec<&str> = points.iter().map(|(i, _)| &word[..*i]).collect();
        assert!(pieces.contains(&"condi"), "{pieces:?}");
        // Never inside a number, only after @ . - / in an address.
        assert!(break_points("1\u{202f}200\u{202f}000,00").is_empty());
        let mail = "r.lahlou@soges-emballages.ma";
        let after: Vec<char> = break_points(mail)
            .iter()
            .map(|(i, _)| mail[..*i].chars().last().unwrap_or(' '))
            .collect();
        assert!(after.iter().all(|c| *c == '@' || *c != '-'), "{after:?}");
        for (i, _) in break_points(mail) {
            assert!(
                mail[..i].ends_with('@') || mail[i..].starts_with('.'),
                "{i}"
            );
        }
        // Longer than hypher takes at once: still hyphenated, no panic.
        let long = "anticonstitutionnellement".repeat(3);
        assert!(break_points(&long).len() > 6);
        // After a word's own hyphen, without adding another, and nowhere else.
        let w = "semi-industrielle";
        assert_eq!(break_points(w), vec![(5, false)]);
    }
}
