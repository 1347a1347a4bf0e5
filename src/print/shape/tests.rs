use super::*;
use crate::print::font::{FontMetrics, Fonts};

fn fonts() -> &'static Fonts {
    crate::print::fonts().expect("bundled fonts")
}

/// The glyphs' texts in visual order, joined: what a text extractor reads
/// from left to right before turning right-to-left runs around.
fn visual(font: &FontMetrics, text: &str) -> String {
    let line = font.face.shape_line(text);
    glyph_texts(&font.face, text, &line.glyphs).concat()
}

/// Turns a visual line back to logical order the way a bidi-aware reader
/// does (PDFium, poppler): the line's direction from the majority of its
/// strong letters, then the bidi algorithm applied to what it reads (its
/// runs turned around again), brackets as read.
fn read_back(visual: &str) -> String {
    use unicode_bidi::{BidiClass, Level, bidi_class};
    let balance: i32 = visual
        .chars()
        .map(|c| match bidi_class(c) {
            BidiClass::L => 1,
            BidiClass::R | BidiClass::AL => -1,
            _ => 0,
        })
        .sum();
    let level = if balance < 0 {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let info = unicode_bidi::ParagraphBidiInfo::new(visual, Some(level));
    info.reorder_line(0..visual.len()).into_owned()
}

fn ids(font: &FontMetrics, text: &str) -> Vec<u16> {
    font.face
        .shape_line(text)
        .glyphs
        .iter()
        .map(|g| g.id)
        .collect()
}

fn nominal(font: &FontMetrics, c: char) -> u16 {
    font.face.glyph(c).expect("the font has the letter")
}

/// Arabic letters that join on neither side (Unicode joining type U).
const NON_JOINING: [char; 2] = ['\u{0621}', '\u{0674}'];

/// The Arabic letters the bundled fonts cover: every one of them must join.
fn covered_letters(font: &FontMetrics) -> Vec<char> {
    (0x0620u32..=0x06FF)
        .chain(0x0750..=0x077F)
        .filter_map(char::from_u32)
        .filter(|c| {
            c.is_alphabetic() && unicode_bidi::bidi_class(*c) == unicode_bidi::BidiClass::AL
        })
        .filter(|c| !NON_JOINING.contains(c) && *c != '\u{0640}')
        .filter(|c| font.face.glyph(*c).is_some())
        .collect()
}

#[test]
fn latin_text_takes_the_fast_path() {
    assert!(!needs_shaping("Société « Atlas » — 1 200,00 DHS, n° 47"));
    assert!(!needs_shaping("Fès-Meknès, 120 m², 15 h 00"));
    assert!(needs_shaping("Salma بناني"));
    assert!(needs_shaping("e\u{0301}"), "a combining accent is shaped");
    assert!(!has_bidi("Fès 2026"));
    assert!(has_bidi("فاس"));
}

#[test]
fn every_arabic_letter_of_the_fonts_joins() {
    for font in [&fonts().regular, &fonts().bold] {
        let letters = covered_letters(font);
        assert!(letters.len() > 100, "{} letters", letters.len());
        let mut unjoined = Vec::new();
        for c in letters {
            // Between two tatweels every joining letter takes a joined
            // form (medial, or final for a right-joining letter).
            let glyphs = ids(font, &format!("ـ{c}ـ"));
            if glyphs.len() != 3 || glyphs[1] == nominal(font, c) {
                unjoined.push(format!("{c} U+{:04X}", c as u32));
            }
        }
        assert!(unjoined.is_empty(), "unjoined: {unjoined:?}");
    }
}

#[test]
fn moroccan_letters_take_four_forms() {
    for font in [&fonts().regular, &fonts().bold] {
        for c in ['ڭ', 'ڤ', 'گ', 'پ', 'چ'] {
            let isolated = ids(font, &c.to_string());
            // Visual order: the first letter typed is the rightmost glyph.
            let initial = *ids(font, &format!("{c}ب")).last().expect("two glyphs");
            let medial = ids(font, &format!("ب{c}ب"))[1];
            let last = ids(font, &format!("ب{c}"))[0];
            let forms = [isolated[0], initial, medial, last];
            for (i, a) in forms.iter().enumerate() {
                for b in &forms[i + 1..] {
                    assert_ne!(a, b, "{c}: forms {forms:?}");
                }
            }
        }
    }
}

#[test]
fn lam_alef_is_one_ligature_that_copies_out_as_two_letters() {
    let font = &fonts().regular;
    for alef in ['ا', 'أ', 'إ', 'آ'] {
        let word = format!("ل{alef}");
        let isolated = ids(font, &word);
        assert_eq!(isolated.len(), 1, "{word}: {isolated:?}");
        // After a joining letter, the final form of the ligature.
        let joined = ids(font, &format!("ب{word}"));
        assert_eq!(joined.len(), 2);
        assert_ne!(joined[0], isolated[0]);
        assert_eq!(
            read_back(&visual(font, &format!("ب{word}"))),
            format!("ب{word}")
        );
    }
    assert_eq!(read_back(&visual(font, "السلام")), "السلام");
}

#[test]
fn digits_run_left_to_right_inside_arabic() {
    let font = &fonts().regular;
    for (text, digits) in [("سنة ٢٠٢٦", "٢٠٢٦"), ("سنة 2026", "2026")] {
        let seen = visual(font, text);
        assert!(seen.starts_with(digits), "{text}: {seen}");
        assert_eq!(read_back(&seen), text);
    }
    // A French line keeps its digits too.
    assert_eq!(visual(font, "Année ٢٠٢٦"), "Année ٢٠٢٦");
}

#[test]
fn brackets_mirror_in_right_to_left_runs() {
    let font = &fonts().regular;
    let glyphs = ids(font, "(فاس)");
    // Drawn left to right: the closing bracket typed last is on the left,
    // drawn with the glyph that looks like an opening one.
    assert_eq!(glyphs.first(), Some(&nominal(font, '(')));
    assert_eq!(glyphs.last(), Some(&nominal(font, ')')));
    // Each bracket keeps the character typed.
    assert_eq!(visual(font, "(فاس)"), ")ساف(");
    // In French, untouched.
    assert_eq!(ids(font, "(Fès)")[0], nominal(font, '('));
}

#[test]
fn mixed_lines_follow_the_bidirectional_algorithm() {
    let font = &fonts().regular;
    // Typed, drawn (glyph texts left to right), read back by a bidi-aware
    // reader from the drawn line.
    let cases = [
        // The paragraph direction comes from the first strong letter.
        (
            "مجموعة فاس للصناعات (فاس) 2026",
            "2026 )ساف( تاعانصلل ساف ةعومجم",
            "مجموعة فاس للصناعات (فاس) 2026",
        ),
        (
            "زنقة 12، حي الأمل، Fès 30000",
            "Fès 30000 ،لمألا يح ،12 ةقنز",
            "زنقة 12، حي الأمل، Fès 30000",
        ),
        (
            "Coopérative دار (Fès)",
            "Coopérative راد (Fès)",
            "Coopérative دار (Fès)",
        ),
        (
            "Salma بناني, née en 1990",
            "Salma ينانب, née en 1990",
            "Salma بناني, née en 1990",
        ),
        // A number right after an Arabic word belongs to it (UAX #9, W2:
        // an Arabic number), even in a French line: drawn on its left, so
        // a reader of the page takes it before the word.
        ("Salma بناني 2026", "Salma 2026 ينانب", "Salma 2026 بناني"),
    ];
    for (typed, drawn, read) in cases {
        let got = visual(font, typed);
        assert_eq!(got, drawn, "{typed}");
        assert_eq!(read_back(&got), read, "{typed}");
    }
}

#[test]
fn a_line_marked_for_its_paragraph_takes_its_direction() {
    // A French word first in an Arabic paragraph's second line.
    assert_eq!(direction_mark("Fès مدينة", true), Some(RLM));
    assert_eq!(direction_mark("مدينة Fès", true), None);
    assert_eq!(direction_mark("مدينة Fès", false), Some(LRM));
    assert_eq!(direction_mark("2026", true), Some(RLM));
    assert_eq!(direction_mark("2026", false), None);
    let font = &fonts().regular;
    let marked = format!("{RLM}Fès 2026 مدينة");
    assert_eq!(visual(font, &marked), "ةنيدم Fès 2026");
    assert!(is_rtl(&marked));
}

#[test]
fn widths_are_the_shaped_advances() {
    let font = &fonts().regular;
    for text in ["مجموعة فاس", "لا", "Salma بناني", "ڭ ڤ گ پ چ"] {
        let shaped = font.face.shape_line(text).width * 10.0;
        assert!((font.width(text, 10.0) - shaped).abs() < 1e-4, "{text}");
        assert_eq!(
            font.width_within(text, 10.0, shaped + 0.01),
            Some(font.width(text, 10.0))
        );
        assert_eq!(font.width_within(text, 10.0, shaped - 0.5), None);
    }
    // Joined letters are narrower than the same letters isolated.
    let joined = font.width("بببب", 10.0);
    let apart = font.width("ب ب ب ب", 10.0) - 3.0 * font.width(" ", 10.0);
    assert!(joined < apart, "{joined} {apart}");
}

#[test]
fn missing_glyphs_are_reported_not_hidden() {
    let mut missing = Vec::new();
    let out = prepare(
        "Usine 中 de Fès",
        &fonts().regular,
        "Membre n° 3, raison sociale",
        &mut missing,
    );
    assert_eq!(out, "Usine ? de Fès");
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].ch, '中');
    assert!(missing[0].message().contains("U+4E2D"));
    assert!(missing[0].message().contains("Membre n° 3"));
    // Joiners and direction marks stay: they steer shaping and order.
    let kept = prepare("ب\u{200C}ب\u{200F}", &fonts().regular, "", &mut missing);
    assert_eq!(kept, "ب\u{200C}ب\u{200F}");
}

#[test]
fn isolates_draw_nothing_and_keep_their_place() {
    let font = &fonts().regular;
    let isolated = "\u{2068}يوسف\u{2069} ·";
    let line = font.face.shape_line(isolated);
    let plain = font.face.shape_line("يوسف ·");
    assert!(
        (line.width - plain.width).abs() < 1e-4,
        "{} {}",
        line.width,
        plain.width
    );
    // The name on the left, then the space and the dot.
    assert_eq!(visual(font, isolated), "فسوي ·");
}
