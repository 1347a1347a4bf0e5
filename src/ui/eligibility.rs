//! The always-visible eligibility panel: the call's three thresholds with
//! the measured values, green when met, red when not.

use egui::{RichText, Ui};

use super::app::DossierApp;
use super::widgets::{GREEN, HINT_SIZE, RED};
use crate::model::money::format_percent;
use crate::model::rules::eligibility;

/// Whether a threshold is met, not yet, or not yet started on (a new,
/// empty dossier: nothing to alarm about).
#[derive(Clone, Copy)]
enum State {
    Met,
    Missed,
    ToFill,
}

fn line(ui: &mut Ui, state: State, title: &str, measured: String, threshold: String) {
    let (mark, color) = match state {
        State::Met => ("✔", GREEN),
        State::Missed => ("✖", RED),
        State::ToFill => ("○", ui.visuals().weak_text_color()),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(mark).color(color).strong());
        ui.label(RichText::new(title).strong());
    });
    ui.label(RichText::new(measured).color(color));
    ui.label(RichText::new(threshold).size(HINT_SIZE).weak());
    ui.add_space(6.0);
}

pub fn panel(ui: &mut Ui, app: &mut DossierApp) {
    let e = eligibility::measure(&app.dossier, &app.profile);
    let blank = app.is_blank();
    let state = |ok: bool| match (ok, blank) {
        (true, _) => State::Met,
        (false, true) => State::ToFill,
        (false, false) => State::Missed,
    };
    ui.add_space(4.0);
    ui.heading("Éligibilité");
    ui.add_space(4.0);
    line(
        ui,
        state(e.members_ok()),
        "Membres engagés",
        format!(
            "{} membre{}",
            e.engaged_members,
            if e.engaged_members > 1 { "s" } else { "" }
        ),
        format!("minimum {}", e.min_members),
    );
    line(
        ui,
        state(e.share_ok()),
        "Entreprises industrielles, technologiques ou spécifiques",
        e.industrial_share
            .map_or_else(|| "aucun membre".to_string(), format_percent),
        format!("minimum {}", format_percent(e.min_industrial_share)),
    );
    line(
        ui,
        state(e.self_financing_ok()),
        "Autofinancement année 1",
        e.self_financing_year1.map_or_else(
            || {
                if e.year1_to_correct {
                    "montant à corriger"
                } else {
                    "budget non saisi"
                }
                .to_string()
            },
            format_percent,
        ),
        format!("minimum {}", format_percent(e.min_self_financing)),
    );
    ui.separator();
    let (blocking, warnings) = crate::model::rules::summary(&app.findings);
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
            .color(RED)
            .strong(),
        );
    }
    ui.label(format!(
        "{warnings} avertissement{}",
        if warnings > 1 { "s" } else { "" }
    ));
    if ui.button("Voir la vérification").clicked() {
        app.tab = super::app::Tab::Verification;
    }
}
