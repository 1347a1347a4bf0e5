//! The wizard driven as a user would, by role and label (egui_kittest, no
//! display needed), asserting on the real application state.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::app::{Dialog, DossierApp, Tab};
use crate::model::dossier::MemberCategory;
use crate::model::rules::eligibility;

fn harness(app: DossierApp) -> Harness<'static, DossierApp> {
    // The app installs its own fonts on its first frame, as in the real
    // window; kittest panics on a missing glyph, which proves the bundled
    // font covers every label.
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    h
}

fn type_into(h: &mut Harness<'static, DossierApp>, label: &str, text: &str) {
    // Long fields (« Raison sociale »…) wrap: they are multi-line inputs.
    let role = if h.query_by_role_and_label(Role::TextInput, label).is_some() {
        Role::TextInput
    } else {
        Role::MultilineTextInput
    };
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

#[test]
fn create_fill_identity_and_reach_fifteen_members() {
    let mut h = harness(DossierApp::new(None));
    h.run();
    h.get_by_label("Nouveau dossier").click();
    h.run();
    assert_eq!(h.state().view.tab, Tab::Identity);
    type_into(
        &mut h,
        "Dénomination",
        "Cluster de l'Électronique du Détroit",
    );
    assert_eq!(
        h.state().document.dossier.identity.name,
        "Cluster de l'Électronique du Détroit"
    );

    h.get_by_label("1.2 Membres").click();
    h.run();
    for i in 1..=15 {
        h.get_by_label("+ Ajouter un membre").click();
        h.run();
        type_into(&mut h, "Raison sociale", &format!("Société n° {i}"));
        // A new member counts as « Autre » until the user says it is
        // industrial: choose it in the list, as a secretary would.
        h.get_by_role_and_label(
            Role::ComboBox,
            "Activité (industrielle, technologique, spécifique)",
        )
        .click();
        h.run();
        h.get_all_by_label("Industrielle")
            .last()
            .expect("the open list offers « Industrielle »")
            .click();
        h.run();
        assert_eq!(
            h.state().document.dossier.members[i as usize - 1].activity,
            crate::model::dossier::Activity::Industrial
        );
        let e = eligibility::measure(&h.state().document.dossier, &h.state().document.profile);
        assert_eq!(e.engaged_members, i);
        if i == 14 {
            assert!(!e.members_ok());
            assert!(
                h.query_by_label("14 membres").is_some(),
                "panel shows the measured value"
            );
        }
    }
    let app = h.state();
    assert!(
        app.document
            .dossier
            .members
            .iter()
            .all(|m| m.category == MemberCategory::EngagedCompany)
    );
    assert_eq!(app.document.dossier.members[14].name, "Société n° 15");
    let e = eligibility::measure(&app.document.dossier, &app.document.profile);
    assert!(e.members_ok() && e.share_ok(), "{e:?}");
    assert!(h.query_by_label("15 membres").is_some());
    assert!(
        !app.document
            .findings
            .iter()
            .any(|f| f.is_blocking() && f.message.contains("membres engagés"))
    );
}

#[test]
fn invalid_amount_keeps_the_text_and_explains() {
    let mut h = harness(DossierApp::new(None));
    h.run();
    h.get_by_label("2 Gouvernance").click();
    h.run();
    h.get_by_label("+ Ajouter une catégorie").click();
    h.run();
    type_into(&mut h, "Cotisation annuelle", "12a34");
    assert!(h.query_by_label_contains("n'est pas un montant").is_some());
    let field = h.get_by_role_and_label(Role::TextInput, "Cotisation annuelle");
    assert_eq!(
        field.value().as_deref(),
        Some("12a34"),
        "the typing is kept"
    );
    assert_eq!(
        h.state().document.dossier.governance.fee_categories[0].annual_amount,
        None
    );

    // A valid French amount then reaches the model.
    h.get_by_role_and_label(Role::TextInput, "Cotisation annuelle")
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Cotisation annuelle")
        .type_text("1 234,50");
    h.run();
    assert_eq!(
        h.state().document.dossier.governance.fee_categories[0].annual_amount,
        Some(rust_decimal::dec!(1234.50))
    );
    assert!(h.query_by_label_contains("n'est pas un montant").is_none());
}

#[test]
fn clicking_a_finding_opens_its_tab() {
    let mut h = harness(DossierApp::new(None));
    h.run();
    h.get_by_label("Vérification").click();
    h.run();
    h.get_by_label("Dénomination : rubrique à remplir").click();
    h.run();
    assert_eq!(h.state().view.tab, Tab::Identity);
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Dénomination")
            .is_focused()
    );
    // The field has keyboard focus: typing goes into it.
    h.get_by_role_and_label(Role::TextInput, "Dénomination")
        .type_text("Cluster");
    h.run();
    assert_eq!(h.state().document.dossier.identity.name, "Cluster");
}

#[test]
fn delete_a_member_then_undo() {
    let mut app = DossierApp::new(None);
    app.open_example();
    let before = app.document.dossier.clone();
    let mut h = harness(app);
    h.run();
    h.get_by_label("1.2 Membres").click();
    h.run();
    h.get_by_label("Laiterie des Monts d'Azrou").click();
    h.run();
    // The register's toolbar comes before the partners' rows.
    h.get_all_by_label("Supprimer")
        .next()
        .expect("toolbar button")
        .click();
    h.run();
    assert_eq!(
        h.state().document.dossier.members.len(),
        before.members.len() - 1
    );
    assert!(
        !h.state()
            .document
            .dossier
            .members
            .iter()
            .any(|m| m.name == "Laiterie des Monts d'Azrou")
    );
    assert!(h.state().document.dirty);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().document.dossier, before);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(
        h.state().document.dossier.members.len(),
        before.members.len() - 1
    );
}

#[test]
fn save_reopen_and_compare() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("mon-cluster.ron");
    let mut app = DossierApp::new(None);
    app.open_example();
    app.document.dossier.identity.acronym = "ESSAI".into();
    let mut h = harness(app);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(matches!(
        h.state().view.dialog,
        Some(Dialog::SaveAsPath { .. })
    ));
    let field = h.get_by_role_and_label(Role::TextInput, "Chemin du fichier (.ron) :");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Chemin du fichier (.ron) :")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Enregistrer").click();
    h.run();
    assert!(path.exists(), "saved to {}", path.display());
    assert!(!h.state().document.dirty);
    assert!(
        h.state().view.status.starts_with("Enregistré à"),
        "{}",
        h.state().view.status
    );

    let mut reopened = DossierApp::new(None);
    reopened.open_path(&path);
    assert_eq!(reopened.document.dossier, h.state().document.dossier);
    assert_eq!(reopened.document.path.as_deref(), Some(path.as_path()));
}

#[test]
fn failed_save_keeps_the_work_and_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A file where a folder is expected: no write can succeed, even as root.
    let blocker = dir.path().join("pas-un-dossier");
    std::fs::write(&blocker, "x").expect("write");
    let target = blocker.join("dossier.ron");
    let mut app = DossierApp::new(None);
    app.open_example();
    app.document.dossier.identity.name = "Travail précieux".into();
    app.document.dirty = true;
    let mut h = harness(app);
    h.run();
    let saved = h.state_mut().save_to(&target);
    h.run();
    assert!(!saved);
    let app = h.state();
    assert_eq!(app.document.dossier.identity.name, "Travail précieux");
    assert!(app.document.dirty);
    assert!(app.view.status_is_error);
    assert!(matches!(&app.view.dialog, Some(Dialog::Error(m)) if m.contains("pas-un-dossier")));
    assert!(h.query_by_label("Erreur").is_some());
    assert!(!target.exists());
}

#[test]
fn opening_a_broken_file_keeps_the_current_dossier() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("abime.ron");
    std::fs::write(&bad, "(format_version: 1, identity: (name: \"x\"").expect("write");
    let mut app = DossierApp::new(None);
    app.open_example();
    let before = app.document.dossier.clone();
    app.open_path(&bad);
    assert_eq!(app.document.dossier, before);
    assert!(
        matches!(&app.view.dialog, Some(Dialog::Error(m)) if m.contains("abime.ron") && m.contains("ligne"))
    );
    assert_eq!(
        std::fs::read_to_string(&bad).expect("read"),
        "(format_version: 1, identity: (name: \"x\""
    );
}

#[test]
fn autosave_reaches_the_recovery_file_and_is_offered_back() {
    let home = tempfile::tempdir().expect("tempdir");
    let dirs = crate::store::settings::AppDirs {
        config: home.path().join("c"),
        data: home.path().join("d"),
    };
    let mut h = harness(DossierApp::new(Some(dirs.clone())));
    h.get_by_label("Nouveau dossier").click();
    h.run();
    type_into(&mut h, "Dénomination", "Cluster à ne pas perdre");
    assert!(h.state().document.dirty);
    assert!(h.query_by_label("Modifications non enregistrées").is_some());
    // The autosave waits for a pause in typing (1.5 s), well within 3 s.
    std::thread::sleep(std::time::Duration::from_millis(1700));
    h.run();
    let file = h
        .state()
        .runtime
        .recoveries
        .own_file()
        .expect("an autosave file");
    let r = crate::store::recovery::read_file(file).expect("recovery file written");
    assert_eq!(r.dossier.identity.name, "Cluster à ne pas perdre");

    // After a crash (the harness is dropped without saving), the next start
    // offers to restore, and restoring brings the work back unsaved.
    drop(h);
    let mut h = harness(DossierApp::new(Some(dirs.clone())));
    assert!(matches!(h.state().view.dialog, Some(Dialog::Recovery)));
    h.get_by_label("Restaurer").click();
    h.run();
    assert_eq!(
        h.state().document.dossier.identity.name,
        "Cluster à ne pas perdre"
    );
    assert!(h.state().document.dirty);
}

#[test]
fn importing_a_sheet_is_one_undoable_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("membres.csv");
    std::fs::write(
        &csv,
        "Raison sociale;Catégorie;Ville\nAtlas Câbles;Entreprise engagée;Kénitra\nFès Textiles;Entreprise engagée;Fès\nUniversité Ibn Tofail;Université;Kénitra\n",
    )
    .expect("write");
    let mut h = harness(DossierApp::new(None));
    h.get_by_label("Nouveau dossier").click();
    h.run();
    h.get_by_label("1.2 Membres").click();
    h.run();
    h.get_by_label("Importer des membres depuis un tableur (CSV, Excel, LibreOffice)")
        .click();
    h.run();
    type_into(&mut h, "Fichier :", &csv.display().to_string());
    h.get_by_label("Lire le fichier").click();
    // Read, then planned, off the frame.
    crate::ui::job::settle(&mut h);
    // The sheet has no activity column: nothing is assumed, the rows wait
    // for the user's choice.
    assert!(
        h.query_by_label_contains("0 membre importé").is_some(),
        "rows without activity are not imported silently"
    );
    assert!(
        h.query_by_label_contains("3 lignes sans activité dans le tableur")
            .is_some()
    );
    // The preview scrolls within the members tab (1366 × 768): bring what
    // is clicked into view, as she would.
    let choice = "Activité pour les 3 ligne(s) sans activité :";
    h.get_by_role_and_label(Role::ComboBox, choice)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, choice).click();
    h.run();
    h.get_all_by_label("Industrielle")
        .last()
        .expect("the open list offers « Industrielle »")
        .click();
    crate::ui::job::settle(&mut h);
    assert!(
        h.query_by_label_contains("3 membres importés").is_some(),
        "the plan is shown before importing"
    );
    h.get_by_label("Importer").scroll_to_me();
    h.run();
    h.get_by_label("Importer").click();
    h.run();
    let names: Vec<String> = h
        .state()
        .document
        .dossier
        .members
        .iter()
        .map(|m| m.name.clone())
        .collect();
    assert_eq!(
        names,
        ["Atlas Câbles", "Fès Textiles", "Université Ibn Tofail"]
    );
    // The status bar tells the import, not what happened before it.
    assert!(
        h.state()
            .view
            .status
            .starts_with("Import terminé : 3 membres importés"),
        "{}",
        h.state().view.status
    );
    assert_eq!(
        h.state().document.dossier.members[2].category,
        MemberCategory::TrainingResearch
    );
    assert_eq!(
        h.state().document.dossier.members[0].activity,
        crate::model::dossier::Activity::Industrial
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state().document.dossier.members.is_empty(),
        "one Ctrl+Z undoes the whole import"
    );
}
