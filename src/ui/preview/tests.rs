//! The pane driven as a user would (egui_kittest, no display): a name
//! field beside the preview, typing into it, clicking printed text.

use std::sync::Arc;
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{PreviewPane, Zoom};
use crate::model::field::budget_cell;
use crate::model::{CallProfile, Dossier};

/// A miniature wizard: the cluster's name, and the preview.
struct Bench {
    dossier: Dossier,
    profile: Arc<CallProfile>,
    pane: PreviewPane,
    clicked: Option<String>,
}

fn show(ui: &mut egui::Ui, b: &mut Bench) {
    ui.horizontal(|ui| {
        let label = ui.label("Dénomination");
        let r = ui
            .text_edit_singleline(&mut b.dossier.identity.name)
            .labelled_by(label.id);
        if r.changed() {
            b.pane.request(b.dossier.clone(), b.profile.clone());
            b.pane.reveal("identity.name");
        }
    });
    if let Some(path) = b.pane.show(ui) {
        b.clicked = Some(path);
    }
}

fn harness() -> Harness<'static, Bench> {
    let dossier = crate::example_dossier().expect("the example loads");
    let profile = Arc::new(CallProfile::edition_2026());
    let mut pane = PreviewPane::with_interval(Duration::ZERO);
    pane.request(dossier.clone(), profile.clone());
    let bench = Bench {
        dossier,
        profile,
        pane,
        clicked: None,
    };
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .build_ui_state(show, bench);
    settle(&mut h);
    h
}

/// Runs frames until the pane shows the last edit (the layout thread
/// answers in well under a second; the bound only stops a hung test).
pub(crate) fn run_until_laid_out<S>(
    h: &mut Harness<'static, S>,
    pane: impl Fn(&S) -> &PreviewPane,
) {
    for _ in 0..3000 {
        h.step();
        if !pane(h.state()).is_pending() && pane(h.state()).doc().is_some() {
            h.run_steps(2);
            return;
        }
        if crate::ui::job::running_count(&h.ctx) > 0 {
            // The layout job ends the wait: no sleep.
            assert!(crate::ui::job::wait_idle(&h.ctx, Duration::from_secs(120)));
        } else {
            // A request sent before the pane knew its window is not counted.
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    panic!("the preview never finished its layout");
}

fn settle(h: &mut Harness<'static, Bench>) {
    run_until_laid_out(h, |b| &b.pane);
}

#[test]
fn typing_the_name_updates_the_cover() {
    let mut h = harness();
    let doc = h.state().pane.doc().expect("pages");
    assert!(doc.pages.len() > 5);
    let old = h.state().dossier.identity.name.clone();
    // As the page sets it: with the typographic apostrophe.
    let set = old.trim().replace('\'', "’");
    assert!(doc.pages[0].texts().any(|t| t.contains(&set)));

    h.get_by_role_and_label(Role::TextInput, "Dénomination")
        .focus();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Dénomination")
        .type_text(" Zéphyr");
    settle(&mut h);
    let name = h.state().dossier.identity.name.clone();
    assert!(name.ends_with(" Zéphyr"));
    let doc = h.state().pane.doc().expect("pages");
    let cover: Vec<&str> = doc.pages[0].texts().collect();
    assert!(
        cover.iter().any(|t| t.contains("Zéphyr")),
        "the cover shows the new name: {cover:?}"
    );
    // The edited field is outlined on the cover, where it prints.
    let (page, _) = h.state().pane.outlined().expect("outlined");
    assert_eq!(page, 0);
}

#[test]
fn clicking_a_budget_amount_names_its_cell() {
    let mut h = harness();
    let profile = h.state().profile.clone();
    let row = profile
        .budget_rows
        .iter()
        .find(|r| !r.role.is_charge())
        .expect("a product row");
    let path = budget_cell(&row.id, 1);
    // Bring the cell into view, as an edit of it would.
    h.state_mut().pane.reveal(&path);
    h.run_steps(3);
    let (page, _) = h.state().pane.outlined().expect("the cell is outlined");
    assert_eq!(h.state().pane.current_page(), page);
    let rect = h.state().pane.screen_rect(&path).expect("drawn");
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
    h.run_steps(1);
    assert_eq!(h.state().clicked.as_deref(), Some(path.as_str()));
}

#[test]
fn zoom_and_pages_follow_the_buttons() {
    let mut h = harness();
    h.get_by_label("+").click();
    h.run_steps(2);
    assert!(matches!(h.state().pane.zoom, Zoom::Scale(_)));
    h.get_by_label("Largeur de page").click();
    h.run_steps(2);
    assert_eq!(h.state().pane.zoom, Zoom::PageWidth);
    h.get_by_label(">").click();
    h.run_steps(3);
    assert_eq!(h.state().pane.current_page(), 1);
}

/// Every field the preview of the example places leads to a widget of
/// the wizard keyed by the same path: a click on it opens that field.
/// Row labels of five-year tables name the whole line (`strategy.rd_projects`),
/// which no single widget carries: they open the tab, their cells the widgets.
#[test]
fn every_placed_field_opens_a_widget_of_the_wizard() {
    use crate::model::field::section_of;
    use crate::ui::app::DossierApp;
    let mut d = crate::example_dossier().expect("the example loads");
    // Every list holds a row, so each kind of path is tried.
    if d.declaration.other_documents.is_empty() {
        d.declaration
            .other_documents
            .push(crate::model::dossier::OtherDocument {
                title: "Attestation".into(),
                attachment: None,
            });
    }
    let p = CallProfile::edition_2026();
    let doc = crate::service::pages::preview_pages(&d, &p, &[]).expect("preview");
    let mut paths: Vec<String> = doc
        .pages
        .iter()
        .flat_map(|page| page.fields.iter().map(|f| f.path.clone()))
        .collect();
    paths.sort();
    paths.dedup();
    // A register of members is long: a few rows stand for all.
    let members = crate::model::field::FieldPath::part(crate::model::field::Part::Members);
    paths.retain(|x| crate::model::field::row_index(x, members.as_str()).is_none_or(|i| i < 2));
    let sections: std::collections::BTreeSet<_> = paths.iter().map(|x| section_of(x)).collect();
    assert_eq!(
        sections.len(),
        11,
        "every section has placed fields: {sections:?}"
    );
    let mut app = DossierApp::new(None);
    app.replace(d, crate::service::profiles::latest_bundled(), None);
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    let mut missed = Vec::new();
    for path in &paths {
        h.state_mut().go_to(section_of(path), path);
        h.run_steps(4);
        let served = h.state().view.focus_served.as_deref() == Some(path.as_str());
        // A line's label: its year cells are placed (and tried) too.
        let line = paths.contains(&format!("{path}[0]"));
        if !served && !line {
            missed.push(path.clone());
        }
    }
    assert!(
        missed.is_empty(),
        "placed fields no widget carries: {missed:#?}"
    );
}
