//! Reading a spreadsheet file into rows of text cells, within bounds: a
//! member register has at most [`Limits`] rows and columns, and no memory
//! is ever reserved from a cell address written in the file.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::cell::MAX_TEXT_BYTES;
use super::progress::{Progress, Stage};
use super::{csv, text, workbook};

/// A sheet as text: the header row and the data rows with their line
/// numbers in the file (1-based, as the spreadsheet shows them), the rows
/// that could not be read, and what the user should know about the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
    /// Rows present in the file but not readable as cells (an open quote).
    pub bad_rows: Vec<RowIssue>,
    /// Warnings about the whole file (mixed encodings...).
    pub notes: Vec<String>,
    /// The text encoding of a CSV file, as shown to the user.
    pub encoding: Option<&'static str>,
}

impl Sheet {
    /// Every row of the file below the header, read or not.
    pub fn row_count(&self) -> usize {
        self.rows.len() + self.bad_rows.len()
    }
}

/// A row not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowIssue {
    pub line: usize,
    pub reason: String,
}

/// The most a member register may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Data rows (the header not included).
    pub rows: usize,
    /// Columns, counted from the first one (A).
    pub columns: usize,
    /// Non-empty cells of a sheet.
    pub cells: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            rows: 20_000,
            columns: 200,
            cells: 1_000_000,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("Impossible de lire « {path} » : {reason}")]
    Read { path: PathBuf, reason: String },
    #[error(
        "« {path} » n'est pas un tableur lisible ({reason}). Formats acceptés : CSV, XLSX, XLS, ODS."
    )]
    Format { path: PathBuf, reason: String },
    #[error("« {path} » ne contient aucune ligne d'en-tête.")]
    Empty { path: PathBuf },
    #[error("« {path} » est trop volumineux pour un registre de membres (plus de {max} octets).")]
    TooLarge { path: PathBuf, max: u64 },
    #[error("« {path} » : {reason}. Enregistrez-le en UTF-8 ou en « Texte Unicode ».")]
    Encoding { path: PathBuf, reason: String },
    #[error(
        "« {path} » a plus de {max} lignes de données : un registre de membres en compte bien moins. \
         Vérifiez qu'il s'agit du bon fichier ou découpez-le."
    )]
    TooManyRows { path: PathBuf, max: usize },
    #[error(
        "« {path} » : la ligne {line} a plus de {max} colonnes ; un registre de membres en compte bien moins."
    )]
    TooManyColumns {
        path: PathBuf,
        line: usize,
        max: usize,
    },
    #[error(
        "« {path} » : la cellule {cell} est au-delà de la colonne {last} (un registre de membres \
         tient en {max} colonnes). Supprimez ce qui s'y trouve ou enregistrez seulement le tableau des membres."
    )]
    FarCell {
        path: PathBuf,
        cell: String,
        last: String,
        max: usize,
    },
    #[error("« {path} » a plus de {max} cellules remplies : ce n'est pas un registre de membres.")]
    TooManyCells { path: PathBuf, max: usize },
    #[error(
        "« {path} » contient plus de {max_mb} Mo de texte dans ses cellules : ce n'est pas un \
         registre de membres. Enregistrez seulement le tableau des membres."
    )]
    TooMuchText { path: PathBuf, max_mb: usize },
    /// A header cell longer than a cell may be: no row can be read.
    #[error("« {path} », ligne d'en-tête : {reason}.")]
    LongHeader { path: PathBuf, reason: String },
}

/// A register of a few thousand members is well under this.
pub const MAX_BYTES: u64 = 32 * 1024 * 1024;

/// Reads the first worksheet (or the CSV text) of `path`.
pub fn read_sheet(path: &Path) -> Result<Sheet, SheetError> {
    read_sheet_with(path, &Limits::default(), &mut |_, _, _| {})
}

/// [`read_sheet`] with explicit limits, reporting progress.
pub fn read_sheet_with(
    path: &Path,
    limits: &Limits,
    progress: Progress<'_>,
) -> Result<Sheet, SheetError> {
    progress(Stage::Reading, 0, 0);
    let bytes = read_bounded(path)?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let is_ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    // The bytes decide, not the name: a workbook renamed « .csv » is still
    // a workbook.
    let sheet = if !(is_zip || is_ole) {
        read_text(path, bytes, limits)?
    } else {
        let cells = workbook::read_cells(bytes, &ext, limits, progress).map_err(|e| match e {
            workbook::Error::Format(reason) => SheetError::Format {
                path: path.to_path_buf(),
                reason,
            },
            workbook::Error::FarCell { row, col } => SheetError::FarCell {
                path: path.to_path_buf(),
                cell: cell_name(row, col),
                last: column_name(limits.columns.saturating_sub(1) as u32),
                max: limits.columns,
            },
            workbook::Error::TooManyCells => SheetError::TooManyCells {
                path: path.to_path_buf(),
                max: limits.cells,
            },
            workbook::Error::TooManyRows => SheetError::TooManyRows {
                path: path.to_path_buf(),
                max: limits.rows,
            },
            workbook::Error::TooMuchText => too_much_text(path),
        })?;
        sheet_from_cells(cells, limits).map_err(|e| match e {
            Shape::TooManyRows => SheetError::TooManyRows {
                path: path.to_path_buf(),
                max: limits.rows,
            },
            Shape::LongHeader(reason) => SheetError::LongHeader {
                path: path.to_path_buf(),
                reason,
            },
        })?
    };
    if sheet.headers.iter().all(|h| h.trim().is_empty()) {
        return Err(SheetError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(sheet)
}

/// Reads at most [`MAX_BYTES`] of a regular file: a FIFO would block at
/// opening and a device never end, so the kind of file is checked first.
fn read_bounded(path: &Path) -> Result<Vec<u8>, SheetError> {
    let read_err = |e: std::io::Error| SheetError::Read {
        path: path.to_path_buf(),
        reason: io_reason(&e),
    };
    let not_regular = || SheetError::Read {
        path: path.to_path_buf(),
        reason: "ce n'est pas un fichier ordinaire".into(),
    };
    if !std::fs::metadata(path).map_err(read_err)?.is_file() {
        return Err(not_regular());
    }
    let file = std::fs::File::open(path).map_err(read_err)?;
    let meta = file.metadata().map_err(read_err)?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_BYTES) as usize);
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(SheetError::TooLarge {
            path: path.to_path_buf(),
            max: MAX_BYTES,
        });
    }
    Ok(bytes)
}

/// The usual OS errors in French.
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "fichier introuvable".into(),
        K::PermissionDenied => "accès refusé".into(),
        K::IsADirectory => "c'est un dossier".into(),
        _ => format!("erreur du système ({e})"),
    }
}

fn too_much_text(path: &Path) -> SheetError {
    SheetError::TooMuchText {
        path: path.to_path_buf(),
        max_mb: MAX_TEXT_BYTES / (1024 * 1024),
    }
}

fn read_text(path: &Path, bytes: Vec<u8>, limits: &Limits) -> Result<Sheet, SheetError> {
    let decoded = text::decode(&bytes).map_err(|e| SheetError::Encoding {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    // The text is all that is read from now on.
    drop(bytes);
    let records = csv::parse(&decoded.text, limits).map_err(|o| match o {
        csv::Overflow::Rows => SheetError::TooManyRows {
            path: path.to_path_buf(),
            max: limits.rows,
        },
        csv::Overflow::Columns { line } => SheetError::TooManyColumns {
            path: path.to_path_buf(),
            line,
            max: limits.columns,
        },
        csv::Overflow::Text => too_much_text(path),
        csv::Overflow::Cells => SheetError::TooManyCells {
            path: path.to_path_buf(),
            max: limits.cells,
        },
        csv::Overflow::LongHeader(reason) => SheetError::LongHeader {
            path: path.to_path_buf(),
            reason,
        },
    })?;
    drop(decoded.text);
    let (headers, rows, above) = split_header(records.records);
    let mut notes = Vec::new();
    if let Some(mixed) = &decoded.mixed {
        notes.push(mixed.message());
    }
    notes.extend(above);
    Ok(Sheet {
        headers,
        rows,
        bad_rows: records.bad,
        notes,
        encoding: Some(decoded.encoding),
    })
}

/// Why sparse cells cannot become a sheet.
#[derive(Debug, PartialEq, Eq)]
enum Shape {
    TooManyRows,
    /// The header row holds an over-long cell (the reason, in French).
    LongHeader(String),
}

/// Rows from sparse cells (row, column, text), sorted; a row holding an
/// over-long cell is a row not read, with its reason.
fn sheet_from_cells(read: workbook::Cells, limits: &Limits) -> Result<Sheet, Shape> {
    let workbook::Cells {
        mut cells,
        long,
        sheet_note,
    } = read;
    cells.sort_unstable_by_key(|(r, c, _)| (*r, *c));
    let first = cells.first().map(|(r, _, _)| *r);
    let mut bad_rows: Vec<RowIssue> = Vec::new();
    let mut long_rows = std::collections::BTreeSet::new();
    for (r, c, cell) in &long {
        let reason = cell.reason(&cell_name(u64::from(*r), u64::from(*c)));
        if first.is_none_or(|f| *r <= f) {
            return Err(Shape::LongHeader(reason));
        }
        if long_rows.insert(*r) {
            bad_rows.push(RowIssue {
                line: *r as usize + 1,
                reason,
            });
        }
    }
    bad_rows.sort_by_key(|b| b.line);
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    for (r, c, text) in cells {
        if long_rows.contains(&r) {
            continue;
        }
        let line = r as usize + 1;
        if rows.last().is_none_or(|(l, _)| *l != line) {
            if rows.len() + bad_rows.len() > limits.rows {
                return Err(Shape::TooManyRows);
            }
            rows.push((line, Vec::new()));
        }
        if let Some((_, row)) = rows.last_mut() {
            // Columns are below the limit (checked while reading).
            let c = c as usize;
            if row.len() <= c {
                row.resize(c + 1, String::new());
            }
            row[c] = text;
        }
    }
    let (headers, rows, above) = split_header(rows);
    Ok(Sheet {
        headers,
        rows,
        bad_rows,
        notes: sheet_note.into_iter().chain(above).collect(),
        ..Sheet::default()
    })
}

/// A row of the file: its line number and its cells.
type Row = (usize, Vec<String>);

/// How many rows may stand above the column titles (the register's title,
/// the date it was drawn up, a note).
const TITLE_ROWS: usize = 10;

/// The column titles, the data rows below them, and a note naming the rows
/// left out above them. The titles are the first of the first rows that
/// names the company-name column and another known column: a title such as
/// « Liste des adhérents – arrêtée au 30/11/2026 » above them is not a
/// member. Without such a row, the first row is taken, as before.
fn split_header(rows: Vec<Row>) -> (Vec<String>, Vec<Row>, Option<String>) {
    use super::mapping::{Field, guess_mapping};
    let at = rows
        .iter()
        .take(TITLE_ROWS)
        .position(|(_, cells)| {
            let mapping = guess_mapping(cells);
            mapping.contains(&Field::Name)
                && mapping.iter().filter(|f| **f != Field::Ignore).count() >= 2
        })
        .unwrap_or(0);
    let mut it = rows.into_iter();
    let above: Vec<usize> = it.by_ref().take(at).map(|(line, _)| line).collect();
    let Some((line, headers)) = it.next() else {
        return (Vec::new(), Vec::new(), None);
    };
    let note = above.last().map(|last| {
        let lines = if above.len() == 1 {
            format!("la ligne {last} du fichier, au-dessus des titres de colonnes (ligne {line}), est ignorée")
        } else {
            format!("les lignes {} à {last} du fichier, au-dessus des titres de colonnes (ligne {line}), sont ignorées", above[0])
        };
        format!("Titres de colonnes trouvés ligne {line} : {lines} (titre du tableau, pas un membre)")
    });
    (headers, it.collect(), note)
}

/// « A », « Z », « AA », « XFD » for columns 0, 25, 26, 16383.
pub fn column_name(col: u32) -> String {
    column_name_u64(u64::from(col))
}

fn column_name_u64(col: u64) -> String {
    let mut n = col.saturating_add(1);
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// « XFD1048576 » for row 1048575, column 16383 (0-based).
pub fn cell_name(row: u64, col: u64) -> String {
    format!("{}{}", column_name_u64(col), row.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(199), "GR");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
    }

    #[test]
    fn sparse_cells_become_rows() {
        let cells = vec![
            (4, 1, "ICE".to_string()),
            (4, 0, "Nom".to_string()),
            (9, 1, "001".to_string()),
            (1_000_000, 0, "Loin".to_string()),
        ];
        let read = |cells| workbook::Cells {
            cells,
            ..workbook::Cells::default()
        };
        let s = sheet_from_cells(read(cells), &Limits::default()).expect("within limits");
        assert_eq!(s.headers, ["Nom", "ICE"]);
        assert_eq!(s.rows[0], (10, vec![String::new(), "001".to_string()]));
        assert_eq!(s.rows[1].0, 1_000_001);
        let many: Vec<_> = (0..5).map(|r| (r, 0, "x".to_string())).collect();
        let limits = Limits {
            rows: 3,
            ..Limits::default()
        };
        assert_eq!(
            sheet_from_cells(read(many), &limits),
            Err(Shape::TooManyRows)
        );
    }

    #[test]
    fn a_title_above_the_column_titles_is_not_a_member() {
        let row =
            |line: usize, cells: &[&str]| (line, cells.iter().map(|c| c.to_string()).collect());
        let rows = vec![
            row(
                1,
                &["Liste des adhérents – Cluster – arrêtée au 30/11/2026"],
            ),
            row(2, &["Source : secrétariat"]),
            row(4, &["N°", "Dénomination sociale", "Localité", "N° ICE"]),
            row(5, &["1", "Atlas", "Fès", "001"]),
        ];
        let (headers, data, note) = split_header(rows.clone());
        assert_eq!(
            headers,
            ["N°", "Dénomination sociale", "Localité", "N° ICE"]
        );
        assert_eq!(data, [rows[3].clone()]);
        let note = note.expect("the rows left out are named");
        assert!(
            note.contains("lignes 1 à 2") && note.contains("ligne 4"),
            "{note}"
        );
        // Column titles on the first row: nothing left out, no note.
        let (headers, data, note) = split_header(rows[2..].to_vec());
        assert_eq!(headers[1], "Dénomination sociale");
        assert_eq!(data.len(), 1);
        assert_eq!(note, None);
        // No row names the columns: the first row, as before.
        let (headers, data, _) = split_header(vec![row(1, &["a", "b"]), row(2, &["c", "d"])]);
        assert_eq!(headers, ["a", "b"]);
        assert_eq!(data.len(), 1);
        // Through a whole file: Windows-1252, `;`, a title and blank lines.
        let dir = std::env::temp_dir().join(format!("sheet-title-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("adherents.csv");
        let text = "Liste des adh\u{e9}rents, 2026\r\n\r\nN\u{b0};D\u{e9}nomination sociale;Localit\u{e9}\r\n1;Universit\u{e9} de F\u{e8}s;F\u{e8}s\r\n\r\n2;Atlas SARL;Tanger\r\n";
        let bytes: Vec<u8> = text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).expect("Latin-1"))
            .collect();
        std::fs::write(&path, bytes).expect("written");
        let sheet = read_sheet(&path).expect("read");
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(sheet.headers, ["N°", "Dénomination sociale", "Localité"]);
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(
            sheet.rows[0],
            (
                4,
                vec!["1".into(), "Université de Fès".into(), "Fès".into()]
            )
        );
        assert_eq!(sheet.rows[1].0, 6);
        assert_eq!(sheet.notes.len(), 1, "{:?}", sheet.notes);
    }
}
