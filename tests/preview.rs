//! The live preview shows what `render` prints: the same number of pages
//! and, page by page, the same text (read back from the PDF with lopdf).

mod common;

use cluster_dossier::model::{CallProfile, Dossier, Finding, synthetic};
use cluster_dossier::print::preview::preview_pages;
use cluster_dossier::print::{RenderOptions, render};

/// The text with every kind of space removed: the PDF's extraction and the
/// items do not break lines at the same places.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_same_pages(dossier: &Dossier, profile: &CallProfile, findings: &[Finding]) {
    let preview = preview_pages(dossier, profile, findings).expect("preview");
    let options = RenderOptions {
        per_copy: true,
        ..RenderOptions::default()
    };
    let rendered = render(dossier, profile, findings, &options).expect("render");
    assert_eq!(preview.pages.len(), rendered.pages_per_copy);
    assert_eq!(preview.draft, rendered.draft);
    assert_eq!(preview.copies, rendered.copies);
    let pdf = common::pdf_pages_text(&rendered.pdfs[0]);
    assert_eq!(preview.pages.len(), pdf.len(), "pages of copy 1");
    for (i, (page, printed)) in preview.pages.iter().zip(&pdf).enumerate() {
        let shown = squeeze(&page.texts().collect::<String>());
        assert!(!shown.is_empty(), "page {} has text", i + 1);
        assert_eq!(shown, squeeze(printed), "text of page {}", i + 1);
    }
}

#[test]
fn the_example_previews_as_it_prints() {
    let (d, p) = (common::example(), common::profile());
    let findings = common::findings(&d, &p);
    assert_same_pages(&d, &p, &findings);
}

#[test]
fn a_draft_previews_as_it_prints() {
    let (mut d, p) = (common::example(), common::profile());
    d.identity.name.clear();
    d.members.truncate(3);
    let findings = common::findings(&d, &p);
    assert!(!common::blocking(&findings).is_empty());
    assert_same_pages(&d, &p, &findings);
    let preview = preview_pages(&d, &p, &findings).expect("preview");
    assert!(preview.draft);
    assert!(preview.pages[0].texts().any(|t| t == "BROUILLON"));
}

#[test]
fn a_long_register_previews_as_it_prints() {
    let p = common::profile();
    let d = synthetic::dossier(&p, 300, 40);
    let findings = common::findings(&d, &p);
    assert_same_pages(&d, &p, &findings);
    // Every member's row is placed, on a register page.
    let preview = preview_pages(&d, &p, &findings).expect("preview");
    for i in [0, 150, 299] {
        let (page, _) = preview
            .find(&format!("members[{i}].ice"))
            .expect("member placed");
        assert!(page > 2, "member {i} on page {page}");
    }
}
