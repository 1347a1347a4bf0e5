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
    let pages = pdf_pages_text(&r.pdfs[0]);
    assert_eq!(pages.len(), r.pages_per_copy * 3);
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
    let declaration = pages[r.pages_per_copy - 1].replace('’', "'");
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
