//! Copying register rows out (issue 11): the button puts the shown rows on
//! the clipboard as tab-separated text with the import's column names.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::app::{DossierApp, Tab};

#[test]
fn the_shown_rows_are_copied_as_tab_separated_text() {
    let mut app = DossierApp::new(None);
    app.open_example();
    app.set_tab(Tab::Members);
    let n = app.dossier().members.len();
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run_steps(4);
    h.get_by_label(&format!(
        "Copier les {n} lignes affichées (pour un tableur)"
    ))
    .click();
    h.step();
    let copied: Vec<&String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t),
            _ => None,
        })
        .collect();
    let text = copied.first().expect("text put on the clipboard");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), n + 1, "a header and one line per member");
    assert!(lines[0].starts_with("Raison sociale\tCatégorie\tActivité"));
    let first = &h.state().dossier().members[0];
    assert!(lines[1].starts_with(&format!("{}\t", first.name)));
    assert!(lines.iter().all(|l| l.split('\t').count() == 16));
}
