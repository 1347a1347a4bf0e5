//! Money never panics in the wizard (issue 16): a 29-digit amount typed in
//! a budget cell, and a dossier holding `Decimal::MAX` everywhere, draw the
//! Plan tab, the eligibility panel and Vérification; the typed text stays
//! in its field, refused with its reason (egui_kittest).

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

use super::app::{DossierApp, Tab};

fn harness(app: DossierApp) -> Harness<'static, DossierApp> {
    let mut h = Harness::builder()
        .with_size([1366.0, 900.0])
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    h
}

/// Replaces the text of the cell named `cell` with `text`, as typed.
fn retype(h: &mut Harness<'static, DossierApp>, cell: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, cell).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, cell)
        .type_text(text);
    h.run();
}

fn show_verification(h: &mut Harness<'static, DossierApp>) {
    h.get_by_label("Vérification").click();
    h.run();
    assert_eq!(h.state().view.tab, Tab::Verification);
}

#[test]
fn a_29_digit_amount_is_refused_kept_and_reported() {
    let mut app = DossierApp::new(None);
    app.open_example();
    let mut h = harness(app);
    h.get_by_label("6 Plan d'action et budget").click();
    h.run();
    assert_eq!(h.state().view.tab, Tab::Plan);
    let nines = "9".repeat(29);
    let max = Decimal::MAX.to_string();
    retype(&mut h, "Charges du personnel, année 1", &nines);
    retype(&mut h, "Charges du personnel, année 2", &max);
    // The Plan tab with its totals and ratios, and the eligibility panel,
    // drawn again with both texts in place.
    h.run();
    for (cell, text) in [
        ("Charges du personnel, année 1", &nines),
        ("Charges du personnel, année 2", &max),
    ] {
        assert_eq!(
            h.get_by_role_and_label(Role::TextInput, cell)
                .value()
                .as_deref(),
            Some(text.as_str()),
            "the typing is kept in {cell}"
        );
    }
    assert_eq!(
        h.query_all_by_label_contains("mille milliards").count(),
        2,
        "the reason is shown under each field"
    );
    assert!(h.query_by_label("Autofinancement année 1").is_some());
    assert!(
        h.query_all_by_label("non calculable").count() >= 2,
        "the eligibility panel and the budget table both say « non calculable », not « budget non saisi »"
    );
    let app = h.state();
    let line = app
        .document
        .dossier
        .budget_line("personnel")
        .expect("the row");
    assert_eq!(line.amounts[0], None);
    assert_eq!(line.amounts[1], None);
    let kept: Vec<&String> = app.document.dossier.invalid_entries.values().collect();
    assert!(kept.contains(&&nines) && kept.contains(&&max), "{kept:?}");

    show_verification(&mut h);
    for text in [&nines, &max] {
        assert!(
            h.query_all_by_label_contains(&format!("« {text} »"))
                .next()
                .is_some(),
            "Vérification quotes « {text} »"
        );
    }
    assert!(
        h.state()
            .document
            .findings
            .iter()
            .filter(|f| f.is_blocking() && f.message.contains("mille milliards"))
            .count()
            >= 2
    );
}

#[test]
fn a_dossier_at_decimal_max_everywhere_draws() {
    // Built in memory, past every bound: no load set it aside, so the
    // totals meet values whose sums overflow.
    let mut d = crate::example_dossier().expect("example");
    for line in &mut d.budget {
        line.amounts = [Some(Decimal::MAX); 5];
    }
    for a in &mut d.plan.actions {
        a.cost = [Some(Decimal::MAX); 5];
    }
    for k in &mut d.indicators.standard {
        k.values = [Some(Decimal::MIN); 5];
    }
    for f in &mut d.governance.fee_categories {
        f.annual_amount = Some(Decimal::MAX);
    }
    d.strategy.forecast_members = [Some(u32::MAX); 5];
    let mut app = DossierApp::new(None);
    app.replace(d, crate::service::profiles::latest_bundled(), None);
    let mut h = harness(app);
    for tab in [
        "6 Plan d'action et budget",
        "7 Indicateurs",
        "2 Gouvernance",
        "3 Stratégie",
    ] {
        if let Some(node) = h.query_by_label(tab) {
            node.click();
            h.run();
        }
    }
    h.get_by_label("6 Plan d'action et budget").click();
    h.run();
    assert!(h.query_by_label("Autofinancement année 1").is_some());
    show_verification(&mut h);
    assert!(
        h.query_all_by_label_contains("« 79228162514264337593543950335 »")
            .next()
            .is_some(),
        "the value beyond its bound is quoted"
    );
}

#[test]
fn a_file_with_a_huge_amount_opens_with_the_text_in_its_cell() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("enorme.ron");
    let huge = "9999999999999999999999999999";
    let text =
        crate::EXAMPLE_DOSSIER_RON.replacen("Some(\"552000.00\")", &format!("Some(\"{huge}\")"), 1);
    assert_ne!(text, crate::EXAMPLE_DOSSIER_RON);
    std::fs::write(&path, text).expect("written");
    let mut app = DossierApp::new(None);
    app.open_path(&path);
    assert_eq!(
        app.document.path.as_deref(),
        Some(path.as_path()),
        "{}",
        app.view.status
    );
    let mut h = harness(app);
    h.get_by_label("6 Plan d'action et budget").click();
    h.run();
    let cell = "Charges du personnel, année 1";
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, cell)
            .value()
            .as_deref(),
        Some(huge),
        "the file's text is in its cell"
    );
    assert!(
        h.query_all_by_label_contains("mille milliards")
            .next()
            .is_some()
    );
    let copy = dir.path().join("copie.ron");
    assert!(h.state_mut().save_to(&copy));
    let reopened = crate::service::session::open(&copy, None).expect("reopens");
    assert_eq!(
        reopened
            .dossier
            .invalid_entries
            .get("budget.personnel[0]")
            .map(String::as_str),
        Some(huge)
    );
    assert_eq!(
        reopened
            .dossier
            .budget_line("personnel")
            .map(|l| l.amounts[0]),
        Some(None)
    );
}
