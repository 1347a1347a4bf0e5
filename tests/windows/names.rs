//! File names Windows cannot hold are refused where files are created, on
//! every OS, so a dossier made on Linux can always be copied to a Windows
//! laptop: dossier creation in the core and the two kinds of file the
//! commands create (a dossier, an output) over the whole forbidden class,
//! then every command that creates a file on one name of each kind. « Enregistrer
//! sous » is tested in the wizard (src/ui/tests_windows.rs).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cluster_dossier::model::Dossier;
use cluster_dossier::service::{profiles, session};
use cluster_dossier::store::paths::{FORBIDDEN_CHARS, NameError};

/// Every device name Windows reserves.
fn devices() -> Vec<String> {
    let mut names: Vec<String> = ["CON", "PRN", "AUX", "NUL"].map(String::from).to_vec();
    for port in ["COM", "LPT"] {
        for d in "0123456789¹²³".chars() {
            names.push(format!("{port}{d}"));
        }
    }
    names
}

/// The whole forbidden class, as file stems to which an extension is added
/// (a reserved name is reserved with any extension, or none).
fn forbidden_stems() -> Vec<String> {
    let mut stems = Vec::new();
    for c in FORBIDDEN_CHARS {
        // A slash is a separator on every OS: never part of a name here.
        if c == '/' || (cfg!(windows) && c == '\\') {
            continue;
        }
        stems.push(format!("Dossier {c} été"));
    }
    for code in 1u32..0x20 {
        stems.extend(char::from_u32(code).map(|c| format!("dossier{c}2026")));
    }
    for device in devices() {
        stems.push(device.clone());
        stems.push(device.to_lowercase());
        let mut mixed = device.to_lowercase();
        mixed.replace_range(..1, &device[..1]);
        stems.push(mixed);
    }
    stems
}

/// Names ending in a dot or a space, whatever comes before.
fn badly_ended() -> Vec<String> {
    [
        "dossier.",
        "dossier ",
        "dossier.ron.",
        "dossier.ron ",
        "rapport final..",
        "a. ",
    ]
    .map(String::from)
    .to_vec()
}

fn all_forbidden(extension: &str) -> Vec<String> {
    let mut names: Vec<String> = forbidden_stems()
        .into_iter()
        .map(|s| format!("{s}.{extension}"))
        .collect();
    names.extend(devices());
    names.extend(badly_ended());
    names
}

fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable")
        .flatten()
        .map(|e| e.path())
        .collect();
    all.sort();
    all
}

fn example() -> Dossier {
    cluster_dossier::example_dossier().expect("the bundled example")
}

#[test]
fn creating_a_dossier_under_a_forbidden_name_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dossier = example();
    let names = all_forbidden("ron");
    assert!(names.len() > 150, "{} names", names.len());
    for name in &names {
        let path = dir.path().join(name);
        match session::create(&path, &dossier) {
            Err(session::SessionError::Name(NameError { path: p, reason })) => {
                assert_eq!(p, path);
                assert!(!reason.is_empty());
            }
            other => panic!("{name:?}: {other:?}"),
        }
    }
    // Nothing at all: no dossier, no lock file, no temporary file.
    assert_eq!(listing(dir.path()), Vec::<PathBuf>::new());
}

#[test]
fn a_name_windows_accepts_still_works_everywhere() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dossier = example();
    for name in [
        "Dossier été 2026.ron",
        "CONSEIL régional.ron",
        "com10.ron",
        "l'association (copie).ron",
        "nul-part.ron",
    ] {
        let path = dir.path().join(name);
        session::create(&path, &dossier).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(path.is_file(), "{name}");
        let pdf = path.with_extension("pdf");
        let out = run(&os(&[&"render", &path, &"-o", &pdf]));
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(pdf.is_file(), "{name}");
    }
}

fn run(args: &[OsString]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn os(parts: &[&dyn AsRef<std::ffi::OsStr>]) -> Vec<OsString> {
    parts.iter().map(|p| p.as_ref().to_os_string()).collect()
}

/// One name of each kind: each forbidden character, a control character,
/// a trailing dot and space, reserved names in several cases.
fn cli_sample(extension: &str) -> Vec<String> {
    let mut names: Vec<String> = FORBIDDEN_CHARS
        .iter()
        .filter(|c| **c != '/' && !(cfg!(windows) && **c == '\\'))
        .map(|c| format!("bilan{c}2026.{extension}"))
        .collect();
    names.push(format!("bilan\t2026.{extension}"));
    names.push(format!("bilan.{extension}."));
    names.push(format!("bilan.{extension} "));
    names.push(format!("CON.{extension}"));
    names.push(format!("com1.{extension}"));
    names.push(format!("Lpt².{extension}"));
    names.push("aux".to_string());
    names
}

fn assert_refused(out: &Output, name: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{name:?}: {err}");
    assert!(
        err.contains("Windows n'accepte pas ce nom de fichier")
            && err.contains("rien n'a été écrit"),
        "{name:?}: {err}"
    );
}

#[test]
fn new_and_render_refuse_the_whole_forbidden_class() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let source = d.join("source.ron");
    session::create(&source, &example()).expect("source");
    let before = listing(d);
    for name in all_forbidden("ron") {
        assert_refused(&run(&os(&[&"new", &d.join(&name)])), &name);
    }
    for name in all_forbidden("pdf") {
        assert_refused(
            &run(&os(&[&"render", &source, &"-o", &d.join(&name)])),
            &name,
        );
    }
    assert_eq!(listing(d), before, "a command wrote something");
}

#[test]
fn every_command_that_creates_a_file_refuses_a_forbidden_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let source = d.join("source.ron");
    session::create(&source, &example()).expect("source");
    let profile = d.join("appel.ron");
    std::fs::write(&profile, profiles::bundled_text("2026").expect("bundled")).expect("profile");
    let before = listing(d);
    for name in cli_sample("ron") {
        let target = d.join(&name);
        assert_refused(&run(&os(&[&"new", &target])), &name);
        assert_refused(&run(&os(&[&"new", &"--example", &target])), &name);
        assert_refused(
            &run(&os(&[
                &"new-edition",
                &source,
                &"--appel",
                &profile,
                &target,
            ])),
            &name,
        );
        assert_refused(&run(&os(&[&"export-profile", &target])), &name);
    }
    for name in cli_sample("pdf") {
        let target = d.join(&name);
        assert_refused(&run(&os(&[&"render", &source, &"-o", &target])), &name);
        assert_refused(
            &run(&os(&[&"render", &source, &"-o", &target, &"--per-copy"])),
            &name,
        );
    }
    for name in cli_sample("xlsx") {
        let target = d.join(&name);
        assert_refused(
            &run(&os(&[&"export-tables", &source, &"-o", &target])),
            &name,
        );
    }
    assert_eq!(listing(d), before, "a command wrote something");
}
