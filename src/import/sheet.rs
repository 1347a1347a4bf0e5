//! Reading a spreadsheet file into rows of text cells.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader};

/// A sheet as text: the header row and the data rows with their line
/// numbers in the file (1-based, as the spreadsheet shows them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("Impossible de lire « {path} » : {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "« {path} » n'est pas un tableur lisible ({reason}). Formats acceptés : CSV, XLSX, XLS, ODS."
    )]
    Format { path: PathBuf, reason: String },
    #[error("« {path} » ne contient aucune ligne d'en-tête.")]
    Empty { path: PathBuf },
    #[error("« {path} » est trop volumineux pour un registre de membres ({size} octets).")]
    TooLarge { path: PathBuf, size: u64 },
}

/// A register of a few thousand members is well under this.
const MAX_BYTES: u64 = 32 * 1024 * 1024;

/// Reads the first worksheet (or the CSV text) of `path`.
pub fn read_sheet(path: &Path) -> Result<Sheet, SheetError> {
    let bytes = std::fs::read(path).map_err(|source| SheetError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(SheetError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
        });
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let is_zip_or_ole =
        bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    let sheet = if ext == "csv" || ext == "txt" || !is_zip_or_ole {
        parse_csv(&decode_text(&bytes))
    } else {
        read_workbook(bytes).map_err(|reason| SheetError::Format {
            path: path.to_path_buf(),
            reason,
        })?
    };
    if sheet.headers.iter().all(|h| h.trim().is_empty()) {
        return Err(SheetError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(sheet)
}

/// UTF-8 (with or without BOM), else Windows-1252 as Excel writes CSV on
/// French Windows.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// The Windows-1252 character of a byte (0x80–0x9F differ from Latin-1).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The separator Excel chose: `;` in French locales, `,` elsewhere, tab
/// for « texte Unicode »; decided on the header line, outside quotes.
fn detect_separator(text: &str) -> char {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(';', 0), (',', 0), ('\t', 0)];
    let mut quoted = false;
    for c in first.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            for (sep, n) in &mut counts {
                if c == *sep {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(';', |(c, _)| *c)
}

/// CSV with quoted fields (doubled quotes inside), line breaks inside
/// quotes, CRLF or LF line ends.
pub fn parse_csv(text: &str) -> Sheet {
    let sep = detect_separator(text);
    let mut records: Vec<(usize, Vec<String>)> = Vec::new();
    let mut field = String::new();
    let mut record: Vec<String> = Vec::new();
    let mut quoted = false;
    let mut line = 1usize;
    let mut record_line = 1usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            }
            '"' if field.is_empty() => quoted = true,
            '\n' => {
                line += 1;
                if quoted {
                    field.push('\n');
                } else {
                    record.push(
                        std::mem::take(&mut field)
                            .trim_end_matches('\r')
                            .to_string(),
                    );
                    records.push((record_line, std::mem::take(&mut record)));
                    record_line = line;
                }
            }
            c if c == sep && !quoted => record.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field.trim_end_matches('\r').to_string());
        records.push((record_line, record));
    }
    records.retain(|(_, r)| r.iter().any(|c| !c.trim().is_empty()));
    let mut it = records.into_iter();
    let headers = it.next().map(|(_, h)| h).unwrap_or_default();
    Sheet {
        headers,
        rows: it.collect(),
    }
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Whole numbers (ICE, IF typed as numbers) without « .0 ».
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e17 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => {
            if *b {
                "oui".into()
            } else {
                "non".into()
            }
        }
        Data::DateTime(d) => {
            // Excel serial days since 1899-12-30 (1970-01-01 is day 25569).
            let days = d.as_f64().floor() as i64 - 25_569;
            crate::model::Date::from_days_since_epoch(days)
                .map_or_else(|| d.as_f64().to_string(), |date| date.iso())
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.chars().take(10).collect(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn read_workbook(bytes: Vec<u8>) -> Result<Sheet, String> {
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| e.to_string())?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| "aucune feuille".to_string())?
        .map_err(|e| e.to_string())?;
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let mut rows: Vec<(usize, Vec<String>)> = range
        .rows()
        .enumerate()
        .map(|(i, r)| {
            (
                first_row + i + 1,
                r.iter().map(cell_text).collect::<Vec<_>>(),
            )
        })
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    if rows.is_empty() {
        return Ok(Sheet::default());
    }
    let (_, headers) = rows.remove(0);
    Ok(Sheet { headers, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_and_bom() {
        assert_eq!(decode_text(b"Soci\xe9t\xe9 \x80 \x92"), "Société € ’");
        assert_eq!(decode_text("\u{feff}Fès".as_bytes()), "Fès");
        assert_eq!(decode_text("Fès".as_bytes()), "Fès");
    }

    #[test]
    fn csv_with_quotes_separators_and_crlf() {
        let s = parse_csv(
            "Nom;Ville\r\n\"Atlas; Fès\";Fès\r\n\"Dit \"\"X\"\"\";\"Meknès\nCentre\"\r\n\r\n",
        );
        assert_eq!(s.headers, ["Nom", "Ville"]);
        assert_eq!(s.rows.len(), 2);
        assert_eq!(
            s.rows[0],
            (2, vec!["Atlas; Fès".to_string(), "Fès".to_string()])
        );
        assert_eq!(
            s.rows[1],
            (
                3,
                vec!["Dit \"X\"".to_string(), "Meknès\nCentre".to_string()]
            )
        );
        let s = parse_csv("Nom,ICE\nA,001\n");
        assert_eq!(s.rows[0].1, ["A", "001"]);
    }
}
