//! Section 3 – Stratégie générale du cluster.

use super::{Doc, as_columns, year_columns};
use crate::model::money::{format_number, format_typed};

pub(super) fn strategy(doc: &mut Doc) {
    let s = &doc.d.strategy;
    doc.anchored(2, "Section 3 – Stratégie générale du cluster", "s3");
    doc.heading(
        3,
        "3.1 Description générale de la stratégie et de ses objectifs",
    );
    doc.text_section("Stratégie globale du cluster", &s.global_strategy);
    doc.heading(super::RUBRIC, "Objectifs chiffrés sur cinq ans");
    let rows = vec![
        doc.five_year_row("Projets de R&D (nombre)", &s.rd_projects, |v| v.to_string()),
        doc.five_year_row("Financements levés (DH)", &s.funds_raised, |v| {
            format_number(*v, 2)
        }),
        doc.five_year_row("Parts de marché à l'export (%)", &s.export_share, |v| {
            format_typed(*v)
        }),
    ];
    doc.table(&as_columns(&year_columns("Objectif", 0.35)), rows);
    if !s.objectives_comment.trim().is_empty() {
        doc.para(s.objectives_comment.clone());
    }
    doc.text_section("Technologies et marchés visés", &s.technologies_markets);
    doc.text_section(
        "Positionnement concurrentiel national",
        &s.national_positioning,
    );
    doc.text_section(
        "Positionnement concurrentiel international",
        &s.international_positioning,
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
            "Recettes de cotisation (DH)",
            &s.forecast_fee_revenue,
            |v| format_number(*v, 2),
        ),
    ];
    doc.table(&as_columns(&year_columns("Prévision", 0.35)), rows);
}
