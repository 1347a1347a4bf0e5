//! The proofreading copy's job and command: where the copy goes, and what
//! it never writes over — the dossier, another file, a copy the board
//! corrected (saved since it was written), a name that is not `.docx`.

mod common;
mod proofcopy_support;

use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cluster_dossier::model::{Date, Dossier};
use cluster_dossier::proofcopy::stamp::{Existing, examine};
use cluster_dossier::service::jobs::JobError;
use cluster_dossier::service::proofcopy::{CopyError, default_path, write};
use cluster_dossier::store;

use common::{example, profile};
use proofcopy_support::paragraphs;

fn saved(dir: &Path, name: &str, d: &Dossier) -> PathBuf {
    let path = dir.join(name);
    store::save(&path, d).expect("saved");
    path
}

fn copy(d: &Dossier, dossier: Option<&Path>, output: &Path) -> Result<(), JobError> {
    write(d, &profile(), dossier, output, Date::new(2026, 7, 14))
}

/// The file as Word leaves it after the board saved a correction: the same
/// parts, the text part changed (custom properties kept).
fn corrected(docx: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("an entry");
        let name = file.name().expect("a readable name").to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).expect("readable");
        if name == "word/document.xml" {
            let text = String::from_utf8(bytes).expect("UTF-8");
            assert!(text.contains("Section 1 "), "the text part: {text}");
            bytes = text
                .replacen("Section 1 ", "Section 1 (corrigée) ", 1)
                .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("an entry");
        out.write_all(&bytes).expect("written");
    }
    out.finish().expect("finished").into_inner()
}

#[test]
fn a_copy_is_written_and_an_unchanged_copy_is_replaced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dossier = saved(dir.path(), "mon-cluster.ron", &example());
    let output = default_path(&dossier);
    assert_eq!(output, dir.path().join("mon-cluster-relecture.docx"));
    copy(&example(), Some(&dossier), &output).expect("first copy");
    let first = fs::read(&output).expect("written");
    assert_eq!(examine(&first), Existing::Unchanged);
    // A new copy after an edit of the dossier replaces the unchanged one.
    let mut d = example();
    d.identity.genesis = "Genèse réécrite.".into();
    copy(&d, Some(&dossier), &output).expect("second copy");
    let second = fs::read(&output).expect("written");
    assert!(
        paragraphs(&second)
            .iter()
            .any(|p| p.text == "Genèse réécrite.")
    );
    assert_eq!(examine(&second), Existing::Unchanged);
}

#[test]
fn a_copy_the_board_corrected_is_never_replaced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dossier = saved(dir.path(), "mon-cluster.ron", &example());
    let output = default_path(&dossier);
    copy(&example(), Some(&dossier), &output).expect("first copy");
    let edited = corrected(&fs::read(&output).expect("written"));
    assert_eq!(examine(&edited), Existing::Edited);
    fs::write(&output, &edited).expect("the board's save");
    let refused = copy(&example(), Some(&dossier), &output).expect_err("refused");
    assert!(
        matches!(refused, JobError::Copy(CopyError::Edited(_))),
        "{refused:?}"
    );
    assert!(
        refused.to_string().contains("n'a pas été remplacée"),
        "{refused}"
    );
    assert_eq!(fs::read(&output).expect("kept"), edited);
}

#[test]
fn any_other_existing_file_is_never_replaced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dossier = saved(dir.path(), "mon-cluster.ron", &example());
    let cases: [(&str, &[u8]); 3] = [
        ("notes.docx", b"Des notes, pas un document Word."),
        ("vide.docx", b""),
        ("autre.docx", &minimal_zip()),
    ];
    for (name, bytes) in cases {
        let output = dir.path().join(name);
        fs::write(&output, bytes).expect("written");
        let refused = copy(&example(), Some(&dossier), &output).expect_err(name);
        assert!(
            matches!(refused, JobError::Copy(CopyError::Foreign(_))),
            "{name}: {refused:?}"
        );
        assert_eq!(fs::read(&output).expect("kept"), bytes, "{name}");
    }
}

fn minimal_zip() -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    out.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .expect("an entry");
    out.write_all(b"<w:document/>").expect("written");
    out.finish().expect("finished").into_inner()
}

#[test]
fn only_a_docx_name_is_written_never_the_dossier() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dossier = saved(dir.path(), "mon-cluster.ron", &example());
    let before = fs::read(&dossier).expect("saved");
    let pdf = dir.path().join("mon-cluster.pdf");
    fs::write(&pdf, b"%PDF-1.7 le dossier imprime").expect("written");
    for output in [dossier.clone(), pdf.clone(), dir.path().join("relecture")] {
        let refused = copy(&example(), Some(&dossier), &output).expect_err("refused");
        assert!(
            matches!(refused, JobError::Copy(CopyError::NotDocx(_))),
            "{}: {refused:?}",
            output.display()
        );
    }
    assert_eq!(fs::read(&dossier).expect("kept"), before);
    assert_eq!(
        fs::read(&pdf).expect("kept"),
        b"%PDF-1.7 le dossier imprime"
    );
    // A folder named like a copy is not a file to write.
    let folder = dir.path().join("dossier.docx");
    fs::create_dir(&folder).expect("a folder");
    let refused = copy(&example(), Some(&dossier), &folder).expect_err("refused");
    assert!(matches!(refused, JobError::Output(_)), "{refused:?}");
}

fn run(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn the_command_writes_beside_the_dossier_and_refuses_a_corrected_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dossier = saved(dir.path(), "mon-cluster.ron", &example());
    let out = run(&[Path::new("proofread"), &dossier]);
    let said = |o: &Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    let output = dir.path().join("mon-cluster-relecture.docx");
    assert!(
        said(&out).contains("Copie de relecture écrite"),
        "{}",
        said(&out)
    );
    let written = fs::read(&output).expect("written beside the dossier");
    assert!(paragraphs(&written).len() > 100);
    // Again: the unchanged copy is replaced.
    let out = run(&[Path::new("proofread"), &dossier, Path::new("-o"), &output]);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    // After the board's save: refused, code 2, the file kept.
    let edited = corrected(&fs::read(&output).expect("written"));
    fs::write(&output, &edited).expect("the board's save");
    let out = run(&[Path::new("proofread"), &dossier]);
    assert_eq!(out.status.code(), Some(2), "{}", said(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("Erreur : « "), "{err}");
    assert!(err.contains("n'a pas été remplacée"), "{err}");
    assert_eq!(fs::read(&output).expect("kept"), edited);
}
