//! Many members at once (issue 20 item 2) and the marks of guessed values
//! (item 1): rows selected by click, Ctrl-click, Shift-click and « Tout
//! sélectionner » among the rows shown, one bulk edit as one undoable step,
//! the rows with a finding marked and filtered. Driven by role and label at
//! 1366 × 768, plus a property test of selections, bulk edits, undo and redo.

use std::collections::BTreeSet;
use std::sync::Arc;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use proptest::prelude::*;

use super::app::{DossierApp, Tab};
use super::history::History;
use super::tabs::bulk::{self, BulkEdit};
use super::tabs::register::{Click, GUESS_MARK, Selection};
use crate::model::dossier::{Activity, Dossier, Member, MemberCategory, ToCheck};
use crate::model::{CallProfile, Date, synthetic};

fn harness(dossier: Dossier) -> Harness<'static, DossierApp> {
    let mut app = DossierApp::new(None);
    app.replace(dossier, Arc::new(CallProfile::edition_2026()), None);
    app.set_tab(Tab::Members);
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    h
}

fn selected(h: &Harness<'static, DossierApp>) -> Vec<usize> {
    h.state()
        .view
        .members_view
        .selection
        .rows
        .iter()
        .copied()
        .collect()
}

fn cities(n: usize) -> Dossier {
    let mut d = Dossier::default();
    for i in 0..n {
        d.members.push(Member {
            name: format!("Société {i}"),
            city: format!("Ville{i}"),
            ..Member::default()
        });
    }
    d
}

#[test]
fn click_ctrl_click_and_shift_click_select_rows() {
    let mut h = harness(cities(6));
    h.get_by_label("Ville1").click();
    h.run();
    assert_eq!(selected(&h), [1]);
    assert!(
        h.query_by_label("Membre n° 2").is_some(),
        "one row: its editor"
    );
    h.get_by_label("Ville3").click_modifiers(Modifiers::COMMAND);
    h.run();
    assert_eq!(selected(&h), [1, 3]);
    assert!(
        h.query_by_label("2 membres sélectionnés : modifiez-les ensemble")
            .is_some(),
        "several rows: the bulk editor"
    );
    h.get_by_label("Ville5").click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(
        selected(&h),
        [3, 4, 5],
        "Shift-click: from the last clicked"
    );
    h.get_by_label("Ville3").click_modifiers(Modifiers::COMMAND);
    h.run();
    assert_eq!(selected(&h), [4, 5], "Ctrl-click again takes the row out");
    h.get_by_label("Ville0")
        .click_modifiers(Modifiers::COMMAND | Modifiers::SHIFT);
    h.run();
    assert_eq!(
        selected(&h),
        [0, 1, 2, 3, 4, 5],
        "Ctrl+Shift-click adds a range"
    );
    h.get_by_label("Ville0").click();
    h.run();
    assert_eq!(selected(&h), [0], "a plain click starts over");
}

#[test]
fn select_all_takes_only_the_rows_the_search_shows() {
    let mut d = cities(8);
    for i in [1, 4, 6] {
        d.members[i].city = format!("Fès {i}");
    }
    let mut h = harness(d);
    h.get_by_role_and_label(Role::TextInput, "Rechercher :")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Rechercher :")
        .type_text("fes");
    h.run();
    h.get_by_label("Tout sélectionner").click();
    h.run();
    assert_eq!(selected(&h), [1, 4, 6]);
    // Set an activity for the three: nothing else changes.
    h.get_by_role_and_label(Role::ComboBox, "Activité").click();
    h.run();
    h.get_all_by_label("Technologique")
        .last()
        .expect("the open list offers « Technologique »")
        .click();
    h.run();
    let acts: Vec<Activity> = h
        .state()
        .document
        .dossier
        .members
        .iter()
        .map(|m| m.activity)
        .collect();
    for (i, a) in acts.iter().enumerate() {
        let expected = if [1, 4, 6].contains(&i) {
            Activity::Technological
        } else {
            Activity::default()
        };
        assert_eq!(*a, expected, "member {i}");
    }
}

/// A complete synthetic register where 25 engaged members lack their fee
/// category.
fn missing_fees() -> (Dossier, BTreeSet<usize>) {
    let profile = CallProfile::edition_2026();
    let mut d = synthetic::dossier(&profile, 60, 4);
    let mut missing = BTreeSet::new();
    for (i, m) in d.members.iter_mut().enumerate() {
        if m.category == MemberCategory::EngagedCompany && missing.len() < 25 {
            m.fee_category.clear();
            missing.insert(i);
        }
    }
    assert_eq!(
        missing.len(),
        25,
        "the synthetic register has 25 engaged members"
    );
    (d, missing)
}

fn rows_with_findings(app: &DossierApp) -> BTreeSet<usize> {
    super::tabs::register::row_findings(&app.document.findings)
        .keys()
        .copied()
        .collect()
}

#[test]
fn the_finding_filter_then_one_fee_category_for_25_members_in_one_undoable_step() {
    let (d, missing) = missing_fees();
    let before = d.clone();
    let mut h = harness(d);
    let flagged = rows_with_findings(h.state());
    assert!(missing.is_subset(&flagged));
    let only = format!("Avec constat seulement ({})", flagged.len());
    h.get_by_label(&only).click();
    h.run();
    assert!(
        h.query_by_label_contains(&format!("{} affiché(s) sur 60", flagged.len()))
            .is_some(),
        "only the rows with a finding are shown"
    );
    // Every row number laid out carries the finding mark.
    let numbers = h
        .query_all_by_label_contains(super::tabs::register::FINDING_MARK)
        .count();
    assert!(numbers > 3, "{numbers} marked rows laid out");
    h.get_by_label("Tout sélectionner").click();
    h.run();
    assert_eq!(selected(&h).into_iter().collect::<BTreeSet<_>>(), flagged);
    h.get_by_role_and_label(Role::ComboBox, "Catégorie de cotisation")
        .click();
    h.run();
    let fee = before.governance.fee_categories[0].name.clone();
    h.get_all_by_label(&fee)
        .last()
        .expect("the schedule's first category is offered")
        .click();
    h.run();
    for i in &flagged {
        assert_eq!(
            h.state().document.dossier.members[*i].fee_category,
            fee,
            "member {i}"
        );
    }
    for (i, (a, b)) in before
        .members
        .iter()
        .zip(&h.state().document.dossier.members)
        .enumerate()
    {
        if !flagged.contains(&i) {
            assert_eq!(a, b, "member {i} not selected, not changed");
        }
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().document.dossier,
        before,
        "one Ctrl+Z undoes the 25 edits"
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert!(
        missing
            .iter()
            .all(|i| h.state().document.dossier.members[*i].fee_category == fee)
    );
}

fn guessed(name: &str) -> Member {
    Member {
        name: name.into(),
        activity: Activity::Industrial,
        category: MemberCategory::TrainingResearch,
        to_check: ToCheck {
            activity: true,
            category: true,
        },
        ..Member::default()
    }
}

#[test]
fn guessed_values_are_marked_until_confirmed_and_undo_brings_the_mark_back() {
    let mut d = Dossier::default();
    d.members.push(guessed("Université A"));
    d.members.push(Member {
        name: "Atlas".into(),
        ..Member::default()
    });
    let mut h = harness(d);
    let industrial = format!("{GUESS_MARK}{}", Activity::Industrial.label());
    assert!(h.query_by_label(&industrial).is_some(), "activity marked");
    let training = format!("{GUESS_MARK}{}", MemberCategory::TrainingResearch.label());
    assert!(h.query_by_label(&training).is_some(), "category marked");
    assert_eq!(
        h.query_all_by_label_contains(GUESS_MARK.trim()).count(),
        3,
        "two cells and the legend; the other member has none"
    );
    h.get_by_label("Université A").click();
    h.run();
    h.get_by_label("Confirmer").click();
    h.run();
    assert!(h.state().document.dossier.members[0].to_check.is_empty());
    assert!(h.query_by_label(&industrial).is_none(), "mark gone");
    assert_eq!(
        h.state().document.dossier.members[0].activity,
        Activity::Industrial
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state().document.dossier.members[0].to_check.activity,
        "undo: marked again"
    );
    assert!(h.query_by_label(&industrial).is_some());
}

#[test]
fn editing_a_guessed_value_clears_its_mark_only() {
    let mut d = Dossier::default();
    d.members.push(guessed("Université A"));
    let mut h = harness(d);
    h.get_by_label("Université A").click();
    h.run();
    h.get_by_role_and_label(
        Role::ComboBox,
        "Activité (industrielle, technologique, spécifique)",
    )
    .click();
    h.run();
    h.get_all_by_label("Spécifique")
        .last()
        .expect("the open list offers « Spécifique »")
        .click();
    h.run();
    let m = &h.state().document.dossier.members[0];
    assert_eq!(m.activity, Activity::Specific);
    assert!(!m.to_check.activity, "changed: confirmed");
    assert!(m.to_check.category, "the category is still to check");
    let training = format!("{GUESS_MARK}{}", MemberCategory::TrainingResearch.label());
    assert!(h.query_by_label(&training).is_some());
}

#[test]
fn bulk_confirm_clears_the_marks_of_the_selected_rows() {
    let mut d = Dossier::default();
    for name in ["A", "B", "C"] {
        d.members.push(guessed(name));
    }
    let mut h = harness(d);
    h.get_by_label("Tout sélectionner").click();
    h.run();
    h.get_by_label("Confirmer les valeurs proposées").click();
    h.run();
    assert!(
        h.state()
            .document
            .dossier
            .members
            .iter()
            .all(|m| m.to_check.is_empty())
    );
    assert!(
        h.query_all_by_label_contains(GUESS_MARK.trim())
            .next()
            .is_none()
    );
}

// ------------------------------------------------------------------ model

/// What she does in the register: clicks (on the shown rows), a filter,
/// « Tout sélectionner », a bulk edit, undo or redo.
#[derive(Clone, Debug)]
enum Op {
    Click(usize, Click),
    /// Shows only the members whose index is ≡ 0 (mod k), or all (k = 1).
    Filter(usize),
    SelectAll,
    Edit(BulkEdit),
    Undo,
    Redo,
}

fn edit() -> impl Strategy<Value = BulkEdit> {
    prop_oneof![
        prop::sample::select(Activity::ALL.to_vec()).prop_map(BulkEdit::Activity),
        prop::sample::select(MemberCategory::ALL.to_vec()).prop_map(BulkEdit::Category),
        prop::sample::select(vec!["", "Grande entreprise", "PME"])
            .prop_map(|f| BulkEdit::FeeCategory(f.into())),
        (1u8..28).prop_map(|d| BulkEdit::Joined(Date::new(2024, 3, d))),
        Just(BulkEdit::Confirm),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let click = prop_oneof![
        Just(Click::Plain),
        Just(Click::Toggle),
        Just(Click::Range),
        Just(Click::AddRange)
    ];
    prop_oneof![
        3 => (0usize..12, click).prop_map(|(i, c)| Op::Click(i, c)),
        1 => (1usize..4).prop_map(Op::Filter),
        1 => Just(Op::SelectAll),
        3 => edit().prop_map(Op::Edit),
        1 => Just(Op::Undo),
        1 => Just(Op::Redo),
    ]
}

/// The expected member after `edit`, written out field by field.
fn expected(m: &Member, edit: &BulkEdit) -> Member {
    let mut m = m.clone();
    match edit {
        BulkEdit::Activity(a) => {
            m.activity = *a;
            m.to_check.activity = false;
        }
        BulkEdit::Category(c) => {
            m.category = *c;
            m.to_check.category = false;
        }
        BulkEdit::FeeCategory(f) => m.fee_category = f.clone(),
        BulkEdit::Joined(d) => m.joined = *d,
        BulkEdit::Confirm => {
            m.to_check.activity = false;
            m.to_check.category = false;
        }
    }
    m
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The register's selection, bulk edits and the app's undo history
    /// against a model that keeps every state in a list: after any
    /// sequence, the dossier is the model's current state, the selection
    /// holds only shown rows, and each bulk edit is one undo step.
    #[test]
    fn selections_bulk_edits_undo_and_redo_match_the_model(
        n in 1usize..12,
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let mut d = Dossier::default();
        for i in 0..n {
            let mut m = guessed(&format!("M{i}"));
            m.to_check.category = i % 2 == 0;
            d.members.push(m);
        }
        let mut history = History::new(&d);
        let mut sel = Selection::default();
        let mut filter = 1usize;
        // The model: the states undo walks through, and the current one.
        let mut states: Vec<Vec<Member>> = vec![d.members.clone()];
        let mut at = 0usize;
        for op in ops {
            let visible: Vec<usize> = (0..n).filter(|i| i % filter == 0).collect();
            match op {
                Op::Click(i, click) => {
                    if let Some(&row) = visible.get(i % visible.len().max(1)) {
                        let before = sel.clone();
                        sel.click(row, click, &visible);
                        match click {
                            Click::Plain => prop_assert_eq!(&sel.rows, &BTreeSet::from([row])),
                            Click::Toggle => prop_assert_eq!(
                                sel.rows.contains(&row),
                                !before.rows.contains(&row)
                            ),
                            Click::Range | Click::AddRange => {
                                prop_assert!(sel.rows.contains(&row));
                                if click == Click::AddRange {
                                    prop_assert!(before.rows.is_subset(&sel.rows));
                                }
                            }
                        }
                    }
                }
                Op::Filter(k) => {
                    filter = k;
                    let shown: Vec<usize> = (0..n).filter(|i| i % filter == 0).collect();
                    sel.keep(&shown, n);
                }
                Op::SelectAll => {
                    sel.select_all(&visible);
                    prop_assert_eq!(sel.rows.iter().copied().collect::<Vec<_>>(), visible.clone());
                }
                Op::Edit(e) => {
                    let mut next = states[at].clone();
                    for &i in &sel.rows {
                        next[i] = expected(&next[i], &e);
                    }
                    let changed = bulk::apply(&mut d.members, &sel.rows, &e);
                    prop_assert_eq!(changed, next != states[at]);
                    // As the members tab does: a structural step.
                    let recorded = history.record(&mut d, "");
                    prop_assert_eq!(recorded, changed);
                    if changed {
                        states.truncate(at + 1);
                        states.push(next);
                        at += 1;
                    }
                }
                Op::Undo => {
                    prop_assert_eq!(history.undo(&mut d), at > 0);
                    at = at.saturating_sub(1);
                }
                Op::Redo => {
                    let can = at + 1 < states.len();
                    prop_assert_eq!(history.redo(&mut d), can);
                    if can {
                        at += 1;
                    }
                }
            }
            prop_assert_eq!(&d.members, &states[at]);
            prop_assert!(sel.rows.iter().all(|r| *r < n && visible_after(n, filter).contains(r)));
        }
    }
}

fn visible_after(n: usize, filter: usize) -> Vec<usize> {
    (0..n).filter(|i| i % filter == 0).collect()
}
