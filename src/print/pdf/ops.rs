//! The drawing operations of a page: its positioned boxes as printpdf
//! operations, a graphics state change only where the value changes, and
//! lines that need shaping drawn glyph by glyph.

use std::collections::HashMap;

use printpdf::{
    Codepoint, Color, DictItem, FontId, Greyscale, Line, LinePoint, Op, PaintMode, PdfFontHandle,
    Point, Pt, TextItem, TextMatrix,
};

use crate::print::font::{Fonts, Weight};
use crate::print::layout::{Item, Page};
use crate::print::shape;

fn gray(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level,
        icc_profile: None,
    })
}

fn font_handle(weight: Weight) -> PdfFontHandle {
    PdfFontHandle::External(FontId(match weight {
        Weight::Regular => "DejaVuSans".to_string(),
        Weight::Bold => "DejaVuSans-Bold".to_string(),
    }))
}

/// Graphics state already set in the content stream, so each operator is
/// emitted only when its value changes, which keeps the PDF small and fast
/// to write.
#[derive(Default)]
struct State {
    in_text: bool,
    font: Option<(Weight, f32)>,
    fill: Option<f32>,
    stroke: Option<f32>,
    black_outline: bool,
}

impl State {
    fn begin_text(&mut self, ops: &mut Vec<Op>) {
        if !self.in_text {
            ops.push(Op::StartTextSection);
            self.in_text = true;
        }
    }
    fn end_text(&mut self, ops: &mut Vec<Op>) {
        if self.in_text {
            ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }
    fn fill(&mut self, ops: &mut Vec<Op>, level: f32) {
        if self.fill != Some(level) {
            ops.push(Op::SetFillColor { col: gray(level) });
            self.fill = Some(level);
        }
    }
    fn font(&mut self, ops: &mut Vec<Op>, weight: Weight, size: f32) {
        if self.font != Some((weight, size)) {
            ops.push(Op::SetFont {
                font: font_handle(weight),
                size: Pt(size),
            });
            self.font = Some((weight, size));
        }
    }
    fn outline(&mut self, ops: &mut Vec<Op>, width: f32) {
        if !self.black_outline {
            ops.push(Op::SetOutlineColor { col: gray(0.0) });
            self.black_outline = true;
        }
        if self.stroke != Some(width) {
            ops.push(Op::SetOutlineThickness { pt: Pt(width) });
            self.stroke = Some(width);
        }
    }
}

/// The text each glyph drawn through the shaper stands for, per font: the
/// first one given wins, since `/ToUnicode` holds one text per glyph.
pub(super) type GlyphTexts = HashMap<(Weight, u16), String>;

/// What draws shaped text: the fonts' shapers and the texts given so far.
pub(super) struct Shaping<'f> {
    pub fonts: &'f Fonts,
    pub texts: GlyphTexts,
}

/// A PDF text string: UTF-16BE behind its byte order mark.
fn text_string(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    DictItem::String {
        data,
        literal: false,
    }
}

/// Draws a line that needs shaping: its glyphs in visual order (as PDF
/// producers do, and as viewers and text extractors expect: they read a
/// line left to right and turn its right-to-left runs around), placed at
/// the shaper's advances and offsets. Each glyph carries its text for
/// `/ToUnicode`; a glyph whose text differs from the one the document
/// gives that glyph (a bracket mirrored in an Arabic run) is wrapped in a
/// `/Span` with its own `/ActualText`.
fn shaped_text_ops(
    ops: &mut Vec<Op>,
    shaping: &mut Shaping,
    (weight, size): (Weight, f32),
    (x, y): (f32, f32),
    text: &str,
) {
    let face = &shaping.fonts.get(weight).face;
    let line = face.shape_line(text);
    let wanted = shape::glyph_texts(face, text, &line.glyphs);
    // Glyphs on one baseline go in one TJ; the kerning numbers after each
    // glyph move the pen from the font's width (`/W`) to the shaper's
    // advance and offset. A raised or lowered glyph (a mark) and a glyph
    // with its own text start a segment of their own.
    let mut pen = 0.0f32;
    let mut segment: Vec<Codepoint> = Vec::new();
    let mut segment_dy = f32::NAN;
    let mut last_end = 0.0f32;
    let mut in_span = false;
    let flush = |ops: &mut Vec<Op>, segment: &mut Vec<Codepoint>, in_span: &mut bool| {
        if !segment.is_empty() {
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(std::mem::take(segment))],
            });
        }
        if std::mem::take(in_span) {
            ops.push(Op::EndMarkedContentWithProperties);
        }
    };
    for (glyph, wanted) in line.glyphs.iter().zip(wanted) {
        let origin = pen + glyph.dx;
        let given = match shape::canonical_text(face, glyph.id) {
            Some(text) => text,
            None => shaping
                .texts
                .entry((weight, glyph.id))
                .or_insert_with(|| wanted.clone())
                .clone(),
        };
        let own_text = given != wanted;
        if own_text || in_span || glyph.dy != segment_dy || segment.is_empty() {
            flush(ops, &mut segment, &mut in_span);
            if own_text {
                let mut span = std::collections::BTreeMap::new();
                span.insert("ActualText".to_string(), text_string(&wanted));
                ops.push(Op::BeginMarkedContentWithProperties {
                    tag: "Span".into(),
                    properties: DictItem::Dict { map: span },
                });
                in_span = true;
            }
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(x + origin * size), Pt(y + glyph.dy * size)),
            });
            segment_dy = glyph.dy;
        } else if let Some(prev) = segment.last_mut() {
            // From where the previous glyph left the pen to this origin.
            prev.offset = (last_end - origin) * 1000.0;
        }
        segment.push(Codepoint::with_cid(glyph.id, 0.0, given));
        last_end = origin + face.pdf_width(glyph.id) / 1000.0;
        pen += glyph.advance;
    }
    flush(ops, &mut segment, &mut in_span);
}

pub(super) fn page_ops(page: &Page, page_h: f32, shaping: &mut Shaping) -> Vec<Op> {
    let mut ops = Vec::with_capacity(page.items.len() * 2 + 8);
    let mut st = State::default();
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
                st.begin_text(&mut ops);
                st.fill(&mut ops, *g);
                st.font(&mut ops, *weight, *size);
                if shape::needs_shaping(text) {
                    let at = (*x, y(*baseline).0);
                    shaped_text_ops(&mut ops, shaping, (*weight, *size), at, text);
                } else {
                    ops.push(Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(Pt(*x), y(*baseline)),
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(text.clone())],
                    });
                }
                // One text object per line: text extractors (and screen
                // readers) then see each line as a unit.
                st.end_text(&mut ops);
            }
            Item::Rotated {
                x,
                y: baseline,
                size,
                angle,
                text,
                gray: g,
            } => {
                st.begin_text(&mut ops);
                st.fill(&mut ops, *g);
                st.font(&mut ops, Weight::Bold, *size);
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::TranslateRotate(Pt(*x), y(*baseline), *angle),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
            }
            Item::Rect { rect, stroke, fill } => {
                st.end_text(&mut ops);
                let mode = match (stroke, fill) {
                    (Some(_), Some(_)) => PaintMode::FillStroke,
                    (None, Some(_)) => PaintMode::Fill,
                    _ => PaintMode::Stroke,
                };
                if let Some(f) = fill {
                    st.fill(&mut ops, *f);
                }
                if let Some(w) = stroke {
                    st.outline(&mut ops, *w);
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
            // Filled in by the attachment stage, after writing.
            Item::Placeholder { .. } => {}
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
            } => {
                st.end_text(&mut ops);
                st.outline(&mut ops, *width);
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
    st.end_text(&mut ops);
    ops
}
