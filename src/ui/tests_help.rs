//! « Ce que demande l'appel » (issue 20 item 6) on a 1366 × 768 laptop: each
//! form tab shows the folded header; unfolded, it shows the call's words and
//! the tab's Partie 3 criteria while the form stays in sight.

use std::sync::Arc;

use egui::accesskit::Role;
use egui::{Pos2, Rect, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::app::{DossierApp, Tab};
use super::help::{CRITERIA_HEADING, HEADER};
use crate::model::CallProfile;

const LAPTOP: Vec2 = vec2(1366.0, 768.0);

fn harness() -> Harness<'static, DossierApp> {
    let mut h = Harness::builder()
        .with_size(LAPTOP)
        .with_max_steps(24)
        .build_ui_state(
            |ui, app: &mut DossierApp| app.show(ui),
            DossierApp::new(None),
        );
    h.run();
    h.get_by_label("Nouveau dossier").click();
    h.run();
    h
}

/// The tabs that edit one section of the dossier.
fn form_tabs() -> Vec<Tab> {
    Tab::ALL
        .into_iter()
        .filter(|t| !matches!(t, Tab::Home | Tab::Verification | Tab::Print | Tab::Preview))
        .collect()
}

fn section(tab: Tab) -> crate::model::Section {
    tab.section().expect("a form tab has a section")
}

/// The first control of the form below the help: its rectangle.
fn first_control_below(h: &Harness<'static, DossierApp>, header: Rect) -> Rect {
    let roles = [
        Role::TextInput,
        Role::MultilineTextInput,
        Role::Button,
        Role::ComboBox,
        Role::CheckBox,
    ];
    roles
        .iter()
        .flat_map(|role| {
            h.query_all_by_role(*role)
                .map(|n| n.rect())
                .collect::<Vec<_>>()
        })
        .filter(|r| r.top() > header.bottom() && r.left() >= header.left() - 1.0)
        .filter(|r| r.width() > 0.0 && r.height() > 0.0)
        .min_by(|a, b| a.top().total_cmp(&b.top()))
        .expect("the form has a control below the help")
}

#[test]
fn each_form_tab_shows_the_header_folded() {
    let mut h = harness();
    let screen = Rect::from_min_size(Pos2::ZERO, LAPTOP);
    for tab in form_tabs() {
        h.state_mut().view.tab = tab;
        h.run();
        let header = h.get_by_label(HEADER).rect();
        assert!(
            screen.contains_rect(header),
            "{tab:?}: header at {header:?}"
        );
        // Folded, one line: neither the call's words nor the criteria.
        assert!(header.height() < 40.0, "{tab:?}: {header:?}");
        assert!(
            h.query_by_label_contains(CRITERIA_HEADING).is_none(),
            "{tab:?}"
        );
        let help = h
            .state()
            .document
            .profile
            .help_for(section(tab))
            .cloned()
            .expect("help");
        assert!(
            h.query_by_label_contains(&help.asks[0].text).is_none(),
            "{tab:?}"
        );
    }
}

#[test]
fn unfolding_shows_the_call_and_the_criteria_with_the_form_in_sight() {
    let mut h = harness();
    let profile = Arc::clone(&h.state().document.profile);
    let mut criteria_shown = 0;
    for tab in form_tabs() {
        h.state_mut().view.tab = tab;
        h.run();
        h.get_by_label(HEADER).click();
        h.run();
        let help = profile.help_for(section(tab)).expect("help");
        let reference = format!("« {} »", help.reference);
        assert!(h.query_by_label_contains(&reference).is_some(), "{tab:?}");
        for ask in &help.asks {
            assert!(
                h.query_by_label_contains(&ask.text).is_some(),
                "{tab:?}: « {} » not shown",
                ask.text
            );
        }
        let criteria: Vec<_> = help.criteria_in(&profile).collect();
        assert_eq!(
            h.query_by_label_contains(CRITERIA_HEADING).is_some(),
            !criteria.is_empty(),
            "{tab:?}"
        );
        let header = h.get_by_label(HEADER).rect();
        for c in &criteria {
            let line = format!("• {} : {}", c.group.label(), c.label);
            let shown = h.get_by_label(&line).rect();
            // First in the box: in sight without scrolling it.
            assert!(
                shown.bottom() < header.bottom() + LAPTOP.y * 0.4,
                "{tab:?}: {line} at {shown:?}"
            );
            criteria_shown += 1;
        }
        // No length is shown: the 2026 call gives none.
        assert!(h.query_by_label_contains("Longueur attendue").is_none());
        // The form is not pushed out of the window: its first control
        // starts within the help's share of the height, above the status bar.
        let control = first_control_below(&h, header);
        let status = h
            .query_by_label("Modifications non enregistrées")
            .or_else(|| h.query_by_label("Aucune modification non enregistrée"))
            .expect("status bar")
            .rect();
        assert!(
            control.bottom() < status.top(),
            "{tab:?}: first control at {control:?}, status bar at {status:?}"
        );
        assert!(
            control.top() - header.bottom() < LAPTOP.y * 0.4 + 110.0,
            "{tab:?}: the help takes {} points",
            control.top() - header.bottom()
        );
        // The help keeps the tab's width: no text runs under the panels.
        for node in h.query_all_by_label_contains("• ") {
            let r = node.rect();
            assert!(r.right() <= header.left() + 900.0, "{tab:?}: {r:?}");
        }
    }
    assert_eq!(criteria_shown, 23, "every placed criterion was seen");
}

#[test]
fn each_tab_remembers_its_header_for_the_session() {
    let mut h = harness();
    h.state_mut().view.tab = Tab::Strategy;
    h.run();
    h.get_by_label(HEADER).click();
    h.run();
    assert!(h.query_by_label_contains(CRITERIA_HEADING).is_some());
    // Another tab keeps its own state, folded.
    h.state_mut().view.tab = Tab::Plan;
    h.run();
    assert!(h.query_by_label_contains(CRITERIA_HEADING).is_none());
    // Back on the strategy: still unfolded; a click folds it again.
    h.state_mut().view.tab = Tab::Strategy;
    h.run();
    assert!(h.query_by_label_contains(CRITERIA_HEADING).is_some());
    h.get_by_label(HEADER).click();
    h.run();
    assert!(h.query_by_label_contains(CRITERIA_HEADING).is_none());
}

#[test]
fn a_profile_without_help_shows_no_header() {
    let mut h = harness();
    let mut older = CallProfile::edition_2026();
    older.section_help.clear();
    h.state_mut().document.profile = Arc::new(older);
    for tab in form_tabs() {
        h.state_mut().view.tab = tab;
        h.run();
        assert!(h.query_by_label(HEADER).is_none(), "{tab:?}");
    }
}
