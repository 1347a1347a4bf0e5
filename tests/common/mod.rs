//! Helpers shared by the integration tests. Each test binary compiles this
//! module on its own and uses only part of it.
#![allow(dead_code)]

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
    let template = example().members.into_iter().next().expect("the example has members");
    Member {
        name: name.to_string(),
        category,
        activity,
        ..template
    }
}

/// `count` members named after `prefix`, all alike.
pub fn members(prefix: &str, count: usize, category: MemberCategory, activity: Activity) -> Vec<Member> {
    let template = member(prefix, category, activity);
    (0..count)
        .map(|i| Member {
            name: format!("{prefix} n° {}", i + 1),
            ..template.clone()
        })
        .collect()
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
        Item::Text { x, y, size, weight, text, .. } => Some(Rect {
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

/// Every text item of every page joined with `sep`.
pub fn all_texts(pages: &[Page], sep: &str) -> String {
    pages
        .iter()
        .flat_map(|p| page_texts(p))
        .collect::<Vec<_>>()
        .join(sep)
}
