//! Desktop manners (issue 20 item 5), driven by role and label at
//! 1366 × 768: a file dialog that cannot open falls back to a path field
//! and says so, the PDF path has its own « Parcourir… », blocking points
//! on the print tab lead to their field, the déclaration proposes the
//! president already typed, no « chemin relatif », the call profile
//! explained, the status bar inside the window.

use std::path::PathBuf;
use std::sync::Arc;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::app::{Dialog, DossierApp, Tab};
use super::picker::{self, Simulated, UNAVAILABLE};
use crate::model::dossier::{Civility, Dossier, Person};
use crate::model::{CallProfile, synthetic};

const SIZE: [f32; 2] = [1366.0, 768.0];

fn harness(dossier: Dossier, tab: Tab) -> Harness<'static, DossierApp> {
    let mut app = DossierApp::new(None);
    app.replace(dossier, Arc::new(CallProfile::edition_2026()), None);
    app.set_tab(tab);
    let mut h = Harness::builder()
        .with_size(SIZE)
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    h
}

fn type_into(h: &mut Harness<'static, DossierApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

#[test]
fn the_status_bar_is_inside_a_1366_by_768_window() {
    let h = harness(Dossier::default(), Tab::Home);
    let bar = h.get_by_label("Aucune modification non enregistrée").rect();
    assert!(
        bar.bottom() <= SIZE[1],
        "status bar ends at {}",
        bar.bottom()
    );
    assert!(bar.top() > SIZE[1] - 60.0, "at the bottom: {}", bar.top());
}

#[test]
fn the_pdf_path_has_its_own_browse_and_falls_back_with_a_message() {
    let mut h = harness(Dossier::default(), Tab::Print);
    assert!(h.query_by_label(UNAVAILABLE).is_none());
    picker::simulate(&h.ctx, Some(Simulated::Unavailable));
    // The first « Parcourir… » of the print tab is the PDF's.
    h.get_all_by_label("Parcourir…")
        .next()
        .expect("a « Parcourir… » beside the PDF path")
        .click();
    h.run();
    assert!(
        h.query_by_label(UNAVAILABLE).is_some(),
        "the message is shown"
    );
    // The path field is still there and takes a typed path.
    let typed = std::env::temp_dir().join("dossier-tape.pdf");
    h.get_by_role_and_label(Role::TextInput, "Fichier PDF")
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Fichier PDF")
        .type_text(&typed.display().to_string());
    h.run();
    assert_eq!(
        h.state().view.print_panel.output,
        typed.display().to_string()
    );
    // Where the dialog opens, the chosen file fills the field.
    let chosen = std::env::temp_dir().join("choisi.pdf");
    picker::simulate(&h.ctx, Some(Simulated::File(chosen.clone())));
    h.get_all_by_label("Parcourir…")
        .next()
        .expect("button")
        .click();
    h.run();
    assert_eq!(PathBuf::from(&h.state().view.print_panel.output), chosen);
    assert!(h.query_by_label(UNAVAILABLE).is_none(), "message gone");
}

#[test]
fn an_attachment_browse_falls_back_with_a_message() {
    let mut h = harness(Dossier::default(), Tab::Declaration);
    h.get_by_label("+ Ajouter un document").click();
    h.run();
    picker::simulate(&h.ctx, Some(Simulated::Unavailable));
    h.get_by_label("Parcourir…").click();
    h.run();
    assert!(h.query_by_label(UNAVAILABLE).is_some());
    assert!(
        h.query_by_role_and_label(
            Role::TextInput,
            "Fichier joint (PDF, JPEG, PNG ; facultatif)"
        )
        .is_some(),
        "the path field stays"
    );
}

#[test]
fn profile_and_new_edition_fall_back_to_a_path_dialog() {
    let profile = std::path::absolute(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/appel-2026.ron"
    ))
    .expect("absolute");
    for (item, edition) in [
        ("Profil de l'appel…", false),
        ("Nouvelle édition à partir de ce dossier…", true),
    ] {
        // Not on Accueil, which explains the profile too.
        let mut h = harness(Dossier::default(), Tab::Identity);
        picker::simulate(&h.ctx, Some(Simulated::Unavailable));
        h.get_by_label("Fichier").click();
        h.run();
        h.get_by_label(item).click();
        h.run();
        assert!(
            matches!(h.state().view.dialog, Some(Dialog::ProfilePath { edition: e, .. }) if e == edition),
            "{item}: a path dialog, not silence"
        );
        assert!(h.query_by_label(UNAVAILABLE).is_some(), "{item}: says why");
        assert!(
            h.query_by_label_contains("Le profil de l'appel est le fichier")
                .is_some(),
            "{item}: what a profile is"
        );
        type_into(
            &mut h,
            "Chemin du fichier (.ron) :",
            &profile.display().to_string(),
        );
        let go = if edition {
            "Créer la nouvelle édition"
        } else {
            "Utiliser ce profil"
        };
        h.get_by_label(go).click();
        h.run();
        assert!(
            h.state().view.dialog.is_none()
                || matches!(h.state().view.dialog, Some(Dialog::Info { .. }))
        );
        let remembered = h.state().dossier().call_profile.clone();
        assert!(
            remembered.is_some_and(|p| p.ends_with("appel-2026.ron")),
            "{item}: the typed profile is used"
        );
    }
}

#[test]
fn a_blocking_point_on_the_print_tab_leads_to_its_field() {
    let mut h = harness(Dossier::default(), Tab::Print);
    let first = h
        .state()
        .document
        .findings
        .iter()
        .find(|f| f.is_blocking())
        .cloned()
        .expect("an empty dossier has blocking points");
    let text = format!("• {} — {}", first.section.label(), first.message);
    h.get_by_role_and_label(Role::Link, &text).click();
    h.run();
    assert_eq!(h.state().tab(), Tab::for_section(first.section));
    assert_eq!(
        h.state().view.focus_served.as_deref(),
        Some(first.field.as_str()),
        "the field was drawn and focused"
    );
}

#[test]
fn the_declaration_proposes_the_president_already_typed() {
    let mut d = Dossier::default();
    d.identity.president = Person {
        civility: Some(Civility::Madame),
        name: "Amina Benali".into(),
        function: "Directrice générale".into(),
        ..Person::default()
    };
    let mut h = harness(d.clone(), Tab::Declaration);
    assert!(
        h.query_by_label("Président déjà saisi : Mme Amina Benali.")
            .is_some()
    );
    h.get_by_label("Reprendre le Président").click();
    h.run();
    let dec = &h.state().dossier().declaration;
    assert_eq!(dec.civility, Civility::Madame);
    assert_eq!(
        (dec.first_name.as_str(), dec.last_name.as_str()),
        ("Amina", "Benali")
    );
    assert_eq!(dec.position_in_organisation, "Directrice générale");
    assert_eq!(dec.position_in_association, "Présidente");
    assert!(
        h.query_by_label_contains("Président déjà saisi").is_none(),
        "proposed once"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().dossier().declaration, d.declaration, "one undo");
}

#[test]
fn no_jargon_and_the_call_profile_is_explained() {
    let profile = CallProfile::edition_2026();
    let mut h = harness(synthetic::dossier(&profile, 5, 2), Tab::Home);
    assert!(
        h.query_by_label_contains("Le profil de l'appel est le fichier")
            .is_some()
    );
    for tab in Tab::ALL {
        h.state_mut().set_tab(tab);
        h.run();
        for word in ["chemin relatif", "relatif au fichier", "RON"] {
            assert!(
                h.query_by_label_contains(word).is_none(),
                "{tab:?} shows « {word} »"
            );
        }
    }
}

#[test]
fn open_dialog_and_member_import_browse_fall_back_with_a_message() {
    let mut h = harness(Dossier::default(), Tab::Home);
    picker::simulate(&h.ctx, Some(Simulated::Unavailable));
    h.get_by_label("Ouvrir un dossier…").click();
    h.run();
    h.get_by_label("Parcourir…").click();
    h.run();
    assert!(
        h.query_by_label(UNAVAILABLE).is_some(),
        "open dialog: says why"
    );
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Chemin du fichier (.ron) :")
            .is_some()
    );
    h.get_by_label("Annuler").click();
    h.run();
    h.state_mut().set_tab(Tab::Members);
    h.run();
    h.get_by_label("Importer des membres depuis un tableur (CSV, Excel, LibreOffice)")
        .click();
    h.run();
    h.get_by_label("Parcourir…").click();
    h.run();
    assert!(
        h.query_by_label(UNAVAILABLE).is_some(),
        "member import: says why"
    );
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Fichier :")
            .is_some()
    );
}
