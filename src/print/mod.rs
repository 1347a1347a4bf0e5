//! Printing: the dossier → blocks ([`document`]) → pages of positioned
//! boxes ([`layout`], measured with the bundled [`font`]) → per-copy page
//! furniture ([`furniture`]) → PDF bytes ([`pdf`], the only printpdf user).

pub mod copies;
pub mod document;
pub mod font;
pub mod furniture;
pub mod geometry;
pub mod layout;
pub mod merge;
pub mod pdf;
pub mod preview;
pub mod shape;
pub mod subset;
pub mod typeset;
pub mod words;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{CallProfile, Dossier, Finding};
use font::Fonts;
use geometry::Geometry;
use layout::{Laid, Layouter, Page};

/// What the printed package is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PrintMode {
    /// Marked « BROUILLON » when blocking findings remain, clean otherwise.
    #[default]
    Automatic,
    /// To hand in: refused while blocking findings remain.
    Final,
    /// Marked « BROUILLON » on every page even without blocking findings (a
    /// working copy that must not be handed in by mistake).
    Draft,
    /// A blank form: the dossier's structure with empty lines and boxes,
    /// to prepare it by hand; the dossier's content is not printed.
    Blank,
}

/// How to print.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Number of copies; `None` takes the dossier's choice, then the call's.
    pub copies: Option<u32>,
    pub mode: PrintMode,
    /// One PDF per copy instead of one PDF with the copies in sequence.
    pub per_copy: bool,
}

/// The printed package.
#[derive(Debug)]
pub struct Rendered {
    /// One PDF, or one per copy with `per_copy`.
    pub pdfs: Vec<Vec<u8>>,
    pub pages_per_copy: usize,
    pub copies: u32,
    /// Pages of the receipt printed after the copies (outside their
    /// numbering), at the end of the package's last PDF.
    pub receipt_pages: usize,
    /// The content fingerprint every page carries; `None` for a blank form.
    pub fingerprint: Option<String>,
    pub draft: bool,
    /// Characters the font lacks, and where (printed as « ? »).
    pub warnings: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("impression finale refusée : {} point(s) bloquant(s) à régler", .0.len())]
    Blocking(Vec<Finding>),
    #[error("{0}")]
    Font(#[from] font::FontError),
    #[error("{0}")]
    Pdf(#[from] pdf::PdfError),
    #[error("nombre d'exemplaires invalide : {0} (de 1 à 20)")]
    Copies(u32),
}

/// The bundled fonts, parsed once per process.
pub fn fonts() -> Result<&'static Fonts, font::FontError> {
    static FONTS: OnceLock<Result<Fonts, font::FontError>> = OnceLock::new();
    FONTS
        .get_or_init(Fonts::bundled)
        .as_ref()
        .map_err(Clone::clone)
}

/// Lays out one copy, repeating until the sommaire's page numbers are stable.
pub fn layout_copy(
    dossier: &Dossier,
    profile: &CallProfile,
    findings: &[Finding],
    draft: bool,
    fonts: &Fonts,
) -> (Laid, Geometry) {
    let none = crate::attach::Attachments::default();
    let flags = (draft, false, true);
    let (laid, geo, _) = layout_pages(dossier, profile, findings, flags, &none, fonts);
    (laid, geo)
}

/// Layout passes before giving up on page numbers that keep moving.
const LAYOUT_PASSES: usize = 4;

/// Lays out until the page numbers the document prints (sommaire, the
/// attachments' page ranges) agree with where things landed; `false` when
/// they had not settled after [`LAYOUT_PASSES`] passes. `flags`: draft,
/// blank form, and whether to record where the fields print
/// ([`Laid::sources`], for the preview; the pages are the same).
pub(crate) fn layout_pages(
    dossier: &Dossier,
    profile: &CallProfile,
    findings: &[Finding],
    flags: (bool, bool, bool),
    attachments: &crate::attach::Attachments,
    fonts: &Fonts,
) -> (Laid, Geometry, bool) {
    let start = HashMap::new();
    layout_pages_from(dossier, profile, findings, flags, attachments, fonts, start)
}

/// [`layout_pages`] starting from page numbers already known (the preview's
/// previous layout): after a small edit they are usually still right, and
/// one pass settles instead of two.
pub(crate) fn layout_pages_from(
    dossier: &Dossier,
    profile: &CallProfile,
    findings: &[Finding],
    (draft, blank, sourced): (bool, bool, bool),
    attachments: &crate::attach::Attachments,
    fonts: &Fonts,
    start: HashMap<String, usize>,
) -> (Laid, Geometry, bool) {
    let geo = Geometry::a4(dossier.print.stamp_corner);
    let mut pages = start;
    // The passes set the same texts: each is set and broken once; and a
    // pass takes the previous one's pages over where they agree.
    let texts = std::rc::Rc::new(layout::TextCache::default());
    let mut previous: Option<layout::Previous> = None;
    for pass in 1..=LAYOUT_PASSES {
        let input = document::DocumentInput {
            dossier,
            profile,
            findings,
            draft,
            blank,
            attachments,
            pages: &pages,
        };
        let (blocks, sources) = document::build_with_sources(&input);
        let layouter = Layouter::new(fonts, geo, pages.clone()).with_cache(texts.clone());
        let layouter = match previous.take() {
            _ if sourced => layouter.with_sources(sources),
            Some(previous) => layouter.with_previous(previous),
            None => layouter,
        };
        let (laid, record) = layouter.layout_recorded(&blocks);
        if laid.anchors == pages {
            return (laid, geo, true);
        }
        if pass == LAYOUT_PASSES {
            return (laid, geo, false);
        }
        pages = laid.anchors.clone();
        previous = Some(layout::Previous::new(laid, record, blocks));
    }
    (Laid::default(), geo, false)
}

/// The cluster's name as the page furniture prints it.
pub(crate) fn cluster_name(dossier: &Dossier) -> &str {
    if dossier.identity.name.trim().is_empty() {
        // A line to write the name on (a blank form, a new dossier).
        "Cluster : ______________________________"
    } else {
        dossier.identity.name.trim()
    }
}

/// The number of copies and whether they are marked « BROUILLON »; a final
/// print with blocking findings is refused.
pub(crate) fn copies_and_draft(
    dossier: &Dossier,
    profile: &CallProfile,
    findings: &[Finding],
    options: &RenderOptions,
) -> Result<(u32, bool), RenderError> {
    let blocking: Vec<Finding> = findings
        .iter()
        .filter(|f| f.is_blocking())
        .cloned()
        .collect();
    if options.mode == PrintMode::Final && !blocking.is_empty() {
        return Err(RenderError::Blocking(blocking));
    }
    let copies = options
        .copies
        .or(dossier.print.copies)
        .unwrap_or(profile.copies);
    if !(1..=20).contains(&copies) {
        return Err(RenderError::Copies(copies));
    }
    Ok((
        copies,
        options.mode == PrintMode::Draft || !blocking.is_empty(),
    ))
}

/// What turns laid-out content into a copy's pages: the page furniture of
/// each page, then its content.
pub(crate) struct Furnish<'a> {
    pub fonts: &'a Fonts,
    pub geo: Geometry,
    pub cluster: &'a str,
    pub call_title: &'a str,
    pub copies: u32,
    pub draft: bool,
    /// The president is a woman (« la Présidente » in the captions).
    pub feminine: bool,
    /// Where the cover's copy number goes.
    pub slot: Option<f32>,
    /// The content fingerprint (none on a blank form).
    pub fingerprint: Option<&'a str>,
}

impl Furnish<'_> {
    /// Page `i` (0-based) of copy `copy`, out of `pages`.
    pub fn page(&self, content: &Page, i: usize, pages: usize, copy: u32) -> Page {
        let mut page = self.furniture(i, pages, copy);
        page.items.extend(content.items.iter().cloned());
        page
    }

    /// The furniture alone of page `i` of copy `copy` (the PDF writer
    /// shares the content between copies).
    pub fn furniture(&self, i: usize, pages: usize, copy: u32) -> Page {
        let info = furniture::PageInfo {
            page: i + 1,
            pages,
            copy,
            copies: self.copies,
            cluster: self.cluster,
            call_title: self.call_title,
            draft: self.draft,
            feminine: self.feminine,
            fingerprint: self.fingerprint,
        };
        let mut items = furniture::furniture(self.fonts, &self.geo, &info);
        if i == 0
            && let Some(y) = self.slot
        {
            items.extend(furniture::cover_copy_mark(
                self.fonts,
                &self.geo,
                y,
                document::COVER_COPY_SLOT,
                copy,
                self.copies,
            ));
        }
        Page { items }
    }
}

/// Renders the dossier's printed package, without attachments.
pub fn render(
    dossier: &Dossier,
    profile: &CallProfile,
    findings: &[Finding],
    options: &RenderOptions,
) -> Result<Rendered, RenderError> {
    render_with(
        dossier,
        profile,
        findings,
        options,
        &crate::attach::Attachments::default(),
    )
}

/// Renders the dossier's printed package with its scanned attachments
/// inserted at their places (see [`crate::attach::load`]).
pub fn render_with(
    dossier: &Dossier,
    profile: &CallProfile,
    findings: &[Finding],
    options: &RenderOptions,
    attachments: &crate::attach::Attachments,
) -> Result<Rendered, RenderError> {
    render_marked(dossier, profile, findings, options, attachments, None)
}

/// [`render_with`], the PDFs naming in their metadata the dossier file
/// that printed them (`source`, see [`pdf::SOURCE_KEY`]).
pub fn render_marked(
    dossier: &Dossier,
    profile: &CallProfile,
    findings: &[Finding],
    options: &RenderOptions,
    attachments: &crate::attach::Attachments,
    source: Option<&str>,
) -> Result<Rendered, RenderError> {
    // A blank form prints the structure only: the dossier's print choices
    // are kept, its content and findings are not used.
    let blank = options.mode == PrintMode::Blank;
    let original = dossier;
    let blank_dossier;
    let (dossier, findings) = if blank {
        blank_dossier = document::blank_dossier(profile, &dossier.print);
        (&blank_dossier, &[][..])
    } else {
        (dossier, findings)
    };
    let (copies, draft) = copies_and_draft(dossier, profile, findings, options)?;
    let fonts = fonts()?;
    let none = crate::attach::Attachments::default();
    let attachments = if blank { &none } else { attachments };
    // While the pages are laid out, another core makes the fingerprint
    // (of the dossier's content, the same for every copy; a blank form has
    // no content to fingerprint) and readies the PDF writer's fonts.
    let (fingerprint, (laid, geo, settled)) = std::thread::scope(|scope| {
        let side = scope.spawn(|| {
            pdf::ready_fonts();
            (!blank).then(|| crate::model::Fingerprint::of(original).code())
        });
        // Where the fields print is for the preview: not recorded here.
        let laid = layout_pages(
            dossier,
            profile,
            findings,
            (draft, blank, false),
            attachments,
            fonts,
        );
        let fingerprint = side
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (fingerprint, laid)
    });
    let pages_per_copy = laid.pages.len();
    let cluster = cluster_name(dossier);
    let furnish = Furnish {
        fonts,
        geo,
        cluster,
        call_title: &profile.title,
        copies,
        draft,
        feminine: words::president_is_woman(dossier),
        slot: laid.anchor_y.get("cover-copy-slot").copied(),
        fingerprint: fingerprint.as_deref(),
    };
    let receipt_input = document::DocumentInput {
        dossier,
        profile,
        findings,
        draft,
        blank,
        attachments,
        pages: &laid.anchors,
    };
    let (receipt, receipt_missing) =
        copies::receipt_pages(&receipt_input, copies, pages_per_copy, &furnish);
    // One copy's furniture pages, made as they are asked for; the content
    // pages are written once and shared by the copies.
    let furnish = &furnish;
    let copy_pages =
        |copy: u32| (0..pages_per_copy).map(move |i| furnish.furniture(i, pages_per_copy, copy));
    let meta = |copy: Option<u32>| pdf::Metadata {
        title: match copy {
            Some(k) => format!("Dossier de candidature — {cluster} — exemplaire {k} sur {copies}"),
            None => format!("Dossier de candidature — {cluster}"),
        },
        author: if dossier.identity.president.name.trim().is_empty() {
            cluster.to_string()
        } else {
            format!("{} — {}", dossier.identity.president.name.trim(), cluster)
        },
        subject: profile.title.clone(),
        date_unix: dossier
            .declaration
            .date
            .map_or(profile.deadline.date.days_since_epoch(), |d| {
                d.days_since_epoch()
            })
            * 86_400
            + 12 * 3600,
        source: source.map(str::to_string),
    };
    // Where the attachments' pages go in one copy (furniture adds none).
    let copy_placements = merge::placements(&laid.pages);
    // Writes pages, then puts the attachments' pages in their places. The
    // copies' pages are made one at a time as the writer takes them.
    let write = |range: std::ops::RangeInclusive<u32>,
                 meta: pdf::Metadata|
     -> Result<Vec<u8>, RenderError> {
        let placements: Vec<merge::Placement> = range
            .clone()
            .enumerate()
            .flat_map(|(n, _)| {
                copy_placements.iter().map(move |p| merge::Placement {
                    page_index: p.page_index + n * pages_per_copy,
                    ..p.clone()
                })
            })
            .collect();
        // The receipt follows the last copy.
        let trailing = if *range.end() == copies {
            &receipt[..]
        } else {
            &[]
        };
        let pages = range.flat_map(copy_pages);
        let bytes = pdf::write_copies(&laid.pages, pages, trailing, &geo, &meta)?;
        if placements.is_empty() {
            Ok(bytes)
        } else {
            Ok(merge::insert(&bytes, &placements, attachments, &geo)?)
        }
    };
    let pdfs = if options.per_copy {
        (1..=copies)
            .map(|k| write(k..=k, meta(Some(k))))
            .collect::<Result<Vec<_>, _>>()?
    } else {
        vec![write(1..=copies, meta(None))?]
    };
    let mut warnings: Vec<String> = laid
        .missing
        .iter()
        .chain(&receipt_missing)
        .map(shape::MissingGlyph::message)
        .collect();
    if !settled {
        warnings.push(format!(
            "Les numéros de page du sommaire et des pièces jointes n'étaient pas stables après {LAYOUT_PASSES} mises en page : vérifiez-les avant le dépôt"
        ));
    }
    Ok(Rendered {
        pdfs,
        pages_per_copy,
        copies,
        receipt_pages: receipt.len(),
        fingerprint,
        draft,
        warnings,
    })
}
