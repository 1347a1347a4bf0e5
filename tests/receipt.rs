//! The receipt (« Accusé de réception », issue 21): one page after the
//! copies, outside their numbering, in the package and in the blank form,
//! whatever the stamp corner.

mod common;

use cluster_dossier::model::Dossier;
use cluster_dossier::model::dossier::{OtherDocument, StampCorner};
use cluster_dossier::print::document::{RECEIPT_TITLE, STAMP_CAPTION};
use cluster_dossier::print::furniture::STAMP_LABEL;
use cluster_dossier::print::{self, PrintMode, RenderOptions, Rendered};
use common::{example, findings, pdf_pages_text, profile};

fn render(d: &Dossier, options: &RenderOptions) -> Rendered {
    let p = profile();
    let findings = if options.mode == PrintMode::Blank {
        Vec::new()
    } else {
        findings(d, &p)
    };
    print::render(d, &p, &findings, options).expect("the dossier renders")
}

fn with_corner(corner: StampCorner) -> Dossier {
    let mut d = example();
    d.print.stamp_corner = corner;
    d
}

/// The text, as one line, without the typographic apostrophe and spaces.
fn flat(text: &str) -> String {
    text.replace(['’'], "'")
        .replace(['\u{a0}', '\u{202f}', '\n'], " ")
}

/// Checks the package's pages: the copies numbered « Page i / N » and
/// « Exemplaire k / n », then exactly one receipt page with neither.
fn check_package(r: &Rendered, pages: &[String], tag: &str) {
    let n = r.pages_per_copy;
    let copies = r.copies as usize;
    assert_eq!(r.receipt_pages, 1, "{tag}: the receipt is one page");
    assert_eq!(pages.len(), n * copies + r.receipt_pages, "{tag}: pages");
    for (i, text) in pages[..n * copies].iter().enumerate() {
        let text = flat(text);
        let (k, local) = (i / n + 1, i % n + 1);
        assert!(
            text.contains(&format!("Page {local} / {n}")),
            "{tag}: page {i}"
        );
        assert!(
            text.contains(&format!("Exemplaire {k} / {copies}")),
            "{tag}: page {i}"
        );
        assert!(
            !text.contains(RECEIPT_TITLE),
            "{tag}: page {i} is no receipt"
        );
    }
    let receipt = flat(&pages[n * copies]);
    assert!(receipt.contains(RECEIPT_TITLE), "{tag}: {receipt}");
    assert!(
        !receipt.contains("Page "),
        "{tag}: no page number: {receipt}"
    );
    assert!(!receipt.contains("Exemplaire "), "{tag}: no copy number");
    assert!(
        !receipt.contains(STAMP_LABEL),
        "{tag}: no president's stamp box"
    );
    assert!(receipt.contains("Cadre réservé à la DPTC"), "{tag}");
    assert!(receipt.contains(&flat(STAMP_CAPTION)), "{tag}");
}

#[test]
fn the_receipt_follows_the_copies_on_one_page_in_every_stamp_corner() {
    for corner in StampCorner::ALL {
        for mode in [PrintMode::Automatic, PrintMode::Draft, PrintMode::Blank] {
            let options = RenderOptions {
                mode,
                ..RenderOptions::default()
            };
            let r = render(&with_corner(corner), &options);
            let pages = pdf_pages_text(&r.pdfs[0]);
            check_package(&r, &pages, &format!("{corner:?} {mode:?}"));
        }
    }
}

#[test]
fn the_receipt_says_who_what_how_many_and_which_version() {
    let d = example();
    let p = profile();
    let r = render(&d, &RenderOptions::default());
    let pages = pdf_pages_text(&r.pdfs[0]);
    let receipt = flat(pages.last().expect("a page"));
    let fingerprint = r.fingerprint.clone().expect("a fingerprint");
    let wants = [
        d.identity.name.clone(),
        d.identity.acronym.clone(),
        d.identity.president.name.clone(),
        p.title.clone(),
        format!("Édition {}", p.edition),
        format!("3 exemplaires de {} pages chacun", r.pages_per_copy),
        format!("Empreinte du contenu {fingerprint}"),
        "Partie 1 – Dossier administratif".into(),
        "Partie 2 – Dossier technique".into(),
        "Partie 3 – Critères de sélection".into(),
        "Déclaration sur l'honneur".into(),
    ];
    // Key and value are two texts on one line: compare without the gap.
    let squeezed = receipt.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in wants {
        let want = flat(&want).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(squeezed.contains(&want), "missing « {want} » in {squeezed}");
    }
    for piece in &p.admin_pieces {
        assert!(squeezed.contains(&flat(&piece.label)), "{}", piece.label);
    }
    // Every titled other document is listed (its title may wrap).
    for other in &d.declaration.other_documents {
        let start: String = flat(&other.title).chars().take(30).collect();
        assert!(squeezed.contains(start.trim()), "{start}");
    }
    // The example's pieces are on paper.
    assert!(squeezed.contains("sur papier, avec les exemplaires"));
}

#[test]
fn per_copy_files_put_the_receipt_after_the_last_copy_only() {
    let r = render(
        &example(),
        &RenderOptions {
            per_copy: true,
            ..RenderOptions::default()
        },
    );
    assert_eq!(r.pdfs.len(), r.copies as usize);
    for (k, pdf) in r.pdfs.iter().enumerate() {
        let pages = pdf_pages_text(pdf);
        let last = k + 1 == r.pdfs.len();
        let want = r.pages_per_copy + if last { r.receipt_pages } else { 0 };
        assert_eq!(pages.len(), want, "copy {}", k + 1);
        let receipts = pages.iter().filter(|t| t.contains(RECEIPT_TITLE)).count();
        assert_eq!(receipts, usize::from(last), "copy {}", k + 1);
    }
}

#[test]
fn the_blank_form_has_a_receipt_without_a_fingerprint() {
    let r = render(
        &example(),
        &RenderOptions {
            mode: PrintMode::Blank,
            ..RenderOptions::default()
        },
    );
    let pages = pdf_pages_text(&r.pdfs[0]);
    let receipt = flat(pages.last().expect("a page"));
    assert!(receipt.contains(RECEIPT_TITLE));
    assert!(receipt.contains("sans objet (dossier rempli à la main)"));
    assert!(receipt.contains("☐ jointe"), "{receipt}");
    // Nothing of the example's content: the blank form prints none.
    assert!(!receipt.contains(&example().identity.name));
}

#[test]
fn a_long_list_of_pieces_still_fits_one_page_in_every_corner() {
    for corner in StampCorner::ALL {
        let mut d = with_corner(corner);
        d.declaration.other_documents = (1..=12)
            .map(|i| OtherDocument {
                title: format!(
                    "Lettre d'engagement n° {i} d'une entreprise membre participant aux projets \
                     collaboratifs du cluster, signée et cachetée par son représentant légal"
                ),
                attachment: None,
            })
            .collect();
        let r = render(&d, &RenderOptions::default());
        let pages = pdf_pages_text(&r.pdfs[0]);
        check_package(&r, &pages, &format!("{corner:?}, 12 other documents"));
        let receipt = flat(pages.last().expect("a page"));
        assert!(receipt.contains("Lettre d'engagement n° 12"), "{receipt}");
    }
}
