//! One file per wizard tab. Form tabs edit the dossier through a [`Form`];
//! the Accueil, Vérification and Impression tabs act on the whole app.

pub mod administrative;
pub mod bulk;
pub mod cooperation;
pub mod criteria;
pub mod declaration;
pub mod governance;
pub mod home;
pub mod identity;
pub mod import;
pub mod indicators;
pub mod members;
pub mod officers;
pub mod plan;
pub mod print;
pub mod register;
pub mod rubrics;
pub mod startups;
pub mod strategy;
pub mod verification;

use egui::Ui;

use super::app::{DossierApp, Tab};
use super::widgets::Form;
use crate::model::{CallProfile, Dossier, Finding};

/// The form tabs.
pub fn show(
    tab: Tab,
    ui: &mut Ui,
    form: &mut Form,
    d: &mut Dossier,
    p: &CallProfile,
    findings: &[Finding],
) {
    match tab {
        Tab::Administrative => administrative::show(ui, form, d, p),
        Tab::Identity => identity::show(ui, form, d, p),
        Tab::Governance => governance::show(ui, form, d, p),
        Tab::Strategy => strategy::show(ui, form, d, p),
        Tab::Cooperation => cooperation::show(ui, form, d, p),
        Tab::Startups => startups::show(ui, form, d, p),
        Tab::Plan => plan::show(ui, form, d, p),
        Tab::Indicators => indicators::show(ui, form, d, p),
        Tab::Criteria => criteria::show(ui, form, d, p),
        Tab::Declaration => declaration::show(ui, form, d, p, findings),
        Tab::Home | Tab::Members | Tab::Verification | Tab::Print | Tab::Preview => {}
    }
}

/// The tabs that act on the app rather than on one part of the dossier.
pub fn show_special(tab: Tab, ui: &mut Ui, app: &mut DossierApp) {
    match tab {
        Tab::Home => home::show(ui, app),
        Tab::Verification => verification::show(ui, app),
        Tab::Print => print::show(ui, app),
        _ => {}
    }
}

/// A two-column grid for labelled fields.
pub fn grid(ui: &mut Ui, id: &str, add: impl FnOnce(&mut Ui)) {
    // Two columns of 270 points, narrower when the form is (1280 × 720 at
    // 125 % leaves it about 520): a field is never cut at the form's edge.
    let column = ((ui.available_width() - 12.0) / 2.0).clamp(120.0, 270.0);
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([12.0, 6.0])
        .min_col_width(column)
        .show(ui, add);
}
