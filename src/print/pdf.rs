//! The PDF writer: pages of positioned boxes in, PDF bytes out. A pure
//! function of its input, and the only place that knows printpdf.

use std::collections::HashMap;

use printpdf::{
    Codepoint, Color, DictItem, FontId, Greyscale, Line, LinePoint, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem, TextMatrix,
};

use super::font::{BOLD_TTF, Fonts, REGULAR_TTF, Weight};
use super::geometry::Geometry;
use super::layout::{Item, Page};
use super::shape;

/// Document metadata; the dates come from the dossier, never the clock, so
/// the same dossier always gives the same bytes.
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// Unix seconds written as creation and modification dates.
    pub date_unix: i64,
    /// Names the dossier file that printed it (see [`SOURCE_KEY`]).
    pub source: Option<String>,
}

/// The Info entry naming the dossier that wrote a PDF, so that a later print
/// can tell its own earlier PDF from another dossier's (`service::jobs`).
pub const SOURCE_KEY: &str = "ClusterDossierSource";

/// Why the PDF could not be written; the libraries' errors are kept as
/// sources, the French text is made once, here.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("écriture du PDF impossible : police {0} illisible")]
    Font(&'static str),
    #[error("écriture du PDF impossible : date du document invalide ({0})")]
    Date(&'static str),
    #[error("écriture du PDF impossible : copies partagées, {0}")]
    Copies(&'static str),
    #[error("écriture du PDF impossible")]
    Write(#[source] std::io::Error),
    #[error("insertion des pièces jointes impossible")]
    Attachments(#[source] lopdf::Error),
}

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
type GlyphTexts = HashMap<(Weight, u16), String>;

/// What draws shaped text: the fonts' shapers and the texts given so far.
struct Shaping<'f> {
    fonts: &'f Fonts,
    texts: GlyphTexts,
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

fn page_ops(page: &Page, page_h: f32, shaping: &mut Shaping) -> Vec<Op> {
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

/// Writes the pages as one PDF.
///
/// Pages are taken one at a time and turned into PDF operations at once,
/// so a package of several copies never holds all its pages twice (the
/// peak memory of a large dossier's three copies).
pub fn write(
    pages: impl IntoIterator<Item = Page>,
    geo: &Geometry,
    meta: &Metadata,
) -> Result<Vec<u8>, PdfError> {
    write_with(pages, (0, 0), geo, meta)
}

/// Writes copies of the same content: `body` is one copy's content pages,
/// `furniture` the furniture pages of every copy in order (a multiple of
/// `body`). Each page shows its furniture, then its body page, whose
/// content stream all copies share (see [`super::copies`]); `trailing`
/// pages (the receipt) follow the copies, whole and unshared.
pub fn write_copies(
    body: &[Page],
    furniture: impl IntoIterator<Item = Page>,
    trailing: &[Page],
    geo: &Geometry,
    meta: &Metadata,
) -> Result<Vec<u8>, PdfError> {
    let pages = body.iter().cloned().chain(furniture);
    let pages = pages.chain(trailing.iter().cloned());
    write_with(pages, (body.len(), trailing.len()), geo, meta)
}

/// Writes `pages`; the first `shared` are content pages drawn under the
/// furniture pages that follow (none when `shared` is 0), but for the last
/// `trailing` pages, which stand alone.
fn write_with(
    pages: impl IntoIterator<Item = Page>,
    (shared, trailing): (usize, usize),
    geo: &Geometry,
    meta: &Metadata,
) -> Result<Vec<u8>, PdfError> {
    let mut doc = PdfDocument::new(&meta.title);
    let mut warnings = Vec::new();
    for (id, bytes) in [("DejaVuSans", REGULAR_TTF), ("DejaVuSans-Bold", BOLD_TTF)] {
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or(PdfError::Font(id))?;
        // Fixed ids (not printpdf's generated ones) keep the output identical
        // from one render to the next.
        doc.resources
            .fonts
            .map
            .insert(FontId(id.to_string()), PdfFont::new(parsed));
    }
    let when =
        printpdf::OffsetDateTime::from_unix_timestamp(meta.date_unix).map_err(PdfError::Date)?;
    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.creator = "cluster-dossier".into();
    info.producer = format!("cluster-dossier {}", env!("CARGO_PKG_VERSION"));
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;

    let w = printpdf::Mm(geo.page_w * 25.4 / 72.0);
    let h = printpdf::Mm(geo.page_h * 25.4 / 72.0);
    let mut id = StableId::new();
    let mut shaping = Shaping {
        fonts: super::fonts().map_err(|_| PdfError::Font("DejaVuSans"))?,
        texts: GlyphTexts::new(),
    };
    let pdf_pages: Vec<PdfPage> = pages
        .into_iter()
        .map(|p| {
            id.eat_page(&p);
            PdfPage::new(w, h, page_ops(&p, geo.page_h, &mut shaping))
        })
        .collect();
    let id = id.finish(pdf_pages.len());
    doc.metadata.info.identifier = id.clone();
    doc.with_pages(pdf_pages);
    // printpdf's own compression uses zlib's slowest level; compressing
    // here at the fast level keeps the file small and the render quick
    // (measured: 425 ms → see benches/render.rs for the current figure).
    let opts = PdfSaveOptions {
        subset_fonts: false,
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let mut save_warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut save_warnings);
    if let Some(source) = &meta.source
        && let Ok(info) = lo.trailer.get(b"Info").and_then(|o| o.as_reference())
        && let Ok(dict) = lo.get_dictionary_mut(info)
    {
        // A PDF text string: UTF-16BE after its byte order mark.
        let text = [0xFE, 0xFF].into_iter();
        let text = text.chain(source.encode_utf16().flat_map(u16::to_be_bytes));
        let hex = printpdf_lopdf::StringFormat::Hexadecimal;
        let value = printpdf_lopdf::Object::String(text.collect(), hex);
        dict.set(SOURCE_KEY, value);
    }
    // The operations are in the content streams now: free them before
    // compressing.
    drop(doc);
    if shared > 0 {
        super::copies::share_bodies(&mut lo, shared, trailing).map_err(PdfError::Copies)?;
    }
    // printpdf embeds whole fonts without its heavy text_layout feature:
    // keep only the glyphs the pages show (same glyph ids, same text).
    super::subset::subset_document(&mut lo);
    compress_streams(&mut lo);
    lo.trailer.set(
        "ID",
        printpdf_lopdf::Object::Array(vec![
            printpdf_lopdf::Object::String(
                id.clone().into_bytes(),
                printpdf_lopdf::StringFormat::Literal,
            ),
            printpdf_lopdf::Object::String(id.into_bytes(), printpdf_lopdf::StringFormat::Literal),
        ]),
    );
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(PdfError::Write)?;
    Ok(bytes)
}

/// Flate-compresses every stream not yet filtered, on all cores (streams
/// are independent), at zlib's fast level.
fn compress_streams(doc: &mut printpdf_lopdf::Document) {
    use std::io::Write;
    let mut streams: Vec<&mut printpdf_lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|o| match o {
            printpdf_lopdf::Object::Stream(s)
                if s.allows_compression && s.dict.get(b"Filter").is_err() =>
            {
                Some(s)
            }
            _ => None,
        })
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = streams.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for part in streams.chunks_mut(chunk) {
            scope.spawn(move || {
                for stream in part {
                    let mut encoder =
                        flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
                    if encoder.write_all(&stream.content).is_err() {
                        continue;
                    }
                    if let Ok(compressed) = encoder.finish()
                        && compressed.len() + 19 < stream.content.len()
                    {
                        stream.dict.set("Filter", "FlateDecode");
                        stream.set_content(compressed);
                    }
                }
            });
        }
    });
}

/// A 32-character id derived from the content (FNV-1a), instead of
/// printpdf's process-global counter, fed one page at a time.
struct StableId(u64);

impl StableId {
    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    fn eat(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn eat_page(&mut self, page: &Page) {
        for item in &page.items {
            if let Item::Text { text, x, y, .. } = item {
                self.eat(text.as_bytes());
                self.eat(&x.to_le_bytes());
                self.eat(&y.to_le_bytes());
            }
        }
    }

    fn finish(mut self, pages: usize) -> String {
        self.eat(&pages.to_le_bytes());
        let h = self.0;
        format!("{h:016x}{:016x}", h.rotate_left(29) ^ 0x5bd1_e995_5bd1_e995)
    }
}
