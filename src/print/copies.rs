//! Copies that share their content: the copies of the package differ only
//! in their page furniture (« Exemplaire k / n », the cover's copy mark),
//! so each page's content is written once, as a content stream every copy
//! draws after its own furniture. A package of three copies then holds
//! one copy's drawing operations in memory instead of three, and its file
//! is about a third of the size. The text a reader or extractor gets is the
//! same: a page's content streams are read as one, furniture first, as
//! before.
//!
//! The receipt follows the copies as a page of its own ([`receipt_pages`]).

use std::collections::HashMap;

use printpdf_lopdf as lo;

use super::Furnish;
use super::document::{self, DocumentInput, ReceiptFacts};
use super::furniture::{PageInfo, receipt_furniture};
use super::geometry::{Geometry, Rect};
use super::layout::{Layouter, Page};
use super::shape::MissingGlyph;
use crate::model::dossier::StampCorner;

/// The step of sharing the copies' content that failed.
fn err(what: &'static str) -> &'static str {
    what
}

/// A dictionary given directly or through a reference.
fn resolve(doc: &lo::Document, o: Option<&lo::Object>) -> lo::Dictionary {
    match o {
        Some(lo::Object::Dictionary(d)) => d.clone(),
        Some(lo::Object::Reference(r)) => doc.get_dictionary(*r).cloned().unwrap_or_default(),
        _ => lo::Dictionary::new(),
    }
}

/// The content streams of a page, as an array.
fn contents(dict: &lo::Dictionary) -> Vec<lo::Object> {
    match dict.get(b"Contents") {
        Ok(lo::Object::Array(a)) => a.clone(),
        Ok(other) => vec![other.clone()],
        Err(_) => Vec::new(),
    }
}

/// The furniture page's resources with the body page's added (fonts,
/// graphics states…), one level of dictionaries merged.
fn merged_resources(
    doc: &lo::Document,
    own: &lo::Dictionary,
    body: &lo::Dictionary,
) -> lo::Dictionary {
    let mut out = own.clone();
    for (key, value) in body.iter() {
        let is_dict = |o: &lo::Object| match o {
            lo::Object::Dictionary(_) => true,
            lo::Object::Reference(r) => doc.get_dictionary(*r).is_ok(),
            _ => false,
        };
        match own.get(key) {
            Ok(mine) if is_dict(mine) && is_dict(value) => {
                let mut union = resolve(doc, Some(value));
                for (k, v) in resolve(doc, Some(mine)).iter() {
                    union.set(k.clone(), v.clone());
                }
                out.set(key.clone(), lo::Object::Dictionary(union));
            }
            Ok(_) => {}
            Err(_) => out.set(key.clone(), value.clone()),
        }
    }
    out
}

/// The written document holds `body` content pages, then the furniture
/// pages of every copy (a multiple of `body`), then `trailing` pages of
/// their own (the receipt, after the copies); makes each furniture page
/// draw its body page's content after its own and removes the body pages
/// from the page tree.
pub fn share_bodies(
    doc: &mut lo::Document,
    body: usize,
    trailing: usize,
) -> Result<(), &'static str> {
    let pages: Vec<lo::ObjectId> = doc.get_pages().into_values().collect();
    let copies = pages.len().saturating_sub(trailing);
    if body == 0 || copies <= body || !(copies - body).is_multiple_of(body) {
        return Err(err("nombre de pages inattendu"));
    }
    let (bodies, rest) = pages.split_at(body);
    let (furniture, own) = rest.split_at(copies - body);
    let root = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(lo::Object::as_reference)
        .map_err(|_| err("arbre des pages introuvable"))?;
    for (j, &page) in furniture.iter().enumerate() {
        let body_dict = doc
            .get_dictionary(bodies[j % body])
            .map_err(|_| err("page de contenu illisible"))?
            .clone();
        let own = doc
            .get_dictionary(page)
            .map_err(|_| err("page illisible"))?
            .clone();
        let resources = merged_resources(
            doc,
            &resolve(doc, own.get(b"Resources").ok()),
            &resolve(doc, body_dict.get(b"Resources").ok()),
        );
        let mut streams = contents(&own);
        streams.extend(contents(&body_dict));
        let dict = doc
            .get_dictionary_mut(page)
            .map_err(|_| err("page illisible"))?;
        dict.set("Contents", lo::Object::Array(streams));
        dict.set("Resources", lo::Object::Dictionary(resources));
        dict.set("Parent", lo::Object::Reference(root));
    }
    let kids: Vec<lo::Object> = furniture
        .iter()
        .chain(own)
        .map(|&id| lo::Object::Reference(id))
        .collect();
    let count = kids.len() as i64;
    let tree = doc
        .get_dictionary_mut(root)
        .map_err(|_| err("arbre des pages illisible"))?;
    tree.set("Kids", lo::Object::Array(kids));
    tree.set("Count", count);
    for id in bodies {
        doc.objects.remove(id);
    }
    // The body pages' own resource dictionaries are referenced no more.
    doc.prune_objects();
    Ok(())
}

// ---------------------------------------------------------------- Receipt

/// The receipt's page: the whole page below the running band, with no
/// stamp zone (the president's stamp is for the copies' pages; the DPTC
/// stamps its own frame), so it is the same page whatever the stamp corner.
pub(crate) fn receipt_geometry() -> Geometry {
    let g = Geometry::a4(StampCorner::BottomRight);
    let margin = g.content.x;
    Geometry {
        content: Rect {
            h: g.page_h - margin - g.content.y,
            ..g.content
        },
        exclusion: None,
        ..g
    }
}

/// The receipt printed after the copies: its page (one, set tighter when
/// the list of pieces would not fit) and the characters the font lacks.
pub(crate) fn receipt_pages(
    input: &DocumentInput,
    copies: u32,
    pages_per_copy: usize,
    furnish: &Furnish,
) -> (Vec<Page>, Vec<MissingGlyph>) {
    let geo = receipt_geometry();
    let lay = |compact: bool| {
        let facts = ReceiptFacts {
            copies,
            pages_per_copy,
            fingerprint: furnish.fingerprint,
            compact,
        };
        let blocks = document::receipt(input, &facts);
        Layouter::new(furnish.fonts, geo, HashMap::new()).layout(&blocks)
    };
    let mut laid = lay(false);
    if laid.pages.len() > 1 {
        laid = lay(true);
    }
    let info = PageInfo {
        page: 1,
        pages: 1,
        copy: 0,
        copies,
        cluster: furnish.cluster,
        call_title: furnish.call_title,
        draft: furnish.draft,
        feminine: furnish.feminine,
        fingerprint: furnish.fingerprint,
    };
    let pages = laid
        .pages
        .iter()
        .map(|content| {
            let mut items = receipt_furniture(furnish.fonts, &geo, &info);
            items.extend(content.items.iter().cloned());
            Page { items }
        })
        .collect();
    (pages, laid.missing)
}
