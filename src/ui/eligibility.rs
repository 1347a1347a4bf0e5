//! The always-visible eligibility panel: the call's three thresholds with
//! the measured values, green when met, red when not. The figures and their
//! words are the model's ([`eligibility::Eligibility`], from
//! `model::figures`), the same the budget table and Vérification show; a
//! click on a line opens the field that decides it.

use egui::{RichText, Ui};

use super::app::DossierApp;
use super::widgets::{GREEN, HINT_SIZE};
use crate::model::rules::eligibility::{self, Threshold};

/// Whether a threshold is met, not yet, or not yet started on (a new,
/// empty dossier: nothing to alarm about).
#[derive(Clone, Copy)]
enum State {
    Met,
    Missed,
    ToFill,
}

/// One threshold; true when clicked.
fn line(ui: &mut Ui, state: State, title: &str, measured: String, threshold: String) -> bool {
    let (mark, color) = match state {
        State::Met => ("✔", GREEN),
        State::Missed => ("✖", ui.visuals().error_fg_color),
        State::ToFill => ("○", ui.visuals().weak_text_color()),
    };
    let mut clicked = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(mark).color(color).strong());
        clicked |= ui
            .link(RichText::new(title).strong())
            .on_hover_text("Aller au champ")
            .clicked();
    });
    clicked |= ui
        .link(RichText::new(measured).color(color))
        .on_hover_text("Aller au champ")
        .clicked();
    ui.label(RichText::new(threshold).size(HINT_SIZE).weak());
    ui.add_space(6.0);
    clicked
}

pub fn panel(ui: &mut Ui, app: &mut DossierApp) {
    let e = eligibility::measure(&app.document.dossier, &app.document.profile);
    let blank = app.is_blank();
    let state = |ok: bool| match (ok, blank) {
        (true, _) => State::Met,
        (false, true) => State::ToFill,
        (false, false) => State::Missed,
    };
    ui.add_space(4.0);
    ui.heading("Éligibilité");
    ui.add_space(4.0);
    let mut target = None;
    for t in Threshold::ALL {
        if line(ui, state(e.ok(t)), t.title(), e.measured(t), e.minimum(t)) {
            target = Some(e.field(t));
        }
    }
    if let Some((section, field)) = target {
        app.go_to(section, field.as_str());
    }
    ui.separator();
    let (blocking, warnings) = crate::model::rules::summary(&app.document.findings);
    if blank {
        ui.label(RichText::new(format!("{} rubriques à remplir", blocking + warnings)).weak());
        return;
    }
    if blocking == 0 {
        ui.label(RichText::new("Aucun point bloquant").color(GREEN).strong());
    } else {
        ui.label(
            RichText::new(format!(
                "{blocking} point{} bloquant{}",
                if blocking > 1 { "s" } else { "" },
                if blocking > 1 { "s" } else { "" }
            ))
            .color(ui.visuals().error_fg_color)
            .strong(),
        );
    }
    ui.label(format!(
        "{warnings} avertissement{}",
        if warnings > 1 { "s" } else { "" }
    ));
    if ui.button("Voir la vérification").clicked() {
        app.view.tab = super::app::Tab::Verification;
    }
}
