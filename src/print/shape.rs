//! Text preparation before layout: Arabic letters are shaped into their
//! presentation forms (initial, medial, final, isolated, lam-alef ligatures)
//! and Arabic runs are put in visual (right-to-left) order, since the PDF
//! writer draws glyphs left to right without a shaping engine. Characters
//! the font lacks are replaced by « ? » and reported.

use super::font::FontMetrics;

/// Presentation forms: (isolated, final, initial, medial); a right-joining
/// letter has no initial or medial form (0).
fn forms(c: char) -> Option<[u32; 4]> {
    let f = |iso: u32, joins_both: bool| {
        if joins_both {
            [iso, iso + 1, iso + 2, iso + 3]
        } else {
            [iso, iso + 1, 0, 0]
        }
    };
    Some(match c {
        'ء' => [0xFE80, 0, 0, 0],
        'آ' => f(0xFE81, false),
        'أ' => f(0xFE83, false),
        'ؤ' => f(0xFE85, false),
        'إ' => f(0xFE87, false),
        'ئ' => f(0xFE89, true),
        'ا' => f(0xFE8D, false),
        'ب' => f(0xFE8F, true),
        'ة' => f(0xFE93, false),
        'ت' => f(0xFE95, true),
        'ث' => f(0xFE99, true),
        'ج' => f(0xFE9D, true),
        'ح' => f(0xFEA1, true),
        'خ' => f(0xFEA5, true),
        'د' => f(0xFEA9, false),
        'ذ' => f(0xFEAB, false),
        'ر' => f(0xFEAD, false),
        'ز' => f(0xFEAF, false),
        'س' => f(0xFEB1, true),
        'ش' => f(0xFEB5, true),
        'ص' => f(0xFEB9, true),
        'ض' => f(0xFEBD, true),
        'ط' => f(0xFEC1, true),
        'ظ' => f(0xFEC5, true),
        'ع' => f(0xFEC9, true),
        'غ' => f(0xFECD, true),
        'ف' => f(0xFED1, true),
        'ق' => f(0xFED5, true),
        'ك' => f(0xFED9, true),
        'ل' => f(0xFEDD, true),
        'م' => f(0xFEE1, true),
        'ن' => f(0xFEE5, true),
        'ه' => f(0xFEE9, true),
        'و' => f(0xFEED, false),
        'ى' => f(0xFEEF, false),
        'ي' => f(0xFEF1, true),
        _ => return None,
    })
}

pub fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Harakat and other marks: transparent for joining.
fn is_transparent(c: char) -> bool {
    matches!(c as u32, 0x064B..=0x065F | 0x0670)
}

fn joins_left(c: char) -> bool {
    // Can connect to the following letter (has initial/medial forms), or tatweel.
    c == 'ـ' || forms(c).is_some_and(|f| f[2] != 0)
}

fn joins_right(c: char) -> bool {
    c == 'ـ' || forms(c).is_some_and(|f| f[1] != 0)
}

/// Lam followed by an alef form gives a ligature (isolated, final).
fn lam_alef(alef: char) -> Option<(u32, u32)> {
    match alef {
        'آ' => Some((0xFEF5, 0xFEF6)),
        'أ' => Some((0xFEF7, 0xFEF8)),
        'إ' => Some((0xFEF9, 0xFEFA)),
        'ا' => Some((0xFEFB, 0xFEFC)),
        _ => None,
    }
}

/// Shapes the Arabic letters of a run given in logical order.
fn shape_arabic_run(run: &[char]) -> Vec<char> {
    let letters: Vec<(usize, char)> = run
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, c)| !is_transparent(*c))
        .collect();
    let mut out: Vec<char> = Vec::with_capacity(run.len());
    let mut skip_next_letter = false;
    for (k, &(i, c)) in letters.iter().enumerate() {
        // Keep marks that followed the previous letter.
        let prev_pos = if k == 0 { 0 } else { letters[k - 1].0 + 1 };
        for &m in &run[prev_pos..i] {
            out.push(m);
        }
        if skip_next_letter {
            skip_next_letter = false;
            continue;
        }
        let prev = k.checked_sub(1).map(|p| letters[p].1);
        let next = letters.get(k + 1).map(|n| n.1);
        let joined_before = prev.is_some_and(joins_left) && joins_right(c);
        if c == 'ل'
            && let Some(alef) = next
            && let Some((iso, fin)) = lam_alef(alef)
        {
            let code = if joined_before { fin } else { iso };
            out.push(char::from_u32(code).unwrap_or(c));
            skip_next_letter = true;
            continue;
        }
        let joined_after = joins_left(c) && next.is_some_and(joins_right);
        let shaped = match forms(c) {
            Some(f) => {
                let code = match (joined_before, joined_after) {
                    (true, true) if f[3] != 0 => f[3],
                    (false, true) if f[2] != 0 => f[2],
                    (true, _) if f[1] != 0 => f[1],
                    _ => f[0],
                };
                char::from_u32(code).unwrap_or(c)
            }
            None => c,
        };
        out.push(shaped);
    }
    if let Some(&(last, _)) = letters.last() {
        out.extend_from_slice(&run[last + 1..]);
    } else {
        out.extend_from_slice(run);
    }
    out
}

/// Splits a text into runs: Arabic (with inner spaces and marks) vs the rest.
fn runs(chars: &[char]) -> Vec<(bool, Vec<char>)> {
    let mut runs: Vec<(bool, Vec<char>)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let arabic = is_arabic(c)
            || (c == ' '
                && i > 0
                && is_arabic(chars[i - 1])
                && chars.get(i + 1).is_some_and(|n| is_arabic(*n)));
        match runs.last_mut() {
            Some((a, run)) if *a == arabic => run.push(c),
            _ => runs.push((arabic, vec![c])),
        }
    }
    runs
}

/// Shapes the Arabic letters into their presentation forms, keeping the
/// logical (reading) order: the text the layout measures and wraps before
/// putting each line in [`visual_order`].
pub fn shape(text: &str) -> String {
    if !text.chars().any(is_arabic) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    runs(&chars)
        .into_iter()
        .flat_map(|(arabic, run)| if arabic { shape_arabic_run(&run) } else { run })
        .collect()
}

/// Shapes Arabic runs and reorders them right to left. A text that starts
/// with Arabic is treated as a right-to-left paragraph: its runs keep
/// reading order from the right. Spaces between Arabic words stay inside
/// the run.
///
/// Reorders what it is given as one line: the layout wraps the text in
/// logical order (see [`shape`]) and reorders each line, since reordering a
/// whole paragraph before wrapping would put its last words on its first
/// line. Already shaped letters are left as they are.
pub fn visual_order(text: &str) -> String {
    if !text.chars().any(is_arabic) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let runs = runs(&chars);
    let rtl_paragraph = chars
        .iter()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| is_arabic(*c));
    let mut visual: Vec<Vec<char>> = runs
        .into_iter()
        .map(|(arabic, run)| {
            if arabic {
                let mut shaped = shape_arabic_run(&run);
                shaped.reverse();
                shaped
            } else {
                run
            }
        })
        .collect();
    if rtl_paragraph {
        visual.reverse();
    }
    visual.into_iter().flatten().collect()
}

/// A character the font cannot draw, with where it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingGlyph {
    pub ch: char,
    pub context: String,
}

impl MissingGlyph {
    pub fn message(&self) -> String {
        format!(
            "Caractère « {} » (U+{:04X}) absent de la police, remplacé par « ? » : {}",
            self.ch, self.ch as u32, self.context
        )
    }
}

/// Prepares a text for the page: shaping (in logical order: the layout
/// wraps it, then puts each line in [`visual_order`]), replacement of the
/// characters the font lacks (reported in `missing`, once per character and
/// context).
pub fn prepare(
    text: &str,
    font: &FontMetrics,
    context: &str,
    missing: &mut Vec<MissingGlyph>,
) -> String {
    let shaped = shape(text);
    if shaped.chars().all(|c| font.has_glyph(c)) {
        return shaped;
    }
    shaped
        .chars()
        .map(|c| {
            if c == '\t' {
                ' '
            } else if font.has_glyph(c) || c == '\n' {
                c
            } else if c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}') {
                // Invisible formatting characters: dropped silently is correct.
                '\u{0}'
            } else {
                let entry = MissingGlyph {
                    ch: c,
                    context: context.to_string(),
                };
                if !missing.contains(&entry) {
                    missing.push(entry);
                }
                '?'
            }
        })
        .filter(|c| *c != '\u{0}')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::font::Fonts;

    #[test]
    fn latin_text_is_untouched() {
        assert_eq!(visual_order("Société « Atlas »"), "Société « Atlas »");
    }

    #[test]
    fn arabic_is_shaped_and_reversed() {
        // سلام : seen initial, lam medial... then alef final after lam → lam-alef final, meem isolated.
        let shaped = visual_order("سلام");
        let expected: String = ['\u{FEE1}', '\u{FEFC}', '\u{FEB3}'].iter().collect();
        assert_eq!(shaped, expected);
        // بيت : beh initial, yeh medial, teh final; printed right to left.
        let expected: String = ['\u{FE96}', '\u{FEF4}', '\u{FE91}'].iter().collect();
        assert_eq!(visual_order("بيت"), expected);
    }

    #[test]
    fn mixed_text_keeps_latin_order() {
        let out = visual_order("Coopérative دار (Fès)");
        assert!(out.starts_with("Coopérative "));
        assert!(out.ends_with(" (Fès)"));
        // دار : dal isolated (cannot join left), alef isolated? alef after dal: dal does not join left → alef isolated, reh isolated.
        assert!(out.contains('\u{FEA9}'));
    }

    #[test]
    fn missing_glyphs_are_reported_not_hidden() {
        let fonts = Fonts::bundled().expect("fonts");
        let mut missing = Vec::new();
        let out = prepare(
            "Usine 中 de Fès",
            &fonts.regular,
            "Membre n° 3, raison sociale",
            &mut missing,
        );
        assert_eq!(out, "Usine ? de Fès");
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].ch, '中');
        assert!(missing[0].message().contains("U+4E2D"));
        assert!(missing[0].message().contains("Membre n° 3"));
    }
}
