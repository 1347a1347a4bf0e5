//! Which existing file a new copy may replace. The copy is made to be
//! edited: once the president or the board saved their corrections in it,
//! writing a new copy over it would lose them. So every copy carries, as a
//! custom document property, the checksum of its text part
//! (`word/document.xml`); Word and LibreOffice keep custom properties but
//! rewrite the text part on every save. A file whose property still matches
//! its text part is a copy nobody saved since: the only file a new copy
//! replaces.

use std::io::{Cursor, Read};

use quick_xml::XmlVersion;
use quick_xml::events::Event;

use super::docx::STAMP_PROPERTY;

/// What an existing file is, for a new copy about to be written over it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    /// A copy this program wrote, unchanged since: it may be replaced.
    Unchanged,
    /// A copy this program wrote, saved since (the board's corrections?).
    Edited,
    /// Any other file.
    Foreign,
}

/// The stamp of a text part: its CRC-32, as the zip format also records it.
pub fn checksum(document_xml: &[u8]) -> String {
    format!("crc32:{:08x}", crc32fast::hash(document_xml))
}

/// Past this size, the custom properties part is not ours.
const MAX_PROPERTIES: u64 = 64 * 1024;

/// What the bytes of an existing file are.
pub fn examine(bytes: &[u8]) -> Existing {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Existing::Foreign;
    };
    let Some(stamp) = stamp_of(&mut zip) else {
        return Existing::Foreign;
    };
    // The checksum the zip records for the text part, computed by whoever
    // wrote the file last.
    let recorded = match zip.by_name("word/document.xml") {
        Ok(f) => format!("crc32:{:08x}", f.crc32()),
        Err(_) => return Existing::Foreign,
    };
    if recorded == stamp {
        Existing::Unchanged
    } else {
        Existing::Edited
    }
}

/// The stamp property's value, if the file has one.
fn stamp_of(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Option<String> {
    let file = zip.by_name("docProps/custom.xml").ok()?;
    if file.size() > MAX_PROPERTIES {
        return None;
    }
    let mut text = String::new();
    file.take(MAX_PROPERTIES).read_to_string(&mut text).ok()?;
    let mut xml = quick_xml::Reader::from_str(&text);
    let mut in_stamp = false;
    let mut value = String::new();
    loop {
        match xml.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == "property" => {
                let name = e.try_get_attribute("name").ok()??;
                in_stamp = name.normalized_value(XmlVersion::Implicit1_0).ok()? == STAMP_PROPERTY;
            }
            Event::Text(t) if in_stamp => value.push_str(&t.xml10_content()),
            Event::End(e) if in_stamp && e.local_name().as_ref() == "property" => {
                return Some(value.trim().to_string());
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}
