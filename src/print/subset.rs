//! TrueType subsetting that keeps every glyph id where it is.
//!
//! printpdf embeds the whole font unless its heavy `text_layout` feature is
//! on (about 0.45 MB per DejaVu face). Here the outlines of the glyphs no
//! page uses are dropped while the glyph numbering stays the same, so the
//! content streams, the `/W` widths and the `/ToUnicode` map printpdf wrote
//! remain valid untouched: text extraction cannot change. Unused glyphs get
//! an empty outline (a zero-length `loca` entry) and a zeroed metric, which
//! compress to almost nothing. Tables a PDF reader never consults (`cmap`,
//! OpenType layout, kerning, glyph names) are left out, as PDF producers do
//! for a CID-keyed TrueType font.

use std::collections::BTreeSet;

use printpdf_lopdf as lo;

/// Tables kept: those a TrueType rasterizer needs to draw glyphs by id,
/// plus `name` (the copyright notice travels with the font) and `OS/2`.
const KEEP: [&[u8; 4]; 11] = [
    b"OS/2", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"name",
    b"post",
];

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The font's tables by tag, as slices of the file.
fn tables(font: &[u8]) -> Option<Vec<([u8; 4], &[u8])>> {
    let count = usize::from(u16_at(font, 4)?);
    (0..count)
        .map(|i| {
            let rec = 12 + 16 * i;
            let tag: [u8; 4] = font.get(rec..rec + 4)?.try_into().ok()?;
            let offset = u32_at(font, rec + 8)? as usize;
            let len = u32_at(font, rec + 12)? as usize;
            Some((tag, font.get(offset..offset.checked_add(len)?)?))
        })
        .collect()
}

fn table<'a>(all: &[([u8; 4], &'a [u8])], tag: &[u8; 4]) -> Option<&'a [u8]> {
    all.iter().find(|(t, _)| t == tag).map(|(_, d)| *d)
}

/// Glyph outlines located through `loca`.
struct Glyphs<'a> {
    glyf: &'a [u8],
    offsets: Vec<usize>,
}

impl<'a> Glyphs<'a> {
    fn new(glyf: &'a [u8], loca: &[u8], long: bool, count: usize) -> Option<Self> {
        let offsets = (0..=count)
            .map(|i| {
                if long {
                    u32_at(loca, 4 * i).map(|o| o as usize)
                } else {
                    u16_at(loca, 2 * i).map(|o| usize::from(o) * 2)
                }
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self { glyf, offsets })
    }

    fn data(&self, gid: usize) -> Option<&'a [u8]> {
        let start = *self.offsets.get(gid)?;
        let end = *self.offsets.get(gid + 1)?;
        self.glyf.get(start..end.max(start))
    }

    /// The glyphs a composite outline is built from (accented letters).
    fn components(&self, gid: usize) -> Vec<u16> {
        let mut out = Vec::new();
        let Some(data) = self.data(gid) else {
            return out;
        };
        let is_composite = u16_at(data, 0).is_some_and(|n| n & 0x8000 != 0);
        if !is_composite {
            return out;
        }
        let mut at = 10;
        while let (Some(flags), Some(component)) = (u16_at(data, at), u16_at(data, at + 2)) {
            out.push(component);
            at += 4 + if flags & 0x0001 != 0 { 4 } else { 2 };
            at += match flags {
                f if f & 0x0008 != 0 => 2,
                f if f & 0x0040 != 0 => 4,
                f if f & 0x0080 != 0 => 8,
                _ => 0,
            };
            if flags & 0x0020 == 0 {
                break;
            }
        }
        out
    }
}

/// `used` plus .notdef and every component of a composite, transitively.
fn closure(glyphs: &Glyphs, used: &BTreeSet<u16>) -> BTreeSet<u16> {
    let mut keep: BTreeSet<u16> = used.iter().copied().chain([0]).collect();
    let mut todo: Vec<u16> = keep.iter().copied().collect();
    while let Some(gid) = todo.pop() {
        for c in glyphs.components(usize::from(gid)) {
            if keep.insert(c) {
                todo.push(c);
            }
        }
    }
    keep
}

/// A copy of the TrueType font `font` in which only the glyphs `used` (and
/// what they are composed of) keep their outlines; `None` if the font is not
/// a TrueType font this code can read (the caller then embeds it whole).
pub fn subset_truetype(font: &[u8], used: &BTreeSet<u16>) -> Option<Vec<u8>> {
    if u32_at(font, 0)? != 0x0001_0000 {
        return None;
    }
    let all = tables(font)?;
    let head = table(&all, b"head")?;
    let count = usize::from(u16_at(table(&all, b"maxp")?, 4)?);
    let long = u16_at(head, 50)? == 1;
    let glyphs = Glyphs::new(table(&all, b"glyf")?, table(&all, b"loca")?, long, count)?;
    let keep = closure(&glyphs, used);

    let mut glyf = Vec::new();
    let mut offsets = Vec::with_capacity(count + 1);
    for gid in 0..count {
        offsets.push(glyf.len());
        if keep.contains(&u16::try_from(gid).ok()?) {
            glyf.extend_from_slice(glyphs.data(gid)?);
            glyf.resize(glyf.len().next_multiple_of(4), 0);
        }
    }
    offsets.push(glyf.len());
    let short = glyf.len() <= 0x1_fffe;
    let loca: Vec<u8> = offsets
        .iter()
        .flat_map(|&o| {
            if short {
                u16::try_from(o / 2).unwrap_or(0).to_be_bytes().to_vec()
            } else {
                u32::try_from(o).unwrap_or(0).to_be_bytes().to_vec()
            }
        })
        .collect();

    let mut head = head.to_vec();
    head.get_mut(8..12)?.copy_from_slice(&[0; 4]);
    head.get_mut(50..52)?
        .copy_from_slice(&(if short { 0u16 } else { 1 }).to_be_bytes());
    let hmtx = zeroed_metrics(&all, &keep, count)?;
    // Glyph names are not needed in a PDF: post format 3 is its bare header.
    let mut post = table(&all, b"post")?.get(..32)?.to_vec();
    post.get_mut(..4)?
        .copy_from_slice(&0x0003_0000u32.to_be_bytes());

    let mut out: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for tag in KEEP {
        let data = match tag {
            b"glyf" => glyf.clone(),
            b"loca" => loca.clone(),
            b"head" => head.clone(),
            b"hmtx" => hmtx.clone(),
            b"post" => post.clone(),
            _ => match table(&all, tag) {
                Some(d) => d.to_vec(),
                None => continue,
            },
        };
        out.push((*tag, data));
    }
    Some(assemble(out))
}

/// `hmtx` with the metrics of dropped glyphs set to zero (the PDF's `/W`
/// carries the widths; zeros compress away).
fn zeroed_metrics(all: &[([u8; 4], &[u8])], keep: &BTreeSet<u16>, count: usize) -> Option<Vec<u8>> {
    let long_metrics = usize::from(u16_at(table(all, b"hhea")?, 34)?);
    let mut hmtx = table(all, b"hmtx")?.to_vec();
    for gid in 0..count {
        if keep.contains(&u16::try_from(gid).ok()?) {
            continue;
        }
        let range = if gid < long_metrics {
            4 * gid..4 * gid + 4
        } else {
            let at = 4 * long_metrics + 2 * (gid - long_metrics);
            at..at + 2
        };
        if let Some(slot) = hmtx.get_mut(range) {
            slot.fill(0);
        }
    }
    Some(hmtx)
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// Writes the sfnt file: table directory (tags ascending), 4-byte aligned
/// tables, checksums and `head`'s whole-file adjustment.
fn assemble(mut tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    tables.sort_by_key(|t| t.0);
    let n = tables.len();
    let n16 = u16::try_from(n).unwrap_or(0);
    let pow = if n == 0 { 0 } else { n.ilog2() };
    let search = 16u16 << pow;
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&n16.to_be_bytes());
    out.extend_from_slice(&search.to_be_bytes());
    out.extend_from_slice(&(pow as u16).to_be_bytes());
    out.extend_from_slice(&(n16 * 16 - search).to_be_bytes());
    let mut offset = 12 + 16 * n;
    let mut head_at = None;
    for (tag, data) in &tables {
        if tag == b"head" {
            head_at = Some(offset);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&u32::try_from(offset).unwrap_or(0).to_be_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).unwrap_or(0).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        if let Some(slot) = out.get_mut(at + 8..at + 12) {
            slot.copy_from_slice(&adjust.to_be_bytes());
        }
    }
    out
}

/// One embedded Type0 font as printpdf wrote it.
struct Embedded {
    font: lo::ObjectId,
    descriptor: lo::ObjectId,
    program: lo::ObjectId,
    used: BTreeSet<u16>,
}

/// The glyph ids a `/W` array gives widths for: printpdf lists exactly the
/// glyphs the pages show (`c [w…]` runs; `c1 c2 w` ranges read too).
fn widths_gids(w: &[lo::Object]) -> BTreeSet<u16> {
    let mut used = BTreeSet::new();
    let mut i = 0;
    while let Some(first) = w.get(i).and_then(|o| o.as_i64().ok()) {
        match w.get(i + 1) {
            Some(lo::Object::Array(run)) => {
                used.extend((0..run.len()).filter_map(|k| u16::try_from(first + k as i64).ok()));
                i += 2;
            }
            Some(last) => {
                let last = last.as_i64().unwrap_or(first);
                used.extend((first..=last).filter_map(|g| u16::try_from(g).ok()));
                i += 3;
            }
            None => break,
        }
    }
    used
}

fn embedded(doc: &lo::Document, id: lo::ObjectId, dict: &lo::Dictionary) -> Option<Embedded> {
    if dict.get(b"Subtype").and_then(lo::Object::as_name).ok()? != b"Type0" {
        return None;
    }
    let descendants = dict.get(b"DescendantFonts").ok()?;
    let descendant = match descendants {
        lo::Object::Reference(r) => doc.get_object(*r).ok()?.as_array().ok()?,
        other => other.as_array().ok()?,
    };
    let cid = match descendant.first()? {
        lo::Object::Reference(r) => doc.get_object(*r).ok()?.as_dict().ok()?,
        other => other.as_dict().ok()?,
    };
    let descriptor = cid.get(b"FontDescriptor").ok()?.as_reference().ok()?;
    let program = doc
        .get_object(descriptor)
        .ok()?
        .as_dict()
        .ok()?
        .get(b"FontFile2")
        .ok()?
        .as_reference()
        .ok()?;
    Some(Embedded {
        font: id,
        descriptor,
        program,
        used: widths_gids(cid.get(b"W").ok()?.as_array().ok()?),
    })
}

/// The six capital letters ISO 32000 asks in front of a subset font's name,
/// derived from the glyphs kept so the same pages give the same name.
fn tag(used: &BTreeSet<u16>) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for g in used {
        for b in g.to_le_bytes() {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 5)) % 26) as u8))
        .collect()
}

fn rename(name: &mut lo::Object, tag: &str) {
    if let lo::Object::Name(n) = name {
        *n = format!("{tag}+{}", String::from_utf8_lossy(n)).into_bytes();
    }
}

/// Replaces every embedded TrueType program of `doc` by its subset and
/// marks the font names as subsets; a font this code cannot read stays
/// whole. Runs before compression (the programs are still plain bytes).
pub fn subset_document(doc: &mut lo::Document) {
    let fonts: Vec<Embedded> = doc
        .objects
        .iter()
        .filter_map(|(id, o)| embedded(doc, *id, o.as_dict().ok()?))
        .collect();
    for f in fonts {
        let Ok(lo::Object::Stream(stream)) = doc.get_object_mut(f.program) else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let Some(bytes) = subset_truetype(&stream.content, &f.used) else {
            continue;
        };
        stream.dict.set("Length1", bytes.len() as i64);
        stream.set_content(bytes);
        let tag = tag(&f.used);
        if let Ok(lo::Object::Dictionary(d)) = doc.get_object_mut(f.descriptor)
            && let Ok(name) = d.get_mut(b"FontName")
        {
            rename(name, &tag);
        }
        let Ok(lo::Object::Dictionary(font)) = doc.get_object_mut(f.font) else {
            continue;
        };
        if let Ok(name) = font.get_mut(b"BaseFont") {
            rename(name, &tag);
        }
        if let Ok(lo::Object::Array(d)) = font.get_mut(b"DescendantFonts")
            && let Some(lo::Object::Dictionary(cid)) = d.first_mut()
            && let Ok(name) = cid.get_mut(b"BaseFont")
        {
            rename(name, &tag);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::font::REGULAR_TTF;

    fn gid(face: &ttf_parser::Face, c: char) -> u16 {
        face.glyph_index(c).map(|g| g.0).unwrap_or_default()
    }

    #[test]
    fn kept_glyphs_keep_their_id_outline_and_advance() {
        let full = ttf_parser::Face::parse(REGULAR_TTF, 0).expect("font");
        // « é » is a composite in DejaVu: its base glyphs must come along.
        let used: BTreeSet<u16> = "Aé€".chars().map(|c| gid(&full, c)).collect();
        let bytes = subset_truetype(REGULAR_TTF, &used).expect("subset");
        assert!(bytes.len() * 10 < REGULAR_TTF.len());
        let sub = ttf_parser::Face::parse(&bytes, 0).expect("the subset parses");
        assert_eq!(sub.number_of_glyphs(), full.number_of_glyphs());
        for &g in &used {
            let g = ttf_parser::GlyphId(g);
            assert_eq!(sub.glyph_bounding_box(g), full.glyph_bounding_box(g));
            assert_eq!(sub.glyph_hor_advance(g), full.glyph_hor_advance(g));
        }
        let dropped = ttf_parser::GlyphId(gid(&full, 'Z'));
        assert!(full.glyph_bounding_box(dropped).is_some());
        assert_eq!(sub.glyph_bounding_box(dropped), None);
        // The whole file sums to the magic constant, as `head` says it must.
        assert_eq!(checksum(&bytes), 0xB1B0_AFBA);
    }

    #[test]
    fn a_file_that_is_not_truetype_is_left_alone() {
        assert!(subset_truetype(b"OTTO and then nothing", &BTreeSet::new()).is_none());
        assert!(subset_truetype(&[0, 1, 0, 0, 0, 9], &BTreeSet::new()).is_none());
    }
}
