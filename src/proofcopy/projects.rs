//! Section 3 – Stratégie générale du cluster, Section 4 – Partenariat et
//! coopération, Section 5 – Création et accompagnement des start-up.

use super::TO_WRITE;
use super::identity::{typed, value};
use super::outline::{Outline, as_columns, row, year_columns};
use crate::model::dossier::PartnershipScope;
use crate::model::field::{FieldPath, StrategyField};
use crate::model::money::{format_amount, format_typed};

pub(super) fn strategy(o: &mut Outline) {
    let s = &o.d.strategy;
    o.heading(1, "Section 3 – Stratégie générale du cluster");
    o.heading(
        2,
        "3.1 Description générale de la stratégie et de ses objectifs",
    );
    o.rubric(3, "Stratégie globale du cluster", &s.global_strategy);
    o.heading(3, "Objectifs chiffrés sur cinq ans");
    let path = FieldPath::strategy;
    let rows = vec![
        o.years(
            "Projets de R&D (nombre)",
            path(StrategyField::RdProjects),
            &s.rd_projects,
            |v| v.to_string(),
        ),
        o.years(
            "Financements levés (DHS)",
            path(StrategyField::FundsRaised),
            &s.funds_raised,
            |v| format_amount(*v),
        ),
        o.years(
            "Parts de marché à l'export (%)",
            path(StrategyField::ExportShare),
            &s.export_share,
            |v| format_typed(*v),
        ),
    ];
    o.table(&as_columns(&year_columns("Objectif")), rows);
    // An optional comment under the figures, as the printed dossier has it.
    if !super::text::is_blank(&s.objectives_comment) {
        o.text(&s.objectives_comment);
    }
    o.rubric(3, "Technologies et marchés visés", &s.technologies_markets);
    o.rubric(
        3,
        "Positionnement concurrentiel national",
        &s.national_positioning,
    );
    o.rubric(
        3,
        "Positionnement concurrentiel international",
        &s.international_positioning,
    );
    o.heading(
        3,
        "Évolution prévisionnelle des adhérents et des recettes de cotisation",
    );
    let rows = vec![
        o.years(
            "Nombre d'adhérents",
            path(StrategyField::ForecastMembers),
            &s.forecast_members,
            |v| v.to_string(),
        ),
        o.years(
            "Recettes de cotisation (DHS)",
            path(StrategyField::ForecastFeeRevenue),
            &s.forecast_fee_revenue,
            |v| format_amount(*v),
        ),
    ];
    o.table(&as_columns(&year_columns("Prévision")), rows);
}

pub(super) fn cooperation(o: &mut Outline) {
    let c = &o.d.cooperation;
    o.heading(1, "Section 4 – Partenariat et coopération");
    o.heading(2, "4.1 Projets de coopération et projets collaboratifs");
    o.heading(3, "Projets de coopération");
    if c.cooperation_projects.is_empty() {
        o.missing("aucun projet de coopération");
    }
    for (i, x) in c.cooperation_projects.iter().enumerate() {
        o.heading(4, project_title("Projet de coopération", i, &x.title));
        o.labelled("Nature", &x.nature);
        o.labelled("Parties prenantes", &x.stakeholders);
        o.labelled("Moyens mobilisés", &x.means);
        o.labelled("Résultats attendus", &x.expected_results);
    }
    o.heading(3, "Projets collaboratifs");
    if c.collaborative_projects.is_empty() {
        o.missing("aucun projet collaboratif");
    }
    for (i, x) in c.collaborative_projects.iter().enumerate() {
        o.heading(4, project_title("Projet collaboratif", i, &x.title));
        o.labelled("Objectifs", &x.objectives);
        o.labelled("Acteurs impliqués", &x.actors);
        o.labelled("Résultats attendus", &x.expected_results);
    }
    o.heading(2, "4.2 Partenariats");
    for scope in [PartnershipScope::National, PartnershipScope::International] {
        partnerships(o, scope);
    }
}

fn partnerships(o: &mut Outline, scope: PartnershipScope) {
    let national = scope == PartnershipScope::National;
    o.heading(
        3,
        if national {
            "Partenariats nationaux"
        } else {
            "Partenariats internationaux"
        },
    );
    let rows: Vec<_> =
        o.d.cooperation
            .partnerships
            .iter()
            .filter(|x| x.scope == scope)
            .map(|x| {
                row(vec![
                    typed(&x.body),
                    value(x.kind.label()),
                    typed(&x.country),
                    value(x.status.label()),
                    typed(&x.purpose),
                ])
            })
            .collect();
    if rows.is_empty() {
        o.missing(if national {
            "aucun partenariat national"
        } else {
            "aucun partenariat international"
        });
        return;
    }
    o.table(
        &[
            ("Organisme", 22, false),
            ("Type", 16, false),
            ("Pays", 14, false),
            ("État", 12, false),
            ("Objet", 36, false),
        ],
        rows,
    );
}

pub(super) fn startups(o: &mut Outline) {
    let s = &o.d.startups;
    o.heading(1, "Section 5 – Création et accompagnement des start-up");
    o.rubric(
        2,
        "Stratégie de soutien à l'entrepreneuriat innovant",
        &s.strategy,
    );
    o.heading(2, "Processus de préparation à la création d'entreprise");
    if s.preparation.is_empty() {
        o.missing("aucune étape de préparation");
    } else {
        let rows = s
            .preparation
            .iter()
            .map(|x| {
                row(vec![
                    value(x.kind.label()),
                    typed(&x.description),
                    typed(&x.partners),
                ])
            })
            .collect();
        o.table(
            &[
                ("Étape", 20, false),
                ("Description", 55, false),
                ("Partenaires", 25, false),
            ],
            rows,
        );
    }
    o.heading(
        2,
        "Accompagnement post-création : services par type de soutien",
    );
    if s.post_creation.is_empty() {
        o.missing("aucun service d'accompagnement");
    } else {
        let rows = s
            .post_creation
            .iter()
            .map(|x| row(vec![value(x.support_type.label()), typed(&x.services)]))
            .collect();
        o.table(
            &[
                ("Type de soutien", 25, false),
                ("Services offerts", 75, false),
            ],
            rows,
        );
    }
}

/// « Projet collaboratif 2 : Titre », the placeholder for a blank title.
pub(super) fn project_title(kind: &str, i: usize, title: &str) -> String {
    let title = title.trim();
    format!(
        "{kind} {} : {}",
        i + 1,
        if title.is_empty() { TO_WRITE } else { title }
    )
}
