//! The recovery dialog driven by label (egui_kittest): what she sees when a
//! crashed session's work meets a file another program changed, and what
//! each button does, down to the file written by Ctrl+S.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{Command, Dialog, DossierApp};
use crate::model::Dossier;
use crate::model::dossier::Member;
use crate::service::recovery::Recoveries;
use crate::service::session;
use crate::store;
use crate::store::settings::AppDirs;

fn harness(app: DossierApp) -> Harness<'static, DossierApp> {
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    h
}

struct Case {
    _home: tempfile::TempDir,
    dirs: AppDirs,
    path: std::path::PathBuf,
}

fn member(name: &str) -> Member {
    Member {
        name: name.into(),
        ..Member::default()
    }
}

/// A dossier whose session was killed after an autosave (a new acronym),
/// then another program added 50 members to the file.
fn crashed_then_imported() -> Case {
    let home = tempfile::tempdir().expect("tempdir");
    let dirs = AppDirs {
        config: home.path().join("c"),
        data: home.path().join("d"),
    };
    let path = home.path().join("cluster.ron");
    let mut d = crate::example_dossier().expect("example");
    store::save(&path, &d).expect("saved");
    let opened = session::open(&path, None).expect("opens");
    d.identity.acronym = "RECUPERE".into();
    let mut crashed = Recoveries::new(Some(dirs.data.clone()));
    crashed
        .autosave(Some(&path), opened.base.content, &d)
        .expect("autosaved");
    drop(crashed);
    store::update(&path, |on_disk: &mut Dossier| -> Result<Option<()>, ()> {
        on_disk
            .members
            .extend((1..=50).map(|i| member(&format!("Importée n° {i}"))));
        Ok(Some(()))
    })
    .expect("imported")
    .expect("changed");
    Case {
        _home: home,
        dirs,
        path,
    }
}

#[test]
fn she_sees_both_versions_and_merging_keeps_the_import() {
    let case = crashed_then_imported();
    let mut h = harness(DossierApp::new(Some(case.dirs.clone())));
    assert!(matches!(h.state().view.dialog, Some(Dialog::Recovery)));
    for label in [
        "Version du disque",
        "Version récupérée",
        "Garder la version du disque",
        "Garder la version récupérée",
        "Fusionner les membres",
        "Plus tard",
    ] {
        assert!(h.query_by_label(label).is_some(), "« {label} » shown");
    }
    let members = crate::example_dossier().expect("example").members.len();
    assert!(h.query_by_label(&(members + 50).to_string()).is_some());
    assert!(
        h.query_by_label_contains("Importée n° 1, Importée n° 2")
            .is_some()
    );
    h.get_by_label("Fusionner les membres").click();
    h.run();
    assert_eq!(h.state().document.dossier.identity.acronym, "RECUPERE");
    assert_eq!(h.state().document.dossier.members.len(), members + 50);
    assert!(h.state().document.dirty);
    assert!(h.query_by_label("Membres fusionnés").is_some());
    h.state_mut().apply(Command::CloseDialog);
    h.state_mut().apply(Command::Save);
    let saved = store::load(&case.path).expect("saved");
    assert_eq!(saved.identity.acronym, "RECUPERE");
    assert_eq!(saved.members.len(), members + 50, "the import is kept");
}

#[test]
fn keeping_the_recovered_version_leaves_the_import_in_the_backup() {
    let case = crashed_then_imported();
    let mut h = harness(DossierApp::new(Some(case.dirs.clone())));
    h.get_by_label("Garder la version récupérée").click();
    h.run();
    h.state_mut().apply(Command::Save);
    assert!(!h.state().document.dirty, "saved: her choice");
    let bak = store::load(&store::backup_path(&case.path)).expect("backup");
    assert!(bak.members.iter().any(|m| m.name == "Importée n° 50"));
}

#[test]
fn keeping_the_disk_version_shows_the_file_unchanged() {
    let case = crashed_then_imported();
    let before = std::fs::read(&case.path).expect("bytes");
    let mut h = harness(DossierApp::new(Some(case.dirs.clone())));
    h.get_by_label("Garder la version du disque").click();
    h.run();
    assert!(!h.state().document.dirty);
    assert_eq!(
        h.state().document.dossier,
        store::load(&case.path).expect("reads")
    );
    assert_eq!(std::fs::read(&case.path).expect("bytes"), before);
    assert!(h.state().view.dialog.is_none());
}

#[test]
fn a_second_window_is_not_offered_the_first_ones_autosave() {
    let home = tempfile::tempdir().expect("tempdir");
    let dirs = AppDirs {
        config: home.path().join("c"),
        data: home.path().join("d"),
    };
    let mut first = DossierApp::new(Some(dirs.clone()));
    first.new_dossier();
    first.document.dossier.identity.name = "Travail de la première fenêtre".into();
    first
        .runtime
        .recoveries
        .autosave(None, None, &first.document.dossier)
        .expect("autosaved");
    let own = first
        .runtime
        .recoveries
        .own_file()
        .expect("its file")
        .to_path_buf();
    let h = harness(DossierApp::new(Some(dirs.clone())));
    assert!(h.state().view.dialog.is_none(), "nothing offered");
    drop(h);
    assert!(own.exists(), "and nothing deleted");
    drop(first);
    let h = harness(DossierApp::new(Some(dirs)));
    assert!(matches!(h.state().view.dialog, Some(Dialog::Recovery)));
    assert!(
        h.query_by_label_contains("d'un dossier jamais enregistré")
            .is_some()
    );
}

#[test]
fn a_dossier_too_large_to_reopen_is_not_saved_and_she_is_told_what_to_do() {
    let home = tempfile::tempdir().expect("tempdir");
    let path = home.path().join("cluster.ron");
    store::save(&path, &crate::example_dossier().expect("example")).expect("saved");
    let before = std::fs::read(&path).expect("bytes");
    let mut app = DossierApp::new(None);
    app.open_path(&path);
    app.document.dossier.identity.genesis = "x".repeat(store::MAX_FILE_BYTES as usize + 1);
    app.document.dirty = true;
    app.save();
    let Some(Dialog::Error(message)) = &app.view.dialog else {
        panic!("no error shown: {:?}", app.view.dialog);
    };
    assert!(message.contains("Allégez-le"), "{message}");
    assert!(message.contains("Votre travail est toujours dans l'application."));
    assert!(!message.contains("Enregistrer sous"), "{message}");
    assert!(app.document.dirty, "still unsaved");
    assert_eq!(std::fs::read(&path).expect("bytes"), before);
}
