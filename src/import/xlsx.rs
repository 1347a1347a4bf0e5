//! The first worksheet of an Office Open XML workbook (.xlsx, .xlsm), read
//! with our zip and XML readers rather than calamine's.
//!
//! calamine believes what the file says about itself: it reserves room for
//! the `uniqueCount` of the shared strings (a 1.9 kB file declaring four
//! billion aborted the process), keeps every style and string of the
//! package, and buffers a cell's text whole (one cell of 256 MB took
//! 1.5 GB). Here no count written in the file is used to reserve anything:
//! each part is unzipped within [`MAX_PART`] (its declared size checked
//! first, its real size capped while reading), parsed in place without
//! per-event buffers, shared strings are counted against the cell limit
//! and a cell's text stops being stored at [`MAX_CELL_CHARS`].

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use super::cell::{CellText, Long};
use super::workbook::{Error, Sink, cell_text};
use super::xlsx_tables::{date_formats, shared_strings};
use calamine::Data;

/// The largest part unzipped (the worksheet of 20 000 members with 20
/// filled columns is about 15 MB).
pub const MAX_PART: u64 = 64 * 1024 * 1024;

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;
pub(super) type Xml<'a> = quick_xml::Reader<&'a [u8]>;

fn damaged(what: impl std::fmt::Display) -> Error {
    Error::Format(format!("classeur Excel endommagé ({what})"))
}

pub(super) fn xml_error(part: &str) -> impl Fn(quick_xml::Error) -> Error + '_ {
    move |_| damaged(format_args!("« {part} » n'est pas du XML lisible"))
}

/// Reads the cells of the first worksheet into `sink`.
pub fn read(bytes: Vec<u8>, sink: &mut Sink<'_, '_>) -> Result<(), Error> {
    let parts = {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice()))
            .map_err(|_| Error::Format("archive endommagée".into()))?;
        Parts::read(&mut zip, sink.max_cells())?
    };
    // The worksheet alone is needed now: the file's bytes go.
    drop(bytes);
    parts.cells(sink)
}

/// What the worksheet needs from the rest of the package.
struct Parts {
    sheet_note: Option<String>,
    strings: Vec<Result<String, Long>>,
    /// Per cell format (`s` attribute): whether it shows a date.
    dates: Vec<bool>,
    date1904: bool,
    sheet: Vec<u8>,
}

impl Parts {
    fn read(zip: &mut Zip<'_>, max_strings: usize) -> Result<Parts, Error> {
        let workbook_path = package_target(zip)?;
        let dir = match workbook_path.rfind('/') {
            Some(i) => workbook_path[..=i].to_string(),
            None => String::new(),
        };
        let workbook = part(zip, &workbook_path)?
            .ok_or_else(|| damaged(format_args!("pas de « {workbook_path} »")))?;
        let (rel_id, date1904, sheet_note) = first_sheet(&workbook)?;
        drop(workbook);
        let name = workbook_path.rsplit('/').next().unwrap_or("workbook.xml");
        let rels_path = format!("{dir}_rels/{name}.rels");
        let rels = part(zip, &rels_path)?.unwrap_or_default();
        let sheet_path = relationship(&rels, |id, _| id == rel_id)?
            .map(|t| resolve(&dir, &t))
            .unwrap_or_else(|| format!("{dir}worksheets/sheet1.xml"));
        let strings_path = relationship(&rels, |_, typ| typ.ends_with("/sharedStrings"))?
            .map(|t| resolve(&dir, &t))
            .unwrap_or_else(|| format!("{dir}sharedStrings.xml"));
        let styles_path = relationship(&rels, |_, typ| typ.ends_with("/styles"))?
            .map(|t| resolve(&dir, &t))
            .unwrap_or_else(|| format!("{dir}styles.xml"));
        drop(rels);
        let strings = match part(zip, &strings_path)? {
            Some(xml) => shared_strings(&xml, max_strings)?,
            None => Vec::new(),
        };
        let dates = match part(zip, &styles_path)? {
            Some(xml) => date_formats(&xml)?,
            None => Vec::new(),
        };
        let sheet = part(zip, &sheet_path)?
            .ok_or_else(|| damaged(format_args!("pas de feuille « {sheet_path} »")))?;
        Ok(Parts {
            sheet_note,
            strings,
            dates,
            date1904,
            sheet,
        })
    }

    fn cells(self, sink: &mut Sink<'_, '_>) -> Result<(), Error> {
        sink.cells.sheet_note = self.sheet_note.clone();
        let mut xml: Xml<'_> = quick_xml::Reader::from_reader(&self.sheet);
        let err = xml_error("feuille");
        let (mut row, mut col) = (0u64, 0u64);
        loop {
            match xml.read_event().map_err(&err)? {
                Event::Start(e) if local(&e) == "row" => {
                    if let Some(r) = attr(&e, "r")?.and_then(|r| r.trim().parse::<u64>().ok()) {
                        row = r.saturating_sub(1);
                    }
                    col = 0;
                }
                Event::End(e) if local_end(e.name().as_ref()) == "row" => {
                    row = row.saturating_add(1);
                    col = 0;
                }
                Event::Empty(e) if local(&e) == "row" => {
                    if let Some(r) = attr(&e, "r")?.and_then(|r| r.trim().parse::<u64>().ok()) {
                        row = r.saturating_sub(1);
                    }
                    row = row.saturating_add(1);
                    col = 0;
                }
                Event::Start(e) if local(&e) == "c" => {
                    if let Some((r, c)) = attr(&e, "r")?.as_deref().and_then(address) {
                        row = r;
                        col = c;
                    }
                    let kind = attr(&e, "t")?.unwrap_or_default();
                    let style = attr(&e, "s")?
                        .and_then(|s| s.trim().parse::<usize>().ok())
                        .unwrap_or(0);
                    let text = self.cell(&mut xml, &kind, style)?;
                    sink.push_cell(row, col, text)?;
                    col = col.saturating_add(1);
                }
                Event::Empty(e) if local(&e) == "c" => {
                    if let Some((r, c)) = attr(&e, "r")?.as_deref().and_then(address) {
                        row = r;
                        col = c;
                    }
                    col = col.saturating_add(1);
                }
                Event::End(e) if local_end(e.name().as_ref()) == "sheetData" => return Ok(()),
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    /// The text of one `<c>` up to its end.
    fn cell(
        &self,
        xml: &mut Xml<'_>,
        kind: &str,
        style: usize,
    ) -> Result<Result<String, Long>, Error> {
        let err = xml_error("feuille");
        let mut value = CellText::new();
        let mut inline = CellText::new();
        let mut in_v = false;
        let mut in_inline = 0usize;
        let mut in_t = false;
        let mut phonetic = false;
        loop {
            match xml.read_event().map_err(&err)? {
                Event::Start(e) => match local(&e).as_str() {
                    "v" => in_v = true,
                    "is" => in_inline += 1,
                    "rPh" => phonetic = true,
                    "t" => in_t = true,
                    _ => {}
                },
                Event::End(e) => match local_end(e.name().as_ref()) {
                    "v" => in_v = false,
                    "is" => in_inline = in_inline.saturating_sub(1),
                    "rPh" => phonetic = false,
                    "t" => in_t = false,
                    "c" => break,
                    _ => {}
                },
                Event::Text(t) => {
                    let t = t.xml10_content();
                    if in_v {
                        value.push_str(&t);
                    } else if in_inline > 0 && in_t && !phonetic {
                        inline.push_str(&t);
                    }
                }
                Event::CData(t) => {
                    let t = t.xml10_content();
                    if in_v {
                        value.push_str(&t);
                    } else if in_inline > 0 && in_t && !phonetic {
                        inline.push_str(&t);
                    }
                }
                Event::GeneralRef(r) => {
                    let target = if in_v {
                        Some(&mut value)
                    } else if in_inline > 0 && in_t && !phonetic {
                        Some(&mut inline)
                    } else {
                        None
                    };
                    if let Some(target) = target {
                        push_ref(target, &r);
                    }
                }
                Event::Eof => return Err(damaged("cellule incomplète")),
                _ => {}
            }
        }
        if kind == "inlineStr" {
            return Ok(inline.finish().map(|s| unescape_x(&s)));
        }
        let value = match value.finish() {
            Ok(v) => v,
            Err(long) => return Ok(Err(long)),
        };
        Ok(Ok(match kind {
            "s" => {
                return Ok(value
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| self.strings.get(i))
                    .cloned()
                    .unwrap_or(Ok(String::new())));
            }
            "str" | "e" => unescape_x(&value),
            "b" => if value.trim() == "1" { "oui" } else { "non" }.to_string(),
            "d" => value.trim().chars().take(10).collect(),
            _ => match value.trim().parse::<f64>() {
                Ok(f) if self.dates.get(style).copied().unwrap_or(false) => {
                    let days = if self.date1904 { f + 1462.0 } else { f };
                    let date = calamine::ExcelDateTime::new(
                        days,
                        calamine::ExcelDateTimeType::DateTime,
                        false,
                    );
                    cell_text(&Data::DateTime(date))
                }
                Ok(f) => cell_text(&Data::Float(f)),
                Err(_) => value,
            },
        }))
    }
}

pub(super) fn push_ref(target: &mut CellText, r: &quick_xml::events::BytesRef<'_>) {
    if let Some(s) = quick_xml::escape::resolve_xml_entity(&r.xml10_content()) {
        target.push_str(s);
    } else if let Ok(Some(c)) = r.resolve_char_ref() {
        target.push(c);
    }
}

/// Excel's escapes for control characters: `_x000D_` is a carriage return.
pub(super) fn unescape_x(s: &str) -> String {
    if !s.contains("_x") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("_x") {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let code = tail
            .get(2..6)
            .filter(|_| tail.as_bytes().get(6) == Some(&b'_'))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                out.push(c);
                rest = &tail[7..];
            }
            None => {
                out.push_str("_x");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The local name of an element (`x:c` is `c`).
pub(super) fn local(e: &BytesStart<'_>) -> String {
    local_end(e.name().as_ref()).to_string()
}

pub(super) fn local_end(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// An attribute by its local name, unescaped; a value longer than any a
/// workbook needs is refused before it is unescaped.
pub(super) fn attr(e: &BytesStart<'_>, name: &str) -> Result<Option<String>, Error> {
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|_| damaged("attribut illisible"))?;
        if local_end(a.key.as_ref()) != name {
            continue;
        }
        if a.value.len() > 4096 {
            return Err(damaged(format_args!(
                "attribut « {name} » de {} octets",
                a.value.len()
            )));
        }
        let v = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|_| damaged(format_args!("attribut « {name} » illisible")))?;
        return Ok(Some(v.into_owned()));
    }
    Ok(None)
}

/// « C7 » as (row 6, column 2); `None` past the sheet's 1 048 576 rows and
/// 16 384 columns' letters (the sink refuses far cells from there).
fn address(r: &str) -> Option<(u64, u64)> {
    let r = r.trim().trim_start_matches('$');
    let split = r.find(|c: char| !c.is_ascii_alphabetic())?;
    let (letters, digits) = r.split_at(split);
    let digits = digits.trim_start_matches('$');
    if letters.is_empty() || letters.len() > 7 || digits.is_empty() || digits.len() > 10 {
        return None;
    }
    let mut col = 0u64;
    for c in letters.bytes() {
        col = col * 26 + u64::from(c.to_ascii_uppercase() - b'A' + 1);
    }
    let row: u64 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

/// An entry's name, found without regard to case or `\` (as Excel does).
fn find(zip: &Zip<'_>, path: &str) -> Option<usize> {
    let want = path.trim_start_matches('/').replace('\\', "/");
    if let Some(i) = zip.index_for_name(&want) {
        return Some(i);
    }
    zip.file_names()
        .position(|n| n.is_ok_and(|n| n.replace('\\', "/").eq_ignore_ascii_case(&want)))
}

/// An entry unzipped within [`MAX_PART`]; `None` when it is absent.
fn part(zip: &mut Zip<'_>, path: &str) -> Result<Option<Vec<u8>>, Error> {
    let Some(i) = find(zip, path) else {
        return Ok(None);
    };
    let entry = zip
        .by_index(i)
        .map_err(|_| Error::Format("archive endommagée".into()))?;
    if entry.size() > MAX_PART {
        return Err(too_big(path, entry.size()));
    }
    let mut out = Vec::with_capacity(entry.size() as usize);
    entry
        .take(MAX_PART + 1)
        .read_to_end(&mut out)
        .map_err(|_| Error::Format("archive endommagée".into()))?;
    if out.len() as u64 > MAX_PART {
        return Err(too_big(path, out.len() as u64));
    }
    Ok(Some(out))
}

fn too_big(path: &str, size: u64) -> Error {
    Error::Format(format!(
        "la partie « {path} » occuperait {} Mo une fois décompressée, plus que les {} Mo \
         permis : ce n'est pas un registre de membres",
        size / (1024 * 1024),
        MAX_PART / (1024 * 1024)
    ))
}

/// The workbook part named by `_rels/.rels` (`xl/workbook.xml` usually).
fn package_target(zip: &mut Zip<'_>) -> Result<String, Error> {
    let rels = part(zip, "_rels/.rels")?.unwrap_or_default();
    let target = relationship(&rels, |_, typ| typ.ends_with("/officeDocument"))?;
    Ok(target.map_or_else(
        || "xl/workbook.xml".to_string(),
        |t| t.trim_start_matches('/').to_string(),
    ))
}

/// The target of the first relationship `pick(id, type)` accepts.
fn relationship(xml: &[u8], pick: impl Fn(&str, &str) -> bool) -> Result<Option<String>, Error> {
    let mut reader: Xml<'_> = quick_xml::Reader::from_reader(xml);
    let err = xml_error("relations");
    loop {
        match reader.read_event().map_err(&err)? {
            Event::Start(e) | Event::Empty(e) if local(&e) == "Relationship" => {
                let id = attr(&e, "Id")?.unwrap_or_default();
                let typ = attr(&e, "Type")?.unwrap_or_default();
                if pick(&id, &typ) {
                    return attr(&e, "Target");
                }
            }
            Event::Eof => return Ok(None),
            _ => {}
        }
    }
}

/// `worksheets/sheet1.xml` from `xl/` is `xl/worksheets/sheet1.xml`; an
/// absolute target starts from the package's root.
fn resolve(dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in target.split('/') {
        match p {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The sheet to read: the first one shown (a hidden sheet is a draft or a
/// list the workbook uses, not her register; the first sheet if all are
/// hidden), its relationship id, the 1904 date system, and, when the
/// workbook has several sheets, which one was read, in French.
fn first_sheet(xml: &[u8]) -> Result<(String, bool, Option<String>), Error> {
    let mut reader: Xml<'_> = quick_xml::Reader::from_reader(xml);
    let err = xml_error("classeur");
    let mut date1904 = false;
    // (name, relationship id, hidden), at most a few thousand kept.
    let mut sheets: Vec<(String, String, bool)> = Vec::new();
    loop {
        match reader.read_event().map_err(&err)? {
            Event::Start(e) | Event::Empty(e) if local(&e) == "workbookPr" => {
                date1904 = attr(&e, "date1904")?.is_some_and(|v| v == "1" || v == "true");
            }
            Event::Start(e) | Event::Empty(e) if local(&e) == "sheet" && sheets.len() < 4096 => {
                let id = attr(&e, "id")?.unwrap_or_default();
                let name = attr(&e, "name")?.unwrap_or_default();
                let hidden = attr(&e, "state")?.is_some_and(|v| v != "visible");
                sheets.push((name, id, hidden));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let chosen = sheets
        .iter()
        .position(|(_, _, hidden)| !hidden)
        .unwrap_or(0);
    let Some((name, id, _)) = sheets.get(chosen) else {
        return Err(Error::Format("aucune feuille".into()));
    };
    let skipped = sheets[..chosen].len();
    let note = (sheets.len() > 1).then(|| {
        // A name from the file, cut to what a message can show.
        let mut name: String = name.chars().take(60).collect();
        if sheets[chosen].0.chars().nth(60).is_some() {
            name.push('…');
        }
        match skipped {
            0 => format!("Feuille lue : « {name} » (la première du classeur)"),
            1 => format!("Feuille lue : « {name} » (la feuille masquée qui la précède est ignorée)"),
            n => format!("Feuille lue : « {name} » (les {n} feuilles masquées qui la précèdent sont ignorées)"),
        }
    });
    Ok((id.clone(), date1904, note))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_targets() {
        assert_eq!(address("A1"), Some((0, 0)));
        assert_eq!(address("$C$7"), Some((6, 2)));
        assert_eq!(address("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(address("A0"), None);
        assert_eq!(address("ABCDEFGH1"), None);
        assert_eq!(address("A99999999999"), None);
        assert_eq!(
            resolve("xl/", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl/", "/xl/worksheets/s.xml"),
            "xl/worksheets/s.xml"
        );
        assert_eq!(
            resolve("xl/sub/", "../worksheets/s.xml"),
            "xl/worksheets/s.xml"
        );
        assert_eq!(unescape_x("a_x000D_b_x00"), "a\rb_x00");
    }
}
