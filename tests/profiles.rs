//! Call profiles as files (issue 8): parsed once, validated with places in
//! the file, and a 2027 profile with other thresholds changes the verdicts
//! of `check` with no rebuild.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cluster_dossier::model::CallProfile;
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

/// Each field name written in a profile, with its byte offset: identifiers
/// followed by « : », outside texts and comments.
fn profile_keys(text: &str) -> Vec<(String, usize)> {
    let bytes = text.as_bytes();
    let mut keys: Vec<(String, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                if bytes.get(i) == Some(&b':') {
                    keys.push((text[start..i].to_string(), start));
                }
            }
            _ => i += 1,
        }
    }
    keys
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

#[test]
fn every_misspelt_profile_field_is_refused_with_a_suggestion() {
    let keys = profile_keys(PROFILE_2026_RON);
    let written: std::collections::BTreeSet<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
    // The fields the parser knows, as it lists them when it refuses one.
    let mut known = std::collections::BTreeSet::new();
    for (key, offset) in &keys {
        // A letter doubled: the kind of typo a hand edit makes.
        let typo = format!("{key}{}", key.chars().last().unwrap_or('x'));
        let text = format!(
            "{}{typo}{}",
            &PROFILE_2026_RON[..*offset],
            &PROFILE_2026_RON[offset + key.len()..]
        );
        match CallProfile::from_ron(&text).map_err(|e| e.code) {
            Err(ron::Error::NoSuchStructField { expected, .. }) => {
                known.extend(expected.iter().copied())
            }
            other => panic!("{key}: {other:?}"),
        }
        let message = profiles::parse(&text, Path::new("faute.ron"))
            .expect_err("a misspelt field is refused")
            .to_string();
        let line = line_of(&text, *offset);
        assert!(
            message.contains("« faute.ron »")
                && message.contains(&format!("ligne {line}, colonne"))
                && message.contains(&format!("« {typo} »"))
                && message.contains(&format!("vouliez-vous dire « {key} »")),
            "{key}: {message}"
        );
    }
    eprintln!("{} field occurrences misspelt", keys.len());
    // Every field of every profile struct is written in the bundled profile,
    // so the loop above misspelt each of them at least once.
    assert_eq!(known, written);
}

#[test]
fn out_of_range_deadline_times_are_refused_with_their_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("heure.ron");
    let deadline = "deadline: (date: \"2026-07-28\", hour: 15, minute: 0, utc_offset_minutes: 60)";
    assert!(PROFILE_2026_RON.contains(deadline));
    let line = line_of(
        PROFILE_2026_RON,
        PROFILE_2026_RON.find(deadline).expect("found"),
    );
    for (wrong, key, said) in [
        ("hour: 24", "hour", "24 n'est pas une heure entre 0 et 23"),
        ("minute: 60", "minute", "60 n'est pas entre 0 et 59"),
        (
            "utc_offset_minutes: 67",
            "utc_offset_minutes",
            "67 minutes (+01:07)",
        ),
        (
            "utc_offset_minutes: -900",
            "utc_offset_minutes",
            "\u{2212}15:00",
        ),
        (
            "utc_offset_minutes: 6000",
            "utc_offset_minutes",
            "6000 minutes n'est",
        ),
    ] {
        let right = deadline
            .split(", ")
            .find(|part| part.trim_start_matches("deadline: (").starts_with(key))
            .expect("part")
            .trim_start_matches("deadline: (")
            .trim_end_matches(')');
        let text = PROFILE_2026_RON.replacen(deadline, &deadline.replacen(right, wrong, 1), 1);
        std::fs::write(&path, &text).expect("write");
        let column = text
            .lines()
            .nth(line - 1)
            .and_then(|l| l.find(&format!("{key}:")))
            .expect("key")
            + 1;
        let message = profiles::from_file(&path).expect_err(wrong).to_string();
        assert!(
            message.contains("heure.ron")
                && message.contains(said)
                && message.contains(&format!("ligne {line}, colonne {column}")),
            "{wrong}: {message}"
        );
        let out = run(&["check-profile", s(&path)]);
        assert_eq!(out.status.code(), Some(2), "{wrong}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(said), "{stderr}");
    }
    // A field of the deadline that does not exist is refused too.
    let text = PROFILE_2026_RON.replacen("minute: 0,", "minute: 0, seconde: 0,", 1);
    std::fs::write(&path, text).expect("write");
    let message = profiles::from_file(&path).expect_err("seconde").to_string();
    assert!(message.contains("« seconde »"), "{message}");
    assert!(message.contains(&format!("ligne {line}")), "{message}");
}
