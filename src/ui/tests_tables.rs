//! The register and the five-year grids at a laptop's size (1366 × 768):
//! aligned columns that stay inside the form, virtualised rows, money cells
//! wide enough for « 99 999 999,99 » (issue 11).

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};

use super::app::{DossierApp, Tab};
use super::widgets::WIDEST_AMOUNT;
use crate::model::dossier::{Activity, Dossier, Member};
use crate::model::money::format_number;
use crate::model::{CallProfile, synthetic};

/// The Éligibilité panel's default width on the right of the window (see
/// `DossierApp::show`): the form must end before it.
const ELIGIBILITY_PANEL: f32 = 250.0;
const WIDTH: f32 = 1366.0;

fn harness(dossier: Dossier, tab: Tab) -> Harness<'static, DossierApp> {
    let profile = CallProfile::edition_2026();
    let mut app = DossierApp::new(None);
    app.replace(dossier, Arc::new(profile), None);
    app.set_tab(tab);
    let mut h = Harness::builder()
        .with_size([WIDTH, 768.0])
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    h
}

fn member(name: &str, activity: Activity, city: &str, ice: &str) -> Member {
    Member {
        name: name.into(),
        activity,
        city: city.into(),
        ice: ice.into(),
        ..Member::default()
    }
}

fn left_of(h: &Harness<'static, DossierApp>, label: &str) -> f32 {
    h.get_by_label(label).rect().left()
}

#[test]
fn an_other_activity_does_not_push_city_and_ice_out_of_line() {
    let mut d = Dossier::default();
    d.members.push(member(
        "Société industrielle",
        Activity::Industrial,
        "Tanger",
        "001234567000089",
    ));
    d.members.push(member(
        "Importé depuis un tableur",
        Activity::Other,
        "Fès",
        "002345678000090",
    ));
    let h = harness(d, Tab::Members);
    // Same column, same left edge, whatever the activity's length.
    assert_eq!(left_of(&h, "Tanger"), left_of(&h, "Fès"));
    assert_eq!(
        left_of(&h, "001234567000089"),
        left_of(&h, "002345678000090")
    );
    for ice in ["001234567000089", "002345678000090"] {
        let right = h.get_by_label(ice).rect().right();
        assert!(
            right <= WIDTH - ELIGIBILITY_PANEL,
            "ICE {ice} ends at {right}, under the Éligibilité panel"
        );
    }
    // The headers line up with their cells.
    assert_eq!(left_of(&h, "Ville"), left_of(&h, "Tanger"));
}

#[test]
fn two_thousand_members_draw_only_the_visible_rows() {
    let profile = CallProfile::edition_2026();
    let d = synthetic::dossier(&profile, 2000, 10);
    let last = d.members[1999].name.clone();
    let first = d.members[0].name.clone();
    let h = harness(d, Tab::Members);
    assert!(h.query_by_label(&first).is_some(), "first row shown");
    assert!(h.query_by_label(&last).is_none(), "last row not laid out");
    let rows = h.query_all_by_label_contains(" n° ").count();
    assert!(
        rows > 3 && rows < 80,
        "{rows} rows laid out for 2 000 members"
    );
}

#[test]
fn a_click_on_any_cell_of_a_row_selects_its_member() {
    let mut d = Dossier::default();
    d.members
        .push(member("Alpha", Activity::Industrial, "Oujda", "111"));
    d.members
        .push(member("Bêta", Activity::Other, "Agadir", "222"));
    let mut h = harness(d, Tab::Members);
    assert!(h.query_by_label("Membre n° 2").is_none());
    h.get_by_label("Agadir").click();
    h.run();
    assert!(h.query_by_label("Membre n° 2").is_some(), "editor opened");
}

#[test]
fn money_cells_show_the_widest_amount_whole() {
    let mut d = Dossier::default();
    d.strategy.funds_raised = [Some(WIDEST_AMOUNT); 5];
    let h = harness(d, Tab::Strategy);
    let text = format_number(WIDEST_AMOUNT, 2);
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(digits, "99999999,99");
    let font = egui::TextStyle::Body.resolve(&h.ctx.global_style());
    let needed = h.ctx.fonts_mut(|f| {
        f.layout_no_wrap(text.clone(), font, egui::Color32::PLACEHOLDER)
            .size()
            .x
    });
    let cells: Vec<egui::Rect> = h
        .get_all(by().role(Role::TextInput).value(&text))
        .map(|n| n.rect())
        .collect();
    assert_eq!(cells.len(), 5, "one cell a year");
    for cell in &cells {
        // The text plus the field's inner margins (4 px each side).
        assert!(
            cell.width() >= needed + 8.0,
            "cell {} px for a text of {needed} px",
            cell.width()
        );
        // The five years still fit beside the label, inside the form.
        assert!(cell.right() <= WIDTH - ELIGIBILITY_PANEL, "{cell:?}");
    }
}
