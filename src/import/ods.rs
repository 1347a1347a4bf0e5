//! The first table of an OpenDocument spreadsheet, streamed cell by cell.
//!
//! calamine expands `number-rows-repeated` and `number-columns-repeated`
//! into cells (up to 100 million of them) and `<text:s text:c="N"/>` into N
//! spaces, so a file of a few hundred bytes can ask for gigabytes. Here an
//! empty repeated cell or row only moves the position, a non-empty one
//! goes through the [`Sink`]'s limits, and a cell's text (its paragraphs,
//! runs of spaces and `office:string-value`) stops being stored at
//! [`super::cell::MAX_CELL_CHARS`]. `content.xml` is unzipped within
//! [`MAX_PART`] and parsed in place: no text or tag is buffered again.

use std::io::{Cursor, Read};

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use super::cell::{CellText, Long};
use super::workbook::{Error, Sink, cell_text};
use super::xlsx::MAX_PART;
use calamine::Data;

/// The longest attribute value read (a cell's `office:string-value` of
/// 32 767 characters, each escaped as `&#x10FFFF;`, is shorter).
const MAX_ATTR_BYTES: usize = 10 * super::cell::MAX_CELL_CHARS + 64;

type Xml<'a> = quick_xml::Reader<&'a [u8]>;

fn xml_error(_: impl std::fmt::Display) -> Error {
    Error::Format("contenu ODS illisible (XML endommagé)".into())
}

/// Streams the first table of `content.xml` into `sink`.
pub fn read(bytes: Vec<u8>, sink: &mut Sink<'_, '_>) -> Result<(), Error> {
    let content = {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice()))
            .map_err(|_| Error::Format("archive endommagée".into()))?;
        let entry = zip.by_name("content.xml").map_err(|_| {
            Error::Format("pas de « content.xml » : ce n'est pas un fichier ODS".into())
        })?;
        let too_big = |size: u64| {
            Error::Format(format!(
                "son contenu occuperait {} Mo une fois décompressé, plus que les {} Mo permis : \
                 ce n'est pas un registre de membres",
                size / (1024 * 1024),
                MAX_PART / (1024 * 1024)
            ))
        };
        if entry.size() > MAX_PART {
            return Err(too_big(entry.size()));
        }
        let mut content = Vec::with_capacity(entry.size() as usize);
        entry
            .take(MAX_PART + 1)
            .read_to_end(&mut content)
            .map_err(|_| Error::Format("archive endommagée".into()))?;
        if content.len() as u64 > MAX_PART {
            return Err(too_big(content.len() as u64));
        }
        content
    };
    drop(bytes);
    let mut xml: Xml<'_> = quick_xml::Reader::from_reader(&content);
    xml.config_mut().expand_empty_elements = true;
    // Up to the first table.
    let mut stalled = 0u32;
    loop {
        match next_event(&mut xml, &mut stalled)? {
            Event::Start(e) if e.name().as_ref() == "table:table" => break,
            Event::Eof => return Err(Error::Format("aucune feuille".into())),
            _ => {}
        }
    }
    read_table(&mut xml, sink)
}

fn repeat_attr(e: &BytesStart<'_>, name: &str) -> Result<u64, Error> {
    match e.try_get_attribute(name).map_err(xml_error)? {
        Some(a) => {
            if a.value.len() > 32 {
                return Err(Error::Format(format!("« {name} » invalide")));
            }
            let v = a
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(xml_error)?;
            v.trim()
                .parse::<u64>()
                .map_err(|_| Error::Format(format!("« {name} » invalide : {v}")))
        }
        None => Ok(1),
    }
}

fn read_table(xml: &mut Xml<'_>, sink: &mut Sink<'_, '_>) -> Result<(), Error> {
    let mut row = 0u64;
    let mut depth = 0usize;
    let mut stalled = 0u32;
    loop {
        match next_event(xml, &mut stalled)? {
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                let repeats = repeat_attr(&e, "table:number-rows-repeated")?;
                let cells = read_row(xml, sink.columns())?;
                if cells.is_empty() {
                    row = row.saturating_add(repeats);
                    continue;
                }
                // A non-empty repeated row is as many rows: the sink
                // stops them at the row and cell limits.
                for _ in 0..repeats {
                    for (col, text) in &cells {
                        sink.push_cell(row, *col, text.clone())?;
                    }
                    row = row.saturating_add(1);
                }
            }
            Event::Start(e) if e.name().as_ref() == "table:table" => depth += 1,
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if depth == 0 {
                    return Ok(());
                }
                depth -= 1;
            }
            Event::Eof => return Err(Error::Format("tableau ODS incomplet".into())),
            _ => {}
        }
    }
}

/// A cell's text, or the over-long cell it was.
type Cell = Result<String, Long>;

/// The non-empty cells of one row, with their columns (0-based); past
/// `columns`, only the first cell is kept, for the sink to refuse it.
fn read_row(xml: &mut Xml<'_>, columns: u64) -> Result<Vec<(u64, Cell)>, Error> {
    let mut cells = Vec::new();
    let mut col = 0u64;
    let mut stalled = 0u32;
    loop {
        match next_event(xml, &mut stalled)? {
            Event::Start(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                let repeats = repeat_attr(&e, "table:number-columns-repeated")?;
                let value = cell_value(&e)?;
                let shown = read_cell_text(xml)?;
                let text = value.unwrap_or(shown);
                if text.as_ref().is_ok_and(|t| t.trim().is_empty()) || repeats == 0 {
                    col = col.saturating_add(repeats);
                    continue;
                }
                // At least the cell itself, at most up to the first column
                // past the limit.
                let last = col.saturating_add(repeats - 1).min(columns).max(col);
                for c in col..=last {
                    if cells.last().is_none_or(|(l, _)| *l < columns) {
                        cells.push((c, text.clone()));
                    }
                }
                // A cell past the limit: the sink refuses the file, the
                // rest of the row need not be read.
                if cells.last().is_some_and(|(l, _)| *l >= columns) {
                    return Ok(cells);
                }
                col = col.saturating_add(repeats);
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => return Ok(cells),
            Event::Eof => return Err(Error::Format("ligne ODS incomplète".into())),
            _ => {}
        }
    }
}

/// The value stored in the cell's attributes, when it is the one to keep
/// (numbers without their display format, dates as ISO), else `None` and
/// the displayed text is used.
fn cell_value(e: &BytesStart<'_>) -> Result<Option<Cell>, Error> {
    let attr = |name: &str| -> Result<Option<String>, Error> {
        match e.try_get_attribute(name).map_err(xml_error)? {
            // Longer than a cell may be, escapes included: the start of
            // it is enough to report it.
            Some(a) if a.value.len() > MAX_ATTR_BYTES => Ok(Some(
                a.value
                    .chars()
                    .take(super::cell::MAX_CELL_CHARS + 1)
                    .collect(),
            )),
            Some(a) => Ok(Some(
                a.normalized_value(XmlVersion::Implicit1_0)
                    .map_err(xml_error)?
                    .into_owned(),
            )),
            None => Ok(None),
        }
    };
    let kind = attr("office:value-type")?.unwrap_or_default();
    if kind == "string" {
        return Ok(attr("office:string-value")?.map(|v| {
            let mut text = CellText::new();
            text.push_str(&v);
            text.finish()
        }));
    }
    Ok(match kind.as_str() {
        "float" => attr("office:value")?
            .and_then(|v| v.trim().parse::<f64>().ok())
            .map(|f| cell_text(&Data::Float(f))),
        "date" => attr("office:date-value")?.map(|v| v.chars().take(10).collect()),
        "boolean" => attr("office:boolean-value")?.map(|v| {
            if v.eq_ignore_ascii_case("true") {
                "oui".into()
            } else {
                "non".into()
            }
        }),
        _ => None,
    }
    .map(Ok))
}

/// The displayed text of a cell (its paragraphs joined by line breaks),
/// up to the end of the cell; annotations (comments) are left out.
/// The next event; a damaged document can leave the reader returning
/// events without moving on, and the same place a thousand times running
/// ends the reading instead of looping for ever.
fn next_event<'x>(xml: &mut Xml<'x>, stalled: &mut u32) -> Result<Event<'x>, Error> {
    let before = xml.buffer_position();
    let event = xml.read_event().map_err(xml_error)?;
    if xml.buffer_position() == before {
        *stalled += 1;
        if *stalled > 1_000 {
            return Err(Error::Format("document ODS illisible".into()));
        }
    } else {
        *stalled = 0;
    }
    Ok(event)
}

fn read_cell_text(xml: &mut Xml<'_>) -> Result<Cell, Error> {
    let mut text = CellText::new();
    let mut paragraphs = 0usize;
    let mut in_note = 0usize;
    let mut stalled = 0u32;
    loop {
        match next_event(xml, &mut stalled)? {
            Event::Start(e) if e.name().as_ref() == "office:annotation" => in_note += 1,
            Event::End(e) if e.name().as_ref() == "office:annotation" => {
                in_note = in_note.saturating_sub(1)
            }
            _ if in_note > 0 => {}
            Event::Start(e) => match e.name().as_ref() {
                "text:p" => {
                    if paragraphs > 0 {
                        text.push('\n');
                    }
                    paragraphs += 1;
                }
                "text:s" => text.push_repeated(' ', repeat_attr(&e, "text:c")?),
                "text:tab" => text.push('\t'),
                "text:line-break" => text.push('\n'),
                _ => {}
            },
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::CData(t) => text.push_str(&t.into_inner()),
            Event::GeneralRef(r) => {
                if let Some(s) = quick_xml::escape::resolve_xml_entity(&r.xml10_content()) {
                    text.push_str(s);
                } else if let Ok(Some(c)) = r.resolve_char_ref() {
                    text.push(c);
                }
            }
            Event::End(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                return Ok(text.finish());
            }
            Event::Eof => return Err(Error::Format("cellule ODS incomplète".into())),
            _ => {}
        }
    }
}
