//! Workbooks (XLSX, XLS, ODS; XLSB refused) read cell by cell into sparse
//! (row, column, text) triples.
//!
//! calamine's `Range` reserves memory for every cell between the first and
//! the last address found in the file (one cell written at XFD1048576 asks
//! for 512 GB and aborts the process), and its XLSX reader reserves what
//! the file declares. So XLSX ([`super::xlsx`]) and ODS ([`super::ods`]) are
//! read by our own readers, an XLS (which calamine parses whole on opening)
//! is checked first by [`super::xls_guard`], and XLSB is refused. Every
//! cell goes through [`Sink`], which refuses a non-empty cell beyond the
//! column limit, more cells, rows or text than a register can have, and
//! keeps an over-long cell aside, before anything is stored.

use std::io::Cursor;

use calamine::{Data, Reader};

use super::cell::{Long, MAX_CELL_CHARS, MAX_TEXT_BYTES};
use super::progress::{Progress, Stage};
use super::sheet::Limits;

/// Total uncompressed size of a zipped workbook: a register of 100 000
/// members stays well below; a « zip bomb » does not.
pub const MAX_UNZIPPED: u64 = 256 * 1024 * 1024;

#[derive(Debug, PartialEq, Eq)]
pub enum Error {
    /// Not a readable workbook (the reason, in French where we can).
    Format(String),
    /// A non-empty cell beyond the column limit (0-based).
    FarCell {
        row: u64,
        col: u64,
    },
    TooManyCells,
    TooManyRows,
    /// More cell text than [`MAX_TEXT_BYTES`].
    TooMuchText,
}

/// The cells read, and the cells too long to keep (row, column, what).
#[derive(Debug, Default)]
pub struct Cells {
    pub cells: Vec<(u32, u32, String)>,
    pub long: Vec<(u32, u32, Long)>,
    /// Which sheet of several was read, in French, for the report.
    pub sheet_note: Option<String>,
}

/// Collects the non-empty cells within the limits.
pub struct Sink<'a, 'p> {
    pub cells: Cells,
    limits: &'a Limits,
    progress: Progress<'p>,
    rows: usize,
    last_row: Option<u64>,
    text_bytes: usize,
}

impl<'a, 'p> Sink<'a, 'p> {
    pub fn new(limits: &'a Limits, progress: Progress<'p>) -> Self {
        Sink {
            cells: Cells::default(),
            limits,
            progress,
            rows: 0,
            last_row: None,
            text_bytes: 0,
        }
    }

    /// The most cells kept (shared strings are bounded by it too).
    pub fn max_cells(&self) -> usize {
        self.limits.cells
    }

    /// The column limit: columns from this one on are refused.
    pub fn columns(&self) -> u64 {
        self.limits.columns as u64
    }

    /// Adds one cell; empty text is skipped wherever it is, text longer
    /// than a cell may hold is kept aside as a [`Long`] cell.
    pub fn push(&mut self, row: u64, col: u64, text: String) -> Result<(), Error> {
        if text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS {
            let long = Long::new(text.chars().count(), &text);
            return self.push_cell(row, col, Err(long));
        }
        self.push_cell(row, col, Ok(text))
    }

    /// Adds one cell read within bounds (see [`super::cell::CellText`]).
    pub fn push_cell(
        &mut self,
        row: u64,
        col: u64,
        text: Result<String, Long>,
    ) -> Result<(), Error> {
        if text.as_ref().is_ok_and(|t| t.trim().is_empty()) {
            return Ok(());
        }
        if col >= self.limits.columns as u64 {
            return Err(Error::FarCell { row, col });
        }
        // Rows past u32 cannot be addressed by any spreadsheet.
        let r = u32::try_from(row).map_err(|_| Error::FarCell { row, col })?;
        if self.cells.cells.len() + self.cells.long.len() >= self.limits.cells {
            return Err(Error::TooManyCells);
        }
        if self.last_row != Some(row) {
            self.last_row = Some(row);
            self.rows += 1;
            // The header row plus the data rows.
            if self.rows > self.limits.rows + 1 {
                return Err(Error::TooManyRows);
            }
            if self.rows.is_multiple_of(1000) {
                (self.progress)(Stage::Reading, self.rows, 0);
            }
        }
        match text {
            Ok(text) => {
                self.text_bytes = self.text_bytes.saturating_add(text.len());
                if self.text_bytes > MAX_TEXT_BYTES {
                    return Err(Error::TooMuchText);
                }
                self.cells.cells.push((r, col as u32, text));
            }
            Err(long) => {
                // Reading it stored up to a cell's worth of text.
                self.text_bytes = self.text_bytes.saturating_add(MAX_CELL_CHARS);
                if self.text_bytes > MAX_TEXT_BYTES {
                    return Err(Error::TooMuchText);
                }
                self.cells.long.push((r, col as u32, long));
            }
        }
        Ok(())
    }
}

/// Reads the cells of the first worksheet of a zipped or OLE workbook.
pub fn read_cells(
    bytes: Vec<u8>,
    ext: &str,
    limits: &Limits,
    progress: Progress<'_>,
) -> Result<Cells, Error> {
    let mut sink = Sink::new(limits, progress);
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        super::xls_guard::check(&bytes, limits)?;
        read_xls(bytes, &mut sink)?;
        return Ok(sink.cells);
    }
    check_unzipped_size(&bytes)?;
    let result = match ext {
        "ods" => super::ods::read(bytes, &mut sink),
        "xlsb" => Err(xlsb_refused()),
        "xlsx" | "xlsm" => super::xlsx::read(bytes, &mut sink),
        // Unknown extension: the zip's content says which format it is.
        _ if zip_has(&bytes, "content.xml") => super::ods::read(bytes, &mut sink),
        _ if zip_has(&bytes, "xl/workbook.bin") => Err(xlsb_refused()),
        _ => super::xlsx::read(bytes, &mut sink),
    };
    result.map(|()| sink.cells)
}

/// Excel's binary workbooks are not read: calamine's reader takes record
/// lengths and counts from the file, and a register is never saved so.
fn xlsb_refused() -> Error {
    Error::Format(
        "classeur binaire Excel (.xlsb), non pris en charge : dans Excel, « Enregistrer sous » \
         en « Classeur Excel (.xlsx) » ou en CSV, puis importez ce fichier"
            .into(),
    )
}

fn zip_error(_: impl std::fmt::Display) -> Error {
    Error::Format("archive endommagée".into())
}

fn zip_has(bytes: &[u8], name: &str) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|z| z.index_for_name(name).is_some())
}

/// Refuses an archive that would unzip to more than [`MAX_UNZIPPED`]
/// (zip checks each entry against its declared size while reading it).
fn check_unzipped_size(bytes: &[u8]) -> Result<(), Error> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let file = zip.by_index_raw(i).map_err(zip_error)?;
        total = total.saturating_add(file.size());
    }
    if total > MAX_UNZIPPED {
        return Err(Error::Format(format!(
            "il occuperait {} Mo une fois décompressé, plus que les {} Mo permis",
            total / (1024 * 1024),
            MAX_UNZIPPED / (1024 * 1024)
        )));
    }
    Ok(())
}

/// calamine's own words are English: the user reads ours.
fn calamine_error(_: impl std::fmt::Display) -> Error {
    Error::Format("classeur Excel 97-2003 endommagé ou d'un autre format".into())
}

thread_local! {
    /// Set while a panic of calamine's is expected and caught.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `catch_unwind` without the panic's English message on the console: the
/// user reads « classeur endommagé » instead. Other threads' panics are
/// reported as before.
fn quiet_catch<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> std::thread::Result<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(f);
    QUIET.with(|q| q.set(false));
    result
}

/// calamine parses the whole XLS on opening; [`super::xls_guard::check`]
/// has bounded what it reserves. A malformed record can still make its
/// parser panic: that is caught here and reported as a damaged file.
fn read_xls(bytes: Vec<u8>, sink: &mut Sink<'_, '_>) -> Result<(), Error> {
    let parsed = quiet_catch(move || {
        let mut book = calamine::Xls::new(Cursor::new(bytes)).map_err(calamine_error)?;
        book.worksheet_range_at(0)
            .ok_or_else(|| Error::Format("aucune feuille".into()))?
            .map_err(calamine_error)
    })
    .map_err(|_| Error::Format("classeur Excel 97-2003 endommagé".into()))?;
    let range = parsed?;
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (r, c, cell) in range.used_cells() {
        sink.push(
            u64::from(r0) + r as u64,
            u64::from(c0) + c as u64,
            cell_text(cell),
        )?;
    }
    Ok(())
}

/// A cell as the text the user sees.
pub fn cell_text(cell: &Data) -> String {
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
