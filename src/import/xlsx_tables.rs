//! The workbook-wide tables of an XLSX: shared strings and the cell
//! formats that show dates (see [`super::xlsx`]).

use quick_xml::events::Event;

use super::cell::{CellText, Long};
use super::workbook::Error;
use super::xlsx::{Xml, attr, local, local_end, push_ref, unescape_x, xml_error};

/// Cell formats kept (Excel itself allows 64 000).
const MAX_FORMATS: usize = 65_536;

/// The shared strings, at most `max` of them (a cell limit: more strings
/// than cells is not a register), each bounded by [`CellText`]. The
/// `count` and `uniqueCount` the file declares are not used.
pub fn shared_strings(xml: &[u8], max: usize) -> Result<Vec<Result<String, Long>>, Error> {
    let mut reader: Xml<'_> = quick_xml::Reader::from_reader(xml);
    let err = xml_error("sharedStrings.xml");
    let mut strings = Vec::new();
    let mut current: Option<CellText> = None;
    let (mut in_t, mut phonetic) = (false, false);
    loop {
        match reader.read_event().map_err(&err)? {
            Event::Start(e) => match local(&e).as_str() {
                "si" => {
                    if strings.len() >= max {
                        return Err(Error::TooManyCells);
                    }
                    current = Some(CellText::new());
                }
                "t" => in_t = true,
                "rPh" => phonetic = true,
                _ => {}
            },
            Event::Empty(e) if local(&e) == "si" => {
                if strings.len() >= max {
                    return Err(Error::TooManyCells);
                }
                strings.push(Ok(String::new()));
            }
            Event::End(e) => match local_end(e.name().as_ref()) {
                "si" => {
                    if let Some(text) = current.take() {
                        strings.push(text.finish().map(|s| unescape_x(&s)));
                    }
                }
                "t" => in_t = false,
                "rPh" => phonetic = false,
                _ => {}
            },
            Event::Text(t) if in_t && !phonetic => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) if in_t && !phonetic => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_t && !phonetic => {
                if let Some(c) = current.as_mut() {
                    push_ref(c, &r);
                }
            }
            Event::Eof => return Ok(strings),
            _ => {}
        }
    }
}

/// For each cell format (`cellXfs`), whether its number format is a date.
pub fn date_formats(xml: &[u8]) -> Result<Vec<bool>, Error> {
    let mut reader: Xml<'_> = quick_xml::Reader::from_reader(xml);
    let err = xml_error("styles.xml");
    let mut custom: std::collections::HashMap<u32, bool> = std::collections::HashMap::new();
    let mut dates = Vec::new();
    let mut in_cell_xfs = false;
    loop {
        match reader.read_event().map_err(&err)? {
            Event::Start(e) | Event::Empty(e) if local(&e) == "numFmt" => {
                if custom.len() < MAX_FORMATS
                    && let (Some(id), Some(code)) = (attr(&e, "numFmtId")?, attr(&e, "formatCode")?)
                    && let Ok(id) = id.trim().parse::<u32>()
                {
                    custom.insert(id, is_date_format(&code));
                }
            }
            Event::Start(e) if local(&e) == "cellXfs" => in_cell_xfs = true,
            Event::End(e) if local_end(e.name().as_ref()) == "cellXfs" => in_cell_xfs = false,
            Event::Start(e) | Event::Empty(e)
                if in_cell_xfs && local(&e) == "xf" && dates.len() < MAX_FORMATS =>
            {
                let id = attr(&e, "numFmtId")?
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .unwrap_or(0);
                let date = custom.get(&id).copied().unwrap_or_else(|| builtin_date(id));
                dates.push(date);
            }
            Event::Eof => return Ok(dates),
            _ => {}
        }
    }
}

/// Whether a custom number format shows a date or a time of day (the
/// rules of calamine's `detect_custom_number_format`: the first section
/// only, quoted and escaped text and bracketed parts skipped).
fn is_date_format(code: &str) -> bool {
    let (mut escaped, mut quoted, mut brackets, mut ap) = (false, false, 0u8, false);
    for c in code.chars().take(1024) {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '_' | '\\' | '*' => escaped = true,
            '"' => quoted = !quoted,
            _ if quoted => {}
            ';' => return false,
            '[' => brackets = brackets.saturating_add(1),
            ']' => brackets = brackets.saturating_sub(1),
            _ if brackets > 0 => {}
            'a' | 'A' if !ap => ap = true,
            'p' | 'm' | '/' | 'P' | 'M' if ap => return true,
            'd' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S' => return true,
            _ => {}
        }
    }
    false
}

/// Excel's built-in date and time formats.
fn builtin_date(id: u32) -> bool {
    matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats_are_recognised() {
        assert!(is_date_format("dd/mm/yyyy"));
        assert!(is_date_format("[$-40C]d mmmm yyyy"));
        assert!(!is_date_format("0.00\" jours\""));
        assert!(!is_date_format("#,##0 [$DH]"));
        assert!(!is_date_format("@"));
        assert!(!is_date_format("General"));
    }
}
