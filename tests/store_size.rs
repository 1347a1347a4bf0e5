//! One size rule (issue 16.4): what the app saves, it can open. The read
//! limit, the import's row limit and the synthetic generator agree, and a
//! save past the read limit is refused before anything is written, by
//! every path that saves (the store's save, a session save, an import).

mod common;

use std::path::Path;
use std::process::Command;

use cluster_dossier::import;
use cluster_dossier::model::{Dossier, synthetic};
use cluster_dossier::service::session::{self, Base, Check};
use cluster_dossier::store::{self, MAX_FILE_BYTES, StoreError};

use common::{example, profile};

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("listing")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn ten_thousand_members_with_long_names_save_and_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("grand.ron");
    let out = Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .args(["new", "--synthetic", "--members", "10000"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let size = std::fs::metadata(&path).expect("saved").len();
    let reopened = store::load(&path).expect("what the app saves, it opens");
    assert_eq!(reopened.members.len(), 10_000);
    let long = reopened
        .members
        .iter()
        .filter(|m| m.name.chars().count() >= 175)
        .count();
    assert_eq!(long, 8_000, "the generator's long names");
    eprintln!("10 000 members, {long} long names: {size} bytes, read limit {MAX_FILE_BYTES}");
    assert!(size < MAX_FILE_BYTES / 2, "{size} bytes: room to spare");
}

/// The largest register the import accepts, every name long, fits the
/// read limit: an import can never produce a dossier the app refuses.
#[test]
fn the_import_row_limit_fits_the_read_limit() {
    let rows = import::Limits::default().rows;
    let d = synthetic::dossier(&profile(), rows, 40);
    let mut long = d.clone();
    let longest = d.members.last().expect("members").name.clone();
    for m in &mut long.members {
        m.name.clone_from(&longest);
    }
    let size = store::to_ron(&long, Path::new("x.ron"))
        .expect("text")
        .len() as u64;
    eprintln!("{rows} members with long names: {size} bytes, read limit {MAX_FILE_BYTES}");
    assert!(size < MAX_FILE_BYTES * 3 / 4, "{size} bytes");
}

/// A dossier whose text is just past the read limit.
fn too_large() -> Dossier {
    let mut d = example();
    d.identity.genesis = "é".repeat(MAX_FILE_BYTES as usize / 2 + 1);
    d
}

fn assert_refused(e: &StoreError, path: &Path) {
    assert!(
        matches!(e, StoreError::TooLargeToSave { .. }),
        "not a size refusal: {e}"
    );
    let msg = e.to_string();
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(msg.contains("n'a pas été modifié"), "{msg}");
    assert!(msg.contains("Allégez-le"), "{msg}");
    assert!(msg.contains("32,0\u{a0}Mo"), "{msg}");
}

#[test]
fn a_save_past_the_read_limit_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("d.ron");
    store::save(&path, &example()).expect("first save");
    store::save(&path, &example()).expect("second save (a backup)");
    let before = std::fs::read(&path).expect("bytes");
    let bak_before = std::fs::read(store::backup_path(&path)).expect("bak");
    let files_before = listing(dir.path());

    let e = store::save(&path, &too_large()).expect_err("refused");
    assert_refused(&e, &path);

    let mut base = Base::default();
    let e = session::save(&path, &too_large(), &mut base, Check::Overwrite).expect_err("refused");
    let session::SessionError::Store(e) = e else {
        panic!("not a store error: {e}");
    };
    assert_refused(&e, &path);

    // Nothing moved: the file, its backup, no temporary file, no lock left.
    assert_eq!(std::fs::read(&path).expect("bytes"), before);
    assert_eq!(
        std::fs::read(store::backup_path(&path)).expect("bak"),
        bak_before
    );
    assert_eq!(listing(dir.path()), files_before);
    assert_eq!(base, Base::default(), "the session's base did not move");

    // A new file is not created either.
    let new = dir.path().join("nouveau.ron");
    let e = session::create(&new, &too_large()).expect_err("refused");
    assert!(e.to_string().contains("Aucun") || !new.exists(), "{e}");
    assert!(!new.exists());
}

/// An import that would push the dossier past the limit is refused by the
/// same rule, through the command line: exit 2, a French message, the file
/// untouched.
#[test]
fn an_import_past_the_read_limit_is_refused_and_the_file_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plein.ron");
    let mut d = example();
    let room = MAX_FILE_BYTES as usize - store::to_ron(&d, &path).expect("text").len();
    // Just under the limit: saved and opened.
    d.identity.genesis = "x".repeat(room - 2_000);
    store::save(&path, &d).expect("saved just under the limit");
    let before = std::fs::read(&path).expect("bytes");
    assert!(store::load(&path).is_ok());

    let csv = dir.path().join("membres.csv");
    let mut text = String::from("Raison sociale;Catégorie;Activité;Ville\n");
    for i in 0..100 {
        text.push_str(&format!(
            "Société nouvelle {i};Entreprise engagée;Industrielle;Fès\n"
        ));
    }
    std::fs::write(&csv, text).expect("csv");
    let files_before = listing(dir.path());
    let out = Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .arg("import-members")
        .arg(&csv)
        .arg("--into")
        .arg(&path)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("n'a pas été modifié"), "{stderr}");
    assert!(stderr.contains("Mo"), "{stderr}");
    assert_eq!(std::fs::read(&path).expect("bytes"), before);
    assert_eq!(listing(dir.path()), files_before);
}

/// A file's structure is a claim too: millions of empty records or values
/// in a file under the size limit are refused before they are read, in
/// French, naming the file; a huge bare word gets no « did you mean ».
#[test]
fn a_file_claiming_millions_of_records_is_refused_before_it_is_read() {
    use cluster_dossier::store::{MAX_ITEMS, MAX_RECORDS, StoreError, parse};
    let path = std::path::Path::new("enorme.ron");
    let head = "(format_version: 3, members: [";
    for (body, what) in [
        ("(),".repeat(MAX_RECORDS + 1), "records"),
        ("\"\",".repeat(MAX_ITEMS + 1), "values"),
    ] {
        let text = format!("{head}{body}])");
        let err = parse(&text, path).expect_err(what);
        assert!(
            matches!(err, StoreError::TooManyItems { .. }),
            "{what}: {err:?}"
        );
        let message = err.to_string();
        assert!(message.contains("enorme.ron") && message.contains("dossier de candidature"));
    }
    // Parentheses and commas inside texts are text, not records.
    let quoted = format!("\"{}\"", "(,".repeat(MAX_RECORDS + 10));
    assert_eq!(cluster_dossier::store::structure_counts(&quoted), (0, 0));
    let long_word = format!("(format_version: 3, {}: 1)", "x".repeat(8_000_000));
    let started = std::time::Instant::now();
    let err = parse(&long_word, path).expect_err("unknown field");
    assert!(
        err.to_string().chars().count() < 2_000,
        "the message stays short"
    );
    // Linear, not the length times every field name's.
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}
