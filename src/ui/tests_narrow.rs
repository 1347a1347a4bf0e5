//! The smallest screen we support: 1280 × 720 at 125 % scaling, that is
//! 1024 × 576 points. A five-year table is wider than the form there: it
//! scrolls sideways on its own (`Form::year_grid`), and every cell of it,
//! « Année 5 » included, is brought whole into the window when she is led
//! to it (a finding, « Voir la vérification »), on every tab.

use egui_kittest::Harness;

use super::app::DossierApp;
use crate::model::dossier::{CustomKpi, YEARS};
use crate::model::field::{ActionField, CustomKpiField, FieldPath};
use crate::model::rubric::catalogue;
use crate::service;

const SMALL: [f32; 2] = [1024.0, 576.0];

/// Every cell of every five-year table of the example, with one custom
/// indicator added: the rubric tables, the budget, the indicators, the
/// actions' costs.
fn every_year_cell(d: &crate::model::Dossier) -> Vec<FieldPath> {
    let profile = service::profiles::latest_bundled();
    let mut rows: Vec<FieldPath> = catalogue(d)
        .into_iter()
        .filter(|r| r.years)
        .map(|r| r.path)
        .collect();
    rows.extend(
        profile
            .budget_rows
            .iter()
            .map(|r| FieldPath::budget_row(&r.id)),
    );
    rows.extend(profile.kpi_rows.iter().map(|k| FieldPath::kpi(&k.id)));
    rows.extend((0..d.plan.actions.len()).map(|i| FieldPath::action(i, ActionField::Cost)));
    rows.extend(
        (0..d.indicators.custom.len()).map(|i| FieldPath::custom_kpi(i, CustomKpiField::Values)),
    );
    rows.into_iter()
        .flat_map(|row| (0..YEARS).map(move |y| row.clone().year(y)))
        .collect()
}

/// The cells among `paths` that going to them does not bring whole into
/// a 1024 × 576 window.
fn out_of_reach(d: crate::model::Dossier, paths: &[FieldPath]) -> Vec<String> {
    let mut app = DossierApp::new(None);
    app.replace(d, service::profiles::latest_bundled(), None);
    let mut h = Harness::builder()
        .with_size(SMALL)
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, SMALL.into());
    let mut missed = Vec::new();
    for path in paths {
        h.state_mut().go_to(path.section(), path.as_str());
        h.run_steps(8);
        if h.state().view.focus_served.as_deref() != Some(path.as_str()) {
            missed.push(format!("{path}: not drawn"));
            continue;
        }
        let focused = h.ctx.memory(|m| m.focused());
        match focused
            .and_then(|id| h.ctx.read_response(id))
            .map(|r| r.rect)
        {
            Some(r) if window.contains_rect(r) => {}
            Some(r) => missed.push(format!("{path}: at {r:?}, not whole in the window")),
            None => missed.push(format!("{path}: no focused widget")),
        }
    }
    missed
}

#[test]
fn every_cell_of_every_five_year_table_is_brought_whole_into_a_1280_by_720_window_at_125_percent() {
    let mut d = crate::example_dossier().expect("example parses");
    d.indicators.custom.push(CustomKpi {
        label: "Brevets déposés".into(),
        ..CustomKpi::default()
    });
    let cells = every_year_cell(&d);
    assert!(cells.len() > 150, "{} cells", cells.len());
    assert!(cells.iter().filter(|c| c.as_str().ends_with("[4]")).count() * YEARS == cells.len());
    let missed = out_of_reach(d, &cells);
    assert!(
        missed.is_empty(),
        "{} cells out of reach: {missed:#?}",
        missed.len()
    );
}

/// The other fields too: every rubric of the tables, and every field a
/// finding of an empty dossier leads to.
#[test]
fn every_field_a_finding_or_a_rubric_names_is_brought_whole_into_the_small_window() {
    let profile = crate::model::CallProfile::edition_2026();
    let empty = crate::model::Dossier::new_for(&profile);
    let example = crate::example_dossier().expect("example parses");
    let mut paths: Vec<FieldPath> = catalogue(&example)
        .into_iter()
        .filter(|r| !r.years)
        .map(|r| r.path)
        .collect();
    paths.extend(
        [
            ActionField::Title,
            ActionField::Category,
            ActionField::Description,
        ]
        .map(|f| FieldPath::action(0, f)),
    );
    let missed = out_of_reach(example, &paths);
    assert!(
        missed.is_empty(),
        "{} fields out of reach: {missed:#?}",
        missed.len()
    );
    let findings = service::check::quick(&empty, &profile, std::path::Path::new("."));
    let mut named: Vec<FieldPath> = findings
        .iter()
        .filter(|f| f.field.as_str().contains(['.', '[']))
        .map(|f| FieldPath::from_stored(f.field.as_str()))
        .collect();
    named.dedup();
    assert!(named.len() > 20, "{} fields", named.len());
    let missed = out_of_reach(empty, &named);
    assert!(
        missed.is_empty(),
        "{} fields out of reach: {missed:#?}",
        missed.len()
    );
}
