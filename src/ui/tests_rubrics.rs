//! The wizard draws every declared rubric: for each rubric of the tables
//! (walked through `model::rubric::catalogue`, never listed here), going
//! to its field opens its tab and draws and focuses a widget with its
//! path. The other consumers are checked in `tests/rubrics.rs`.

use egui_kittest::Harness;

use super::app::DossierApp;
use crate::model::rubric::catalogue;
use crate::service;

#[test]
fn every_declared_rubric_has_its_widget() {
    let d = crate::example_dossier().expect("example parses");
    let rubrics = catalogue(&d);
    assert!(rubrics.len() > 30);
    let mut app = DossierApp::new(None);
    app.replace(d, service::profiles::latest_bundled(), None);
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    let mut missed = Vec::new();
    for r in &rubrics {
        // A five-year rubric's widgets are its cells.
        let target = if r.years {
            r.path.clone().year(0)
        } else {
            r.path.clone()
        };
        h.state_mut().go_to(target.section(), target.as_str());
        h.run_steps(4);
        if h.state().view.focus_served.as_deref() != Some(target.as_str()) {
            missed.push(format!("{target} ({})", r.label));
        }
    }
    assert!(missed.is_empty(), "rubrics without a widget: {missed:#?}");
}
