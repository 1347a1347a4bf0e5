//! Helpers shared by the integration tests. Each test binary compiles this
//! module on its own and uses only part of it.
#![allow(dead_code)]

pub mod read;

use cluster_dossier::model::dossier::{Activity, Member, MemberCategory};
use cluster_dossier::model::rules::{self, CheckContext};
use cluster_dossier::model::{CallProfile, Dossier, Finding};
use cluster_dossier::print::font::Fonts;
use cluster_dossier::print::geometry::Rect;
use cluster_dossier::print::layout::{Item, Page};

/// The bundled 2026 profile.
pub fn profile() -> CallProfile {
    CallProfile::edition_2026()
}

/// The bundled example dossier.
pub fn example() -> Dossier {
    cluster_dossier::example_dossier().expect("the bundled example parses")
}

/// Findings with no clock, so the deadline rule never fires.
pub fn findings(dossier: &Dossier, profile: &CallProfile) -> Vec<Finding> {
    rules::check(dossier, profile, &CheckContext::default())
}

pub fn blocking(findings: &[Finding]) -> Vec<&Finding> {
    findings.iter().filter(|f| f.is_blocking()).collect()
}

/// A member modelled on the example's first one (so completeness rules have
/// nothing to say about it), with its own name, category and activity.
pub fn member(name: &str, category: MemberCategory, activity: Activity) -> Member {
    let template = example()
        .members
        .into_iter()
        .next()
        .expect("the example has members");
    Member {
        name: name.to_string(),
        category,
        activity,
        ..template
    }
}

/// `count` members named after `prefix`, all alike.
pub fn members(
    prefix: &str,
    count: usize,
    category: MemberCategory,
    activity: Activity,
) -> Vec<Member> {
    let template = member(prefix, category, activity);
    (0..count)
        .map(|i| Member {
            name: format!("{prefix} n° {}", i + 1),
            ..template.clone()
        })
        .collect()
}

/// Number of members counted for the call's minimum.
pub fn engaged_count(d: &Dossier) -> usize {
    d.members
        .iter()
        .filter(|m| m.category.is_engaged_member())
        .count()
}

/// The example with its last engaged members removed until `n` remain
/// (14: one short of the minimum, the only blocking finding).
pub fn example_with_engaged(n: usize) -> Dossier {
    let mut d = example();
    while engaged_count(&d) > n {
        let last = d
            .members
            .iter()
            .rposition(|m| m.category.is_engaged_member())
            .expect("an engaged member left");
        d.members.remove(last);
    }
    d
}

/// Deterministic pseudo-random numbers (tests must be reproducible).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    /// A value in `lo..=hi`.
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

// ------------------------------------------------------------------ PDF

/// The text of every page of a PDF, in page order, through lopdf's own
/// extraction (it maps the Identity-H glyph ids back with the fonts'
/// ToUnicode CMaps).
pub fn pdf_pages_text(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let count = doc.get_pages().len() as u32;
    (1..=count)
        .map(|n| doc.extract_text(&[n]).expect("page text extracts"))
        .collect()
}

/// A text entry of the PDF's Info dictionary, decoded (UTF-16 or PDFDoc).
pub fn pdf_info(bytes: &[u8], key: &str) -> Option<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let info = doc.trailer.get(b"Info").ok()?;
    let (_, info) = doc.dereference(info).ok()?;
    let value = info.as_dict().ok()?.get(key.as_bytes()).ok()?;
    lopdf::decode_text_string(value).ok()
}

// ------------------------------------------------------------------ Layout

/// The box a text item may ink: its advance width across, from one em
/// above the baseline to a quarter em below.
pub fn text_box(fonts: &Fonts, item: &Item) -> Option<Rect> {
    match item {
        Item::Text {
            x,
            y,
            size,
            weight,
            text,
            ..
        } => Some(Rect {
            x: *x,
            y: y - size,
            w: fonts.get(*weight).width(text, *size),
            h: 1.25 * size,
        }),
        _ => None,
    }
}

/// `inner` lies inside `outer`, give or take `eps` points of float noise.
pub fn contains(outer: &Rect, inner: &Rect, eps: f32) -> bool {
    inner.x >= outer.x - eps
        && inner.y >= outer.y - eps
        && inner.right() <= outer.right() + eps
        && inner.bottom() <= outer.bottom() + eps
}

/// The strings of a page's text items, in drawing order.
pub fn page_texts(page: &Page) -> Vec<&str> {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// A text shown on a PDF page, read back from the content stream.
#[derive(Clone, Debug)]
pub struct PdfText {
    /// Start of the baseline, in points from the left and from the top.
    pub x: f32,
    pub y: f32,
    pub size: f32,
    /// Advance width from the font's own /W widths, in points.
    pub width: f32,
    pub text: String,
    /// Drawn with a rotated text matrix (the draft watermark).
    pub rotated: bool,
}

impl PdfText {
    /// The same box as [`text_box`]: one em above the baseline, a quarter
    /// em below.
    pub fn bbox(&self) -> Rect {
        Rect {
            x: self.x,
            y: self.y - self.size,
            w: self.width,
            h: 1.25 * self.size,
        }
    }
}

/// Glyph widths (per 1000 em) of a CID font's /W array.
fn cid_widths(
    doc: &lopdf::Document,
    font: &lopdf::Dictionary,
) -> (std::collections::HashMap<u32, f32>, f32) {
    use lopdf::Object;
    let deref = |o: &Object| {
        doc.dereference(o)
            .map(|(_, o)| o.clone())
            .expect("a PDF object")
    };
    let descendants = deref(font.get(b"DescendantFonts").expect("a Type0 font"));
    let cid = deref(&descendants.as_array().expect("an array")[0]);
    let cid = cid.as_dict().expect("a CID font");
    let default = cid
        .get(b"DW")
        .ok()
        .and_then(|o| o.as_float().ok())
        .unwrap_or(1000.0);
    let mut widths = std::collections::HashMap::new();
    let w = cid.get(b"W").map(deref).ok();
    let items = w
        .as_ref()
        .and_then(|w| w.as_array().ok())
        .cloned()
        .unwrap_or_default();
    let mut i = 0;
    while i < items.len() {
        let first = items[i].as_i64().expect("a glyph id") as u32;
        match items.get(i + 1).map(deref) {
            // c [w1 w2 ...]
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate() {
                    widths.insert(first + k as u32, v.as_float().expect("a width"));
                }
                i += 2;
            }
            // c_first c_last w
            Some(last) => {
                let last = last.as_i64().expect("a glyph id") as u32;
                let w = items[i + 2].as_float().expect("a width");
                for g in first..=last {
                    widths.insert(g, w);
                }
                i += 3;
            }
            None => break,
        }
    }
    (widths, default)
}

/// Every text each page of a PDF shows, with its position and width, as
/// drawn (the writer emits one `BT Tf Tm Tj ET` per text).
pub fn pdf_texts(bytes: &[u8]) -> Vec<Vec<PdfText>> {
    use lopdf::Object;
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let mut out = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let page = doc.get_dictionary(page_id).expect("a page");
        let media = page
            .get(b"MediaBox")
            .and_then(Object::as_array)
            .expect("a MediaBox");
        let page_h = media[3].as_float().expect("a height");
        let mut fonts = std::collections::HashMap::new();
        for (name, font) in doc.get_page_fonts(page_id).expect("page fonts") {
            let encoding = font.get_font_encoding(&doc).expect("a font encoding");
            fonts.insert(name, (encoding, cid_widths(&doc, font)));
        }
        let content =
            lopdf::content::Content::decode(&doc.get_page_content(page_id)).expect("page content");
        let (mut font, mut size) = (Vec::new(), 0.0f32);
        let (mut x, mut y, mut rotated) = (0.0f32, 0.0f32, false);
        let mut texts = Vec::new();
        for op in &content.operations {
            let num = |i: usize| op.operands[i].as_float().expect("a number");
            match op.operator.as_str() {
                "Tf" => {
                    font = op.operands[0].as_name().expect("a font name").to_vec();
                    size = num(1);
                }
                "Tm" => {
                    rotated = num(1).abs() > 1e-4 || num(2).abs() > 1e-4;
                    x = num(4);
                    y = page_h - num(5);
                }
                "Tj" => {
                    let (encoding, (widths, default)) = fonts.get(&font).expect("a known font");
                    let raw = op.operands[0].as_str().expect("a string");
                    let width: f32 = raw
                        .chunks(2)
                        .map(|g| (u32::from(g[0]) << 8) | u32::from(*g.get(1).unwrap_or(&0)))
                        .map(|g| widths.get(&g).copied().unwrap_or(*default))
                        .sum::<f32>()
                        / 1000.0
                        * size;
                    let text = lopdf::Document::decode_text(encoding, raw).expect("decodable text");
                    texts.push(PdfText {
                        x,
                        y,
                        size,
                        width,
                        text,
                        rotated,
                    });
                }
                _ => {}
            }
        }
        out.push(texts);
    }
    out
}
