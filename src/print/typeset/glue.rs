//! Spaces no line may break at: inside a date (« 18 juin 2026 »), a
//! standard (« ISO 22000 »), a number with its unit or sign (« n° 47 »,
//! « 15 h 00 », « 120 m² », « 50 000 DHS », « + 5 % »). They become
//! no-break spaces; the line breaker then takes the group as one word
//! and never hyphenates it.

use super::NBSP;

use crate::model::date::MONTHS_FR as MONTHS;

/// Bodies that name standards, before their number (« NM ISO 22000 »).
const STANDARDS: [&str; 14] = [
    "ISO", "NM", "EN", "NF", "IEC", "CEI", "OHSAS", "FSSC", "IATF", "IFS", "BRC", "GOST", "ASTM",
    "DIN",
];

/// Units and signs that follow a number.
const UNITS: [&str; 44] = [
    "DH", "DHS", "Dhs", "dhs", "MAD", "€", "EUR", "USD", "$", "%", "‰", "h", "min", "s", "ms", "j",
    "m", "m²", "m2", "m³", "m3", "km", "km²", "cm", "mm", "ha", "kg", "g", "t", "T", "l", "L",
    "kW", "MW", "kWh", "MWh", "GWh", "Mo", "Go", "°C", "°", "Md", "M", "k",
];

/// Words before a number that stay with it.
const BEFORE_NUMBER: [&str; 12] = [
    "n°", "N°", "no", "nº", "Nº", "+", "−", "-", "±", "≈", "≤", "≥",
];

/// A word with its trailing punctuation set aside.
fn bare(word: &str) -> &str {
    word.trim_end_matches([',', '.', ';', ':', ')', '»', '!', '?', '\u{a0}', '\u{202f}'])
}

fn is_number(word: &str) -> bool {
    let w = bare(word);
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars().last().is_some_and(|c| c.is_ascii_digit())
        && w.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, ',' | '.' | '\u{202f}' | '\u{a0}' | '/' | '-')
        })
}

fn is_day(word: &str) -> bool {
    let w = bare(word);
    // One or two digits first, whatever follows (most words end here).
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let digits = w.trim_end_matches("er");
    (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
}

fn is_year(word: &str) -> bool {
    let w = bare(word);
    w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())
}

/// Whether the word, lowercased, is a month's name. Lowercased character
/// by character into a short buffer (no copy of every word; the months
/// have no letter whose lowercase depends on its place, as Σ's does), and
/// most words are told apart by their first letter.
fn is_month(word: &str) -> bool {
    let w = bare(word);
    match w.as_bytes().first() {
        None => return false,
        // The months' initials, in either case (an ASCII letter
        // lowercases to an ASCII letter).
        Some(b) if b.is_ascii() && !b"jfmasondJFMASOND".contains(b) => return false,
        Some(_) => {}
    }
    if w.is_ascii() {
        // An ASCII word lowercases byte by byte (and cannot be a month
        // with an accent).
        return MONTHS
            .iter()
            .any(|m| m.len() == w.len() && m.as_bytes().eq_ignore_ascii_case(w.as_bytes()));
    }
    // Longer than the longest month (« septembre »): not one.
    let mut lower = ['\0'; 10];
    let mut n = 0;
    for c in w.chars().flat_map(char::to_lowercase) {
        if n == lower.len() {
            return false;
        }
        lower[n] = c;
        n += 1;
    }
    let lower = &lower[..n];
    MONTHS.iter().any(|m| m.chars().eq(lower.iter().copied()))
}

fn is_standard_body(word: &str) -> bool {
    let w = bare(word);
    !w.is_empty() && w.split('/').all(|p| STANDARDS.contains(&p))
}

/// Whether the space between `prev` and `next` (whole words, as typed)
/// must not break; `before` is the word before `prev`, if any.
pub fn glued(before: Option<&str>, prev: &str, next: &str) -> bool {
    let next_digit = next.chars().next().is_some_and(|c| c.is_ascii_digit());
    // Dates: « 18 juin », « 1er mai », « juin 2026 ».
    if is_day(prev) && is_month(next) {
        return true;
    }
    if is_year(next) && is_month(prev) && !prev.ends_with([',', ';', '.']) {
        return true;
    }
    // Standards: « ISO 22000 », « NM ISO 9001 », « ISO/IEC 17025 ».
    if is_standard_body(prev)
        && !prev.ends_with([',', ';'])
        && (next_digit || is_standard_body(next))
    {
        return true;
    }
    // « n° 47 », « + 5 ».
    if BEFORE_NUMBER.contains(&prev) && next_digit {
        return true;
    }
    // « 120 m² », « 50 000 DHS », « 15 h ».
    if is_number(prev) && !prev.ends_with([',', ';', '.']) && UNITS.contains(&bare(next)) {
        return true;
    }
    // « 15 h 00 ».
    if prev == "h" && before.is_some_and(is_number) && next_digit {
        return true;
    }
    false
}

/// `text` with the spaces no line may break at turned into no-break
/// spaces. Idempotent: only ordinary spaces change.
pub fn glue(text: &str) -> String {
    if !text.contains(' ') {
        return text.to_string();
    }
    // Words split at ordinary spaces only: a group already glued stays one.
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let prev = words[i - 1];
            let before = i.checked_sub(2).map(|b| words[b]);
            // The last piece of a glued group decides (« 50 000 » + « DHS »).
            let prev_last = prev.rsplit(['\u{a0}', '\u{202f}']).next().unwrap_or(prev);
            let prev_num = if is_number(prev) { prev } else { prev_last };
            // The same question is asked once (`glued` is a pure function).
            let space_glued = glued(before, prev, word)
                || (prev_last != prev && glued(before, prev_last, word))
                || (prev_num != prev && prev_num != prev_last && glued(before, prev_num, word));
            out.push(if space_glued { NBSP } else { ' ' });
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `is_month` stands for: the word, lowercased, among the months.
    fn is_month_by_lowercase(word: &str) -> bool {
        MONTHS.contains(&bare(word).to_lowercase().as_str())
    }

    #[test]
    fn months_are_told_as_their_lowercase_tells_them() {
        let words = [
            "juin",
            "JUIN",
            "Juin,",
            "Février",
            "FÉVRIER",
            "fevrier",
            "AOÛT.",
            "août",
            "Décembre",
            "DÉCEMBRE",
            "septembre",
            "Septembres",
            "mai",
            "MAI",
            "maï",
            "jùin",
            "",
            ",",
            "ΣΣ",
            "İ",
            "\u{212a}",
            "octobre»",
            "novembre\u{a0}",
            "de",
            "des",
        ];
        for w in words {
            assert_eq!(is_month(w), is_month_by_lowercase(w), "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn months_agree_with_lowercase_on_any_word(w in "\\PC{0,12}") {
            proptest::prop_assert_eq!(is_month(&w), is_month_by_lowercase(&w));
        }
    }

    #[test]
    fn groups_that_must_stay_on_one_line_are_glued() {
        let n = NBSP;
        assert_eq!(glue("le 18 juin 2026."), format!("le 18{n}juin{n}2026."));
        assert_eq!(glue("1er mai"), format!("1er{n}mai"));
        assert_eq!(
            glue("certifiée ISO 22000 et NM ISO 9001"),
            format!("certifiée ISO{n}22000 et NM{n}ISO{n}9001")
        );
        assert_eq!(glue("dossier n° 47"), format!("dossier n°{n}47"));
        assert_eq!(glue("à 15 h 00"), format!("à 15{n}h{n}00"));
        assert_eq!(
            glue("sur 120 m² couverts"),
            format!("sur 120{n}m² couverts")
        );
        assert_eq!(
            glue("soit 50\u{202f}000 DHS"),
            format!("soit 50\u{202f}000{n}DHS")
        );
        // Ordinary words and numbers without unit are left alone.
        assert_eq!(glue("en 2024 100 entreprises"), "en 2024 100 entreprises");
        assert_eq!(glue("+212 6 12 34 56"), "+212 6 12 34 56");
        let once = glue("le 18 juin 2026 à 15 h 00");
        assert_eq!(glue(&once), once);
    }
}
