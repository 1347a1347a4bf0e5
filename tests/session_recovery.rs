//! Recovery that never loses (issue 16.5), case by case: the defects of
//! the last round (« Restaurer » then Ctrl+S over a file another program
//! changed; a second instance taking the first one's autosave) and each
//! answer to an offer. `session_proptest.rs` explores the whole class.

mod common;
mod session_support;

use std::path::Path;

use cluster_dossier::service::recovery::{Choice, Disk, RecoveryError};
use cluster_dossier::service::session::SessionError;
use cluster_dossier::store;

use common::example;
use session_support::{Instance, import_members, names_in};

fn fifty() -> Vec<String> {
    (1..=50).map(|i| format!("Importée n° {i}")).collect()
}

/// A dossier file, and an instance that edited it, autosaved, and was
/// killed; then another program imported 50 members into the file.
fn crashed_then_imported(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let path = dir.join("cluster.ron");
    let data = dir.join("donnees");
    store::save(&path, &example()).expect("saved");
    let (mut a, _) = Instance::start(&data);
    assert!(a.open(&path).expect("opens").is_empty());
    a.dossier.identity.name = "Nom saisi avant la panne".into();
    a.autosave();
    drop(a); // killed
    import_members(&path, &fifty());
    (path, data)
}

#[test]
fn restore_then_save_never_writes_an_old_autosave_over_a_newer_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, data) = crashed_then_imported(dir.path());
    let (mut b, mut offers) = Instance::start(&data);
    assert_eq!(offers.len(), 1);
    let offer = offers.remove(0);
    let Disk::Changed(disk) = offer.disk() else {
        panic!("the import must show: {:?}", offer.disk());
    };
    assert_eq!(disk.members.len(), example().members.len() + 50);
    assert_eq!(offer.comparison().only_disk.len(), 50);
    assert!(offer.comparison().parts.contains(&"Identité"));

    let notes = b.restore(offer, Choice::MergeMembers).expect("merged");
    assert!(
        notes[0].starts_with("50 membres présents seulement sur le disque"),
        "{notes:?}"
    );
    b.save().expect("Ctrl+S");
    let saved = store::load(&path).expect("reads");
    assert_eq!(saved.identity.name, "Nom saisi avant la panne");
    let names = names_in(&path).expect("names");
    assert!(
        fifty().iter().all(|n| names.contains(n)),
        "the import is kept"
    );
}

#[test]
fn keeping_the_recovered_version_is_her_choice_and_the_disk_version_goes_to_the_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, data) = crashed_then_imported(dir.path());
    let (mut b, mut offers) = Instance::start(&data);
    b.restore(offers.remove(0), Choice::Recovered)
        .expect("restored");
    assert!(b.dirty());
    b.save().expect("she chose it: saved");
    let names = names_in(&path).expect("names");
    assert!(!names.contains(&fifty()[0]));
    let bak = names_in(&store::backup_path(&path)).expect("backup");
    assert!(fifty().iter().all(|n| bak.contains(n)), "kept in the .bak");
    let session = names_in(&store::session_copy_path(&path)).expect("session copy");
    assert!(fifty().iter().all(|n| session.contains(n)));
}

#[test]
fn keeping_the_disk_version_drops_the_recovery_and_nothing_else() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, data) = crashed_then_imported(dir.path());
    let before = std::fs::read(&path).expect("bytes");
    let (mut b, mut offers) = Instance::start(&data);
    b.restore(offers.remove(0), Choice::Disk).expect("kept");
    assert!(!b.dirty());
    assert_eq!(b.dossier.members.len(), example().members.len() + 50);
    assert_eq!(std::fs::read(&path).expect("bytes"), before, "not written");
    drop(b);
    let (_c, offers) = Instance::start(&data);
    assert!(offers.is_empty(), "the dropped work is not offered again");
}

#[test]
fn restoring_an_unchanged_file_then_an_import_before_ctrl_s_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cluster.ron");
    let data = dir.path().join("donnees");
    store::save(&path, &example()).expect("saved");
    let (mut a, _) = Instance::start(&data);
    a.open(&path).expect("opens");
    a.dossier.identity.acronym = "NOUV".into();
    a.autosave();
    drop(a);

    let (mut b, mut offers) = Instance::start(&data);
    let offer = offers.remove(0);
    assert_eq!(offer.disk(), &Disk::Unchanged);
    b.restore(offer, Choice::Recovered).expect("restored");
    // Another program writes the file after « Restaurer », before Ctrl+S.
    import_members(&path, &fifty());
    let e = b.save().expect_err("refused");
    assert!(matches!(e, SessionError::ChangedOnDisk { .. }), "{e}");
    assert!(
        fifty()
            .iter()
            .all(|n| names_in(&path).expect("names").contains(n))
    );
}

#[test]
fn a_file_changed_while_she_decides_is_compared_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, data) = crashed_then_imported(dir.path());
    let (mut b, mut offers) = Instance::start(&data);
    let offer = offers.remove(0);
    import_members(&path, &["Arrivée pendant le choix".to_string()]);
    let Err(RecoveryError::ChangedAgain(fresh)) = b.restore(offer, Choice::Recovered) else {
        panic!("a decision on a stale comparison");
    };
    assert_eq!(fresh.comparison().only_disk.len(), 51);
    b.restore(*fresh, Choice::MergeMembers).expect("merged");
    b.save().expect("saved");
    assert_eq!(
        names_in(&path).expect("names").len(),
        example().members.len() + 51
    );
}

#[test]
fn a_second_instance_neither_offers_nor_deletes_the_first_ones_autosave() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cluster.ron");
    let data = dir.path().join("donnees");
    store::save(&path, &example()).expect("saved");
    let (mut a, _) = Instance::start(&data);
    a.open(&path).expect("opens");
    a.dossier.identity.acronym = "VIVANT".into();
    a.autosave();
    let a_file = a.recoveries.own_file().expect("autosaved").to_path_buf();

    // A second window: nothing offered, its own untitled work apart.
    let (mut b, offers) = Instance::start(&data);
    assert!(offers.is_empty(), "a live instance's work is not offered");
    b.dossier.identity.name = "Brouillon de la deuxième fenêtre".into();
    b.autosave();
    assert_ne!(b.recoveries.own_file(), Some(a_file.as_path()));
    // It opens the same dossier: still not offered, and its save and its
    // discard leave the first one's file alone.
    assert!(b.open(&path).expect("opens").is_empty());
    b.dossier.identity.acronym = "DEUX".into();
    b.autosave();
    let b_file = b.recoveries.own_file().expect("its own").to_path_buf();
    assert_ne!(b_file, a_file);
    b.save().expect("saved");
    b.new_dossier();
    assert!(a_file.exists(), "the first instance's autosave is intact");
    drop(b);

    // The first one is killed: its work is offered, once, compared with
    // the file the second one saved meanwhile.
    drop(a);
    let (_c, mut offers) = Instance::start(&data);
    assert_eq!(offers.len(), 1);
    let offer = offers.remove(0);
    assert_eq!(offer.recovery.dossier.identity.acronym, "VIVANT");
    assert!(matches!(offer.disk(), Disk::Changed(_)));
}

#[test]
fn each_dossier_has_its_own_recovery_offered_when_it_is_opened() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("donnees");
    let one = dir.path().join("un.ron");
    let two = dir.path().join("deux.ron");
    for p in [&one, &two] {
        store::save(p, &example()).expect("saved");
    }
    for (p, acronym) in [(&one, "UN"), (&two, "DEUX")] {
        let (mut i, _) = Instance::start(&data);
        i.open(p).expect("opens");
        i.dossier.identity.acronym = acronym.into();
        i.autosave();
        drop(i);
    }
    let mut b = Instance::start(&data).0;
    let mut offers = b.open(&two).expect("opens");
    assert_eq!(offers.len(), 1, "only this dossier's");
    let offer = offers.remove(0);
    assert_eq!(offer.recovery.dossier.identity.acronym, "DEUX");
    b.restore(offer, Choice::Recovered).expect("restored");
    b.save().expect("saved");
    // The other one still waits.
    let (_c, offers) = Instance::start(&data);
    assert_eq!(offers.len(), 1);
    assert_eq!(offers[0].recovery.dossier.identity.acronym, "UN");
}

#[test]
fn the_version_from_before_the_sessions_first_save_is_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cluster.ron");
    let data = dir.path().join("donnees");
    store::save(&path, &example()).expect("saved");
    let original = std::fs::read(&path).expect("bytes");
    let (mut a, _) = Instance::start(&data);
    a.open(&path).expect("opens");
    a.dossier.members.clear(); // a bad edit…
    a.save().expect("…saved");
    a.dossier.identity.name = "Autre".into();
    a.save().expect("saved again");
    // `.bak` has the bad version; the session copy still has the original.
    assert!(
        names_in(&store::backup_path(&path))
            .expect("bak")
            .is_empty()
    );
    assert_eq!(
        std::fs::read(store::session_copy_path(&path)).expect("session copy"),
        original
    );
    // A new session keeps its own starting point.
    let (mut b, _) = Instance::start(&data);
    b.open(&path).expect("opens");
    let start = std::fs::read(&path).expect("bytes");
    b.dossier.identity.name = "Troisième".into();
    b.save().expect("saved");
    assert_eq!(
        std::fs::read(store::session_copy_path(&path)).expect("session copy"),
        start
    );
}

#[test]
fn postponed_and_discarded_offers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("donnees");
    let (mut a, _) = Instance::start(&data);
    a.dossier.identity.name = "Jamais enregistré".into();
    a.autosave();
    drop(a);
    let (mut b, mut offers) = Instance::start(&data);
    let offer = offers.remove(0);
    assert_eq!(offer.disk(), &Disk::Untitled);
    b.recoveries.postpone(offer);
    let (mut c, mut offers) = Instance::start(&data);
    assert_eq!(offers.len(), 1, "postponed: offered again");
    c.recoveries.discard(offers.remove(0));
    assert!(Instance::start(&data).1.is_empty(), "discarded: gone");
    drop(b);
}
