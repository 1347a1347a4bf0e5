//! One font face ready to shape: harfrust's tables parsed once, a shaping
//! plan per direction and script kept, and the font's cmap for the glyphs
//! the PDF's text layer maps back to characters.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use harfrust::{
    BufferFlags, Direction, FontRef, Script, ShapeOptions, ShapePlan, ShaperData, UnicodeBuffer,
};

/// A glyph placed on a line, in visual order; lengths in em.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub id: u16,
    pub advance: f32,
    /// Where the glyph is drawn from the pen (marks over their letter).
    pub dx: f32,
    pub dy: f32,
    /// The bytes of the line this glyph stands for (its cluster): several
    /// characters for a ligature, shared by a letter and its marks.
    pub cluster: Range<usize>,
    /// Set in a right-to-left run.
    pub rtl: bool,
}

/// A line shaped and put in visual order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShapedLine {
    pub glyphs: Vec<Glyph>,
    /// The sum of the advances, in em.
    pub width: f32,
}

type Plans = Vec<(Direction, Script, Arc<ShapePlan>)>;

pub struct Face {
    font: FontRef<'static>,
    cmap: ttf_parser::Face<'static>,
    upem: f32,
    /// Built on the first text that needs shaping: a French dossier never
    /// pays for it.
    tables: OnceLock<Tables>,
    /// Compiling a plan (which lookups apply) costs more than shaping a
    /// name: one per direction and script, kept.
    plans: Mutex<Plans>,
}

/// What shaping needs beyond the font's header.
struct Tables {
    data: ShaperData,
    /// The character each glyph is the font's own glyph for (its cmap
    /// read backwards), presentation forms only where nothing else is.
    chars: HashMap<u16, char>,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face").field("upem", &self.upem).finish()
    }
}

impl Face {
    /// `None` when the bytes are not a font both parsers read.
    pub fn new(bytes: &'static [u8]) -> Option<Self> {
        let font = FontRef::new(bytes).ok()?;
        let cmap = ttf_parser::Face::parse(bytes, 0).ok()?;
        let upem = f32::from(cmap.units_per_em());
        Some(Self {
            font,
            cmap,
            upem,
            tables: OnceLock::new(),
            plans: Mutex::new(Vec::new()),
        })
    }

    fn tables(&self) -> &Tables {
        self.tables.get_or_init(|| {
            let mut chars = HashMap::new();
            let subtables = self
                .cmap
                .tables()
                .cmap
                .into_iter()
                .flat_map(|c| c.subtables);
            for subtable in subtables.filter(|s| s.is_unicode()) {
                subtable.codepoints(|cp| {
                    if let Some(c) = char::from_u32(cp)
                        && let Some(g) = subtable.glyph_index(cp)
                    {
                        // Plain characters first, then the lowest code point.
                        let rank = |c: char| (is_presentation_form(c), c);
                        let slot = chars.entry(g.0).or_insert(c);
                        if rank(c) < rank(*slot) {
                            *slot = c;
                        }
                    }
                });
            }
            Tables {
                data: ShaperData::new(&self.font),
                chars,
            }
        })
    }

    /// The font's own glyph for `c` (its cmap), if any.
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.cmap.glyph_index(c).map(|g| g.0)
    }

    /// The character glyph `id` is the font's own glyph for, if any
    /// (presentation forms excepted: the shaper picks those glyphs for
    /// the letters they shape, which are their text).
    pub fn nominal_char(&self, id: u16) -> Option<char> {
        self.tables()
            .chars
            .get(&id)
            .copied()
            .filter(|c| !is_presentation_form(*c))
    }

    /// The width `/W` gives glyph `id` in a PDF, in thousandths of an em
    /// (printpdf truncates the font's advance scaled to 1000 units).
    pub fn pdf_width(&self, id: u16) -> f32 {
        let units = self
            .cmap
            .glyph_hor_advance(ttf_parser::GlyphId(id))
            .unwrap_or(0);
        (f32::from(units) * 1000.0 / self.upem) as i64 as f32
    }

    /// Shapes one line given in logical order: bidi levels from its first
    /// strong letter, each level run shaped in its direction, the runs in
    /// visual order.
    pub fn shape_line(&self, text: &str) -> ShapedLine {
        let mut line = ShapedLine::default();
        if text.is_empty() {
            return line;
        }
        if !super::has_bidi(text) {
            self.shape_run(text, 0, false, &mut line.glyphs);
        } else {
            let info = unicode_bidi::ParagraphBidiInfo::new(text, None);
            let (levels, runs) = info.visual_runs(0..text.len());
            for run in runs {
                let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
                self.shape_run(&text[run.clone()], run.start, rtl, &mut line.glyphs);
            }
        }
        line.width = line.glyphs.iter().map(|g| g.advance).sum();
        line
    }

    /// Shapes `run` (bytes `base..` of its line, one direction) and
    /// appends its glyphs in visual order.
    fn shape_run(&self, run: &str, base: usize, rtl: bool, out: &mut Vec<Glyph>) {
        let shaper = self.tables().data.shaper(&self.font).build();
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(run);
        buffer.set_direction(if rtl {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        });
        // The script of the run's first letter (harfrust's guess); the
        // direction stays the one the bidi algorithm gave.
        buffer.guess_segment_properties();
        // Joiners and direction marks steer shaping and order; they draw
        // nothing and take no room.
        buffer.set_flags(BufferFlags::REMOVE_DEFAULT_IGNORABLES);
        let direction = buffer.direction();
        let script = buffer.script();
        let plan = self.plan(&shaper, direction, script);
        let shaped = shaper.shape(buffer, ShapeOptions::new().plan(Some(&plan)));
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        // A cluster ends where the next one (in logical order) starts.
        let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let end_of = |start: usize| {
            let k = starts.partition_point(|s| *s <= start);
            starts.get(k).copied().unwrap_or(run.len())
        };
        out.extend(infos.iter().zip(positions).map(|(info, pos)| {
            let start = info.cluster as usize;
            Glyph {
                id: u16::try_from(info.glyph_id).unwrap_or(0),
                advance: pos.x_advance as f32 / self.upem,
                dx: pos.x_offset as f32 / self.upem,
                dy: pos.y_offset as f32 / self.upem,
                cluster: base + start..base + end_of(start),
                rtl,
            }
        }));
    }

    fn plan(
        &self,
        shaper: &harfrust::Shaper,
        direction: Direction,
        script: Script,
    ) -> Arc<ShapePlan> {
        let mut plans = self.plans.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, _, plan)) = plans
            .iter()
            .find(|(d, s, _)| *d == direction && *s == script)
        {
            return Arc::clone(plan);
        }
        let plan = Arc::new(ShapePlan::new(shaper, direction, Some(script), None, &[]));
        plans.push((direction, script, Arc::clone(&plan)));
        plan
    }
}

/// Arabic presentation forms: characters for joined letters, ligatures.
pub fn is_presentation_form(c: char) -> bool {
    matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}
