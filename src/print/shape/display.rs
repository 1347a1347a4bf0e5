//! Text as the wizard must hand it to egui so that it shows in visual
//! order. egui 0.37 shapes each section of a layout job with harfrust but
//! has no bidirectional algorithm: it gives a whole section the direction
//! of its first letter's script (an Arabic section is turned around and
//! its brackets mirrored, anything else is drawn left to right). So a
//! line is cut into the bidi algorithm's level runs, in visual order, one
//! section each, and each run is given in the order egui will turn into
//! the right one: as typed when egui's guess matches the run's direction,
//! else reversed (and its brackets mirrored where egui will not).
//!
//! The sections hold the same characters as the text (only their order
//! and, for mirrored brackets, their form differ), so a text field keeps
//! one glyph per character.

use unicode_bidi::ParagraphBidiInfo;

/// Whether egui (harfrust's script guess) shapes a section starting with
/// these characters right to left: its first character of a script that
/// is written right to left (Arabic, Hebrew and their forms).
fn egui_rtl(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic() || is_arabic_script(*c))
        .is_some_and(is_arabic_script)
}

fn is_arabic_script(c: char) -> bool {
    matches!(
        c as u32,
        0x0590..=0x05FF
            | 0x0610..=0x061A
            | 0x0620..=0x063F
            | 0x0641..=0x064A
            | 0x0656..=0x06DC
            | 0x06DE..=0x06FF
            | 0x0750..=0x077F
            | 0x08A0..=0x08FF
            | 0xFB1D..=0xFDFF
            | 0xFE70..=0xFEFF
    )
}

/// The mirrored form of a bracket, for a run drawn right to left that
/// egui draws left to right.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

/// The sections egui must lay out, left to right, to show `text` in the
/// bidi algorithm's order; `None` when the text has nothing right to left
/// (egui shows it as is).
pub fn display_sections(text: &str) -> Option<Vec<String>> {
    if !super::has_bidi(text) {
        return None;
    }
    let mut sections = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            sections.push("\n".to_string());
        }
        if line.is_empty() {
            continue;
        }
        let info = ParagraphBidiInfo::new(line, None);
        let (levels, runs) = info.visual_runs(0..line.len());
        for run in runs {
            let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
            let piece = &line[run];
            let section: String = match (rtl, egui_rtl(piece)) {
                (true, true) | (false, false) => piece.to_string(),
                // egui would draw it left to right: turned around here.
                (true, false) => piece.chars().rev().map(mirrored).collect(),
                // egui would turn it around (and mirror its brackets):
                // given turned around, brackets already mirrored.
                (false, true) => piece.chars().rev().map(mirrored).collect(),
            };
            sections.push(section);
        }
    }
    Some(sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_text_is_left_to_egui() {
        assert_eq!(display_sections("Société « Atlas » (Fès) 2026"), None);
    }

    #[test]
    fn runs_come_in_visual_order_each_as_egui_turns_it() {
        // The cluster's name: digits on the left, the Arabic (egui turns
        // it around itself, brackets mirrored by its shaper) on the right.
        let sections = display_sections("مجموعة فاس للصناعات (فاس) 2026").expect("bidi");
        assert_eq!(sections, ["2026", "مجموعة فاس للصناعات (فاس) "]);
        // Arabic-Indic digits: egui would turn them around, so they are
        // handed over reversed.
        let sections = display_sections("سنة ٢٠٢٦").expect("bidi");
        assert_eq!(sections, ["٦٢٠٢", "سنة "]);
        // French with an Arabic word.
        let sections = display_sections("Coopérative دار (Fès)").expect("bidi");
        assert_eq!(sections, ["Coopérative ", "دار", " (Fès)"]);
        // Every character kept, once.
        for text in ["زنقة ٢٠٢٦، حي الأمل، Fès 30000", "Salma بناني 2026\nسطر"]
        {
            let mut shown: Vec<char> = display_sections(text)
                .expect("bidi")
                .concat()
                .chars()
                .map(mirrored)
                .collect();
            let mut typed: Vec<char> = text.chars().map(mirrored).collect();
            shown.sort_unstable();
            typed.sort_unstable();
            assert_eq!(shown, typed, "{text}");
        }
    }
}
