//! Checks an Excel 97-2003 workbook (.xls) before calamine opens it.
//!
//! calamine parses every sheet of an XLS as soon as it opens the file, and
//! reserves memory from what the file declares: the DIMENSIONS record
//! (rows × columns), the span between the first and last cell addresses,
//! and sector chains of the compound file that may loop forever. A file of
//! a few kilobytes can so ask for gigabytes and abort the process. This
//! module walks the same structures as calamine, with every chain and
//! size bounded, and refuses the file when calamine would reserve more than
//! a member register needs. What it does not cover (malformed records that
//! make calamine panic) is caught around the call in [`super::workbook`].

use super::sheet::Limits;
use super::workbook::Error;

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;

/// The most cells calamine may reserve for one sheet, and for all sheets
/// (32 bytes each).
const SHEET_CELLS: u64 = 2_000_000;
const BOOK_CELLS: u64 = 3_000_000;
/// The most shared strings (calamine keeps every one) and the most
/// characters calamine copies out of them, one copy per cell that shows
/// one: a string of 8 000 characters shown by two million cells of 14
/// bytes each would be 16 GB.
const SHARED_STRINGS: usize = 1_000_000;
const CELL_CHARS: u64 = 16 * 1024 * 1024;

fn damaged(what: &str) -> Error {
    Error::Format(format!("classeur Excel 97-2003 endommagé ({what})"))
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The compound file's sectors, as calamine addresses them.
struct Sectors<'a> {
    /// The file after its header.
    data: &'a [u8],
    size: usize,
    maxid: u32,
}

impl<'a> Sectors<'a> {
    fn get(&self, id: u32) -> Result<&'a [u8], Error> {
        let start = id as usize * self.size;
        if id > self.maxid || start >= self.data.len() {
            return Err(damaged("secteur hors du fichier"));
        }
        Ok(&self.data[start..self.data.len().min(start + self.size)])
    }

    /// A chain of at most `len` bytes; a chain longer than the file has
    /// sectors loops, and is refused.
    fn chain(&self, mut id: u32, fat: &[u32], len: usize) -> Result<Vec<u8>, Error> {
        let mut out = Vec::new();
        let mut steps = 0u64;
        while id != ENDOFCHAIN {
            steps += 1;
            if steps > u64::from(self.maxid) + 1 {
                return Err(damaged("chaîne de secteurs en boucle"));
            }
            let sector = self.get(id)?;
            let take = sector.len().min(len - out.len());
            out.extend_from_slice(&sector[..take]);
            if out.len() >= len {
                break;
            }
            id = *fat
                .get(id as usize)
                .ok_or_else(|| damaged("secteur absent de la table"))?;
        }
        Ok(out)
    }
}

/// A directory entry: name, first sector, length.
struct Entry {
    name: String,
    start: u32,
    len: usize,
}

/// The bytes of the « Workbook » (or « Book ») stream, every chain checked.
fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let header = bytes.get(..512).ok_or_else(|| damaged("en-tête tronqué"))?;
    let version = u16_at(header, 26).unwrap_or(0);
    let (size, header_len) = match u16_at(header, 30) {
        Some(9) => (512usize, 512usize),
        Some(12) => (4096, 4096),
        _ => return Err(damaged("taille de secteur")),
    };
    let data = bytes.get(header_len..).unwrap_or(&[]);
    let sectors = Sectors {
        data,
        size,
        maxid: u32::try_from(bytes.len() / size).unwrap_or(u32::MAX),
    };
    let field = |at| u32_at(header, at).unwrap_or(ENDOFCHAIN);
    let (dir_start, mini_fat_start, mini_fat_len, difat_start) =
        (field(48), field(60), field(64), field(68));
    let mut difat: Vec<u32> = header[76..512]
        .chunks_exact(4)
        .filter_map(|c| u32_at(c, 0))
        .collect();
    let mut id = difat_start;
    let mut steps = 0u64;
    while id < RESERVED {
        steps += 1;
        if steps > u64::from(sectors.maxid) + 1 {
            return Err(damaged("table DIFAT en boucle"));
        }
        difat.extend(
            sectors
                .get(id)?
                .chunks_exact(4)
                .filter_map(|c| u32_at(c, 0)),
        );
        id = difat.pop().ok_or_else(|| damaged("table DIFAT"))?;
    }
    let mut fat = Vec::new();
    for id in difat.into_iter().filter(|id| *id < DIFSECT) {
        fat.extend(
            sectors
                .get(id)?
                .chunks_exact(4)
                .filter_map(|c| u32_at(c, 0)),
        );
    }
    let dirs: Vec<Entry> = sectors
        .chain(dir_start, &fat, usize::MAX)?
        .chunks_exact(128)
        .map(|c| {
            let units: Vec<u16> = c[..64]
                .chunks_exact(2)
                .map(|u| u16::from_le_bytes([u[0], u[1]]))
                .take_while(|u| *u != 0)
                .collect();
            let len = if size == 512 {
                u64::from(u32_at(c, 120).unwrap_or(0))
            } else {
                u32_at(c, 120).map_or(0, u64::from) | (u32_at(c, 124).map_or(0, u64::from) << 32)
            };
            Entry {
                name: String::from_utf16_lossy(&units),
                start: u32_at(c, 116).unwrap_or(ENDOFCHAIN),
                len: usize::try_from(len).unwrap_or(usize::MAX),
            }
        })
        .collect();
    let root = dirs.first().ok_or_else(|| damaged("répertoire vide"))?;
    if version != 3 && root.start == ENDOFCHAIN {
        return Err(damaged("répertoire vide"));
    }
    let (mini_fat, mini_stream) = if mini_fat_len > 0 {
        let stream = sectors.chain(root.start, &fat, root.len)?;
        let table = sectors.chain(
            mini_fat_start,
            &fat,
            (mini_fat_len as usize).saturating_mul(size),
        )?;
        let table: Vec<u32> = table.chunks_exact(4).filter_map(|c| u32_at(c, 0)).collect();
        (table, stream)
    } else {
        (Vec::new(), Vec::new())
    };
    let entry = ["Workbook", "Book"]
        .iter()
        .find_map(|n| dirs.iter().find(|d| d.name.eq_ignore_ascii_case(n)))
        .ok_or_else(|| damaged("pas de flux « Workbook »"))?;
    if entry.len < 4096 {
        let mini = Sectors {
            data: &mini_stream,
            size: 64,
            maxid: sectors.maxid.saturating_mul(8),
        };
        mini.chain(entry.start, &mini_fat, entry.len)
    } else {
        sectors.chain(entry.start, &fat, entry.len)
    }
}

/// The BIFF records of a stream from `pos`: (type, data), CONTINUE records
/// skipped as calamine attaches them to the record before.
fn records(stream: &[u8], pos: usize) -> impl Iterator<Item = (u16, &[u8])> {
    raw_records(stream, pos).filter(|(typ, _)| *typ != 0x003C)
}

/// Every record, CONTINUE included.
fn raw_records(stream: &[u8], pos: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream.get(pos..).unwrap_or(&[]);
    std::iter::from_fn(move || {
        let typ = u16_at(rest, 0)?;
        let len = usize::from(u16_at(rest, 2)?);
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        Some((typ, data))
    })
}

/// The length (characters) of each string of the shared-string table, read
/// as calamine reads it (`parse_sst`: strings split over CONTINUE records,
/// each continued part starting with its own flags); at most `max` strings.
fn sst_lengths<'s>(stream: &'s [u8], max: usize) -> Result<Vec<u32>, Error> {
    let mut parts: Vec<&'s [u8]> = Vec::new();
    for (typ, data) in raw_records(stream, 0) {
        match typ {
            0x00FC if parts.is_empty() => parts.push(data),
            0x003C if !parts.is_empty() => parts.push(data),
            _ if !parts.is_empty() => break,
            0x000A => break,
            _ => {}
        }
    }
    let mut lengths = Vec::new();
    let Some(first) = parts.first() else {
        return Ok(lengths);
    };
    let mut data: &'s [u8] = first.get(8..).unwrap_or(&[]);
    let mut next = 1usize;
    let mut more = |data: &mut &'s [u8]| -> bool {
        match parts.get(next) {
            Some(p) => {
                *data = p;
                next += 1;
                true
            }
            None => false,
        }
    };
    while !data.is_empty() || more(&mut data) {
        if data.is_empty() {
            continue;
        }
        if lengths.len() >= max {
            return Err(Error::Format(format!(
                "plus de {max} textes partagés : ce n'est pas un registre de membres"
            )));
        }
        let (Some(cch), Some(&flags)) = (u16_at(data, 0), data.get(2)) else {
            break;
        };
        data = &data[3..];
        let mut skip = 0usize;
        if flags & 0x8 != 0 {
            let Some(runs) = u16_at(data, 0) else { break };
            skip += usize::from(runs) * 4;
            data = &data[2..];
        }
        if flags & 0x4 != 0 {
            let Some(ext) = u32_at(data, 0) else { break };
            skip = skip.saturating_add(ext as usize);
            data = &data[4..];
        }
        lengths.push(u32::from(cch));
        let mut left = usize::from(cch);
        let mut wide = flags & 0x1 != 0;
        while left > 0 {
            let width = if wide { 2 } else { 1 };
            let take = left.min(data.len() / width);
            data = &data[take * width..];
            left -= take;
            if left > 0 {
                if !more(&mut data) || data.is_empty() {
                    return Ok(lengths);
                }
                wide = data[0] & 0x1 != 0;
                data = &data[1..];
            }
        }
        while skip > 0 {
            if data.is_empty() && !more(&mut data) {
                return Ok(lengths);
            }
            let n = skip.min(data.len());
            data = &data[n..];
            skip -= n;
        }
    }
    Ok(lengths)
}

/// The bounding box of the cell addresses of one sheet.
#[derive(Default)]
struct Span {
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
}

impl Span {
    fn add(&mut self, row: u32, col: u32) {
        let widen = |r: &mut Option<(u32, u32)>, v: u32| {
            *r = Some(r.map_or((v, v), |(a, b)| (a.min(v), b.max(v))));
        };
        widen(&mut self.rows, row);
        widen(&mut self.cols, col);
    }

    fn cells(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1),
            _ => 0,
        }
    }
}

/// The cells calamine reserves for the DIMENSIONS record (the same
/// arithmetic, wrapping included).
fn dimension_cells(r: &[u8]) -> u64 {
    let (rf, rl, mut cf, cl) = match r.len() {
        10 => (
            u32::from(u16_at(r, 0).unwrap_or(0)),
            u32::from(u16_at(r, 2).unwrap_or(0)),
            u32::from(u16_at(r, 4).unwrap_or(0)),
            u32::from(u16_at(r, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(r, 0).unwrap_or(0),
            u32_at(r, 4).unwrap_or(0),
            u32::from(u16_at(r, 8).unwrap_or(0)),
            u32::from(u16_at(r, 10).unwrap_or(0)),
        ),
        _ => return 0,
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (start, end) = if 1 <= rl && 1 <= cl {
        ((rf, cf), (rl - 1, cl - 1))
    } else {
        ((rf, cf), (rf, cf))
    };
    let rows = end.0.wrapping_sub(start.0).wrapping_add(1) as u64;
    let cols = end.1.wrapping_sub(start.1).wrapping_add(1) as u64;
    rows.saturating_mul(cols)
}

/// What calamine would make of one sheet.
struct SheetCost {
    /// Cells reserved for its range.
    reserved: u64,
    /// Cell records read (each one a cell in calamine's list).
    cells: u64,
    /// Characters copied from the shared strings.
    chars: u64,
}

/// What calamine would make of the sheet starting at `pos`.
fn sheet_cells(stream: &[u8], pos: usize, sst: &[u32]) -> SheetCost {
    let mut span = Span::default();
    let mut reserved = 0u64;
    let (mut cells, mut chars) = (0u64, 0u64);
    let mut seen_bof = false;
    let mut depth = 0usize;
    for (typ, data) in records(stream, pos) {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let at = |i| u16_at(data, i).map(u32::from);
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x0200 => reserved = reserved.saturating_add(dimension_cells(data)),
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(r), Some(c)) = (at(0), at(2)) {
                    span.add(r, c);
                }
                cells += 1;
                if typ == 0x00FD
                    && let Some(i) = u32_at(data, 6)
                {
                    chars += sst.get(i as usize).map_or(0, |n| u64::from(*n));
                }
            }
            0x00BD if data.len() >= 6 => {
                cells += (data.len() as u64 - 6) / 6;
                if let (Some(r), Some(first), Some(last)) = (at(0), at(2), at(data.len() - 2)) {
                    span.add(r, first);
                    span.add(r, last.max(first));
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    SheetCost {
        reserved: reserved.max(span.cells()),
        cells,
        chars,
    }
}

/// Refuses an XLS whose structure or declared sizes would make calamine
/// reserve more memory than a member register needs.
pub fn check(bytes: &[u8], limits: &Limits) -> Result<(), Error> {
    let stream = workbook_stream(bytes)?;
    let sst = sst_lengths(&stream, SHARED_STRINGS)?;
    let (mut total, mut cell_records, mut chars) = (0u64, 0u64, 0u64);
    for (typ, data) in records(&stream, 0) {
        match typ {
            // BoundSheet8: where a sheet starts in the stream.
            0x0085 => {
                let pos = u32_at(data, 0).ok_or_else(|| damaged("feuille mal déclarée"))?;
                let cost = sheet_cells(&stream, pos as usize, &sst);
                let cells = cost.reserved;
                total = total.saturating_add(cells);
                cell_records = cell_records.saturating_add(cost.cells);
                chars = chars.saturating_add(cost.chars);
                if cell_records > limits.cells as u64 {
                    return Err(Error::TooManyCells);
                }
                if chars > CELL_CHARS {
                    return Err(Error::TooMuchText);
                }
                if cells > SHEET_CELLS || total > BOOK_CELLS {
                    return Err(Error::Format(format!(
                        "une feuille s'étend sur {cells} cellules, bien plus qu'un registre de membres ; \
                         enregistrez seulement le tableau des membres, en .xlsx ou en .csv"
                    )));
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    Ok(())
}
