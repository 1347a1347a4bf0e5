//! Issue 13 in the wizard itself: the « Aperçu » follows edits (the new
//! name on the cover) and leads back to fields (a click on a budget cell
//! opens « 6 Plan d'action et budget » on that cell).

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::app::{DossierApp, Tab};
use crate::model::field::FieldPath;

fn harness() -> Harness<'static, DossierApp> {
    let mut app = DossierApp::new(None);
    app.open_example();
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run_steps(3);
    h
}

/// Frames until the preview shows the latest dossier.
fn settle(h: &mut Harness<'static, DossierApp>) {
    super::preview::tests::run_until_laid_out(h, |app| &app.preview);
}

#[test]
fn the_preview_follows_the_cluster_name() {
    let mut h = harness();
    h.key_press(egui::Key::F9);
    h.state_mut().set_tab(Tab::Identity);
    settle(&mut h);
    assert!(h.state().preview_open);
    h.get_by_role_and_label(Role::TextInput, "Dénomination")
        .focus();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Dénomination")
        .type_text(" Zéphyr");
    h.run_steps(2);
    settle(&mut h);
    assert!(h.state().dossier.identity.name.ends_with(" Zéphyr"));
    let doc = h.state().preview.doc().expect("pages");
    let cover: Vec<&str> = doc.pages[0].texts().collect();
    assert!(
        cover.iter().any(|t| t.contains("Zéphyr")),
        "the cover shows the new name: {cover:?}"
    );
    // The field being edited is outlined where it prints: on the cover.
    assert_eq!(h.state().preview.outlined().map(|o| o.0), Some(0));
}

#[test]
fn a_click_on_a_budget_cell_opens_it_in_the_plan_tab() {
    let mut h = harness();
    h.state_mut().set_tab(Tab::Preview);
    settle(&mut h);
    let path = FieldPath::budget_cell("subventions", 1).to_string();
    h.state_mut().preview.reveal(&path);
    h.run_steps(3);
    let rect = h.state().preview.screen_rect(&path).expect("drawn");
    let at = rect.center();
    h.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    }
    h.run_steps(4);
    assert_eq!(h.state().tab, Tab::Plan);
    assert_eq!(h.state().focus_served.as_deref(), Some(path.as_str()));
}
