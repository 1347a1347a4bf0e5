//! The proofreading copy opened by LibreOffice, as the board will: the
//! command writes the copy, `soffice --headless --convert-to pdf` opens it
//! and lays it out, and `pdftotext` of the result holds every heading and
//! every paragraph of the copy, in order, and every table cell.
//!
//! Needs LibreOffice Writer and poppler's `pdftotext`: `.ci/proofcopy`
//! installs them and runs this test (`cargo test --test
//! proofcopy_libreoffice -- --ignored`).

mod proofcopy_support;

use std::fs;
use std::path::Path;
use std::process::Command;

use proofcopy_support::{Para, paragraphs};

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text as compared: words separated by one space, ligatures spelt out,
/// no hyphens (pdftotext drops the hyphen where LibreOffice ended a line
/// on one: « co-\nconstruites » reads « coconstruites »).
fn normalised(text: &str) -> String {
    let spelt = text
        .replace("-\n", "")
        .replace('-', "")
        .replace('\u{FB00}', "ff")
        .replace('\u{FB01}', "fi")
        .replace('\u{FB02}', "fl")
        .replace('\u{FB03}', "ffi")
        .replace('\u{FB04}', "ffl")
        .replace('\u{AD}', "");
    spelt.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The PDF's text without the running header and the page numbers, which
/// fall in the middle of a paragraph that crosses a page.
fn body_text(pdf_text: &str, header: &str) -> String {
    let kept: Vec<&str> = pdf_text
        .lines()
        .map(|l| l.trim_matches('\u{C}'))
        .filter(|l| {
            let t = l.trim();
            t != header.trim()
                && !(t.starts_with("Page ") && t[5..].chars().all(|c| c.is_ascii_digit()))
        })
        .collect();
    normalised(&kept.join("\n"))
}

/// Converts `docx` with LibreOffice and checks its text against the copy.
fn opens_with_every_paragraph(dir: &Path, docx: &Path) -> usize {
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo").display());
    let outdir = dir.display().to_string();
    let docx_arg = docx.display().to_string();
    run(
        "soffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            &outdir,
            &docx_arg,
        ],
    );
    let pdf = docx.with_extension("pdf");
    assert!(
        pdf.is_file(),
        "LibreOffice wrote no PDF for {}",
        docx.display()
    );
    let info = run("pdfinfo", &[&pdf.display().to_string()]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    let text = run("pdftotext", &[&pdf.display().to_string(), "-"]);
    let bytes = fs::read(docx).expect("the copy");
    let paras: Vec<Para> = paragraphs(&bytes)
        .into_iter()
        .filter(|p| !p.text.trim().is_empty())
        .collect();
    // The running header, as the first page after the title page shows it.
    let header = proofcopy_support::part_paragraphs(&bytes, "word/header1.xml")
        .into_iter()
        .map(|p| p.text)
        .next()
        .expect("a running header");
    let body = body_text(&text, &header);
    let mut from = 0;
    for p in paras.iter().filter(|p| !p.in_table) {
        let wanted = normalised(&p.text);
        match body[from..].find(&wanted) {
            Some(at) => from += at + wanted.len(),
            None => panic!(
                "« {wanted} » ({:?}) is not in LibreOffice's PDF after byte {from}; anywhere: {:?}",
                p.style,
                body.find(&wanted)
            ),
        }
    }
    // A narrow column may break a long word: cells are compared without
    // their spaces.
    let squeezed: String = body.split_whitespace().collect();
    for p in paras.iter().filter(|p| p.in_table) {
        let wanted: String = normalised(&p.text).split_whitespace().collect();
        assert!(
            squeezed.contains(&wanted),
            "table cell « {} » missing",
            p.text
        );
    }
    pages
}

#[test]
#[ignore = "runs LibreOffice and pdftotext: .ci/proofcopy"]
fn libreoffice_opens_the_copy_and_shows_every_section() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = env!("CARGO_BIN_EXE_cluster-dossier");
    let example = dir.path().join("exemple.ron");
    let empty = dir.path().join("vide.ron");
    run(bin, &["new", &example.display().to_string(), "--example"]);
    run(bin, &["new", &empty.display().to_string()]);
    for (dossier, name) in [(&example, "exemple"), (&empty, "vide")] {
        let said = run(bin, &["proofread", &dossier.display().to_string()]);
        let docx = dir.path().join(format!("{name}-relecture.docx"));
        assert!(said.contains("Copie de relecture écrite"), "{said}");
        let pages = opens_with_every_paragraph(dir.path(), &docx);
        println!("{name} : {pages} pages dans LibreOffice");
        assert!(pages >= 7, "a title page and six sections: {pages}");
    }
}
