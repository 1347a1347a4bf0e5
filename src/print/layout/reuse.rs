//! The passes of a layout (until the sommaire's page numbers settle) lay
//! out the same document but for those numbers: from the first block on
//! which the two passes agree — same blocks from there to the end, no
//! sommaire among them, same position, same page so far — the rest of the
//! pages is what the previous pass made, taken over instead of laid out
//! again. The layout is a function of that state and of those blocks, so
//! the pages are the same.

use super::engine::Layouter;
use super::{Block, Laid};

/// Where each block of a pass started, and the anchors it recorded.
#[derive(Default)]
pub struct Record {
    /// Per block: position (bits), finished pages, items on the current
    /// page, missing characters so far.
    starts: Vec<(u32, usize, usize, usize)>,
    /// Anchors in the order they were recorded: block, name, page, and
    /// the position for those that keep one.
    pub(super) anchors: Vec<(usize, String, usize, Option<f32>)>,
}

/// A finished pass, for the next one to take over from.
pub struct Previous {
    laid: Laid,
    record: Record,
    blocks: Vec<Block>,
    /// The first block from which the next pass's blocks are the same and
    /// hold no sommaire, once known.
    from: Option<usize>,
}

impl Previous {
    pub fn new(laid: Laid, record: Record, blocks: Vec<Block>) -> Self {
        Self {
            laid,
            record,
            blocks,
            from: None,
        }
    }
}

/// The first block of the common tail of `a` and `b` after the last
/// sommaire (the sommaire reads the page numbers, which differ).
fn common_tail(a: &[Block], b: &[Block]) -> usize {
    if a.len() != b.len() {
        return a.len();
    }
    let mut from = a.len();
    while from > 0 && a[from - 1] == b[from - 1] && !matches!(b[from - 1], Block::Toc(_)) {
        from -= 1;
    }
    from
}

impl Layouter<'_> {
    /// Records an anchor on the current page (and its position).
    pub(super) fn anchor(&mut self, name: String, keep_y: bool) {
        let page = self.out.pages.len();
        self.out.anchors.insert(name.clone(), page);
        let y = keep_y.then_some(self.y);
        if let Some(y) = y {
            self.out.anchor_y.insert(name.clone(), y);
        }
        self.record.anchors.push((self.block_index, name, page, y));
    }

    pub(super) fn start_block(&mut self) {
        let start = (
            self.y.to_bits(),
            self.out.pages.len(),
            self.page.items.len(),
            self.out.missing.len(),
        );
        self.record.starts.push(start);
    }

    /// Takes the previous pass's pages over from block `i` when the two
    /// passes agree from there on; `true` when done.
    pub(super) fn take_over(&mut self, i: usize, blocks: &[Block]) -> bool {
        let Some(prev) = self.previous.as_mut() else {
            return false;
        };
        let from = *prev
            .from
            .get_or_insert_with(|| common_tail(&prev.blocks, blocks));
        let Some(&(y, pages, items, missing)) = prev.record.starts.get(i) else {
            return false;
        };
        let here = (self.out.pages.len(), self.page.items.len());
        if i < from || y != self.y.to_bits() || (pages, items) != here {
            return false;
        }
        let page_so_far = prev.laid.pages.get(pages).map_or(&[][..], |p| &p.items[..]);
        if page_so_far.get(..items) != Some(&self.page.items[..]) {
            return false;
        }
        // The rest of the pages, the current one included.
        self.page = super::Page::default();
        self.out.pages.extend(prev.laid.pages.drain(pages..));
        self.out.missing.extend(
            prev.laid
                .missing
                .drain(missing.min(prev.laid.missing.len())..),
        );
        for (block, name, page, y) in &prev.record.anchors {
            if *block >= i {
                self.out.anchors.insert(name.clone(), *page);
                if let Some(y) = y {
                    self.out.anchor_y.insert(name.clone(), *y);
                }
            }
        }
        // This pass's record goes on as the previous one did.
        let later = prev.record.anchors.iter().filter(|a| a.0 >= i).cloned();
        self.record.anchors.extend(later);
        self.record
            .starts
            .extend_from_slice(&prev.record.starts[i..]);
        true
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::Previous;
    use crate::model::CallProfile;
    use crate::print::document::{DocumentInput, build};
    use crate::print::geometry::Geometry;
    use crate::print::layout::{Laid, Layouter};

    fn same(a: &Laid, b: &Laid) {
        assert!(a.pages == b.pages, "the pages differ");
        assert_eq!(a.anchors, b.anchors);
        assert_eq!(a.anchor_y, b.anchor_y);
        assert_eq!(a.missing, b.missing);
    }

    /// A second pass taking the first one's pages over lays out what it
    /// would have laid out alone, and does take them over.
    #[test]
    fn a_pass_taking_over_lays_out_the_same_pages() {
        let profile = CallProfile::edition_2026();
        let mut dossier = crate::model::synthetic::dossier(&profile, 80, 8);
        // A character the font lacks, reported with its page.
        dossier.identity.address.push('\u{e000}');
        let fonts = crate::print::fonts().expect("fonts");
        let geo = Geometry::a4(dossier.print.stamp_corner);
        let none = crate::attach::Attachments::default();
        let blocks = |pages: &HashMap<String, usize>| {
            build(&DocumentInput {
                dossier: &dossier,
                profile: &profile,
                findings: &[],
                draft: false,
                blank: false,
                attachments: &none,
                pages,
            })
        };
        let first_blocks = blocks(&HashMap::new());
        let (first, record) =
            Layouter::new(fonts, geo, HashMap::new()).layout_recorded(&first_blocks);
        let pages = first.anchors.clone();
        let second_blocks = blocks(&pages);
        let alone = Layouter::new(fonts, geo, pages.clone()).layout(&second_blocks);
        let previous = Previous::new(first, record, first_blocks);
        let layouter = Layouter::new(fonts, geo, pages).with_previous(previous);
        let mut layouter = layouter;
        let mut took_over = false;
        for i in 0..second_blocks.len() {
            layouter.block_index = i;
            if layouter.take_over(i, &second_blocks) {
                took_over = true;
                break;
            }
            layouter.start_block();
            layouter.block(&second_blocks[i], &second_blocks[i + 1..]);
        }
        assert!(took_over, "the second pass took nothing over");
        let (over, _) = layouter.finish();
        same(&alone, &over);
        assert!(!alone.missing.is_empty());
    }
}
