//! Text shaping and order: what the layout measures and the PDF draws.
//!
//! A line is kept in logical (typed) order everywhere; only here is it
//! turned into glyphs in visual order. Its paragraph direction comes from
//! its first strong letter (UAX #9, rules P2–P3, through `unicode-bidi`);
//! the line breaker marks a line whose own first strong letter disagrees
//! with its paragraph (see [`direction_mark`]). Each level run is shaped by
//! `harfrust` (the Rust port of HarfBuzz, the shaper egui already builds):
//! Arabic joining forms and lam-alef ligatures from the font's own tables,
//! mirrored brackets in right-to-left runs, digits left to right.
//!
//! Text made only of « simple » characters (Latin, Greek, Cyrillic,
//! punctuation, symbols: one glyph per character, nothing to reorder) takes
//! a fast path: the font's advances summed, the characters drawn as text.
//! That is nearly all of a French dossier, so shaping costs little.

mod display;
mod face;
mod text;

pub use display::display_sections;
pub use face::{Face, Glyph, ShapedLine};
pub use text::{canonical_text, glyph_texts};

/// Left-to-right and right-to-left marks: invisible, strong, what the line
/// breaker puts in front of a line to give it its paragraph's direction.
pub const LRM: char = '\u{200E}';
pub const RLM: char = '\u{200F}';

/// Whether `c` is drawn as one glyph from the font's cmap, with nothing to
/// join, combine or reorder: Latin, Greek, Cyrillic, Armenian, general
/// punctuation, spaces, symbols. Anything else (Arabic, Hebrew, combining
/// marks, joiners, bidi controls) goes through the shaper.
pub fn is_simple(c: char) -> bool {
    let cp = c as u32;
    cp < 0x0300
        || matches!(
            cp,
            0x0370..=0x0482
                | 0x048A..=0x058F
                | 0x1E00..=0x1FFF
                | 0x2000..=0x200A
                | 0x2010..=0x2027
                | 0x202F..=0x205F
                | 0x2070..=0x20CF
                | 0x2100..=0x2BFF
                | 0xFB00..=0xFB06
        )
}

/// Whether `text` needs the shaper (see [`is_simple`]). Characters below
/// U+0300 are simple and their UTF-8 bytes are all below 0xCC: only from
/// the first byte at or above it are characters looked at.
pub fn needs_shaping(text: &str) -> bool {
    match text.bytes().position(|b| b >= 0xCC) {
        None => false,
        Some(i) => !text[i..].chars().all(is_simple),
    }
}

/// Invisible characters that steer joining or direction: kept in the text
/// (they matter to the shaper and the bidi algorithm), drawn as nothing.
pub fn is_format(c: char) -> bool {
    matches!(c as u32, 0x200C..=0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// Whether a text holds a right-to-left letter or a direction control:
/// only then has it an order to work out.
pub fn has_bidi(text: &str) -> bool {
    // Right-to-left letters start at U+0590: UTF-8 lead byte 0xD6 or more.
    let Some(i) = text.bytes().position(|b| b >= 0xD6) else {
        return false;
    };
    text[i..].chars().any(|c| {
        (c as u32) >= 0x0590
            && matches!(
                unicode_bidi::bidi_class(c),
                unicode_bidi::BidiClass::R
                    | unicode_bidi::BidiClass::AL
                    | unicode_bidi::BidiClass::AN
                    | unicode_bidi::BidiClass::RLE
                    | unicode_bidi::BidiClass::RLO
                    | unicode_bidi::BidiClass::RLI
                    | unicode_bidi::BidiClass::FSI
            )
    })
}

/// The direction of a paragraph: right to left when its first strong
/// letter is (UAX #9, P2–P3; isolates skipped), left to right otherwise.
pub fn is_rtl(text: &str) -> bool {
    has_bidi(text) && unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl
}

/// The mark a line of a paragraph needs in front of it so that its own
/// first strong letter gives it the paragraph's direction, if any: a line
/// of an Arabic paragraph that starts with a French word or a number, a
/// line of a French paragraph that starts with an Arabic word.
pub fn direction_mark(line: &str, paragraph_rtl: bool) -> Option<char> {
    let own = unicode_bidi::get_base_direction(line);
    match (paragraph_rtl, own) {
        (true, unicode_bidi::Direction::Rtl) => None,
        (true, _) => Some(RLM),
        (false, unicode_bidi::Direction::Rtl) => Some(LRM),
        (false, _) => None,
    }
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

/// Prepares a text for the page, still in logical order: a character the
/// font lacks is replaced by « ? » and reported in `missing` (once per
/// character and context); tabs become spaces; invisible controls other
/// than joiners and direction marks are dropped.
pub fn prepare(
    text: &str,
    font: &super::font::FontMetrics,
    context: &str,
    missing: &mut Vec<MissingGlyph>,
) -> String {
    if text.chars().all(|c| font.has_glyph(c) && c != '\t') {
        return text.to_string();
    }
    text.chars()
        .filter_map(|c| {
            if c == '\t' {
                Some(' ')
            } else if font.has_glyph(c) || c == '\n' || is_format(c) {
                Some(c)
            } else if c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}') {
                // Invisible formatting characters: dropped silently is correct.
                None
            } else {
                let entry = MissingGlyph {
                    ch: c,
                    context: context.to_string(),
                };
                if !missing.contains(&entry) {
                    missing.push(entry);
                }
                Some('?')
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
