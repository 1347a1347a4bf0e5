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
    super::preview::tests::run_until_laid_out(h, |app| &app.view.preview);
}

#[test]
fn the_preview_follows_the_cluster_name() {
    let mut h = harness();
    h.key_press(egui::Key::F9);
    h.state_mut().set_tab(Tab::Identity);
    settle(&mut h);
    assert!(h.state().view.preview_open);
    h.get_by_role_and_label(Role::TextInput, "Dénomination")
        .focus();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Dénomination")
        .type_text(" Zéphyr");
    h.run_steps(2);
    settle(&mut h);
    assert!(
        h.state()
            .document
            .dossier
            .identity
            .name
            .ends_with(" Zéphyr")
    );
    let doc = h.state().view.preview.doc().expect("pages");
    let cover: Vec<&str> = doc.pages[0].texts().collect();
    assert!(
        cover.iter().any(|t| t.contains("Zéphyr")),
        "the cover shows the new name: {cover:?}"
    );
    // The field being edited is outlined where it prints: on the cover.
    assert_eq!(h.state().view.preview.outlined().map(|o| o.0), Some(0));
}

#[test]
fn a_click_on_a_budget_cell_opens_it_in_the_plan_tab() {
    let mut h = harness();
    h.state_mut().set_tab(Tab::Preview);
    settle(&mut h);
    let path = FieldPath::budget_cell("subventions", 1).to_string();
    h.state_mut().view.preview.reveal(&path);
    h.run_steps(3);
    let rect = h.state().view.preview.screen_rect(&path).expect("drawn");
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
    assert_eq!(h.state().view.tab, Tab::Plan);
    assert_eq!(h.state().view.focus_served.as_deref(), Some(path.as_str()));
}

/// Where each register header starts, left to right (its column widths).
fn register_columns(h: &Harness<'static, DossierApp>) -> Vec<f32> {
    ["Raison sociale", "Catégorie", "Activité", "Ville", "ICE"]
        .iter()
        .map(|label| {
            // The header is the topmost of the labels (the member's form
            // below the register repeats some).
            h.get_all_by_label(label)
                .map(|n| n.rect())
                .min_by(|a, b| a.top().total_cmp(&b.top()))
                .expect("a register header")
                .left()
        })
        .collect()
}

fn members_at(size: [f32; 2]) -> Harness<'static, DossierApp> {
    let mut app = DossierApp::new(None);
    app.open_example();
    app.set_tab(Tab::Members);
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run_steps(4);
    h
}

#[test]
fn on_a_laptop_the_preview_opens_over_the_form_and_the_register_keeps_its_columns() {
    use super::app::preview::{MIN_FORM_WIDTH, MIN_PREVIEW_WIDTH, Placement, placement};
    // The central area at 1366 px, between navigation and eligibility,
    // has no room for a usable form and a readable page.
    assert_eq!(placement(1366.0 - 230.0 - 250.0), Placement::Over);
    for size in [[1366.0, 768.0], [1280.0, 720.0]] {
        let mut h = members_at(size);
        let before = register_columns(&h);
        h.key_press(egui::Key::F9);
        h.run_steps(4);
        settle(&mut h);
        assert!(h.state().view.preview_open);
        // The page is in a window over the form, at a readable width.
        let window = h.get_by_label("Aperçu sur le formulaire").rect();
        let pane = h.get_by_label("Aperçu").rect();
        assert!(
            size[0] - window.left() >= MIN_PREVIEW_WIDTH - 30.0,
            "{window:?}"
        );
        assert!(pane.top() > window.top());
        assert_eq!(register_columns(&h), before, "the form is not squeezed");
        h.key_press(egui::Key::F9);
        h.run_steps(4);
        assert!(!h.state().view.preview_open);
        assert_eq!(register_columns(&h), before);
    }
    let _ = MIN_FORM_WIDTH;
}

#[test]
fn on_a_wide_screen_the_preview_sits_beside_a_usable_form() {
    use super::app::preview::{MIN_FORM_WIDTH, MIN_PREVIEW_WIDTH};
    let mut h = members_at([1920.0, 1080.0]);
    let before = register_columns(&h);
    let form_left = register_columns(&h)[0];
    h.key_press(egui::Key::F9);
    h.run_steps(4);
    settle(&mut h);
    let pane = h.get_by_label("Aperçu").rect();
    assert!(pane.left() - form_left >= MIN_FORM_WIDTH - 60.0, "{pane:?}");
    assert!(
        1920.0 - 250.0 - pane.left() >= MIN_PREVIEW_WIDTH - 20.0,
        "{pane:?}"
    );
    h.key_press(egui::Key::F9);
    h.run_steps(4);
    assert_eq!(
        register_columns(&h),
        before,
        "closing the preview gives the columns back"
    );
}
