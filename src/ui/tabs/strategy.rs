//! Section 3: strategy, quantified objectives and forecasts over five years.

use egui::Ui;

use crate::model::dossier::Dossier;
use crate::model::field::*;
use crate::model::limits::NumberKind;
use crate::ui::widgets::{Form, title, year_header};

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, p: &crate::model::CallProfile) {
    crate::ui::help::show(ui, p, crate::model::finding::Section::Strategy);
    let s = &mut d.strategy;
    title(ui, "Section 3 – Stratégie générale du cluster");
    form.multiline(
        ui,
        &FieldPath::strategy(StrategyField::GlobalStrategy),
        "Stratégie globale du cluster",
        &mut s.global_strategy,
    );
    title(ui, "Objectifs chiffrés sur cinq ans");
    egui::Grid::new("strategy.objectives")
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            year_header(ui, "Objectif");
            form.year_counts(
                ui,
                &FieldPath::strategy(StrategyField::RdProjects),
                "Projets de R&D (nombre)",
                &mut s.rd_projects,
            );
            ui.end_row();
            form.year_decimals(
                ui,
                &FieldPath::strategy(StrategyField::FundsRaised),
                "Financements levés (DHS)",
                &mut s.funds_raised,
                NumberKind::Amount,
            );
            ui.end_row();
            form.year_decimals(
                ui,
                &FieldPath::strategy(StrategyField::ExportShare),
                "Parts de marché à l'export (%)",
                &mut s.export_share,
                NumberKind::Percent,
            );
            ui.end_row();
        });
    form.multiline(
        ui,
        &FieldPath::strategy(StrategyField::ObjectivesComment),
        "Commentaire sur les objectifs (facultatif)",
        &mut s.objectives_comment,
    );
    form.multiline(
        ui,
        &FieldPath::strategy(StrategyField::TechnologiesMarkets),
        "Technologies et marchés visés",
        &mut s.technologies_markets,
    );
    form.multiline(
        ui,
        &FieldPath::strategy(StrategyField::NationalPositioning),
        "Positionnement concurrentiel national",
        &mut s.national_positioning,
    );
    form.multiline(
        ui,
        &FieldPath::strategy(StrategyField::InternationalPositioning),
        "Positionnement concurrentiel international",
        &mut s.international_positioning,
    );
    title(ui, "Évolution prévisionnelle");
    egui::Grid::new("strategy.forecasts")
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            year_header(ui, "Prévision");
            form.year_counts(
                ui,
                &FieldPath::strategy(StrategyField::ForecastMembers),
                "Nombre d'adhérents",
                &mut s.forecast_members,
            );
            ui.end_row();
            form.year_decimals(
                ui,
                &FieldPath::strategy(StrategyField::ForecastFeeRevenue),
                "Recettes de cotisation (DHS)",
                &mut s.forecast_fee_revenue,
                NumberKind::Amount,
            );
            ui.end_row();
        });
}
