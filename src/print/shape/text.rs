//! The text a shaped line gives back when copied out of the PDF: per glyph,
//! for the font's `/ToUnicode` map (a lam-alef ligature stands for two
//! letters, a joining form for its letter) or, where one glyph must say
//! something else than the document's map, its own `/ActualText`.

use super::face::{Face, Glyph};

/// Mirrored pairs: in a right-to-left run the shaper draws « ( » with the
/// glyph of « ) »; that glyph keeps its own character in `/ToUnicode`
/// (one glyph, one mapping for the whole document).
const MIRRORED: [(char, char); 8] = [
    ('(', ')'),
    ('[', ']'),
    ('{', '}'),
    ('<', '>'),
    ('«', '»'),
    ('‹', '›'),
    ('≤', '≥'),
    ('⁅', '⁆'),
];

fn mirror(c: char) -> Option<char> {
    MIRRORED.iter().find_map(|&(a, b)| {
        if c == a {
            Some(b)
        } else if c == b {
            Some(a)
        } else {
            None
        }
    })
}

/// Direction controls: they order the line and are not part of its text.
fn is_direction_control(c: char) -> bool {
    matches!(c as u32, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// For each glyph of a shaped `line`, the characters it stands for, in
/// the order extractors read them. The glyph the font maps a character to
/// takes that character (a mark, a digit, a mirrored bracket: the bracket
/// typed); the rest of a cluster goes to its first other glyph (a joining
/// form: its letter; a lam-alef ligature: both letters). Text extractors
/// read glyphs left to right and turn right-to-left runs around, so a
/// glyph standing for several letters there gives them in visual order
/// too. A glyph that stands for nothing gets an empty text.
pub fn glyph_texts(face: &Face, line: &str, glyphs: &[Glyph]) -> Vec<String> {
    let mut out = vec![String::new(); glyphs.len()];
    let mut i = 0;
    while i < glyphs.len() {
        let cluster = glyphs[i].cluster.clone();
        let end = glyphs[i..]
            .iter()
            .position(|g| g.cluster != cluster)
            .map_or(glyphs.len(), |k| i + k);
        let mut rest: Vec<char> = line
            .get(cluster)
            .unwrap_or("")
            .chars()
            .filter(|c| !is_direction_control(*c))
            .collect();
        let mut owners = Vec::new();
        for k in i..end {
            let id = glyphs[k].id;
            let own = |c: &char| {
                face.glyph(*c) == Some(id)
                    || (glyphs[k].rtl && mirror(*c).is_some_and(|m| face.glyph(m) == Some(id)))
            };
            match rest.iter().position(own) {
                Some(p) => out[k] = rest.remove(p).to_string(),
                None => owners.push(k),
            }
        }
        if !rest.is_empty() {
            let owner = owners.first().copied().unwrap_or(i);
            if glyphs[owner].rtl {
                rest.reverse();
            }
            out[owner].extend(rest);
        }
        i = end;
    }
    out
}

/// The text `/ToUnicode` gives glyph `id` for the whole document: the
/// character the font maps to it, when there is one (then every use of
/// the glyph, shaped or not, agrees); `None` for a glyph only the shaper
/// reaches (a joining form, a ligature), whose first text is taken.
pub fn canonical_text(face: &Face, id: u16) -> Option<String> {
    face.nominal_char(id).map(String::from)
}
