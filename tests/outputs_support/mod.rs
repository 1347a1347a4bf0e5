//! A dossier with attachments and a profile file, in a folder of its own,
//! and the list of every path an output must refuse, generated from the
//! dossier itself (shared by `tests/outputs.rs` and `tests/outputs_wizard.rs`).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use cluster_dossier::model::dossier::{OtherDocument, PieceStatus};
use cluster_dossier::model::{CallProfile, Dossier};
use cluster_dossier::service::{jobs, session};
use cluster_dossier::store;

pub fn run(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// A one-page PDF scan.
pub fn scan_pdf() -> Vec<u8> {
    use lopdf::{Document, Object, dictionary};
    let mut doc = Document::with_version("1.5");
    let pages = doc.new_object_id();
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![Object::Reference(page)], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("pdf written");
    out
}

/// An 8 × 8 PNG scan.
pub fn scan_png() -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, 8, 8);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().expect("png header");
    writer.write_image_data(&[200; 192]).expect("png data");
    drop(writer);
    out
}

pub struct Fixture {
    pub dir: tempfile::TempDir,
    /// `acme.ron`, with two attachments and a remembered profile file.
    pub path: PathBuf,
    pub dossier: Dossier,
    pub profile: Arc<CallProfile>,
    /// `appel.ron`, written by `export-profile`.
    pub profile_file: PathBuf,
    /// `autre.ron`, another dossier beside it.
    pub other: PathBuf,
}

impl Fixture {
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

/// The dossier: the example with two scans attached (an administrative
/// piece and an « autre document »), remembering `appel.ron` (made by
/// `export-profile`), saved twice (so its `.bak` exists), and another
/// dossier beside it.
pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let profile_file = dir.path().join("appel.ron");
    let out = run(&[Path::new("export-profile"), &profile_file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::create_dir(dir.path().join("scans")).expect("scans");
    std::fs::write(dir.path().join("scans/statuts.pdf"), scan_pdf()).expect("pdf");
    std::fs::write(dir.path().join("scans/attestation.png"), scan_png()).expect("png");
    let mut d = cluster_dossier::example_dossier().expect("example");
    let piece = d
        .administrative
        .iter_mut()
        .find(|p| p.id == "statuts")
        .expect("the example has the statuts piece");
    piece.status = PieceStatus::Attached("scans/statuts.pdf".into());
    d.declaration.other_documents.push(OtherDocument {
        title: "Attestation bancaire".into(),
        attachment: Some("scans/attestation.png".into()),
    });
    d.call_profile = Some("appel.ron".into());
    let path = dir.path().join("acme.ron");
    store::save(&path, &d).expect("saved");
    store::save(&path, &d).expect("saved again (a backup now)");
    let other = dir.path().join("autre.ron");
    store::save(
        &other,
        &cluster_dossier::example_dossier().expect("example"),
    )
    .expect("other");
    let opened = session::open(&path, None).expect("opens");
    assert_eq!(opened.dossier, d);
    Fixture {
        path,
        dossier: opened.dossier,
        profile: opened.profile,
        profile_file,
        other,
        dir,
    }
}

/// One path an output must refuse, and what the refusal must call it.
#[derive(Clone, Debug)]
pub struct Case {
    pub path: PathBuf,
    /// The file it designates (the same as `path`, or a link's target).
    pub target: PathBuf,
    pub what: String,
}

/// Every double-quoted string of a RON text (comments skipped).
fn ron_strings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' => {
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            if let Some(e) = chars.next() {
                                s.push(e);
                            }
                        }
                        '"' => break,
                        c => s.push(c),
                    }
                }
                out.push(s);
            }
            _ => {}
        }
    }
    out
}

/// The files the saved dossier names (any string of it that is the path
/// of an existing file, relative to its folder): whatever kind of field
/// a future version adds, a file it names shows up here.
pub fn named_files(fx: &Fixture) -> Vec<PathBuf> {
    let text = std::fs::read_to_string(&fx.path).expect("dossier text");
    let mut out: Vec<PathBuf> = ron_strings(&text)
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| cluster_dossier::attach::resolve(fx.dir(), &s))
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Every path of the dossier an output must refuse: the dossier's own list
/// of inputs (`jobs::inputs`), its companions and the other dossiers in its
/// folder — nothing hard-coded.
pub fn protected(fx: &Fixture) -> Vec<Case> {
    let mut cases: Vec<Case> = jobs::inputs(&fx.dossier, &fx.profile, Some(&fx.path), None)
        .into_iter()
        .map(|i| Case {
            target: i.path.clone(),
            path: i.path,
            what: i.role.to_string(),
        })
        .collect();
    let name = fx
        .path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .to_string();
    for entry in std::fs::read_dir(fx.dir()).expect("listing") {
        let p = entry.expect("entry").path();
        let n = p.file_name().expect("name").to_string_lossy().to_string();
        let companion = n
            .trim_start_matches('.')
            .strip_prefix(&name)
            .is_some_and(|r| r.starts_with('.'));
        if companion {
            cases.push(Case {
                target: p.clone(),
                path: p,
                what: jobs::Role::Companion.to_string(),
            });
        } else if p != fx.path && store::load(&p).is_ok() {
            cases.push(Case {
                target: p.clone(),
                path: p,
                what: "un autre dossier de candidature".into(),
            });
        }
    }
    cases
}

/// Each protected path under other names: through `..`, absolute, and on
/// Unix through a symbolic link and a hard link made for the purpose.
pub fn spellings(fx: &Fixture, cases: &[Case]) -> Vec<Case> {
    let sub = fx.dir().join("sous-dossier");
    std::fs::create_dir_all(&sub).expect("sub");
    let mut out = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        out.push(c.clone());
        let name = c.path.file_name().expect("name");
        let parent = c.path.parent().expect("parent");
        out.push(Case {
            path: sub
                .join("..")
                .join(c.path.strip_prefix(fx.dir()).unwrap_or(Path::new(name))),
            ..c.clone()
        });
        out.push(Case {
            path: std::fs::canonicalize(parent).expect("canonical").join(name),
            ..c.clone()
        });
        #[cfg(unix)]
        if c.path.exists() {
            let link = fx.dir().join(format!("lien-{i}.pdf"));
            std::os::unix::fs::symlink(&c.path, &link).expect("symlink");
            out.push(Case {
                path: link,
                ..c.clone()
            });
            let hard = fx.dir().join(format!("meme-fichier-{i}.pdf"));
            if std::fs::hard_link(&c.path, &hard).is_ok() {
                out.push(Case {
                    path: hard,
                    ..c.clone()
                });
            }
        }
    }
    out
}

/// Every file under `dir` (links as links) and its bytes or link target.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("listing") {
            let p = entry.expect("entry").path();
            let meta = std::fs::symlink_metadata(&p).expect("meta");
            if meta.file_type().is_symlink() {
                let target = std::fs::read_link(&p).expect("link");
                out.insert(p, target.as_os_str().as_encoded_bytes().to_vec());
            } else if meta.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).expect("bytes"));
            }
        }
    }
    out
}

/// A refusal in French: no English from the system or a library.
pub fn assert_french(message: &str) {
    for english in [
        "error:", "Error", "No such", "os error", "denied", "failed", "exists",
    ] {
        assert!(
            !message.contains(english),
            "English « {english} » in: {message}"
        );
    }
    assert!(
        message.contains("n'a pas été remplacé") || message.contains("existe déjà"),
        "{message}"
    );
}
