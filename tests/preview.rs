//! The live preview shows what `render` prints: the same number of pages
//! and, page by page, the same text (read back from the PDF with lopdf, in
//! reading order: see `common::read`).

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
    let pdf: Vec<String> = common::read::pdf_pages_lines(&rendered.pdfs[0])
        .into_iter()
        .map(|lines| lines.concat())
        .collect();
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

/// A two-page PDF of blank pages, as a scanner would hand it over.
fn two_page_pdf() -> Vec<u8> {
    use lopdf::{Document, Object, dictionary};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let kids: Vec<Object> = (0..2)
        .map(|_| {
            Object::Reference(doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }))
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 2 }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("pdf written");
    out
}

/// The stand-in the preview draws for a page of an attachment.
fn is_placeholder(text: &str) -> bool {
    text.starts_with("Pièce jointe : ") && text.contains(" — page ")
}

#[test]
fn attachments_take_their_pages_in_the_preview_as_in_print() {
    use cluster_dossier::model::dossier::{OtherDocument, PieceStatus};
    use cluster_dossier::print::preview::preview_pages_with;
    use cluster_dossier::print::render_with;
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("pv.pdf"), two_page_pdf()).expect("pdf");
    let (mut d, p) = (common::example(), common::profile());
    let piece = d
        .administrative
        .iter_mut()
        .find(|x| x.id == "pv_agc")
        .expect("the example has the piece");
    piece.status = PieceStatus::Attached("pv.pdf".into());
    d.declaration.other_documents.push(OtherDocument {
        title: "Attestation bancaire".into(),
        attachment: Some("pv.pdf".into()),
    });
    let (attachments, findings) = cluster_dossier::service::check::full(&d, &p, dir.path());
    assert_eq!(attachments.pages("administrative.pv_agc"), Some(2));

    let preview = preview_pages_with(&d, &p, &findings, &attachments).expect("preview");
    let options = RenderOptions {
        per_copy: true,
        ..RenderOptions::default()
    };
    let rendered = render_with(&d, &p, &findings, &options, &attachments).expect("render");
    assert_eq!(preview.pages.len(), rendered.pages_per_copy);
    let pdf: Vec<String> = common::read::pdf_pages_lines(&rendered.pdfs[0])
        .into_iter()
        .map(|lines| lines.concat())
        .collect();
    assert_eq!(preview.pages.len(), pdf.len(), "pages of copy 1");
    let without = preview_pages(&d, &p, &findings).expect("preview");
    assert_eq!(preview.pages.len(), without.pages.len() + 4);

    // Page by page the same text (page numbers, sommaire's and bordereau's
    // ranges), the stand-ins' titles aside.
    let mut stand_ins = Vec::new();
    for (i, (page, printed)) in preview.pages.iter().zip(&pdf).enumerate() {
        let shown: String = page.texts().filter(|t| !is_placeholder(t)).collect();
        assert_eq!(squeeze(&shown), squeeze(printed), "text of page {}", i + 1);
        stand_ins.extend(page.texts().filter(|t| is_placeholder(t)).map(|t| (i, t)));
    }
    let piece = &p
        .admin_pieces
        .iter()
        .find(|x| x.id == "pv_agc")
        .expect("piece")
        .label;
    let want = [
        format!("Pièce jointe : {piece} — page 1 / 2"),
        format!("Pièce jointe : {piece} — page 2 / 2"),
        "Pièce jointe : Attestation bancaire — page 1 / 2".to_string(),
        "Pièce jointe : Attestation bancaire — page 2 / 2".to_string(),
    ];
    let got: Vec<&str> = stand_ins.iter().map(|(_, t)| *t).collect();
    assert_eq!(got, want);
    // Each on its own page, the other document's after the déclaration.
    assert_eq!(stand_ins[1].0, stand_ins[0].0 + 1);
    assert_eq!(stand_ins[3].0, preview.pages.len() - 1);
    // A click on the stand-in opens the piece.
    let (page, rect) = preview.find("administrative.pv_agc").expect("placed");
    assert!(page < stand_ins[0].0, "the bordereau names it first");
    let hit = preview.pages[stand_ins[0].0]
        .field_at(rect.x.max(100.0), 400.0)
        .expect("the stand-in is a field");
    assert_eq!(hit.path, "administrative.pv_agc");
}

mod hinted {
    //! The preview starts each layout from the previous one's page numbers
    //! (one pass instead of two after most edits): over random sequences
    //! of edits that move pages and sommaire numbers, its pages stay those
    //! of a cold layout.

    use cluster_dossier::model::{CallProfile, Dossier};
    use cluster_dossier::print::preview::{PageNumbers, preview_pages, preview_pages_hinted};
    use proptest::prelude::*;

    #[derive(Clone, Debug)]
    enum Edit {
        /// Members dropped from the register (the sommaire's numbers move).
        DropMembers(usize),
        /// Members repeated at the end.
        RepeatMembers(usize),
        /// A paragraph of this many words added to the strategy.
        Strategy(usize),
        /// A character added to the cluster's name.
        Name(char),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            (1usize..12).prop_map(Edit::DropMembers),
            (1usize..40).prop_map(Edit::RepeatMembers),
            (20usize..900).prop_map(Edit::Strategy),
            proptest::char::range('a', 'z').prop_map(Edit::Name),
        ]
    }

    fn apply(d: &mut Dossier, e: &Edit) {
        match e {
            Edit::DropMembers(n) => {
                let keep = d.members.len().saturating_sub(*n);
                d.members.truncate(keep);
            }
            Edit::RepeatMembers(n) => {
                let extra: Vec<_> = d.members.iter().cycle().take(*n).cloned().collect();
                d.members.extend(extra);
            }
            Edit::Strategy(words) => {
                let text = vec!["compétitivité"; *words].join(" ");
                d.strategy.global_strategy.push('\n');
                d.strategy.global_strategy.push_str(&text);
            }
            Edit::Name(c) => d.identity.name.push(*c),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
        #[test]
        fn hinted_layouts_are_cold_layouts(edits in proptest::collection::vec(edit(), 1..5)) {
            let profile = CallProfile::edition_2026();
            let mut d = cluster_dossier::example_dossier().expect("example");
            let none = cluster_dossier::attach::Attachments::default();
            let mut hint = PageNumbers::default();
            let findings = cluster_dossier::service::check::rules_now(&d, &profile);
            preview_pages_hinted(&d, &profile, &findings, &none, &mut hint).expect("first");
            for e in &edits {
                apply(&mut d, e);
                let findings = cluster_dossier::service::check::rules_now(&d, &profile);
                let hinted = preview_pages_hinted(&d, &profile, &findings, &none, &mut hint)
                    .expect("hinted");
                let cold = preview_pages(&d, &profile, &findings).expect("cold");
                prop_assert_eq!(hinted.pages.len(), cold.pages.len(), "after {:?}", e);
                prop_assert!(hinted == cold, "after {:?}", e);
            }
        }
    }
}
