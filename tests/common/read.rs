//! Reads a PDF's text back as a bidi-aware reader does (PDFium, poppler):
//! line by line (one text object each), the glyphs' texts left to right
//! through the fonts' `/ToUnicode` maps, a `/Span`'s `/ActualText` in
//! place of the glyphs it covers, then each line's right-to-left runs
//! turned around by the bidirectional algorithm, the line's direction
//! taken from the majority of its strong letters.

use lopdf::{Document, Object};
use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo, bidi_class};

/// A line as drawn (left to right) put back in reading order.
pub fn read_back(visual: &str) -> String {
    let balance: i32 = visual
        .chars()
        .map(|c| match bidi_class(c) {
            BidiClass::L => 1,
            BidiClass::R | BidiClass::AL => -1,
            _ => 0,
        })
        .sum();
    if balance == 0 && !visual.chars().any(|c| bidi_class(c) == BidiClass::AN) {
        return visual.to_string();
    }
    let level = if balance < 0 {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let info = ParagraphBidiInfo::new(visual, Some(level));
    info.reorder_line(0..visual.len()).into_owned()
}

/// The `/ActualText` of a `BDC` operation, if it has one.
fn actual_text(operands: &[Object]) -> Option<String> {
    let dict = operands.get(1)?.as_dict().ok()?;
    lopdf::decode_text_string(dict.get(b"ActualText").ok()?).ok()
}

/// Every page's lines, each read back in logical order.
pub fn pdf_pages_lines(bytes: &[u8]) -> Vec<Vec<String>> {
    let doc = Document::load_mem(bytes).expect("the PDF parses");
    let mut pages = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let mut encodings = std::collections::HashMap::new();
        for (name, font) in doc.get_page_fonts(page_id).expect("page fonts") {
            encodings.insert(name, font.get_font_encoding(&doc).expect("a font encoding"));
        }
        let content =
            lopdf::content::Content::decode(&doc.get_page_content(page_id)).expect("page content");
        let mut font = Vec::new();
        let mut line = String::new();
        let mut span: Option<String> = None;
        let mut lines = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => font = op.operands[0].as_name().expect("a font name").to_vec(),
                "BDC" => span = actual_text(&op.operands),
                "EMC" => {
                    if let Some(text) = span.take() {
                        line.push_str(&text);
                    }
                }
                "Tj" | "TJ" if span.is_none() => {
                    let encoding = encodings.get(&font).expect("a known font");
                    let strings: Vec<&Object> = match &op.operands[0] {
                        Object::Array(items) => items.iter().collect(),
                        other => vec![other],
                    };
                    for s in strings {
                        if let Ok(raw) = s.as_str() {
                            line.push_str(
                                &Document::decode_text(encoding, raw).expect("decodable"),
                            );
                        }
                    }
                }
                "ET" if !line.is_empty() => {
                    lines.push(read_back(&std::mem::take(&mut line)));
                }
                _ => {}
            }
        }
        pages.push(lines);
    }
    pages
}
