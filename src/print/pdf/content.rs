//! Content streams written directly, byte for byte as printpdf 0.12's
//! serializer (its `translate_operations`, then lopdf 0.44's
//! `Content::encode`) writes the operations [`super::page_ops`] makes, and
//! the glyphs each font shows gathered on the way as printpdf's
//! `collect_used_glyphs_from_pages` gathers them (the last text given for a
//! glyph wins). printpdf then writes only the document's frame and fonts
//! (its pages are empty but for one that shows the glyphs used), and each
//! page's stream is put in place: the same file, written without building
//! lopdf objects for every operand nor formatting every byte through
//! `write!` (measured: most of the PDF stage's time; see
//! benches/render.rs). `tests.rs` checks the bytes against printpdf's.

use std::io::Write as _;

use printpdf::{
    Codepoint, Color, Line, Op, PaintMode, ParsedFont, PdfFontHandle, TextItem, WindingOrder,
};
use printpdf_lopdf as lo;

/// One embedded font as the serializer sees it.
pub(super) struct Face {
    /// The resource name (`/DejaVuSans`), printpdf's `FontId`.
    pub id: &'static str,
    pub parsed: ParsedFont,
    /// The cmap of the Basic Multilingual Plane: glyph id + 1, 0 if none.
    bmp: Vec<u32>,
}

impl Face {
    pub fn new(id: &'static str, parsed: ParsedFont) -> Self {
        let mut bmp = vec![0u32; 0x1_0000];
        for (&cp, &gid) in &parsed.codepoint_to_glyph {
            if let Some(slot) = bmp.get_mut(cp as usize) {
                *slot = u32::from(gid) + 1;
            }
        }
        Self { id, parsed, bmp }
    }

    /// printpdf's `lookup_glyph_index`.
    fn gid(&self, c: char) -> Option<u16> {
        match self.bmp.get(c as usize) {
            Some(0) => None,
            Some(&g) => u16::try_from(g - 1).ok(),
            None => self.parsed.lookup_glyph_index(c as u32),
        }
    }

    /// printpdf's `get_scaled_glyph_width`.
    fn scaled_width(&self, gid: u16) -> i64 {
        let upem = f32::from(self.parsed.pdf_font_metrics.units_per_em);
        self.parsed
            .get_glyph_width(gid)
            .map_or(0, |w| (f32::from(w) * 1000.0 / upem) as i64)
    }
}

/// The text a glyph was last shown for.
#[derive(Clone)]
enum Seen {
    Char(char),
    Text(String),
}

/// Per font, what printpdf's used-glyph map would hold: by glyph id, the
/// text it was last shown for.
pub(super) struct Usage {
    seen: Vec<Vec<Option<Seen>>>,
    /// Fonts some text was shown in.
    shown: Vec<bool>,
}

impl Usage {
    pub fn new(fonts: usize) -> Self {
        Self {
            seen: vec![Vec::new(); fonts],
            shown: vec![false; fonts],
        }
    }

    fn see(&mut self, font: usize, gid: u16, seen: Seen) {
        let glyphs = &mut self.seen[font];
        let i = usize::from(gid);
        if glyphs.len() <= i {
            glyphs.resize(i + 1, None);
        }
        glyphs[i] = Some(seen);
    }

    /// Whether a font some text was shown in ends with no glyph: printpdf
    /// then leaves it out and writes its texts otherwise (not ported).
    pub fn font_left_out(&self) -> bool {
        self.seen
            .iter()
            .zip(&self.shown)
            .any(|(s, shown)| *shown && s.iter().all(Option::is_none))
    }

    /// The glyphs font `f` shows with their texts, in glyph order: shown
    /// once each, they make printpdf gather the same map.
    pub fn glyphs(&self, f: usize) -> Vec<Codepoint> {
        let glyphs = self.seen[f].iter().enumerate();
        glyphs
            .filter_map(|(gid, s)| {
                let text = match s.as_ref()? {
                    Seen::Char(c) => c.to_string(),
                    Seen::Text(t) => t.clone(),
                };
                Some(Codepoint::with_cid(u16::try_from(gid).ok()?, 0.0, text))
            })
            .collect()
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Numbers as lopdf writes them (`f32`'s `Display`), the last ones written
/// remembered: a document repeats its positions, sizes and widths.
pub(super) struct Reals {
    slots: Vec<(u32, u8, [u8; 15])>,
}

impl Reals {
    const SLOTS: usize = 4096;

    pub fn new() -> Self {
        Self {
            slots: vec![(0, 0, [0; 15]); Self::SLOTS],
        }
    }

    pub fn write(&mut self, out: &mut Vec<u8>, v: f32) {
        if v.fract() == 0.0 && v.abs() < 1.0e7 && !(v == 0.0 && v.is_sign_negative()) {
            // `Display` writes an integral value as an integer: « 12 », « -3 ».
            let mut n = v as i32;
            if n < 0 {
                out.push(b'-');
                n = -n;
            }
            let mut digits = [0u8; 10];
            let mut i = digits.len();
            loop {
                i -= 1;
                digits[i] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break;
                }
            }
            out.extend_from_slice(&digits[i..]);
            return;
        }
        let bits = v.to_bits();
        let slot = (bits.wrapping_mul(0x9E37_79B1) >> 20) as usize % Self::SLOTS;
        let (key, len, text) = &mut self.slots[slot];
        if *len > 0 && *key == bits {
            out.extend_from_slice(&text[..usize::from(*len)]);
            return;
        }
        let start = out.len();
        let _ = write!(out, "{v}");
        let written = &out[start..];
        if let Ok(n) = u8::try_from(written.len())
            && usize::from(n) <= text.len()
        {
            text[..written.len()].copy_from_slice(written);
            (*key, *len) = (bits, n);
        }
    }
}

/// An element of a `TJ` array.
enum Elem {
    Glyph(u16),
    Real(f32),
}

struct Run {
    matrix: [f32; 6],
    font: usize,
    size: f32,
    pen: f64,
    array: Vec<Elem>,
}

/// One page's content stream being written; the glyphs it shows are
/// added to the document's [`Usage`].
pub(super) struct Stream<'a> {
    faces: &'a [Face],
    usage: &'a mut Usage,
    reals: &'a mut Reals,
    out: Vec<u8>,
    first: bool,
    in_text: bool,
    /// The font of the last `Tf` (`None` for a name that is not ours).
    font: Option<usize>,
    size: f32,
    pending_tm: Option<[f32; 6]>,
    run: Option<Run>,
    /// An operation or a font this port does not write: the caller then
    /// lets printpdf write the document.
    pub foreign: bool,
}

impl<'a> Stream<'a> {
    pub fn new(faces: &'a [Face], usage: &'a mut Usage, reals: &'a mut Reals) -> Self {
        Self {
            faces,
            usage,
            reals,
            out: Vec::new(),
            first: true,
            in_text: false,
            font: None,
            size: 0.0,
            pending_tm: None,
            run: None,
            foreign: false,
        }
    }

    fn op(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.out.push(b'\n');
        }
    }

    fn real(&mut self, v: f32) {
        self.reals.write(&mut self.out, v);
    }

    fn operands(&mut self, values: &[f32], operator: &str) {
        self.op();
        for &v in values {
            self.real(v);
            self.out.push(b' ');
        }
        self.out.extend_from_slice(operator.as_bytes());
    }

    fn hex(&mut self, bytes: [u8; 2]) {
        for b in bytes {
            self.out.push(HEX[usize::from(b >> 4)]);
            self.out.push(HEX[usize::from(b & 15)]);
        }
    }

    fn array(&mut self, elems: &[Elem]) {
        self.out.push(b'[');
        for (i, e) in elems.iter().enumerate() {
            match e {
                Elem::Glyph(g) => {
                    self.out.push(b'<');
                    self.hex(g.to_be_bytes());
                    self.out.push(b'>');
                }
                Elem::Real(v) => {
                    if i > 0 {
                        self.out.push(b' ');
                    }
                    self.real(*v);
                }
            }
        }
        self.out.push(b']');
    }

    fn flush_run(&mut self) {
        if let Some(r) = self.run.take() {
            self.operands(&r.matrix, "Tm");
            self.op();
            self.array(&r.array);
            self.out.extend_from_slice(b" TJ");
        }
    }

    fn flush_tm(&mut self) {
        if let Some(m) = self.pending_tm.take() {
            self.operands(&m, "Tm");
        }
    }

    /// Glyph runs on one baseline merged into one `TJ`, as printpdf does.
    fn merge(&mut self, op: &Op) -> bool {
        match op {
            Op::SetTextMatrix { matrix } if self.in_text => {
                let m = matrix.as_array();
                if !(m[0] == 1.0 && m[1] == 0.0 && m[2] == 0.0 && m[3] == 1.0) {
                    return false;
                }
                self.flush_tm();
                self.pending_tm = Some(m);
                true
            }
            Op::ShowText { items }
                if self.in_text && (self.pending_tm.is_some() || self.run.is_some()) =>
            {
                let Some(font) = self.font else {
                    return false;
                };
                let fs = self.size;
                let glyphs_only = !items.is_empty()
                    && items
                        .iter()
                        .all(|i| matches!(i, TextItem::GlyphIds(_) | TextItem::Offset(_)));
                if !glyphs_only || fs <= 0.0 {
                    return false;
                }
                match self.pending_tm.take() {
                    Some(m) => {
                        let extends = self
                            .run
                            .as_ref()
                            .is_some_and(|r| r.matrix[5] == m[5] && r.font == font && r.size == fs);
                        match self.run.as_mut() {
                            Some(r) if extends => {
                                let dx_em = (f64::from(m[4]) - f64::from(r.matrix[4])) * 1000.0
                                    / f64::from(fs);
                                let kern = (r.pen - dx_em) as f32;
                                if kern != 0.0 {
                                    r.array.push(Elem::Real(kern));
                                    r.pen -= f64::from(kern);
                                }
                            }
                            _ => {
                                self.flush_run();
                                self.run = Some(Run {
                                    matrix: m,
                                    font,
                                    size: fs,
                                    pen: 0.0,
                                    array: Vec::new(),
                                });
                            }
                        }
                    }
                    None => {
                        let compatible = self
                            .run
                            .as_ref()
                            .is_some_and(|r| r.font == font && r.size == fs);
                        if !compatible {
                            return false;
                        }
                    }
                }
                let face = &self.faces[font];
                let Some(r) = self.run.as_mut() else {
                    return false;
                };
                for item in items {
                    match item {
                        TextItem::Offset(o) => {
                            r.array.push(Elem::Real(*o));
                            r.pen -= f64::from(*o);
                        }
                        TextItem::GlyphIds(glyphs) => {
                            for cp in glyphs {
                                r.array.push(Elem::Glyph(cp.gid));
                                r.pen += face.scaled_width(cp.gid) as f64;
                                if cp.offset != 0.0 {
                                    r.array.push(Elem::Real(cp.offset));
                                    r.pen -= f64::from(cp.offset);
                                }
                            }
                        }
                        TextItem::Text(_) => {}
                    }
                }
                true
            }
            _ => false,
        }
    }

    /// `ShowText` outside a run: `Tj` for one text, else `TJ`.
    fn show(&mut self, items: &[TextItem]) {
        let Some(font) = self.font else {
            // No font of ours selected: printpdf writes WinAnsi (not ported).
            self.foreign = true;
            return;
        };
        if items.is_empty() {
            return;
        }
        let face = &self.faces[font];
        if let [TextItem::Text(text)] = items {
            self.op();
            self.out.push(b'<');
            for c in text.chars() {
                self.hex(face.gid(c).unwrap_or(0).to_be_bytes());
            }
            self.out.extend_from_slice(b"> Tj");
            return;
        }
        let mut elems = Vec::new();
        for item in items {
            match item {
                TextItem::Offset(o) => elems.push(Elem::Real(*o)),
                TextItem::GlyphIds(glyphs) => {
                    for cp in glyphs {
                        elems.push(Elem::Glyph(cp.gid));
                        if cp.offset != 0.0 {
                            elems.push(Elem::Real(cp.offset));
                        }
                    }
                }
                // Texts among other items: page_ops never makes them.
                TextItem::Text(_) => self.foreign = true,
            }
        }
        self.op();
        self.array(&elems);
        self.out.extend_from_slice(b" TJ");
    }

    /// What printpdf's used-glyph map gathers from a `ShowText`: the
    /// characters the font maps, a glyph run's glyphs with their texts.
    fn gather(&mut self, items: &[TextItem]) {
        let Some(f) = self.font else {
            return;
        };
        self.usage.shown[f] = true;
        let face = &self.faces[f];
        for item in items {
            match item {
                TextItem::Text(text) => {
                    for c in text.chars() {
                        if let Some(gid) = face.gid(c) {
                            self.usage.see(f, gid, Seen::Char(c));
                        }
                    }
                }
                TextItem::GlyphIds(glyphs) => {
                    for cp in glyphs {
                        let text = cp.cid.clone().unwrap_or_else(|| "\u{FFFD}".into());
                        self.usage.see(f, cp.gid, Seen::Text(text));
                    }
                }
                TextItem::Offset(_) => {}
            }
        }
    }

    fn rect(&mut self, r: &printpdf::Rect) {
        self.operands(&[r.x.0, r.y.0, r.width.0, r.height.0], "re");
        let winding = r.winding_order.unwrap_or(WindingOrder::NonZero);
        let paint: &[&str] = match r.mode {
            Some(PaintMode::Clip) => &[winding.get_clip_op(), "n"],
            Some(PaintMode::Fill) => &[winding.get_fill_op()],
            Some(PaintMode::Stroke) => &["S"],
            Some(PaintMode::FillStroke) => &[winding.get_fill_stroke_op()],
            None => match r.winding_order {
                Some(WindingOrder::NonZero) => &["W", "n"],
                Some(WindingOrder::EvenOdd) => &["W*", "n"],
                None => &["n"],
            },
        };
        for p in paint {
            self.operands(&[], p);
        }
    }

    fn line(&mut self, line: &Line) {
        let Some(first) = line.points.first() else {
            return;
        };
        if line.points.iter().any(|p| p.bezier) {
            self.foreign = true;
        }
        self.operands(&[first.p.x.0, first.p.y.0], "m");
        for p in &line.points[1..] {
            self.operands(&[p.p.x.0, p.p.y.0], "l");
        }
        if line.is_closed {
            self.operands(&[], "h");
        }
        self.operands(&[], "S");
    }

    fn gray(&mut self, col: &Color, operator: &str) {
        match col {
            Color::Greyscale(g) => self.operands(&[g.percent], operator),
            _ => self.foreign = true,
        }
    }

    /// Writes one operation.
    pub fn push(&mut self, op: &Op) {
        if let Op::ShowText { items } = op {
            self.gather(items);
        }
        if self.merge(op) {
            return;
        }
        self.flush_run();
        self.flush_tm();
        match op {
            Op::StartTextSection => {
                self.in_text = true;
                self.operands(&[], "BT");
            }
            Op::EndTextSection => {
                self.in_text = false;
                self.operands(&[], "ET");
            }
            Op::SetFont { font, size } => {
                let PdfFontHandle::External(id) = font else {
                    self.foreign = true;
                    return;
                };
                self.font = self.faces.iter().position(|f| f.id == id.0);
                self.foreign |= self.font.is_none();
                self.size = size.0;
                self.op();
                self.out.push(b'/');
                self.out.extend_from_slice(id.0.as_bytes());
                self.out.push(b' ');
                self.real(size.0);
                self.out.extend_from_slice(b" Tf");
            }
            Op::ShowText { items } => self.show(items),
            Op::SetFillColor { col } => self.gray(col, "g"),
            Op::SetOutlineColor { col } => self.gray(col, "G"),
            Op::SetOutlineThickness { pt } => self.operands(&[pt.0], "w"),
            Op::SetTextMatrix { matrix } => self.operands(&matrix.as_array(), "Tm"),
            Op::DrawRectangle { rectangle } => self.rect(rectangle),
            Op::DrawLine { line } => self.line(line),
            Op::BeginMarkedContentWithProperties { tag, properties } => {
                let tag = lo::Object::Name(tag.clone().into_bytes());
                let content = lo::content::Content {
                    operations: vec![lo::content::Operation::new(
                        "BDC",
                        vec![tag, properties.to_lopdf()],
                    )],
                };
                self.op();
                self.out
                    .extend_from_slice(&content.encode().unwrap_or_default());
            }
            Op::EndMarkedContentWithProperties => self.operands(&[], "EMC"),
            _ => self.foreign = true,
        }
    }

    /// The stream's bytes, once every operation is pushed.
    pub fn finish(mut self) -> Vec<u8> {
        self.flush_run();
        self.flush_tm();
        self.out
    }
}
