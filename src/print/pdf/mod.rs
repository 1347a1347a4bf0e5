//! The PDF writer: pages of positioned boxes in, PDF bytes out. A pure
//! function of its input, and the only place that knows printpdf.

mod content;
mod ops;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

use printpdf::{
    FontId, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Pt,
    TextItem,
};

use super::font::{BOLD_TTF, REGULAR_TTF};
use super::geometry::Geometry;
use super::layout::{Item, Page};
use content::{Face, Reals, Stream, Usage};
use ops::{GlyphTexts, Shaping, page_ops};

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
    #[error("écriture du PDF impossible : {0}")]
    Streams(&'static str),
    #[error("écriture du PDF impossible")]
    Write(#[source] std::io::Error),
    #[error("insertion des pièces jointes impossible")]
    Attachments(#[source] lopdf::Error),
}

/// Writes the pages as one PDF.
///
/// Pages are taken one at a time and their content streams written at
/// once, so a package of several copies never holds all its pages twice
/// (the peak memory of a large dossier's three copies).
pub fn write<P>(pages: P, geo: &Geometry, meta: &Metadata) -> Result<Vec<u8>, PdfError>
where
    P: IntoIterator<Item = Page>,
    P::IntoIter: Clone,
{
    write_with(pages.into_iter(), (0, 0), geo, meta)
}

/// Writes copies of the same content: `body` is one copy's content pages,
/// `furniture` the furniture pages of every copy in order (a multiple of
/// `body`). Each page shows its furniture, then its body page, whose
/// content stream all copies share (see [`super::copies`]); `trailing`
/// pages (the receipt) follow the copies, whole and unshared.
pub fn write_copies<F>(
    body: &[Page],
    furniture: F,
    trailing: &[Page],
    geo: &Geometry,
    meta: &Metadata,
) -> Result<Vec<u8>, PdfError>
where
    F: IntoIterator<Item = Page>,
    F::IntoIter: Clone,
{
    let pages = body.iter().cloned().chain(furniture);
    let pages = pages.chain(trailing.iter().cloned());
    write_with(pages, (body.len(), trailing.len()), geo, meta)
}

#[cfg(test)]
thread_local! {
    /// Tests: printpdf writes every page's stream, as the reference.
    static REFERENCE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether printpdf must write the streams (the tests' reference).
fn reference() -> bool {
    #[cfg(test)]
    return REFERENCE.with(std::cell::Cell::get);
    #[cfg(not(test))]
    false
}

/// Parses the fonts [`write`] needs ahead of it (on another thread while
/// the pages are laid out).
pub(crate) fn ready_fonts() {
    let _ = faces();
}

/// The bundled fonts as printpdf parses them, once per process.
fn faces() -> Result<&'static [Face], PdfError> {
    static FACES: OnceLock<Result<Vec<Face>, &'static str>> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        [("DejaVuSans", REGULAR_TTF), ("DejaVuSans-Bold", BOLD_TTF)]
            .into_iter()
            .map(|(id, bytes)| {
                let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(id)?;
                Ok(Face::new(id, parsed))
            })
            .collect()
    });
    faces.as_deref().map_err(|id| PdfError::Font(id))
}

/// Each page's content stream, and the glyphs they show.
type Written = (Vec<Vec<u8>>, Usage);

/// The content streams of `pages` and the glyphs they show; `None` when
/// a page needs what [`content`] does not write (printpdf writes them).
fn streams(
    pages: impl Iterator<Item = Page>,
    faces: &[Face],
    page_h: f32,
    id: &mut StableId,
) -> Result<Option<Written>, PdfError> {
    let mut shaping = Shaping {
        fonts: super::fonts().map_err(|_| PdfError::Font("DejaVuSans"))?,
        texts: GlyphTexts::new(),
    };
    let mut usage = Usage::new(faces.len());
    let mut reals = Reals::new();
    let mut out = Vec::new();
    for page in pages {
        id.eat_page(&page);
        let mut stream = Stream::new(faces, &mut usage, &mut reals);
        for op in &page_ops(&page, page_h, &mut shaping) {
            stream.push(op);
        }
        if stream.foreign {
            return Ok(None);
        }
        out.push(stream.finish());
    }
    Ok((!usage.font_left_out()).then_some((out, usage)))
}

/// A page showing each glyph the document uses once, with its text: what
/// printpdf needs to write the fonts' widths and `/ToUnicode` as it would
/// from all the pages.
fn glyphs_page(faces: &[Face], usage: &Usage) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    for (f, face) in faces.iter().enumerate() {
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(FontId(face.id.to_string())),
            size: Pt(10.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(usage.glyphs(f))],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

/// Writes `pages`; the first `shared` are content pages drawn under the
/// furniture pages that follow (none when `shared` is 0), but for the last
/// `trailing` pages, which stand alone.
fn write_with(
    pages: impl Iterator<Item = Page> + Clone,
    (shared, trailing): (usize, usize),
    geo: &Geometry,
    meta: &Metadata,
) -> Result<Vec<u8>, PdfError> {
    let faces = faces()?;
    let mut id = StableId::new();
    let fast = if reference() {
        None
    } else {
        streams(pages.clone(), faces, geo.page_h, &mut id)?
    };
    let mut doc = PdfDocument::new(&meta.title);
    for face in faces {
        // Fixed ids (not printpdf's generated ones) keep the output identical
        // from one render to the next.
        doc.resources.fonts.map.insert(
            FontId(face.id.to_string()),
            PdfFont::new(face.parsed.clone()),
        );
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
    let pdf_pages: Vec<PdfPage> = match &fast {
        // Empty pages but the first, which shows the glyphs used; the
        // streams are put in place below.
        Some((streams, usage)) => (0..streams.len())
            .map(|i| {
                let ops = if i == 0 {
                    glyphs_page(faces, usage)
                } else {
                    Vec::new()
                };
                PdfPage::new(w, h, ops)
            })
            .collect(),
        None => {
            let mut shaping = Shaping {
                fonts: super::fonts().map_err(|_| PdfError::Font("DejaVuSans"))?,
                texts: GlyphTexts::new(),
            };
            id = StableId::new();
            pages
                .map(|p| {
                    id.eat_page(&p);
                    PdfPage::new(w, h, page_ops(&p, geo.page_h, &mut shaping))
                })
                .collect()
        }
    };
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
    drop(doc);
    if let Some((streams, _)) = fast {
        put_streams(&mut lo, streams)?;
    }
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

/// Each page's content stream, in page order, in place of the empty one
/// printpdf wrote.
fn put_streams(lo: &mut printpdf_lopdf::Document, streams: Vec<Vec<u8>>) -> Result<(), PdfError> {
    let pages: Vec<_> = lo.get_pages().into_values().collect();
    if pages.len() != streams.len() {
        return Err(PdfError::Streams("nombre de pages inattendu"));
    }
    for (page, bytes) in pages.into_iter().zip(streams) {
        let contents = lo
            .get_dictionary(page)
            .and_then(|d| d.get(b"Contents"))
            .and_then(printpdf_lopdf::Object::as_reference)
            .map_err(|_| PdfError::Streams("contenu de page introuvable"))?;
        match lo.get_object_mut(contents) {
            Ok(printpdf_lopdf::Object::Stream(s)) => s.set_content(bytes),
            _ => return Err(PdfError::Streams("contenu de page introuvable")),
        }
    }
    Ok(())
}

/// Flate-compresses every stream not yet filtered, on all cores (streams
/// are independent), at zlib's fast level. The streams are shared out by
/// size (the fonts are the largest), the calling thread taking a share.
fn compress_streams(doc: &mut printpdf_lopdf::Document) {
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
    streams.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
    let mut shares: Vec<(usize, Vec<&mut printpdf_lopdf::Stream>)> =
        (0..threads).map(|_| (0, Vec::new())).collect();
    for stream in streams {
        if let Some(share) = shares.iter_mut().min_by_key(|(load, _)| *load) {
            share.0 += stream.content.len();
            share.1.push(stream);
        }
    }
    let mut shares = shares.into_iter().map(|(_, share)| share);
    let own = shares.next().unwrap_or_default();
    std::thread::scope(|scope| {
        for share in shares.filter(|s| !s.is_empty()) {
            scope.spawn(move || compress(share));
        }
        compress(own);
    });
}

fn compress(streams: Vec<&mut printpdf_lopdf::Stream>) {
    use std::io::Write;
    for stream in streams {
        let out = Vec::with_capacity(stream.content.len() / 2);
        let mut encoder = flate2::write::ZlibEncoder::new(out, flate2::Compression::fast());
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
