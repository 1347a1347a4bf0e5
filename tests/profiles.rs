//! Call profiles as files (issue 8): parsed once, validated with places in
//! the file, and a 2027 profile with other thresholds changes the verdicts
//! of `check` with no rebuild.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cluster_dossier::model::call::PROFILE_2026_RON;
use cluster_dossier::service::profiles;
use cluster_dossier::store;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The 2026 profile as edition 2027 with a 10-member minimum.
fn profile_2027(dir: &Path) -> PathBuf {
    let text = PROFILE_2026_RON
        .replacen("edition: \"2026\"", "edition: \"2027\"", 1)
        .replacen("min_members: 15", "min_members: 10", 1);
    let path = dir.join("appel-2027.ron");
    std::fs::write(&path, text).expect("profile written");
    path
}

#[test]
fn each_profile_is_parsed_once() {
    // The file-parse counter is per thread (other tests of this binary run
    // beside this one and parse their own files), so the counts below are
    // exact: this thread's parses, nobody else's.
    let dir = tempfile::tempdir().expect("tempdir");
    let file = profile_2027(dir.path());
    let d = common::example();
    let before = profiles::parse_count();
    for _ in 0..50 {
        profiles::for_dossier(&d, dir.path(), None).expect("bundled");
        profiles::from_file(&file).expect("file");
        profiles::for_dossier(&d, dir.path(), Some(&file)).expect("explicit");
    }
    assert_eq!(
        profiles::parse_count() - before,
        1,
        "one file, one version: one parse"
    );
    // The bundled edition is parsed once per process, whichever test
    // thread asked first.
    assert_eq!(profiles::bundled_parse_count(), 1);
    // A changed file is parsed again, once.
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replacen("min_members: 10", "min_members: 11 ", 1),
    )
    .expect("edit");
    let p = profiles::from_file(&file).expect("reparsed");
    assert_eq!(p.thresholds.min_members, 11);
    for _ in 0..10 {
        profiles::from_file(&file).expect("cached");
    }
    assert_eq!(profiles::parse_count() - before, 2);
    assert_eq!(profiles::bundled_parse_count(), 1);
}

#[test]
fn an_invalid_profile_names_the_file_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dup = PROFILE_2026_RON.replacen("(id: \"statuts\"", "(id: \"quitus\"", 1);
    let path = dir.path().join("double.ron");
    std::fs::write(&path, &dup).expect("write");
    let message = profiles::from_file(&path)
        .expect_err("duplicate id")
        .to_string();
    assert!(message.contains("double.ron"), "{message}");
    assert!(message.contains("« quitus » est en double"), "{message}");
    assert!(message.contains("ligne 20, colonne 10"), "{message}");

    let range = PROFILE_2026_RON.replacen(
        "min_industrial_share_percent: \"60\"",
        "min_industrial_share_percent: \"160\"",
        1,
    );
    std::fs::write(&path, range).expect("write");
    let message = profiles::from_file(&path)
        .expect_err("out of range")
        .to_string();
    assert!(message.contains("160"), "{message}");

    let syntax = PROFILE_2026_RON.replacen("copies: 3,", "copies: trois,", 1);
    std::fs::write(&path, syntax).expect("write");
    let message = profiles::from_file(&path).expect_err("syntax").to_string();
    assert!(message.contains("ligne 17"), "{message}");

    let out = run(&["check-profile", s(&path)]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_2027_profile_changes_the_verdict_of_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let profile = profile_2027(dir.path());
    let dossier = dir.path().join("douze.ron");
    store::save(&dossier, &common::example_with_engaged(12)).expect("saved");
    // Against 2026 (15 members) it is blocked; against 2027 (10) it is not
    // blocked on the member count.
    let out = run(&["check", s(&dossier)]);
    assert_eq!(out.status.code(), Some(1));
    let with_2027 = run(&["check", s(&dossier), "--appel", s(&profile)]);
    let report = String::from_utf8_lossy(&with_2027.stdout);
    assert!(!report.contains("minimum exigé est 15"), "{report}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("minimum exigé est 15"));

    // A dossier made for 2027 remembers its profile: no option needed.
    let new = dir.path().join("nouveau.ron");
    let out = run(&["new-edition", s(&dossier), "--appel", s(&profile), s(&new)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Non repris"));
    let d = store::load(&new).expect("new dossier");
    assert_eq!(d.edition, "2027");
    assert_eq!(d.call_profile.as_deref(), Some("appel-2027.ron"));
    assert_eq!(d.members, store::load(&dossier).expect("source").members);
    let out = run(&["check", s(&new)]);
    assert!(out.status.code() == Some(1));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("minimum exigé est 15"));
    // Without the file, the message says what is missing.
    std::fs::remove_file(&profile).expect("removed");
    let out = run(&["check", s(&new)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("appel-2027.ron"));
}

#[test]
fn the_bundled_profile_can_be_exported_as_a_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("depart.ron");
    let out = run(&["export-profile", s(&path)]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&path).expect("written"),
        PROFILE_2026_RON
    );
    let out = run(&["check-profile", s(&path)]);
    assert_eq!(out.status.code(), Some(0));
    // Never over an existing file.
    let out = run(&["export-profile", s(&path)]);
    assert_eq!(out.status.code(), Some(2));
}
