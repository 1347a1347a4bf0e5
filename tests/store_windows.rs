//! Windows store semantics (issue 17), tested on every system: one line
//! ending convention whatever the OS and whatever the texts hold, and a
//! save that another program blocks (a rename refused while a PDF viewer
//! or an antivirus holds the file) retried briefly, then refused in French
//! with the file untouched and no temporary file left.

mod common;

use std::cell::Cell;
use std::io;
use std::path::{Path, PathBuf};

use cluster_dossier::model::Dossier;
use cluster_dossier::store::recovery::{self, Recovery};
use cluster_dossier::store::settings::{AppDirs, Settings};
use cluster_dossier::store::{self, Keep, StoreError, write};

use common::example;

/// Texts as they arrive from Windows programs: CRLF, a lone CR, tabs.
fn windows_texts() -> Dossier {
    let mut d = example();
    d.identity.genesis = "Première ligne\r\nDeuxième ligne\r\n\r\nFin\rcolonne\tsuivante".into();
    d.identity.name = "Cluster « Atlas » — \"guillemets\" et \\ barre".into();
    d
}

fn has_cr(bytes: &[u8]) -> bool {
    bytes.contains(&b'\r')
}

#[test]
fn the_ron_layout_does_not_depend_on_the_system() {
    let config = store::pretty();
    // ron's own default is "\r\n" on Windows: ours is fixed.
    assert_eq!(config.new_line, "\n");
    assert_eq!(config.indentor, "  ");
    let text = store::to_ron(&example(), Path::new("x.ron")).expect("text");
    assert!(!text.contains('\r'));
    assert!(text.starts_with("// Dossier de candidature"));
    assert!(text.ends_with(")\n"));
}

#[test]
fn carriage_returns_in_texts_never_reach_the_file_and_still_read_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("d.ron");
    let d = windows_texts();
    store::save(&path, &d).expect("saved");
    let bytes = std::fs::read(&path).expect("bytes");
    assert!(!has_cr(&bytes), "a CR in the dossier file");
    assert_eq!(store::load(&path).expect("reloads"), d, "same values");
    // Accents stay readable in the escaped form too.
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(text.contains("Première ligne\\r\\nDeuxième"), "{text}");
    // Without a CR, texts keep the readable unescaped layout.
    let plain = store::to_ron(&example(), &path).expect("text");
    assert!(
        !plain.contains("\\n"),
        "multi-line texts stay on their lines"
    );
}

#[test]
fn recovery_and_settings_files_have_one_line_ending_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let slot = recovery::claim(&data, None).expect("slot");
    let r = Recovery {
        source: None,
        saved_at: 1,
        base: None,
        dossier: windows_texts(),
    };
    slot.write(&r).expect("written");
    let bytes = std::fs::read(slot.file()).expect("bytes");
    assert!(!has_cr(&bytes), "a CR in the recovery file");
    assert!(bytes.ends_with(b")\n"));
    assert_eq!(slot.read().expect("reads"), r);

    let dirs = AppDirs {
        config: dir.path().join("config"),
        data,
    };
    let mut settings = Settings::default();
    settings.remember(Path::new("/nulle/part/dossier\r.ron"));
    settings.remember(Path::new("/nulle/part/autre.ron"));
    dirs.save_settings(&settings).expect("saved");
    let bytes = std::fs::read(dirs.settings_file()).expect("bytes");
    assert!(!has_cr(&bytes), "a CR in the settings file");
    assert_eq!(dirs.load_settings(), settings);
}

/// A rename that another program blocks `fails` times, then succeeds;
/// counts its calls.
fn blocked(
    fails: usize,
    calls: &Cell<usize>,
    kind: io::ErrorKind,
) -> impl Fn(&Path, &Path) -> io::Result<()> + '_ {
    move |from, to| {
        calls.set(calls.get() + 1);
        if calls.get() <= fails {
            Err(io::Error::from(kind))
        } else {
            std::fs::rename(from, to)
        }
    }
}

fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("listing")
        .map(|e| e.expect("entry").path())
        .collect();
    v.sort();
    v
}

#[test]
fn a_briefly_blocked_save_is_retried_and_succeeds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("d.ron");
    std::fs::write(&path, "ancien").expect("old");
    let calls = Cell::new(0);
    let rename = blocked(3, &calls, io::ErrorKind::ResourceBusy);
    write::write_atomic_with(&path, b"nouveau", Keep::BACKUP, &rename).expect("saved");
    // Three refusals, then the backup's rename and the file's.
    assert_eq!(calls.get(), 3 + 2);
    assert_eq!(std::fs::read(&path).expect("new"), b"nouveau");
    assert_eq!(
        std::fs::read(store::backup_path(&path)).expect("bak"),
        b"ancien"
    );
    assert_eq!(
        listing(dir.path()),
        [path.clone(), store::backup_path(&path)]
    );
}

#[test]
fn a_save_blocked_for_good_says_so_and_leaves_the_file_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("d.ron");
    std::fs::write(&path, "ancien").expect("old");
    let calls = Cell::new(0);
    // The backup goes through (1 call), the dossier's rename never does.
    let rename = |from: &Path, to: &Path| {
        calls.set(calls.get() + 1);
        if to == path {
            Err(io::Error::from(io::ErrorKind::ResourceBusy))
        } else {
            std::fs::rename(from, to)
        }
    };
    let e =
        write::write_atomic_with(&path, b"nouveau", Keep::BACKUP, &rename).expect_err("refused");
    assert!(matches!(e, StoreError::Busy { .. }), "{e}");
    let msg = e.to_string();
    assert!(msg.contains("ouvert par un autre programme"), "{msg}");
    assert!(msg.contains("rien n'a été modifié"), "{msg}");
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(!msg.contains("os error"), "{msg}");
    assert!(calls.get() > 3, "retried: {} calls", calls.get());
    assert_eq!(std::fs::read(&path).expect("old"), b"ancien", "untouched");
    // No temporary file left: only the dossier and its backup.
    assert_eq!(
        listing(dir.path()),
        [path.clone(), store::backup_path(&path)]
    );
}

#[test]
fn a_lasting_refusal_is_not_retried() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("d.ron");
    let calls = Cell::new(0);
    let rename = blocked(usize::MAX, &calls, io::ErrorKind::PermissionDenied);
    let e =
        write::write_atomic_with(&path, b"nouveau", Keep::NOTHING, &rename).expect_err("refused");
    assert!(matches!(e, StoreError::Write { .. }), "{e}");
    assert_eq!(calls.get(), 1);
    assert!(!path.exists());
    assert!(listing(dir.path()).is_empty(), "no temporary file left");
}

#[test]
fn a_blocked_backup_cancels_the_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("d.ron");
    std::fs::write(&path, "ancien").expect("old");
    let calls = Cell::new(0);
    let rename = blocked(usize::MAX, &calls, io::ErrorKind::ResourceBusy);
    let e =
        write::write_atomic_with(&path, b"nouveau", Keep::BACKUP, &rename).expect_err("refused");
    let msg = e.to_string();
    assert!(matches!(e, StoreError::Busy { .. }), "{msg}");
    assert!(msg.contains("d.ron.bak"), "{msg}");
    assert_eq!(std::fs::read(&path).expect("old"), b"ancien");
    assert_eq!(
        listing(dir.path()),
        std::slice::from_ref(&path),
        "no temporary file left"
    );
}
