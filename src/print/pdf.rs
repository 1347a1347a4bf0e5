//! The PDF writer: pages of positioned boxes in, PDF bytes out. A pure
//! function of its input, and the only place that knows printpdf.

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Op, PaintMode, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem, TextMatrix,
};

use super::font::{BOLD_TTF, REGULAR_TTF, Weight};
use super::geometry::Geometry;
use super::layout::{Item, Page};

/// Document metadata; the dates come from the dossier, never the clock, so
/// the same dossier always gives the same bytes.
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// Unix seconds written as creation and modification dates.
    pub date_unix: i64,
}

#[derive(Debug, thiserror::Error)]
#[error("écriture du PDF impossible : {0}")]
pub struct PdfError(String);

fn gray(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level,
        icc_profile: None,
    })
}

fn font_handle(weight: Weight) -> PdfFontHandle {
    PdfFontHandle::External(FontId(match weight {
        Weight::Regular => "F1".to_string(),
        Weight::Bold => "F2".to_string(),
    }))
}

fn page_ops(page: &Page, page_h: f32) -> Vec<Op> {
    let mut ops = Vec::with_capacity(page.items.len() * 4);
    let y = |top: f32| Pt(page_h - top);
    for item in &page.items {
        match item {
            Item::Text {
                x,
                y: baseline,
                size,
                weight,
                text,
                gray: g,
            } => {
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFillColor { col: gray(*g) });
                ops.push(Op::SetFont {
                    font: font_handle(*weight),
                    size: Pt(*size),
                });
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(*x), y(*baseline)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
                ops.push(Op::EndTextSection);
            }
            Item::Rotated {
                x,
                y: baseline,
                size,
                angle,
                text,
                gray: g,
            } => {
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFillColor { col: gray(*g) });
                ops.push(Op::SetFont {
                    font: font_handle(Weight::Bold),
                    size: Pt(*size),
                });
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::TranslateRotate(Pt(*x), y(*baseline), *angle),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
                ops.push(Op::EndTextSection);
            }
            Item::Rect { rect, stroke, fill } => {
                let mode = match (stroke, fill) {
                    (Some(_), Some(_)) => PaintMode::FillStroke,
                    (None, Some(_)) => PaintMode::Fill,
                    _ => PaintMode::Stroke,
                };
                if let Some(f) = fill {
                    ops.push(Op::SetFillColor { col: gray(*f) });
                }
                if let Some(w) = stroke {
                    ops.push(Op::SetOutlineThickness { pt: Pt(*w) });
                    ops.push(Op::SetOutlineColor { col: gray(0.0) });
                }
                ops.push(Op::DrawRectangle {
                    rectangle: printpdf::Rect {
                        x: Pt(rect.x),
                        y: y(rect.bottom()),
                        width: Pt(rect.w),
                        height: Pt(rect.h),
                        mode: Some(mode),
                        winding_order: None,
                    },
                });
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
            } => {
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                ops.push(Op::SetOutlineColor { col: gray(0.0) });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint {
                                p: Point {
                                    x: Pt(*x1),
                                    y: y(*y1),
                                },
                                bezier: false,
                            },
                            LinePoint {
                                p: Point {
                                    x: Pt(*x2),
                                    y: y(*y2),
                                },
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
        }
    }
    ops
}

/// Writes the pages as one PDF.
pub fn write(pages: &[Page], geo: &Geometry, meta: &Metadata) -> Result<Vec<u8>, PdfError> {
    let mut doc = PdfDocument::new(&meta.title);
    let mut warnings = Vec::new();
    for (id, bytes) in [("F1", REGULAR_TTF), ("F2", BOLD_TTF)] {
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| PdfError(format!("police {id} illisible")))?;
        // Fixed ids (not printpdf's generated ones) keep the output identical
        // from one render to the next.
        doc.resources
            .fonts
            .map
            .insert(FontId(id.to_string()), PdfFont::new(parsed));
    }
    let when = printpdf::OffsetDateTime::from_unix_timestamp(meta.date_unix)
        .map_err(|e| PdfError(e.to_string()))?;
    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.creator = "cluster-dossier".into();
    info.producer = format!("cluster-dossier {}", env!("CARGO_PKG_VERSION"));
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;
    info.identifier = stable_id(pages);

    let w = printpdf::Mm(geo.page_w * 25.4 / 72.0);
    let h = printpdf::Mm(geo.page_h * 25.4 / 72.0);
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .map(|p| PdfPage::new(w, h, page_ops(p, geo.page_h)))
        .collect();
    doc.with_pages(pdf_pages);
    let opts = PdfSaveOptions {
        subset_fonts: false,
        ..PdfSaveOptions::default()
    };
    let mut save_warnings = Vec::new();
    let bytes = doc.save(&opts, &mut save_warnings);
    Ok(replace_trailer_ids(bytes, &stable_id(pages)))
}

/// A 32-character id derived from the content (FNV-1a), instead of
/// printpdf's process-global counter.
fn stable_id(pages: &[Page]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(&pages.len().to_le_bytes());
    for p in pages {
        for item in &p.items {
            if let Item::Text { text, x, y, .. } = item {
                eat(text.as_bytes());
                eat(&x.to_le_bytes());
                eat(&y.to_le_bytes());
            }
        }
    }
    format!("{h:016x}{:016x}", h.rotate_left(29) ^ 0x5bd1_e995_5bd1_e995)
}

/// printpdf writes two random 32-byte literal strings as the trailer's /ID;
/// overwrite them in place (same length, so offsets stay valid).
fn replace_trailer_ids(mut bytes: Vec<u8>, id: &str) -> Vec<u8> {
    let needle = b"/ID";
    let Some(start) = bytes.windows(needle.len()).rposition(|w| w == needle) else {
        return bytes;
    };
    let id = id.as_bytes();
    let mut pos = start + needle.len();
    for _ in 0..2 {
        let Some(open) = bytes[pos..]
            .iter()
            .position(|b| *b == b'(')
            .map(|o| pos + o)
        else {
            break;
        };
        let Some(close) = bytes[open + 1..]
            .iter()
            .position(|b| *b == b')')
            .map(|o| open + 1 + o)
        else {
            break;
        };
        if close - open - 1 == id.len() {
            bytes[open + 1..close].copy_from_slice(id);
        }
        pos = close + 1;
    }
    bytes
}
