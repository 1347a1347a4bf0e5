//! Partie 3: the applicant's argument for each selection criterion.

use egui::Ui;

use crate::model::CallProfile;
use crate::model::call::CriterionGroup;
use crate::model::dossier::{CriterionAnswer, Dossier};
use crate::ui::widgets::{Form, title};

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, p: &CallProfile) {
    crate::ui::help::show(ui, p, crate::model::finding::Section::Criteria);
    title(ui, "Partie 3 – Critères de sélection");
    ui.label(
        "Pour chaque critère d'appréciation du Ministère, présentez les arguments du cluster.",
    );
    for group in [CriterionGroup::Technical, CriterionGroup::Qualitative] {
        ui.add_space(8.0);
        ui.heading(group.label());
        for c in p.criteria.iter().filter(|c| c.group == group) {
            if d.criterion_answer(&c.id).is_none() {
                d.criteria.push(CriterionAnswer {
                    id: c.id.clone(),
                    argument: String::new(),
                });
            }
            if let Some(answer) = d.criteria.iter_mut().find(|a| a.id == c.id) {
                form.multiline(
                    ui,
                    &format!("criteria.{}", c.id),
                    &c.label,
                    &mut answer.argument,
                );
            }
        }
    }
}
