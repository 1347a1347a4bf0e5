//! Text files as Excel and LibreOffice write them: UTF-8 with or without
//! BOM, « Texte Unicode » (UTF-16 with BOM), Windows-1252 on French
//! Windows. A file assembled from several exports can mix UTF-8 and
//! Windows-1252 lines: each line is then decoded in its own encoding and the
//! lines are named, rather than turning « Société » into « SociÃ©tÃ© ».

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// The text of a file and how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// « UTF-8 », « UTF-16 LE (Texte Unicode) »... as shown to the user.
    pub encoding: &'static str,
    /// Set when lines were in different encodings.
    pub mixed: Option<MixedLines>,
}

/// The lines (1-based, counted as the CSV reader counts them) of each
/// encoding in a file that mixes UTF-8 and Windows-1252.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MixedLines {
    pub utf8: Vec<usize>,
    pub windows_1252: Vec<usize>,
}

impl MixedLines {
    /// « le fichier mêle deux encodages : lignes 5001, 5002 en
    /// Windows-1252, les 9 998 autres lignes accentuées en UTF-8 ; chaque
    /// ligne a été lue dans son encodage, vérifiez les accents de celles-ci ».
    /// The lines of the rarer encoding are the ones to look at.
    pub fn message(&self) -> String {
        let (few, few_name, many, many_name) = if self.windows_1252.len() <= self.utf8.len() {
            (&self.windows_1252, "Windows-1252", &self.utf8, "UTF-8")
        } else {
            (&self.utf8, "UTF-8", &self.windows_1252, "Windows-1252")
        };
        let others = match many.len() {
            1 => format!("l'autre ligne accentuée ({}) en {many_name}", many[0]),
            n => format!("les {n} autres lignes accentuées en {many_name}"),
        };
        let which = if few.len() > 1 {
            "des lignes"
        } else {
            "de la ligne"
        };
        format!(
            "le fichier mêle deux encodages : {} en {few_name}, {others} ; \
             chaque ligne a été lue dans son encodage, vérifiez les accents {which} en {few_name}",
            line_list(few),
        )
    }
}

/// « ligne 3 », « lignes 3, 5, 9 », « lignes 3, 5, … (42 en tout) ».
pub fn line_list(lines: &[usize]) -> String {
    const SHOWN: usize = 12;
    let shown: Vec<String> = lines.iter().take(SHOWN).map(usize::to_string).collect();
    match lines.len() {
        0 => "aucune ligne".into(),
        1 => format!("ligne {}", shown[0]),
        n if n <= SHOWN => format!("lignes {}", shown.join(", ")),
        n => format!("lignes {}, … ({n} en tout)", shown.join(", ")),
    }
}

/// A text file that cannot be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub encoding: &'static str,
    pub lines: Vec<usize>,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "texte {} invalide ({})",
            self.encoding,
            line_list(&self.lines)
        )
    }
}

/// Decodes a text file, guessing its encoding from its BOM and bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, UTF_16LE, "UTF-16 LE (Texte Unicode)");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, UTF_16BE, "UTF-16 BE");
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let label = if enc == UTF_16LE {
            "UTF-16 LE sans BOM"
        } else {
            "UTF-16 BE sans BOM"
        };
        return decode_utf16(bytes, enc, label);
    }
    let (bytes, label) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, "UTF-8 (avec BOM)"),
        None => (bytes, "UTF-8"),
    };
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: label,
            mixed: None,
        });
    }
    Ok(decode_line_by_line(bytes))
}

/// UTF-16 text of mostly ASCII characters has a zero byte in every other
/// position; a text file in any 8-bit encoding has none.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(1024) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zero * 10 >= pairs * 4 && even_zero * 20 < pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 4 && odd_zero * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn decode_utf16(
    bytes: &[u8],
    encoding: &'static Encoding,
    label: &'static str,
) -> Result<Decoded, DecodeError> {
    if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: label,
            mixed: None,
        });
    }
    // Name the lines holding the undecodable units (odd length, lone
    // surrogates) so the user can find them.
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let lines = split_lines(text.as_bytes())
        .enumerate()
        .filter(|(_, l)| l.windows(3).any(|w| w == "\u{FFFD}".as_bytes()))
        .map(|(i, _)| i + 1)
        .collect();
    Err(DecodeError {
        encoding: label,
        lines,
    })
}

/// Splits at CR, LF or CRLF (each one line end), keeping no terminator:
/// the same count as the CSV reader's line numbers.
fn split_lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(bytes);
    std::iter::from_fn(move || {
        let b = rest?;
        match b.iter().position(|&c| c == b'\n' || c == b'\r') {
            Some(i) => {
                let skip = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                rest = Some(&b[i + skip..]);
                Some(&b[..i])
            }
            None => {
                rest = None;
                Some(b)
            }
        }
    })
}

/// Not valid UTF-8 as a whole: each line is UTF-8 when it is valid UTF-8,
/// Windows-1252 otherwise (both keep ASCII line ends where they are).
fn decode_line_by_line(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut utf8 = Vec::new();
    let mut windows_1252 = Vec::new();
    let mut pos = 0usize;
    for (i, line) in split_lines(bytes).enumerate() {
        if line.is_ascii() {
            // Same characters in both encodings.
        } else if let Ok(s) = std::str::from_utf8(line) {
            utf8.push(i + 1);
            text.push_str(s);
            pos = push_line_end(&mut text, bytes, pos, line);
            continue;
        } else {
            windows_1252.push(i + 1);
        }
        let (s, _) = WINDOWS_1252.decode_without_bom_handling(line);
        text.push_str(&s);
        pos = push_line_end(&mut text, bytes, pos, line);
    }
    let mixed = (!utf8.is_empty()).then_some(MixedLines { utf8, windows_1252 });
    Decoded {
        text,
        encoding: if mixed.is_some() {
            "UTF-8 et Windows-1252 mêlés"
        } else {
            "Windows-1252"
        },
        mixed,
    }
}

/// Copies the line end that follows `line` (found at or after `pos` in
/// `bytes`) and returns where the next line starts.
fn push_line_end(text: &mut String, bytes: &[u8], pos: usize, line: &[u8]) -> usize {
    let end = pos + line.len();
    let after = match bytes.get(end..end + 2) {
        Some(b"\r\n") => 2,
        _ => usize::from(matches!(bytes.get(end), Some(b'\r' | b'\n'))),
    };
    for &b in &bytes[end..end + after] {
        text.push(char::from(b));
    }
    end + after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_utf8_bom_and_utf16() {
        let d = decode(b"Soci\xe9t\xe9 \x80 \x92").expect("decodes");
        assert_eq!(d.text, "Société € ’");
        assert_eq!(d.encoding, "Windows-1252");
        assert_eq!(d.mixed, None);
        assert_eq!(decode("\u{feff}Fès".as_bytes()).expect("bom").text, "Fès");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "Nom\tVille\r\nFès"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        assert_eq!(decode(&le).expect("utf-16").text, "Nom\tVille\r\nFès");
        let be: Vec<u8> = "Nom;Ville\nMeknès"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let d = decode(&be).expect("utf-16 be without bom");
        assert_eq!(d.text, "Nom;Ville\nMeknès");
        assert_eq!(d.encoding, "UTF-16 BE sans BOM");
        let odd = [0xFF, 0xFE, b'A', 0, 0x00, 0xD8, b'\n', 0];
        let e = decode(&odd).expect_err("lone surrogate");
        assert_eq!(e.lines, [1]);
    }

    #[test]
    fn mixed_lines_are_each_decoded_and_named() {
        let bytes =
            b"Nom\r\nSoci\xc3\xa9t\xc3\xa9 A\r\nSoci\xe9t\xe9 B\rCaf\xe9\nAtlas\n\xc3\x89cole";
        let d = decode(bytes).expect("decodes");
        assert_eq!(d.text, "Nom\r\nSociété A\r\nSociété B\rCafé\nAtlas\nÉcole");
        let mixed = d.mixed.expect("mixed");
        assert_eq!(mixed.utf8, [2, 6]);
        assert_eq!(mixed.windows_1252, [3, 4]);
        assert!(
            mixed
                .message()
                .contains("lignes 3, 4 en Windows-1252, les 2 autres lignes accentuées en UTF-8")
        );
    }
}
