//! Every finding leads to a field: on dossiers where the rules fire (an
//! empty one, and the example with every kind of mistake), a click on each
//! finding must open its tab and draw, highlight and focus a widget whose
//! path is the finding's field.

use egui_kittest::Harness;

use super::app::DossierApp;
use crate::model::dossier::{
    ActionCategory, CooperationProject, Dossier, MajorPartner, OtherDocument, PieceStatus,
};
use crate::model::{CallProfile, Finding};
use crate::service;

/// The example with one of each mistake the rules know.
fn broken_example() -> Dossier {
    let mut d = crate::example_dossier().expect("example parses");
    let m = &mut d.members[0];
    m.ice = "123".into();
    m.tax_id = "12".into();
    m.cnss = "1".into();
    m.contact.email = "x@".into();
    m.contact.phone = "123".into();
    m.fee_category = "Catégorie inconnue".into();
    d.members[1].name.clear();
    d.members[1].city.clear();
    d.identity.president.phone = "12".into();
    d.identity.president.email = "pas-une-adresse".into();
    d.identity.director.email = "faux@".into();
    if let Some(b) = d.governance.board.first_mut() {
        b.phone = "1".into();
        b.email = "non".into();
    }
    d.partners.push(MajorPartner::default());
    d.cooperation
        .cooperation_projects
        .push(CooperationProject::default());
    if let Some(a) = d.plan.actions.first_mut() {
        a.category = ActionCategory::Eligible("inconnue".into());
        a.title.clear();
    }
    let subsidy = d.budget_line_mut("subventions");
    subsidy.amounts[1] = Some(rust_decimal::Decimal::from(99_000_000));
    d.budget_line_mut("personnel").amounts[2] = None;
    d.invalid_entries.insert(
        crate::model::field::budget_cell("services", 3),
        "1O 000".into(),
    );
    d.budget_line_mut("services").amounts[3] = None;
    for k in &mut d.indicators.standard {
        k.values[0] = Some(rust_decimal::Decimal::from(1));
    }
    d.declaration.other_documents.push(OtherDocument {
        title: String::new(),
        attachment: Some("absent.pdf".into()),
    });
    if let Some(p) = d.administrative.first_mut() {
        p.status = PieceStatus::Attached("introuvable.pdf".into());
    }
    d.strategy.forecast_members[2] = Some(1);
    d.declaration.place.clear();
    d
}

/// Findings whose field is a whole part, not one widget: they open the tab
/// and say what is missing there (the deadline, the member count…).
fn is_aggregate(f: &Finding) -> bool {
    !f.field.as_str().contains(['.', '['])
}

fn unreachable(dossier: Dossier, profile: &CallProfile) -> Vec<String> {
    let findings = service::check::quick(&dossier, profile, std::path::Path::new("."));
    assert!(!findings.is_empty());
    let mut app = DossierApp::new(None);
    let profile = service::profiles::latest_bundled();
    app.replace(dossier, profile, None);
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    let mut missed = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for f in findings.iter().filter(|f| !is_aggregate(f)) {
        if !seen.insert(f.field.clone()) {
            continue;
        }
        h.state_mut().go_to(f.section, f.field.as_str());
        h.run_steps(4);
        if h.state().view.focus_served.as_deref() != Some(f.field.as_str()) {
            missed.push(format!("{} — {}", f.field, f.message));
        }
    }
    missed
}

#[test]
fn every_finding_of_an_empty_dossier_focuses_its_field() {
    let profile = CallProfile::edition_2026();
    let missed = unreachable(Dossier::new_for(&profile), &profile);
    assert!(missed.is_empty(), "findings leading nowhere: {missed:#?}");
}

#[test]
fn every_finding_of_a_broken_example_focuses_its_field() {
    let profile = CallProfile::edition_2026();
    let missed = unreachable(broken_example(), &profile);
    assert!(missed.is_empty(), "findings leading nowhere: {missed:#?}");
}
