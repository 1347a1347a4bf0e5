//! The bundled fonts and their metrics, read from the same TTF bytes the PDF
//! embeds, so what the layout measures is what the page shows.

use super::shape::{Face, needs_shaping};

/// DejaVu Sans, regular and bold (see `fonts/LICENSE-DejaVu.txt`).
pub const REGULAR_TTF: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
pub const BOLD_TTF: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weight {
    Regular,
    Bold,
}

/// Advance widths of one font, in em units (1.0 = the font size), and its
/// shaper for the text that needs one (see [`super::shape`]).
#[derive(Debug)]
pub struct FontMetrics {
    /// The shaper: Arabic, marks, anything but simple characters.
    pub face: Face,
    /// Advances of the first 0x800 code points (Latin, punctuation), the
    /// hot path; `NaN` where the font has no glyph.
    low: Vec<f32>,
    /// Everything else (Arabic forms, typographic spaces, symbols),
    /// sorted by character.
    high: Vec<(char, f32)>,
    /// Ascender and descender in em units, for baselines.
    pub ascender: f32,
    pub descender: f32,
}

/// Why a bundled font could not be read (only a corrupted build can do this).
#[derive(Clone, Debug, thiserror::Error)]
#[error("police intégrée illisible")]
pub struct FontError(#[source] pub Option<ttf_parser::FaceParsingError>);

impl FontMetrics {
    pub fn parse(bytes: &'static [u8]) -> Result<Self, FontError> {
        let face = ttf_parser::Face::parse(bytes, 0).map_err(|e| FontError(Some(e)))?;
        let upem = f32::from(face.units_per_em());
        let advance = |c: char| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map(|a| f32::from(a) / upem)
        };
        let low = (0u32..0x800)
            .map(|cp| char::from_u32(cp).and_then(advance).unwrap_or(f32::NAN))
            .collect();
        let mut high = Vec::new();
        if let Some(cmap) = face.tables().cmap {
            for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                subtable.codepoints(|cp| {
                    if cp >= 0x800
                        && let Some(c) = char::from_u32(cp)
                        && let Some(a) = advance(c)
                    {
                        high.push((c, a));
                    }
                });
            }
        }
        // A character listed by several subtables has one advance.
        high.sort_unstable_by_key(|&(c, _)| c);
        high.dedup_by_key(|&mut (c, _)| c);
        Ok(Self {
            face: Face::new(bytes).ok_or(FontError(None))?,
            low,
            high,
            ascender: f32::from(face.ascender()) / upem,
            descender: f32::from(face.descender()) / upem,
        })
    }

    /// The advance of `c` in em units, `None` when the font lacks it.
    pub fn advance(&self, c: char) -> Option<f32> {
        let cp = c as usize;
        if cp < self.low.len() {
            let a = self.low[cp];
            (!a.is_nan()).then_some(a)
        } else {
            let i = self.high.binary_search_by_key(&c, |&(c, _)| c).ok()?;
            Some(self.high[i].1)
        }
    }

    pub fn has_glyph(&self, c: char) -> bool {
        self.advance(c).is_some() || c == '\n'
    }

    /// Width of `text` at `size` points, as drawn: the shaped advances when
    /// it needs shaping (joined Arabic letters, ligatures), else the sum of
    /// its characters' advances. Unknown glyphs count as « ? » (they are
    /// replaced before drawing and reported).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        #[cfg(test)]
        measured::add(text.len());
        let fallback = self.advance('?').unwrap_or(0.5);
        let mut sum = 0.0f32;
        // One pass: simple characters summed, the shaper at the first
        // character that needs it.
        for c in text.chars() {
            if !super::shape::is_simple(c) {
                return self.face.shape_line(text).width * size;
            }
            sum += self.advance(c).unwrap_or(fallback);
        }
        sum * size
    }

    /// The width of `text` at `size` if it is at most `limit`, else `None`,
    /// having read no more of the text than the limit takes: what lets the
    /// line breaker handle a word of several megabytes in linear time.
    pub fn width_within(&self, text: &str, size: f32, limit: f32) -> Option<f32> {
        if limit < 0.0 {
            return None;
        }
        if text.len() > 64 && needs_shaping(text) {
            // Shaped by growing prefixes: the prefix's width only grows
            // with it, so once one is too wide the text is.
            let mut chars = 64usize;
            loop {
                let end = text
                    .char_indices()
                    .nth(chars)
                    .map_or(text.len(), |(i, _)| i);
                #[cfg(test)]
                measured::add(end);
                let w = self.face.shape_line(&text[..end]).width * size;
                if w > limit {
                    return None;
                }
                if end == text.len() {
                    return Some(w);
                }
                chars *= 4;
            }
        }
        let fallback = self.advance('?').unwrap_or(0.5);
        let mut w = 0.0f32;
        for c in text.chars() {
            #[cfg(test)]
            measured::add(c.len_utf8());
            if !super::shape::is_simple(c) {
                // A short text: shaped whole.
                let w = self.width(text, size);
                return (w <= limit).then_some(w);
            }
            w += self.advance(c).unwrap_or(fallback) * size;
            if w > limit {
                return None;
            }
        }
        Some(w)
    }
}

/// Bytes of text measured on this thread, for the tests that prove line
/// breaking linear by counting its work.
#[cfg(test)]
pub mod measured {
    use std::cell::Cell;

    thread_local! {
        static BYTES: Cell<usize> = const { Cell::new(0) };
    }

    pub fn add(n: usize) {
        BYTES.with(|b| b.set(b.get() + n));
    }

    /// The bytes measured since the last call.
    pub fn take() -> usize {
        BYTES.with(|b| b.replace(0))
    }
}

/// Regular and bold metrics together.
#[derive(Debug)]
pub struct Fonts {
    pub regular: FontMetrics,
    pub bold: FontMetrics,
}

impl Fonts {
    pub fn bundled() -> Result<Self, FontError> {
        Ok(Self {
            regular: FontMetrics::parse(REGULAR_TTF)?,
            bold: FontMetrics::parse(BOLD_TTF)?,
        })
    }
    pub fn get(&self, weight: Weight) -> &FontMetrics {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_cover_french_typography() {
        let fonts = Fonts::bundled().expect("fonts parse");
        for f in [&fonts.regular, &fonts.bold] {
            for c in "àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÙÛŒ«»’–—…\u{a0}\u{202f}€".chars()
            {
                assert!(f.has_glyph(c), "missing {c:?} U+{:04X}", c as u32);
            }
            // Arabic presentation forms, for shaped Arabic names.
            assert!(f.has_glyph('\u{FE8D}'));
            assert!(f.has_glyph('\u{FEFB}'));
            assert!(!f.has_glyph('\u{4E2D}'), "no CJK in DejaVu Sans");
        }
        let w = fonts.regular.width("Mm", 10.0);
        assert!(w > 10.0 && w < 20.0, "{w}");
        assert!(fonts.bold.width("Dossier", 10.0) > fonts.regular.width("Dossier", 10.0));
    }
}
