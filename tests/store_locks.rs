//! Locks that cannot be turned against her (issue 16.6): the lock file is
//! opened without following links, a planted link, hard link or FIFO is
//! refused untouched, every lock error names the lock file, and a save
//! keeps the file's owner and group.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use cluster_dossier::store::{self, DossierLock, StoreError, lock};

use common::example;

const PRECIOUS: &str = "Relevé bancaire de l'association — ne pas écraser";

fn setup() -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("d.ron");
    store::save(&path, &example()).expect("first save");
    let victim = dir.path().join("precieux.txt");
    std::fs::write(&victim, PRECIOUS).expect("victim");
    let lock = lock::lock_path(&path);
    (dir, path, victim, lock)
}

fn assert_planted_refused(path: &Path, lock: &Path, victim: &Path) {
    let before = std::fs::read(path).expect("dossier");
    let e = store::save(path, &common::example_with_engaged(3)).expect_err("refused");
    assert!(
        matches!(e, StoreError::LockNotRegular { .. }),
        "not a planted-lock refusal: {e}"
    );
    let msg = e.to_string();
    assert!(msg.contains(&lock.display().to_string()), "{msg}");
    assert!(msg.contains("Supprimez-le"), "{msg}");
    assert_eq!(std::fs::read_to_string(victim).expect("victim"), PRECIOUS);
    assert_eq!(std::fs::read(path).expect("dossier"), before, "not written");
    // Nor is the wizard's watch fooled into writing to it.
    assert_eq!(lock::held_by_other(path), None);
    assert_eq!(std::fs::read_to_string(victim).expect("victim"), PRECIOUS);
}

#[cfg(unix)]
#[test]
fn a_symlinked_lock_file_is_refused_and_its_target_untouched() {
    let (_dir, path, victim, lock) = setup();
    std::os::unix::fs::symlink(&victim, &lock).expect("symlink");
    assert_planted_refused(&path, &lock, &victim);
    // A dangling link is not followed to create a file either.
    let elsewhere = victim.with_file_name("cree-par-le-lien.txt");
    std::fs::remove_file(&lock).expect("unlink");
    std::os::unix::fs::symlink(&elsewhere, &lock).expect("symlink");
    let e = store::save(&path, &example()).expect_err("refused");
    assert!(matches!(e, StoreError::LockNotRegular { .. }), "{e}");
    assert!(!elsewhere.exists());
}

#[cfg(unix)]
#[test]
fn a_hard_linked_lock_file_is_refused_and_its_other_name_untouched() {
    let (_dir, path, victim, lock) = setup();
    std::fs::hard_link(&victim, &lock).expect("hard link");
    assert_planted_refused(&path, &lock, &victim);
}

#[cfg(unix)]
#[test]
fn a_fifo_lock_file_is_refused_without_hanging() {
    let (_dir, path, _victim, lock) = setup();
    let made = Command::new("mkfifo").arg(&lock).status().expect("mkfifo");
    assert!(made.success());
    let e = store::save(&path, &example()).expect_err("refused");
    assert!(matches!(e, StoreError::LockNotRegular { .. }), "{e}");
}

#[cfg(unix)]
use std::process::Command;

#[test]
fn a_busy_lock_names_the_lock_file_and_its_holder() {
    let (_dir, path, _victim, lock) = setup();
    let held = DossierLock::acquire(&path, Duration::ZERO).expect("first holder");
    let e = DossierLock::acquire(&path, Duration::ZERO).expect_err("second waits");
    let msg = e.to_string();
    assert!(matches!(e, StoreError::Locked { .. }), "{msg}");
    assert!(msg.contains(&lock.display().to_string()), "{msg}");
    assert!(msg.contains("cluster-dossier (processus"), "{msg}");
    assert!(msg.contains("rien n'a été écrit"), "{msg}");
    drop(held);
    DossierLock::acquire(&path, Duration::ZERO).expect("free again");
}

#[test]
fn an_unusable_lock_folder_error_names_the_lock_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The dossier's folder does not exist: the lock file cannot be made.
    let path = dir.path().join("absent").join("d.ron");
    let e = store::save(&path, &example()).expect_err("no folder");
    let msg = e.to_string();
    assert!(matches!(e, StoreError::LockFile { .. }), "{msg}");
    assert!(msg.contains(".d.ron.lock"), "{msg}");
}

/// A shared dossier saved by root (or by a member of its group) stays its
/// owner's, in its group.
#[cfg(unix)]
#[test]
fn a_save_keeps_the_files_owner_and_group_where_it_may() {
    use std::os::unix::fs::MetadataExt;
    let (_dir, path, _victim, _lock) = setup();
    let may_give_away = std::os::unix::fs::chown(&path, Some(4321), Some(8765)).is_ok();
    let before = std::fs::metadata(&path).expect("meta");
    store::save(&path, &common::example_with_engaged(4)).expect("saved");
    let after = std::fs::metadata(&path).expect("meta");
    assert_ne!(before.ino(), after.ino(), "a new file was renamed in");
    assert_eq!(
        (after.uid(), after.gid()),
        (before.uid(), before.gid()),
        "owner and group kept"
    );
    let bak = std::fs::metadata(store::backup_path(&path)).expect("backup");
    assert_eq!(
        (bak.uid(), bak.gid()),
        (before.uid(), before.gid()),
        "the backup's too"
    );
    if may_give_away {
        assert_eq!((after.uid(), after.gid()), (4321, 8765));
    } else {
        eprintln!("not root: only the process's own owner and group were checked");
    }
}
