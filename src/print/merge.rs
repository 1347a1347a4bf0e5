//! Inserting scanned attachments into the written PDF: each page of a
//! scanned PDF becomes a form XObject, each image an image XObject, drawn
//! scaled into the content area of its placeholder page, so the page
//! furniture (page number, copy, stamp box) stays on every inserted page
//! and never covers the scan. Uses lopdf 0.47 (printpdf keeps its own older
//! lopdf: documents cross between them as bytes).

use std::collections::HashMap;
use std::io::Write;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, dictionary};

use super::geometry::Geometry;
use super::layout::{Item, Page};
use super::pdf::PdfError;
use crate::attach::{Attachments, Content};

/// Page `page` of attachment `key` goes on output page `page_index`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    pub page_index: usize,
    pub key: String,
    pub page: usize,
}

/// The placeholders of written pages, in page order.
pub fn placements(pages: &[Page]) -> Vec<Placement> {
    pages
        .iter()
        .enumerate()
        .flat_map(|(page_index, p)| {
            p.items.iter().filter_map(move |item| match item {
                Item::Placeholder { key, page } => Some(Placement {
                    page_index,
                    key: key.clone(),
                    page: *page,
                }),
                _ => None,
            })
        })
        .collect()
}

fn err(e: lopdf::Error) -> PdfError {
    PdfError::Attachments(e)
}

fn flate(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

/// An entry of a page, looked up through the page tree (Resources and
/// MediaBox are inheritable).
fn inherited(doc: &Document, page: ObjectId, key: &[u8]) -> Option<Object> {
    let mut id = page;
    for _ in 0..64 {
        let dict = doc.get_dictionary(id).ok()?;
        if let Ok(value) = dict.get(key) {
            return Some(value.clone());
        }
        id = dict.get(b"Parent").and_then(Object::as_reference).ok()?;
    }
    None
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// A page box as [x0, y0, x1, y1], following a reference if needed.
fn page_box(doc: &Document, o: Option<Object>) -> [f32; 4] {
    let a4 = [0.0, 0.0, 595.28, 841.89];
    let array = match o {
        Some(Object::Array(a)) => a,
        Some(Object::Reference(r)) => match doc.get_object(r) {
            Ok(Object::Array(a)) => a.clone(),
            _ => return a4,
        },
        _ => return a4,
    };
    let v: Vec<f32> = array.iter().filter_map(number).collect();
    if v.len() == 4 && v[2] > v[0] && v[3] > v[1] {
        [v[0], v[1], v[2], v[3]]
    } else {
        a4
    }
}

/// The XObjects of one attachment, one per page, with their natural size.
struct Drawable {
    id: ObjectId,
    /// Form: its BBox; image: [0, 0, width, height] in pixels.
    bbox: [f32; 4],
    /// Images are drawn from the unit square.
    image: bool,
}

fn add_pdf(doc: &mut Document, bytes: &[u8]) -> Result<Vec<Drawable>, PdfError> {
    let mut src = Document::load_mem(bytes).map_err(err)?;
    src.renumber_objects_with(doc.max_id + 1);
    let mut forms = Vec::new();
    for (_, page) in src.get_pages() {
        let content = src.get_page_content(page);
        let resources = inherited(&src, page, b"Resources")
            .unwrap_or_else(|| Object::Dictionary(Dictionary::new()));
        let bbox = page_box(
            &src,
            inherited(&src, page, b"CropBox").or_else(|| inherited(&src, page, b"MediaBox")),
        );
        let dict = dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => bbox.iter().map(|v| Object::Real(*v)).collect::<Vec<_>>(),
            "Resources" => resources,
            "Filter" => "FlateDecode",
        };
        forms.push((Stream::new(dict, flate(&content)), bbox));
    }
    doc.max_id = doc.max_id.max(src.max_id);
    // The source's objects (fonts, images) are what the forms' resources
    // point to; what nothing references any more is pruned at the end.
    doc.objects.extend(src.objects);
    Ok(forms
        .into_iter()
        .map(|(stream, bbox)| Drawable {
            id: doc.add_object(stream),
            bbox,
            image: false,
        })
        .collect())
}

/// An image as an XObject; `None` for a PDF (see [`add_pdf`]).
fn add_image(doc: &mut Document, content: &Content) -> Option<Drawable> {
    let (stream, w, h) = match content {
        Content::Jpeg {
            bytes,
            width,
            height,
            components,
        } => {
            let space = match components {
                1 => "DeviceGray",
                4 => "DeviceCMYK",
                _ => "DeviceRGB",
            };
            let mut dict = dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => i64::from(*width),
                "Height" => i64::from(*height),
                "ColorSpace" => space,
                "BitsPerComponent" => 8,
                "Filter" => "DCTDecode",
            };
            if *components == 4 {
                // Adobe's CMYK JPEGs are stored inverted.
                dict.set(
                    "Decode",
                    vec![
                        1.into(),
                        0.into(),
                        1.into(),
                        0.into(),
                        1.into(),
                        0.into(),
                        1.into(),
                        0.into(),
                    ],
                );
            }
            (
                Stream::new(dict, bytes.clone()).with_compression(false),
                *width,
                *height,
            )
        }
        Content::Png { rgb, width, height } => {
            let dict = dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => i64::from(*width),
                "Height" => i64::from(*height),
                "ColorSpace" => "DeviceRGB",
                "BitsPerComponent" => 8,
                "Filter" => "FlateDecode",
            };
            (
                Stream::new(dict, flate(rgb)).with_compression(false),
                *width,
                *height,
            )
        }
        Content::Pdf { .. } => return None,
    };
    Some(Drawable {
        id: doc.add_object(stream),
        bbox: [0.0, 0.0, w as f32, h as f32],
        image: true,
    })
}

/// The `cm` matrix that fits `bbox` into the content area, centred.
fn fit(geo: &Geometry, d: &Drawable) -> [f32; 6] {
    let (cx, cy, cw, ch) = (
        geo.full_content().x,
        geo.page_h - geo.full_content().bottom(),
        geo.full_content().w,
        geo.full_content().h,
    );
    let [x0, y0, x1, y1] = d.bbox;
    let (bw, bh) = (x1 - x0, y1 - y0);
    let s = (cw / bw).min(ch / bh);
    let tx = cx + (cw - bw * s) / 2.0;
    let ty = cy + (ch - bh * s) / 2.0;
    if d.image {
        [bw * s, 0.0, 0.0, bh * s, tx, ty]
    } else {
        [s, 0.0, 0.0, s, tx - x0 * s, ty - y0 * s]
    }
}

/// Adds `name` → `xobject` to the page's resources and draws it.
fn draw_on_page(
    doc: &mut Document,
    page: ObjectId,
    name: &str,
    xobject: ObjectId,
    m: [f32; 6],
) -> Result<(), PdfError> {
    // The page's resource dictionary, made direct so it can be extended.
    let resources = match doc.get_dictionary(page).map_err(err)?.get(b"Resources") {
        Ok(Object::Reference(r)) => doc.get_dictionary(*r).map_err(err)?.clone(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    let mut resources = resources;
    let mut xobjects = match resources.get(b"XObject") {
        Ok(Object::Reference(r)) => doc.get_dictionary(*r).map_err(err)?.clone(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    xobjects.set(name.as_bytes().to_vec(), Object::Reference(xobject));
    resources.set("XObject", Object::Dictionary(xobjects));
    let ops = format!(
        "q {} {} {} {} {} {} cm /{name} Do Q\n",
        m[0], m[1], m[2], m[3], m[4], m[5]
    );
    let stream_id = doc.add_object(Stream::new(
        dictionary! { "Filter" => "FlateDecode" },
        flate(ops.as_bytes()),
    ));
    let page_dict = doc.get_dictionary_mut(page).map_err(err)?;
    page_dict.set("Resources", Object::Dictionary(resources));
    let mut contents = match page_dict.get(b"Contents") {
        Ok(Object::Array(a)) => a.clone(),
        Ok(other) => vec![other.clone()],
        Err(_) => Vec::new(),
    };
    // Drawn first: the furniture stays on top (it never overlaps anyway).
    contents.insert(0, Object::Reference(stream_id));
    page_dict.set("Contents", Object::Array(contents));
    Ok(())
}

/// Puts every placement's page into the written PDF.
pub fn insert(
    pdf: &[u8],
    placements: &[Placement],
    attachments: &Attachments,
    geo: &Geometry,
) -> Result<Vec<u8>, PdfError> {
    let mut doc = Document::load_mem(pdf).map_err(err)?;
    let page_ids: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    let mut drawables: HashMap<&str, Vec<Drawable>> = HashMap::new();
    for p in placements {
        if drawables.contains_key(p.key.as_str()) {
            continue;
        }
        let Some(att) = attachments.get(&p.key) else {
            continue;
        };
        let list = match &att.content {
            Content::Pdf { bytes, .. } => add_pdf(&mut doc, bytes)?,
            image => add_image(&mut doc, image).into_iter().collect(),
        };
        drawables.insert(p.key.as_str(), list);
    }
    for (n, p) in placements.iter().enumerate() {
        let (Some(&page), Some(d)) = (
            page_ids.get(p.page_index),
            drawables.get(p.key.as_str()).and_then(|l| l.get(p.page)),
        ) else {
            continue;
        };
        let m = fit(geo, d);
        draw_on_page(&mut doc, page, &format!("Piece{n}"), d.id, m)?;
    }
    doc.prune_objects();
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(PdfError::Write)?;
    Ok(out)
}
