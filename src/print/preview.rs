//! The live preview's data: the pages of one copy exactly as [`super::render`]
//! lays them out (same layout passes, same furniture), as plain positioned
//! items in PDF points, with the box where each named field prints. The
//! wizard draws them; nothing here knows egui.

use super::geometry::Rect;
use super::layout::Item;
use super::{Furnish, RenderError, RenderOptions, cluster_name, copies_and_draft, fonts};
use crate::model::field::{FieldPath, IdentityField};
use crate::model::{CallProfile, Dossier, Finding};

/// A field printed on a page: the box of its text and the wizard's path.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldBox {
    pub rect: Rect,
    pub path: String,
}

/// One page: items in drawing order (furniture first, then content), y
/// from the top edge, text y at the baseline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PreviewPage {
    pub items: Vec<Item>,
    pub fields: Vec<FieldBox>,
}

/// The pages of copy 1, as the printed package shows them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PreviewDoc {
    pub page_w: f32,
    pub page_h: f32,
    pub pages: Vec<PreviewPage>,
    pub copies: u32,
    /// Marked « BROUILLON » (blocking findings remain).
    pub draft: bool,
    /// Characters the font lacks, and unsettled page numbers.
    pub warnings: Vec<String>,
}

/// Lays out copy 1 of the dossier as [`super::render`] does in automatic
/// mode, without attachments.
pub fn preview_pages(
    dossier: &Dossier,
    profile: &CallProfile,
    findings: &[Finding],
) -> Result<PreviewDoc, RenderError> {
    let none = crate::attach::Attachments::default();
    preview_pages_with(dossier, profile, findings, &none)
}

/// Lays out copy 1 as [`super::render_with`] does with these attachments
/// (see [`crate::attach::load`]): the same pages and page numbers, each
/// inserted page drawn as a labelled placeholder, not its image.
pub fn preview_pages_with(
    dossier: &Dossier,
    profile: &CallProfile,
    findings: &[Finding],
    attachments: &crate::attach::Attachments,
) -> Result<PreviewDoc, RenderError> {
    let mut cold = PageNumbers::default();
    preview_pages_hinted(dossier, profile, findings, attachments, &mut cold)
}

/// Where the numbered parts of the document landed in the last layout: the
/// next one starts from them (see [`preview_pages_hinted`]).
#[derive(Clone, Debug, Default)]
pub struct PageNumbers(std::collections::HashMap<String, usize>);

/// [`preview_pages_with`] starting from the page numbers of the previous
/// layout, which it updates: an edit that moves no page number is laid
/// out in one pass instead of two. The pages are the same as a cold
/// layout's (the passes stop at the numbers the pages themselves print).
pub fn preview_pages_hinted(
    dossier: &Dossier,
    profile: &CallProfile,
    findings: &[Finding],
    attachments: &crate::attach::Attachments,
    hint: &mut PageNumbers,
) -> Result<PreviewDoc, RenderError> {
    let (copies, draft) = copies_and_draft(dossier, profile, findings, &RenderOptions::default())?;
    let fonts = fonts()?;
    // Printed in the running band, as on the PDF's pages.
    let fingerprint = Some(crate::model::Fingerprint::of(dossier).code());
    let (mut laid, geo, settled) = super::layout_pages_from(
        dossier,
        profile,
        findings,
        (draft, false, true),
        attachments,
        fonts,
        std::mem::take(&mut hint.0),
    );
    if settled {
        hint.0.clone_from(&laid.anchors);
    }
    let furnish = Furnish {
        fonts,
        geo,
        cluster: cluster_name(dossier),
        call_title: &profile.title,
        copies,
        draft,
        feminine: super::words::president_is_woman(dossier),
        slot: laid.anchor_y.get("cover-copy-slot").copied(),
        fingerprint: fingerprint.as_deref(),
    };
    let n = laid.pages.len();
    let mut fields: Vec<Vec<FieldBox>> = vec![Vec::new(); n];
    for s in std::mem::take(&mut laid.sources) {
        if let Some(list) = fields.get_mut(s.page) {
            list.push(FieldBox {
                rect: s.rect,
                path: s.path,
            });
        }
    }
    let pages = laid
        .pages
        .iter()
        .zip(fields)
        .enumerate()
        .map(|(i, (content, mut fields))| {
            let items = furnish.page(content, i, n, 1).items;
            let furniture = &items[..items.len() - content.items.len()];
            fields.extend(running_name(furniture, &geo, fonts));
            let mut page = PreviewPage { items, fields };
            placeholders(&mut page, &geo, fonts, |key| {
                (
                    attachment_label(dossier, profile, key),
                    attachments.pages(key).unwrap_or(1),
                )
            });
            page
        })
        .collect();
    let mut warnings: Vec<String> = laid
        .missing
        .iter()
        .map(super::shape::MissingGlyph::message)
        .collect();
    if !settled {
        warnings.push("Numéros de page du sommaire non stabilisés".to_string());
    }
    Ok(PreviewDoc {
        page_w: geo.page_w,
        page_h: geo.page_h,
        pages,
        copies,
        draft,
        warnings,
    })
}

/// Shade and stroke of an inserted page's stand-in.
const PLACEHOLDER_FILL: f32 = 0.93;
const PLACEHOLDER_TEXT: f32 = 11.0;

/// Replaces each inserted page of an attachment by a shaded box over the
/// content area titled « Pièce jointe : <label> — page k / n »; the box
/// leads to the attachment's field. The scan itself is not drawn: the
/// preview shows where it goes and how many pages it takes.
fn placeholders(
    page: &mut PreviewPage,
    geo: &super::geometry::Geometry,
    fonts: &super::font::Fonts,
    describe: impl Fn(&str) -> (String, usize),
) {
    let mut items = Vec::with_capacity(page.items.len());
    for item in std::mem::take(&mut page.items) {
        let Item::Placeholder { key, page: k } = item else {
            items.push(item);
            continue;
        };
        let (label, n) = describe(&key);
        let rect = geo.full_content();
        items.push(Item::Rect {
            rect,
            stroke: Some(0.6),
            fill: Some(PLACEHOLDER_FILL),
        });
        let text = format!("Pièce jointe : {label} — page {} / {n}", k + 1);
        // Long titles shrink to stay inside the box.
        let room = rect.w - 24.0;
        let natural = fonts.regular.width(&text, PLACEHOLDER_TEXT);
        let size = if natural > room {
            PLACEHOLDER_TEXT * room / natural
        } else {
            PLACEHOLDER_TEXT
        };
        let w = fonts.regular.width(&text, size);
        items.push(Item::Text {
            x: rect.x + (rect.w - w) / 2.0,
            y: rect.y + rect.h / 2.0,
            size,
            weight: super::font::Weight::Regular,
            text,
            gray: 0.3,
        });
        page.fields.push(FieldBox { rect, path: key });
    }
    page.items = items;
}

/// The name the dossier gives an attachment: the piece's label in the
/// call, or the title the user typed for another document.
fn attachment_label(dossier: &Dossier, profile: &CallProfile, key: &str) -> String {
    let piece = profile
        .admin_pieces
        .iter()
        .find(|def| FieldPath::admin_piece(&def.id) == key)
        .map(|def| def.label.clone());
    let other = || {
        dossier
            .declaration
            .other_documents
            .iter()
            .enumerate()
            .find(|(i, _)| FieldPath::other_document(*i) == key)
            .map(|(_, doc)| doc.title.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    piece
        .or_else(other)
        .unwrap_or_else(|| "document".to_string())
}

/// The cluster's name in the running band of the page furniture (bold
/// lines in the band), as a box for `identity.name`.
fn running_name(
    furniture: &[Item],
    geo: &super::geometry::Geometry,
    fonts: &super::font::Fonts,
) -> Option<FieldBox> {
    let band = geo.running_band();
    let mut rect: Option<Rect> = None;
    for item in furniture {
        let Item::Text {
            x,
            y,
            size,
            weight: super::font::Weight::Bold,
            text,
            ..
        } = item
        else {
            continue;
        };
        if *y < band.y || *y > band.bottom() {
            continue;
        }
        let r = Rect {
            x: *x,
            y: y - size,
            w: fonts.bold.width(text, *size),
            h: 1.25 * size,
        };
        rect = Some(match rect {
            None => r,
            Some(a) => {
                let (x0, y0) = (a.x.min(r.x), a.y.min(r.y));
                let (x1, y1) = (a.right().max(r.right()), a.bottom().max(r.bottom()));
                Rect {
                    x: x0,
                    y: y0,
                    w: x1 - x0,
                    h: y1 - y0,
                }
            }
        });
    }
    rect.map(|rect| FieldBox {
        rect,
        path: FieldPath::identity(IdentityField::Name).to_string(),
    })
}

impl PreviewPage {
    /// The texts of the page, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|i| match i {
            Item::Text { text, .. } | Item::Rotated { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }

    /// The field printed at `(x, y)` (points from the top-left corner):
    /// the smallest box holding the point.
    pub fn field_at(&self, x: f32, y: f32) -> Option<&FieldBox> {
        self.fields
            .iter()
            .filter(|f| {
                x >= f.rect.x && x <= f.rect.right() && y >= f.rect.y && y <= f.rect.bottom()
            })
            .min_by(|a, b| (a.rect.w * a.rect.h).total_cmp(&(b.rect.w * b.rect.h)))
    }
}

impl PreviewDoc {
    /// Where the field `path` prints: its first page and box. A path the
    /// page does not print on its own (`members[3].ice`) falls back to the
    /// nearest printed field of the same record (`members[3].name`).
    pub fn find(&self, path: &str) -> Option<(usize, Rect)> {
        let mut prefix = path;
        loop {
            let hit = self.pages.iter().enumerate().find_map(|(i, p)| {
                p.fields
                    .iter()
                    .find(|f| f.path == path || under(&f.path, prefix))
                    .map(|f| (i, f.rect))
            });
            if hit.is_some() {
                return hit;
            }
            let cut = prefix.rfind(['.', '['])?;
            prefix = &prefix[..cut];
            // A bare section name (« identity ») says nothing about a place.
            if !prefix.contains(['.', '[']) {
                return None;
            }
        }
    }

    /// A rough size of the preview's data in bytes, for the benchmarks.
    pub fn approx_bytes(&self) -> usize {
        let item = std::mem::size_of::<Item>();
        let field = std::mem::size_of::<FieldBox>();
        self.pages
            .iter()
            .map(|p| {
                let texts: usize = p
                    .items
                    .iter()
                    .map(|i| match i {
                        Item::Text { text, .. } | Item::Rotated { text, .. } => text.capacity(),
                        Item::Placeholder { key, .. } => key.capacity(),
                        _ => 0,
                    })
                    .sum();
                let paths: usize = p.fields.iter().map(|f| f.path.capacity()).sum();
                p.items.capacity() * item + p.fields.capacity() * field + texts + paths
            })
            .sum()
    }
}

/// `path` is `prefix` or a field inside it (`members[3]` holds
/// `members[3].name`, not `members[31]`).
fn under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::field::budget_cell;

    fn example() -> (Dossier, CallProfile) {
        let d = crate::example_dossier().expect("the example loads");
        (d, CallProfile::edition_2026())
    }

    #[test]
    fn the_cover_prints_the_name_where_the_source_says() {
        let (d, p) = example();
        let doc = preview_pages(&d, &p, &[]).expect("preview");
        let (page, rect) = doc.find("identity.name").expect("the name is placed");
        assert_eq!(page, 0);
        // As set on the page: with the typographic apostrophe.
        let name = crate::print::typeset::french(d.identity.name.trim());
        assert!(doc.pages[0].texts().any(|t| t.contains(&name)));
        let hit = doc.pages[0]
            .field_at(rect.x + rect.w / 2.0, rect.y + rect.h / 2.0)
            .expect("a field under the name");
        assert_eq!(hit.path, "identity.name");
        // The running title on every page names the cluster too.
        let band = doc.pages[5]
            .fields
            .iter()
            .filter(|f| f.path == "identity.name")
            .min_by(|a, b| a.rect.y.total_cmp(&b.rect.y))
            .expect("the running title is a field");
        assert!(band.rect.y < 60.0 && band.rect.w > 50.0);
    }

    #[test]
    fn budget_cells_and_members_are_found() {
        let (d, p) = example();
        let doc = preview_pages(&d, &p, &[]).expect("preview");
        let row = &p.budget_rows[0].id;
        let (page, _) = doc.find(&budget_cell(row, 2)).expect("budget cell placed");
        assert!(
            doc.pages[page]
                .fields
                .iter()
                .any(|f| f.path == budget_cell(row, 2))
        );
        let (_, member_rect) = doc.find("members[0].ice").expect("member 0 placed");
        assert!(member_rect.w > 0.0);
        assert!(doc.find("members[999].ice").is_none());
        assert!(doc.find("nothing.at.all").is_none());
    }

    /// The page `path` prints on holds a box with exactly that path.
    fn printed_exactly(doc: &PreviewDoc, path: &FieldPath) -> usize {
        let (page, rect) = doc.find(path.as_str()).expect("the field is placed");
        let hit = doc.pages[page]
            .field_at(rect.x + rect.w / 2.0, rect.y + rect.h / 2.0)
            .expect("a field under its box");
        assert_eq!(hit.path, path.as_str());
        page
    }

    /// The text drawn inside the box of `path`.
    fn text_in(doc: &PreviewDoc, path: &FieldPath) -> String {
        let (page, r) = doc.find(path.as_str()).expect("the field is placed");
        let inside = doc.pages[page].items.iter().filter_map(|i| match i {
            Item::Text { x, y, text, .. }
                if *x >= r.x - 0.5 && *x <= r.right() && *y >= r.y && *y <= r.bottom() =>
            {
                Some(text.as_str())
            }
            _ => None,
        });
        inside.collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn sections_two_to_seven_and_the_declaration_are_mapped() {
        use crate::model::field::{ActionField, BoardField, DeclarationField};
        let (d, p) = example();
        let doc = preview_pages(&d, &p, &[]).expect("preview");
        let text_of = |page: usize| doc.pages[page].texts().collect::<Vec<_>>().join(" ");

        let cost = FieldPath::action(0, ActionField::Cost).year(0);
        printed_exactly(&doc, &cost);
        let typed = d.plan.actions[0].cost[0]
            .map_or_else(|| "—".to_string(), crate::model::money::format_amount);
        assert_eq!(text_in(&doc, &cost), typed);

        let kpi = FieldPath::kpi(&p.kpi_rows[0].id).year(2);
        printed_exactly(&doc, &kpi);
        let typed = d
            .kpi_line(&p.kpi_rows[0].id)
            .and_then(|l| l.values[2])
            .map_or_else(|| "—".to_string(), crate::model::money::format_typed);
        assert_eq!(text_in(&doc, &kpi), typed);

        // The board prints twice (Partie 1 to sign, Section 2): the first
        // is the table to sign, with the member's name.
        let board = FieldPath::board(1, BoardField::Name);
        let page = printed_exactly(&doc, &board);
        assert!(text_of(page).contains(d.governance.board[1].name.trim()));

        let place = FieldPath::declaration(DeclarationField::Place);
        let page = printed_exactly(&doc, &place);
        assert!(text_of(page).contains(d.declaration.place.trim()));
        assert!(
            page + 1 >= doc.pages.len() - 1,
            "the déclaration closes the copy"
        );

        // The action's first cell: the title in bold, the description under it.
        assert!(!d.plan.actions[0].description.trim().is_empty());
        let title = FieldPath::action(0, ActionField::Title);
        let description = FieldPath::action(0, ActionField::Description);
        printed_exactly(&doc, &title);
        printed_exactly(&doc, &description);
        let (t, d_rect) = (
            doc.find(title.as_str()).expect("title").1,
            doc.find(description.as_str()).expect("description").1,
        );
        assert!(
            d_rect.y >= t.bottom() - 0.5,
            "the description under the title"
        );
        // A field of a record with no box of its own leads to its record.
        let (page, _) = doc
            .find(FieldPath::action(0, ActionField::Cost).as_str())
            .expect("the action's row");
        assert_eq!(page, doc.find(title.as_str()).expect("title").0);
        let criterion = FieldPath::criterion(&p.criteria[0].id);
        printed_exactly(&doc, &criterion);
    }
}
