//! Reads back a `.docx` the way Word lays it out: the paragraphs of
//! `word/document.xml` in order, each with its style and its text (a line
//! break as `\n`, a tab as `\t`), and the paragraph styles of
//! `word/styles.xml`. Used by the proofreading copy's tests.
#![allow(dead_code)]

use std::io::{Cursor, Read};

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

/// One paragraph of the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Para {
    pub style: Option<String>,
    pub text: String,
    /// Inside a table cell.
    pub in_table: bool,
}

/// One paragraph style: its id, its name, its outline level.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StyleDef {
    pub id: String,
    pub name: String,
    pub outline_level: Option<u32>,
}

/// The text of a part of the archive.
pub fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip archive");
    let mut file = zip.by_name(name).expect("the part is in the archive");
    let mut text = String::new();
    file.read_to_string(&mut text).expect("UTF-8 XML");
    text
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .expect("well-formed attributes")
        .map(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .expect("a readable value")
                .into_owned()
        })
}

/// The paragraphs of the body, in order. Panics if the XML is not
/// well-formed: Word and LibreOffice refuse such a file.
pub fn paragraphs(docx: &[u8]) -> Vec<Para> {
    part_paragraphs(docx, "word/document.xml")
}

/// The paragraphs of any part (`word/header1.xml`…), as [`paragraphs`].
pub fn part_paragraphs(docx: &[u8], name: &str) -> Vec<Para> {
    let xml = part(docx, name);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    let mut current: Option<Para> = None;
    let (mut tables, mut in_run, mut in_text) = (0usize, false, false);
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:p" => {
                let para = Para {
                    style: None,
                    text: String::new(),
                    in_table: tables > 0,
                };
                if empty {
                    out.push(para);
                } else {
                    current = Some(para);
                }
            }
            Event::End(e) if e.name().as_ref() == "w:p" => {
                out.extend(current.take());
            }
            Event::Start(e) if e.name().as_ref() == "w:tbl" => tables += 1,
            Event::End(e) if e.name().as_ref() == "w:tbl" => tables -= 1,
            Event::Start(e) if e.name().as_ref() == "w:r" => in_run = true,
            Event::End(e) if e.name().as_ref() == "w:r" => in_run = false,
            Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            Event::Start(e) | Event::Empty(e) => {
                let Some(p) = current.as_mut() else { continue };
                match e.name().as_ref() {
                    "w:pStyle" => p.style = attr(&e, "w:val"),
                    "w:br" if in_run => p.text.push('\n'),
                    "w:tab" if in_run => p.text.push('\t'),
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                if let Some(p) = current.as_mut() {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_text => {
                let Some(p) = current.as_mut() else { continue };
                if let Some(s) = quick_xml::escape::resolve_xml_entity(&r.xml10_content()) {
                    p.text.push_str(s);
                } else if let Ok(Some(c)) = r.resolve_char_ref() {
                    p.text.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The paragraph styles the document defines.
pub fn styles(docx: &[u8]) -> Vec<StyleDef> {
    let xml = part(docx, "word/styles.xml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    let mut current: Option<StyleDef> = None;
    loop {
        match reader.read_event().expect("well-formed styles.xml") {
            Event::Start(e) if e.name().as_ref() == "w:style" => {
                current = Some(StyleDef {
                    id: attr(&e, "w:styleId").unwrap_or_default(),
                    ..StyleDef::default()
                });
            }
            Event::End(e) if e.name().as_ref() == "w:style" => out.extend(current.take()),
            Event::Start(e) | Event::Empty(e) => {
                let Some(s) = current.as_mut() else { continue };
                match e.name().as_ref() {
                    "w:name" => s.name = attr(&e, "w:val").unwrap_or_default(),
                    "w:outlineLvl" => {
                        s.outline_level = attr(&e, "w:val").and_then(|v| v.parse().ok())
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The style id of heading level `level` (1 to 4).
pub fn heading_style(level: u8) -> String {
    format!("Heading{level}")
}

/// Finds `wanted` among `paras`, in this order, each as a whole paragraph
/// of exactly this style (`None`: no style, the body text); returns the
/// index of each match, or says which one is missing.
pub fn in_order(paras: &[Para], wanted: &[(String, Option<String>)]) -> Result<Vec<usize>, String> {
    let mut from = 0;
    let mut found = Vec::new();
    for (text, style) in wanted {
        let hit = paras[from..]
            .iter()
            .position(|p| &p.text == text && &p.style == style);
        match hit {
            Some(i) => {
                found.push(from + i);
                from += i + 1;
            }
            None => {
                let anywhere = paras.iter().position(|p| &p.text == text);
                return Err(format!(
                    "« {text} » (style {style:?}) not found after paragraph {from}; anywhere: {anywhere:?}"
                ));
            }
        }
    }
    Ok(found)
}
