//! The eligibility panel, the budget table and Vérification tell one story
//! (issue 20.3), and each line of the panel opens the field that decides it
//! (egui_kittest).

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::app::{DossierApp, Tab};
use crate::model::Dossier;
use crate::model::field::budget_cell;
use crate::model::figures::Figures;

fn harness(d: Dossier) -> Harness<'static, DossierApp> {
    let mut app = DossierApp::new(None);
    app.replace(d, crate::service::profiles::latest_bundled(), None);
    let mut h = Harness::builder()
        .with_size([1366.0, 900.0])
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    h
}

fn example() -> Dossier {
    crate::example_dossier().expect("example")
}

/// Clicks the first widget labelled `label` (the panel is drawn first).
fn click(h: &mut Harness<'static, DossierApp>, label: &str) {
    h.get_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("« {label} » is shown"))
        .click();
    h.run();
}

#[test]
fn each_panel_line_opens_the_field_that_decides_it() {
    // A mistyped year-1 cell decides the ratio: the line opens it.
    let mut d = example();
    d.budget_line_mut("location").amounts[0] = None;
    d.invalid_entries
        .insert(budget_cell("location", 0), "12O 000".into());
    let mut h = harness(d);
    assert_eq!(h.state().view.tab, Tab::Home);
    click(&mut h, "Autofinancement année 1");
    assert_eq!(h.state().view.tab, Tab::Plan);
    assert_eq!(
        h.state().view.focus_served.as_deref(),
        Some("budget.location[0]")
    );
    // The measured value is a way in too.
    h.state_mut().set_tab(Tab::Home);
    h.run();
    click(&mut h, "non calculable");
    assert_eq!(h.state().view.tab, Tab::Plan);
    assert_eq!(
        h.state().view.focus_served.as_deref(),
        Some("budget.location[0]")
    );

    // The member lines open the register.
    for line in [
        "Membres engagés",
        "Entreprises industrielles, technologiques ou spécifiques",
    ] {
        h.state_mut().set_tab(Tab::Home);
        h.run();
        click(&mut h, line);
        assert_eq!(h.state().view.tab, Tab::Members, "{line}");
    }

    // A computed ratio is decided by the year-1 own resources.
    let mut h = harness(example());
    click(&mut h, "Autofinancement année 1");
    assert_eq!(h.state().view.tab, Tab::Plan);
    assert_eq!(
        h.state().view.focus_served.as_deref(),
        Some("budget.cotisations[0]")
    );
}

#[test]
fn a_mistyped_cell_reads_non_calculable_in_the_panel_the_table_and_verification() {
    let mut h = harness(example());
    click(&mut h, "6 Plan d'action et budget");
    assert_eq!(h.state().view.tab, Tab::Plan);
    let cell = "Charges du personnel, année 1";
    h.get_by_role_and_label(Role::TextInput, cell).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, cell)
        .type_text("55O 000");
    h.run();
    h.run();
    let app = h.state();
    let path = budget_cell("personnel", 0);
    assert_eq!(
        app.document
            .dossier
            .invalid_entries
            .get(&path)
            .map(String::as_str),
        Some("55O 000")
    );
    // The panel (1) and the table's year 1: charges, result, ratio (3).
    assert_eq!(h.query_all_by_label("non calculable").count(), 4);
    // The figure computed without the cell is shown nowhere.
    let mut without = app.document.dossier.clone();
    without.invalid_entries.clear();
    let wrong = Figures::of(&without, &app.document.profile).ratio(0).text();
    assert_eq!(h.query_all_by_label_contains(&wrong).count(), 0, "{wrong}");
    // Vérification: the cell's one finding, which says so.
    let on_cell: Vec<_> = app
        .document
        .findings
        .iter()
        .filter(|f| f.field == path)
        .collect();
    assert_eq!(on_cell.len(), 1, "{on_cell:#?}");
    assert!(
        !app.document
            .findings
            .iter()
            .any(|f| f.message.starts_with("Autofinancement de l'année 1")),
        "no second finding for the same cause"
    );
    click(&mut h, "Vérification");
    assert_eq!(h.state().view.tab, Tab::Verification);
    assert_eq!(
        h.query_all_by_label_contains("l'autofinancement de l'année 1 est non calculable")
            .count(),
        1
    );
}

#[test]
fn the_indicators_tab_shows_the_budgets_ratio_under_the_blank_indicator() {
    let mut h = harness(example());
    click(&mut h, "7 Indicateurs");
    assert_eq!(h.state().view.tab, Tab::Indicators);
    assert_eq!(h.query_all_by_label("52,71").count(), 1);
    let cell = "Capacité d'autofinancement (%), année 4";
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, cell)
            .value()
            .as_deref(),
        Some(""),
        "left blank: the budget's figure is the indicator"
    );
}
