//! The print tab's outputs go through commands and jobs: the buttons only
//! queue a command, the file is written off the frame, the result shown on
//! a later frame; a dossier replaced takes its running jobs with it.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{Command, DossierApp, Pending, Tab};
use crate::ui::job;

fn saved_example(dir: &std::path::Path) -> DossierApp {
    let path = dir.join("cluster.ron");
    let d = crate::example_dossier().expect("example");
    crate::store::save(&path, &d).expect("saved");
    let mut app = DossierApp::new(None);
    app.open_path(&path);
    app
}

#[test]
fn the_print_tab_writes_the_workbook_and_the_pdf_through_jobs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = saved_example(dir.path());
    app.set_tab(Tab::Print);
    let mut h = Harness::builder()
        .with_size([1280.0, 2400.0])
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    let xlsx = dir.path().join("cluster.xlsx");
    h.get_by_role_and_label(Role::Button, "Exporter les tableaux")
        .click();
    job::settle(&mut h);
    assert!(xlsx.is_file(), "the workbook is written");
    assert!(h.query_by_label_contains("Tableaux exportés").is_some());
    assert!(h.state().runtime.jobs.tables.is_none(), "collected once");

    h.get_by_role_and_label(Role::Button, "Générer le PDF")
        .click();
    job::settle(&mut h);
    assert!(
        h.query_by_label_contains("PDF prêt").is_some(),
        "the PDF's job ended and its result is drawn"
    );
    assert!(dir.path().join("cluster.pdf").is_file());
    assert!(!h.state().printing());
}

#[test]
fn a_replaced_dossier_drops_its_running_jobs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = saved_example(dir.path());
    app.view.print_panel.xlsx = dir.path().join("t.xlsx").display().to_string();
    app.apply(Command::ExportTables);
    assert!(
        app.runtime.jobs.tables.is_some(),
        "started, not run in place"
    );
    app.apply(Command::Request(Pending::New));
    assert!(app.runtime.jobs.tables.is_none());
    assert!(job::wait_idle(
        &app.runtime.ctx,
        std::time::Duration::from_secs(60)
    ));
    app.collect_jobs();
    assert!(
        app.view.print_panel.xlsx_message.is_none(),
        "the old dossier's result is not shown on the new one"
    );
}
