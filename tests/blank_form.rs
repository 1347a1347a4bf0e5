//! `render --blank`: the dossier's structure with room to write, none of
//! its content, no draft mark, no tick, and the page furniture as usual.

mod common;

use cluster_dossier::print::{self, RenderOptions};
use common::{example, findings, pdf_pages_text, profile};

#[test]
fn the_blank_form_has_the_structure_and_none_of_the_content() {
    let d = example();
    let p = profile();
    let r = print::render(
        &d,
        &p,
        &findings(&d, &p),
        &RenderOptions {
            mode: print::PrintMode::Blank,
            ..RenderOptions::default()
        },
    )
    .expect("renders");
    assert!(!r.draft);
    let mut pages = pdf_pages_text(&r.pdfs[0]);
    // The copies, then the receipt (tests/receipt.rs checks it).
    assert_eq!(pages.len(), r.pages_per_copy * 3 + r.receipt_pages);
    pages.truncate(r.pages_per_copy * 3);
    // Typographic apostrophes read back as typed ones.
    let all = pages.join("\n").replace('’', "'");
    for heading in [
        "Sommaire",
        "Bordereau des pièces administratives",
        "Tableau des membres du Conseil d'Administration",
        "Section 1 – Carte d'identité du cluster",
        "Section 6 – Plan d'action et budget prévisionnels",
        "RÉSULTAT D'EXPLOITATION",
        "Section 7 – Suivi et évaluation",
        "DÉCLARATION SUR L'HONNEUR",
        "Signature et cachet du Président",
    ] {
        assert!(all.contains(heading), "{heading} missing");
    }
    // Nothing of the example's content, no watermark.
    for content in [
        "Cluster Marocain des Technologies",
        "Huilerie Moderne",
        "Youssef",
        "BROUILLON",
        "552 000",
    ] {
        assert!(
            !all.contains(content),
            "{content} printed on the blank form"
        );
    }
    for (i, text) in pages.iter().enumerate() {
        assert!(text.contains(&format!(
            "Page {} / {}",
            i % r.pages_per_copy + 1,
            r.pages_per_copy
        )));
    }
    // The declaration's boxes are empty: no tick mark (« X ») drawn.
    // From its first page to the copy's end (with lines to write on, it
    // may take two pages).
    let declaration = pages[..r.pages_per_copy]
        .iter()
        .map(|p| p.replace('’', "'"))
        .skip_while(|p| !p.contains("DÉCLARATION SUR L'HONNEUR"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(declaration.contains("DÉCLARATION SUR L'HONNEUR"));
    assert!(
        !declaration.lines().any(|l| l.trim() == "X"),
        "{declaration}"
    );
}

#[test]
fn the_cli_refuses_blank_with_final_and_prints_the_blank_form() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dossier = dir.path().join("vide.ron");
    let pdf = dir.path().join("formulaire.pdf");
    let bin = env!("CARGO_BIN_EXE_cluster-dossier");
    assert!(
        std::process::Command::new(bin)
            .arg("new")
            .arg(&dossier)
            .status()
            .expect("new")
            .success()
    );
    let both = std::process::Command::new(bin)
        .arg("render")
        .arg(&dossier)
        .args(["--blank", "--final", "-o"])
        .arg(&pdf)
        .output()
        .expect("render");
    assert_eq!(both.status.code(), Some(2));
    assert!(!pdf.exists());
    // An empty dossier has blocking findings, yet its blank form prints.
    let out = std::process::Command::new(bin)
        .arg("render")
        .arg(&dossier)
        .args(["--blank", "-o"])
        .arg(&pdf)
        .output()
        .expect("render");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
}

/// A word of the blank form with a digit that is structure, not content:
/// a heading's or a row's number, « Section 2 », « Année 3 », « A4 »,
/// « Projet collaboratif 2 », a sommaire page number.
fn structural(words: &[&str], i: usize) -> bool {
    let word = words[i].trim_end_matches([':', '.']);
    let numbering = !word.is_empty()
        && word
            .split('.')
            .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        && word != "0";
    let after = |w: &str| i > 0 && words[i - 1] == w;
    let small_number = word.parse::<u32>().is_ok_and(|n| (1..=9).contains(&n));
    (i == 0 && numbering)
        || (small_number
            && ["Section", "Partie", "Année", "coopération", "collaboratif"]
                .iter()
                .any(|w| after(w)))
        || (word.len() == 2 && word.starts_with('A') && small_number_at(word, 1))
}

fn small_number_at(word: &str, from: usize) -> bool {
    word[from..]
        .parse::<u32>()
        .is_ok_and(|n| (1..=9).contains(&n))
}

#[test]
fn the_blank_form_holds_no_digit_outside_furniture_and_the_calls_dates() {
    let p = profile();
    // Whatever the dossier holds, the blank form is the same.
    let large = cluster_dossier::model::synthetic::dossier(&p, 300, 40);
    let mut texts = Vec::new();
    for d in [example(), large] {
        let r = print::render(
            &d,
            &p,
            &findings(&d, &p),
            &RenderOptions {
                mode: print::PrintMode::Blank,
                copies: Some(1),
                ..RenderOptions::default()
            },
        )
        .expect("renders");
        // The copy's pages; the receipt that follows is checked in
        // tests/receipt.rs (it states the call's edition and copies).
        let mut pages = common::pdf_texts(&r.pdfs[0]);
        assert_eq!(pages.len(), r.pages_per_copy + r.receipt_pages);
        pages.truncate(r.pages_per_copy);
        texts.push(pages);
    }
    let lines = |pages: &[Vec<common::PdfText>]| -> Vec<String> {
        pages.iter().flatten().map(|t| t.text.clone()).collect()
    };
    assert_eq!(lines(&texts[0]), lines(&texts[1]));

    let deadline = cluster_dossier::print::typeset::french(&p.deadline.french());
    let pages = texts[0].len();
    let mut numbered = 0;
    for (i, page) in texts[0].iter().enumerate() {
        for t in page {
            let furniture = format!("Page {} / {pages}", i + 1);
            if t.text == furniture || t.text == "Exemplaire 1 / 1" {
                continue;
            }
            let text = t.text.replace(&p.title, "").replace(&deadline, "");
            assert!(!text.contains("Aucun"), "page {} : « {} »", i + 1, t.text);
            let words: Vec<&str> = text
                .split(char::is_whitespace)
                .filter(|w| !w.is_empty())
                .collect();
            for (k, w) in words.iter().enumerate() {
                if !w.contains(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                numbered += 1;
                assert!(
                    structural(&words, k),
                    "page {} : « {w} » in « {} »",
                    i + 1,
                    t.text
                );
            }
        }
    }
    // Row and heading numbers are there: the check has something to pass.
    assert!(numbered > 50, "{numbered}");
}

#[test]
fn the_structural_digit_rule_refuses_figures() {
    let words = |s: &'static str| s.split(' ').collect::<Vec<_>>();
    for (text, k) in [("Section 6 –", 1), ("1.2 Membres", 0), ("12", 0), ("A3", 0)] {
        assert!(structural(&words(text), k), "{text}");
    }
    for (text, k) in [
        ("0 sur 20", 0),
        ("soit 0,0 %", 1),
        ("Total 1 200", 1),
        ("(20)", 0),
    ] {
        assert!(!structural(&words(text), k), "{text}");
    }
}
