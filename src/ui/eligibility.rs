//! The always-visible eligibility panel: the call's three thresholds with
//! the measured values, green when met, red when not.

use egui::{RichText, Ui};

use super::app::DossierApp;
use super::widgets::{GREEN, HINT_SIZE, RED};
use crate::model::money::format_percent;
use crate::model::rules::eligibility;

fn line(ui: &mut Ui, ok: bool, title: &str, measured: String, threshold: String) {
    let (mark, color) = if ok { ("✔", GREEN) } else { ("✖", RED) };
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
    ui.add_space(4.0);
    ui.heading("Éligibilité");
    ui.add_space(4.0);
    line(
        ui,
        e.members_ok(),
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
        e.share_ok(),
        "Entreprises industrielles, technologiques ou spécifiques",
        e.industrial_share
            .map_or_else(|| "aucun membre".to_string(), format_percent),
        format!("minimum {}", format_percent(e.min_industrial_share)),
    );
    line(
        ui,
        e.self_financing_ok(),
        "Autofinancement année 1",
        e.self_financing_year1
            .map_or_else(|| "budget non saisi".to_string(), format_percent),
        format!("minimum {}", format_percent(e.min_self_financing)),
    );
    ui.separator();
    let (blocking, warnings) = crate::model::rules::summary(&app.findings);
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
