//! Call profiles from files, new editions and typed values kept as typed,
//! driven through the wizard as a user would (egui_kittest).

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::app::{Command, Dialog, DossierApp, Tab};
use crate::model::dossier::{Activity, Member, MemberCategory};
use crate::model::rules::eligibility;
use crate::service;

fn harness(app: DossierApp) -> Harness<'static, DossierApp> {
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    h
}

/// The 2026 profile with other thresholds, as a next edition's file.
fn profile_2027(dir: &std::path::Path) -> std::path::PathBuf {
    let text = crate::model::call::PROFILE_2026_RON
        .replace("edition: \"2026\"", "edition: \"2027\"")
        .replace("min_members: 15", "min_members: 10");
    assert_ne!(text, crate::model::call::PROFILE_2026_RON);
    let path = dir.join("appel-2027.ron");
    std::fs::write(&path, text).expect("write profile");
    path
}

fn twelve_engaged() -> DossierApp {
    let mut app = DossierApp::new(None);
    app.new_dossier();
    for i in 1..=12 {
        app.document.dossier.members.push(Member {
            name: format!("Société n° {i}"),
            category: MemberCategory::EngagedCompany,
            activity: Activity::Industrial,
            ..Member::default()
        });
    }
    // As the register records its edits, so that undo stops here.
    app.record_edit("members");
    app
}

fn members_blocking(app: &DossierApp) -> bool {
    app.document
        .findings
        .iter()
        .any(|f| f.is_blocking() && f.message.contains("membres engagés"))
}

#[test]
fn a_profile_file_with_other_thresholds_turns_the_members_verdict_green() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = profile_2027(dir.path());
    let mut h = harness(twelve_engaged());
    h.run();
    let e = eligibility::measure(&h.state().document.dossier, &h.state().document.profile);
    assert_eq!(e.engaged_members, 12);
    assert!(!e.members_ok(), "red with the 2026 profile");
    assert!(members_blocking(h.state()));
    assert!(h.query_by_label("minimum 15").is_some());

    // What « Profil de l'appel… » does once the file is chosen.
    h.state_mut().apply(Command::UseProfile(file.clone()));
    h.run();
    let app = h.state();
    assert_eq!(app.document.profile.edition, "2027");
    assert!(eligibility::measure(&app.document.dossier, &app.document.profile).members_ok());
    assert!(!members_blocking(app), "green with the 2027 profile");
    assert!(h.query_by_label("minimum 10").is_some());
    let remembered = app
        .document
        .dossier
        .call_profile
        .clone()
        .expect("remembered");
    assert!(
        std::path::Path::new(&remembered).is_absolute(),
        "{remembered}"
    );
    assert!(
        app.document.dirty,
        "remembering the profile is an edit to save"
    );

    // Undone like any edit: the 2026 verdict comes back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().document.dossier.call_profile, None);
    assert_eq!(h.state().document.dossier.members.len(), 12);
    assert_eq!(h.state().document.profile.edition, "2026");
    assert!(members_blocking(h.state()));
}

#[test]
fn a_broken_profile_file_says_why_in_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("abime.ron");
    std::fs::write(&bad, "(edition: \"2027\"").expect("write");
    let mut app = twelve_engaged();
    app.apply(Command::UseProfile(bad));
    assert!(matches!(&app.view.dialog, Some(Dialog::Error(m)) if m.contains("abime.ron")));
    assert_eq!(app.document.profile.edition, "2026");
    assert_eq!(app.document.dossier.call_profile, None);
}

#[test]
fn a_new_edition_carries_the_members_and_lists_what_it_dropped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = profile_2027(dir.path());
    let mut app = DossierApp::new(None);
    app.open_example();
    let members = app.document.dossier.members.clone();
    let mut h = harness(app);
    h.state_mut().apply(Command::NewEdition(file));
    h.run();
    let app = h.state();
    assert_eq!(app.document.profile.edition, "2027");
    assert_eq!(app.document.dossier.members, members);
    assert!(app.document.path.is_none() && app.document.dirty);
    assert!(app.document.dossier.call_profile.is_some());
    assert!(matches!(&app.view.dialog, Some(Dialog::Info { lines, .. }) if lines.len() > 1));
    assert!(h.query_by_label("Nouvelle édition 2027").is_some());
}

/// The wizard's new edition, saved beside its profile, remembers it as
/// `new-edition` does: relative to the dossier's folder.
#[test]
fn a_new_edition_saved_beside_its_profile_remembers_it_relative() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = profile_2027(dir.path());
    let mut app = DossierApp::new(None);
    app.open_example();
    app.apply(Command::NewEdition(file));
    let stored = app
        .document
        .dossier
        .call_profile
        .clone()
        .expect("remembered");
    assert!(std::path::Path::new(&stored).is_absolute(), "{stored}");
    let target = dir.path().join("cluster-2027.ron");
    assert!(app.save_to(&target));
    assert_eq!(
        app.document.dossier.call_profile.as_deref(),
        Some("appel-2027.ron")
    );
    let reopened = service::session::open(&target, None).expect("reopens");
    assert_eq!(
        reopened.dossier.call_profile.as_deref(),
        Some("appel-2027.ron")
    );
    assert_eq!(reopened.profile.edition, "2027");
    assert!(!app.document.dirty);
}

#[test]
fn a_mistyped_budget_amount_survives_save_and_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("budget.ron");
    let mut app = DossierApp::new(None);
    app.new_dossier();
    let mut h = harness(app);
    h.get_by_label("6 Plan d'action et budget").click();
    h.run();
    assert_eq!(h.state().view.tab, Tab::Plan);
    let cell = "Charges du personnel, année 1";
    h.get_by_role_and_label(Role::TextInput, cell).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, cell)
        .type_text("1O 000");
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, cell)
            .value()
            .as_deref(),
        Some("1O 000")
    );
    assert!(h.state_mut().save_to(&path));

    let opened = service::session::open(&path, None).expect("reopens");
    let d = &opened.dossier;
    assert_eq!(
        d.invalid_entries.values().cloned().collect::<Vec<_>>(),
        ["1O 000"]
    );
    let line = d.budget_line("personnel").expect("the row exists");
    assert_eq!(line.amounts[0], None, "never a parsed prefix");
    let findings = service::check::quick(d, &opened.profile, dir.path());
    assert!(
        findings
            .iter()
            .any(|f| f.is_blocking() && f.message.contains("« 1O 000 »")),
        "{findings:#?}"
    );
}

#[test]
fn printing_defaults_to_final_only_when_nothing_blocks() {
    let mut app = DossierApp::new(None);
    app.new_dossier();
    let mut h = harness(app);
    h.get_by_label("Impression").click();
    h.run();
    assert_eq!(
        h.state().view.print_panel.mode,
        crate::ui::print_job::PrintMode::Draft
    );
    assert!(
        h.query_by_label_contains("la version finale serait refusée")
            .is_some(),
        "says why it is a draft"
    );

    let mut app = DossierApp::new(None);
    app.open_example();
    assert!(
        !app.document.findings.iter().any(|f| f.is_blocking()),
        "the example has no blocking point"
    );
    let mut h = harness(app);
    h.get_by_label("Impression").click();
    h.run();
    assert_eq!(
        h.state().view.print_panel.mode,
        crate::ui::print_job::PrintMode::Final
    );
    // A choice the user makes sticks.
    h.get_by_label("Brouillon (« BROUILLON » sur chaque page)")
        .click();
    h.run();
    assert_eq!(
        h.state().view.print_panel.mode,
        crate::ui::print_job::PrintMode::Draft
    );
}

#[test]
fn a_marked_field_explains_itself_on_hover() {
    let mut app = DossierApp::new(None);
    app.new_dossier();
    let mut h = harness(app);
    assert_eq!(h.state().view.tab, Tab::Identity);
    let message = "Dénomination : rubrique à remplir";
    assert!(
        h.state()
            .document
            .findings
            .iter()
            .any(|f| f.is_blocking() && f.message == message)
    );
    let field = h.get_by_role_and_label(Role::TextInput, "Dénomination");
    assert_eq!(
        egui_kittest::kittest::NodeT::accesskit_node(&field)
            .description()
            .as_deref(),
        Some(message)
    );
    field.hover();
    h.run();
    assert!(
        h.query_by_label(message).is_some(),
        "the tooltip shows the finding"
    );
}
