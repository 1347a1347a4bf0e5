//! Section 3: strategy, quantified objectives and forecasts over five years.

use egui::Ui;

use crate::model::dossier::Dossier;
use crate::model::rubric;
use crate::ui::widgets::{Form, title};

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, p: &crate::model::CallProfile) {
    crate::ui::help::show(ui, p, crate::model::finding::Section::Strategy);
    title(ui, "Section 3 – Stratégie générale du cluster");
    let base = rubric::strategy_base();
    super::rubrics::show(ui, form, &base, &mut d.strategy, rubric::STRATEGY);
}
