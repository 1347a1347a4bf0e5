//! Several members edited at once: the activity, category, fee category or
//! adhesion date of every selected row set in one undoable step, and the
//! values an import guessed confirmed together.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use crate::model::Date;
use crate::model::dossier::{Activity, Member, MemberCategory};
use crate::ui::widgets::HINT_SIZE;

/// One edit of all the selected members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BulkEdit {
    Activity(Activity),
    Category(MemberCategory),
    FeeCategory(String),
    Joined(Option<Date>),
    /// The guessed activity and category kept as they are.
    Confirm,
}

/// Applies `edit` to the members at `rows` (indices past the end are
/// ignored). Choosing a value for a member confirms it: its « à vérifier »
/// mark goes. Returns whether anything changed.
pub fn apply(members: &mut [Member], rows: &BTreeSet<usize>, edit: &BulkEdit) -> bool {
    let mut changed = false;
    for &i in rows {
        let Some(m) = members.get_mut(i) else {
            continue;
        };
        let before = m.clone();
        match edit {
            BulkEdit::Activity(a) => {
                m.activity = *a;
                m.to_check.activity = false;
            }
            BulkEdit::Category(c) => {
                m.category = *c;
                m.to_check.category = false;
            }
            BulkEdit::FeeCategory(f) => m.fee_category.clone_from(f),
            BulkEdit::Joined(d) => m.joined = *d,
            BulkEdit::Confirm => m.to_check = Default::default(),
        }
        changed |= *m != before;
    }
    changed
}

/// What she is typing in the bulk editor (the date, until « Appliquer »).
#[derive(Clone, Debug, Default)]
pub struct BulkDraft {
    pub joined: String,
    pub error: Option<String>,
}

/// The common value of the selected members, or « valeurs différentes ».
fn common<'a, T: PartialEq>(
    members: &'a [Member],
    rows: &BTreeSet<usize>,
    get: impl Fn(&'a Member) -> T,
) -> Option<T> {
    let mut values = rows.iter().filter_map(|&i| members.get(i)).map(get);
    let first = values.next()?;
    values.all(|v| v == first).then_some(first)
}

const MIXED: &str = "(valeurs différentes)";

/// The editor shown in place of one member's when several are selected;
/// returns the edit she asked for.
pub fn editor(
    ui: &mut Ui,
    members: &[Member],
    rows: &BTreeSet<usize>,
    fees: &[String],
    draft: &mut BulkDraft,
) -> Option<BulkEdit> {
    let n = rows.len();
    let mut out = None;
    ui.strong(format!("{n} membres sélectionnés : modifiez-les ensemble"));
    ui.label(
        RichText::new(
            "Chaque choix s'applique à toutes les lignes sélectionnées, en une seule étape (Ctrl+Z l'annule).",
        )
        .size(HINT_SIZE)
        .weak(),
    );
    super::grid(ui, "members.bulk", |ui| {
        let activity = common(members, rows, |m| m.activity);
        let l = ui.label("Activité");
        egui::ComboBox::from_id_salt("members.bulk.activity")
            .selected_text(activity.map_or(MIXED, Activity::label))
            .show_ui(ui, |ui| {
                for a in Activity::ALL {
                    if ui
                        .selectable_label(activity == Some(a), a.label())
                        .clicked()
                    {
                        out = Some(BulkEdit::Activity(a));
                    }
                }
            })
            .response
            .labelled_by(l.id);
        ui.end_row();

        let category = common(members, rows, |m| m.category);
        let l = ui.label("Catégorie");
        egui::ComboBox::from_id_salt("members.bulk.category")
            .selected_text(category.map_or(MIXED, MemberCategory::label))
            .show_ui(ui, |ui| {
                for c in MemberCategory::ALL {
                    if ui
                        .selectable_label(category == Some(c), c.label())
                        .clicked()
                    {
                        out = Some(BulkEdit::Category(c));
                    }
                }
            })
            .response
            .labelled_by(l.id);
        ui.end_row();

        let fee = common(members, rows, |m| m.fee_category.as_str());
        let l = ui.label("Catégorie de cotisation");
        egui::ComboBox::from_id_salt("members.bulk.fee")
            .selected_text(match fee {
                None => MIXED,
                Some("") => "—",
                Some(f) => f,
            })
            .show_ui(ui, |ui| {
                for name in fees {
                    if ui
                        .selectable_label(fee == Some(name.as_str()), name)
                        .clicked()
                    {
                        out = Some(BulkEdit::FeeCategory(name.clone()));
                    }
                }
                if fees.is_empty() {
                    ui.label("Définissez d'abord le barème dans « 2 Gouvernance ».");
                }
            })
            .response
            .labelled_by(l.id);
        ui.end_row();

        let l = ui.label("Date d'adhésion (JJ/MM/AAAA)");
        ui.horizontal(|ui| {
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut draft.joined)
                        .desired_width(110.0)
                        .hint_text(match common(members, rows, |m| m.joined) {
                            Some(Some(d)) => d.french(),
                            Some(None) => "—".to_string(),
                            None => MIXED.to_string(),
                        }),
                )
                .labelled_by(l.id);
            let entered = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button(format!("Appliquer aux {n}")).clicked() || entered {
                let text = draft.joined.trim();
                if text.is_empty() {
                    out = Some(BulkEdit::Joined(None));
                    draft.error = None;
                } else if let Some(d) = Date::parse(text) {
                    out = Some(BulkEdit::Joined(Some(d)));
                    draft.error = None;
                    draft.joined.clear();
                } else {
                    draft.error = Some(format!(
                        "« {text} » n'est pas une date : JJ/MM/AAAA attendu."
                    ));
                }
            }
        });
        ui.end_row();
    });
    if let Some(e) = &draft.error {
        ui.label(RichText::new(e).color(crate::ui::theme::alarm(ui.visuals())));
    }
    let marked = rows
        .iter()
        .filter_map(|&i| members.get(i))
        .filter(|m| !m.to_check.is_empty())
        .count();
    if marked > 0 {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "{marked} membre(s) sélectionné(s) ont une valeur proposée à l'import (⚠)."
            ));
            if ui.button("Confirmer les valeurs proposées").clicked() {
                out = Some(BulkEdit::Confirm);
            }
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dossier::ToCheck;

    #[test]
    fn choosing_a_value_for_many_confirms_it_and_touches_only_them() {
        let guessed = Member {
            to_check: ToCheck {
                activity: true,
                category: true,
            },
            ..Member::default()
        };
        let mut members = vec![guessed.clone(); 3];
        let rows = BTreeSet::from([0, 2, 9]);
        assert!(apply(
            &mut members,
            &rows,
            &BulkEdit::Activity(Activity::Technological)
        ));
        assert_eq!(members[1], guessed);
        for i in [0, 2] {
            assert_eq!(members[i].activity, Activity::Technological);
            assert!(!members[i].to_check.activity);
            assert!(members[i].to_check.category);
        }
        assert!(apply(&mut members, &rows, &BulkEdit::Confirm));
        assert!(members[0].to_check.is_empty());
        assert!(
            !apply(&mut members, &rows, &BulkEdit::Confirm),
            "nothing left"
        );
    }
}
