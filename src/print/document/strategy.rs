//! Section 3 – Stratégie générale du cluster.

use super::{Doc, as_columns, year_columns};
use crate::model::field::{FieldPath, StrategyField};
use crate::model::money::{format_number, format_typed};
use crate::print::layout::Part;

pub(super) fn strategy(doc: &mut Doc) {
    let s = &doc.d.strategy;
    doc.anchored(2, "Section 3 – Stratégie générale du cluster", "s3");
    doc.heading(
        3,
        "3.1 Description générale de la stratégie et de ses objectifs",
    );
    text(
        doc,
        "Stratégie globale du cluster",
        &s.global_strategy,
        StrategyField::GlobalStrategy,
    );
    doc.heading(super::RUBRIC, "Objectifs chiffrés sur cinq ans");
    let rows = vec![
        doc.five_year_row("Projets de R&D (nombre)", &s.rd_projects, |v| v.to_string()),
        doc.five_year_row("Financements levés (DHS)", &s.funds_raised, |v| {
            format_number(*v, 2)
        }),
        doc.five_year_row("Parts de marché à l'export (%)", &s.export_share, |v| {
            format_typed(*v)
        }),
    ];
    doc.table(&as_columns(&year_columns("Objectif", 0.35)), rows);
    year_sources(
        doc,
        &[
            StrategyField::RdProjects,
            StrategyField::FundsRaised,
            StrategyField::ExportShare,
        ],
    );
    if !s.objectives_comment.trim().is_empty() {
        doc.para(s.objectives_comment.clone());
        doc.source(
            Part::Whole,
            FieldPath::strategy(StrategyField::ObjectivesComment),
        );
    }
    text(
        doc,
        "Technologies et marchés visés",
        &s.technologies_markets,
        StrategyField::TechnologiesMarkets,
    );
    text(
        doc,
        "Positionnement concurrentiel national",
        &s.national_positioning,
        StrategyField::NationalPositioning,
    );
    text(
        doc,
        "Positionnement concurrentiel international",
        &s.international_positioning,
        StrategyField::InternationalPositioning,
    );
    doc.heading(
        super::RUBRIC,
        "Évolution prévisionnelle des adhérents et des recettes de cotisation",
    );
    let rows = vec![
        doc.five_year_row("Nombre d'adhérents", &s.forecast_members, |v| {
            v.to_string()
        }),
        doc.five_year_row(
            "Recettes de cotisation (DHS)",
            &s.forecast_fee_revenue,
            |v| format_number(*v, 2),
        ),
    ];
    doc.table(&as_columns(&year_columns("Prévision", 0.35)), rows);
    year_sources(
        doc,
        &[
            StrategyField::ForecastMembers,
            StrategyField::ForecastFeeRevenue,
        ],
    );
}

/// A titled free text and its field.
fn text(doc: &mut Doc, title: &str, value: &str, field: StrategyField) {
    doc.text_section(title, value);
    doc.source(Part::Whole, FieldPath::strategy(field));
}

/// The last five-year table's rows, one field per row, one cell per year.
fn year_sources(doc: &mut Doc, fields: &[StrategyField]) {
    for (r, field) in fields.iter().enumerate() {
        doc.table_source(Part::Row(r), FieldPath::strategy(*field));
        for y in 0..5 {
            doc.table_source(Part::Cell(r, y + 1), FieldPath::strategy(*field).year(y));
        }
    }
}
