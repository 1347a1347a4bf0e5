//! Sections 3 to 5: strategy, cooperation and projects, start-ups.

use crate::model::dossier::{Dossier, PartnershipScope};
use crate::model::field::*;
use crate::model::finding::{Finding, Section};

use super::{Collector, row_name};

pub(super) fn strategy(c: &mut Collector, d: &Dossier) {
    let s = Section::Strategy;
    let st = &d.strategy;
    c.text(
        s,
        FieldPath::strategy(StrategyField::GlobalStrategy),
        &st.global_strategy,
        "Stratégie globale du cluster",
    );
    c.years(
        s,
        FieldPath::strategy(StrategyField::RdProjects),
        &st.rd_projects,
        "Objectifs chiffrés, projets de R&D",
    );
    c.years(
        s,
        FieldPath::strategy(StrategyField::FundsRaised),
        &st.funds_raised,
        "Objectifs chiffrés, financements levés",
    );
    c.years(
        s,
        FieldPath::strategy(StrategyField::ExportShare),
        &st.export_share,
        "Objectifs chiffrés, parts de marché à l'export",
    );
    c.text(
        s,
        FieldPath::strategy(StrategyField::TechnologiesMarkets),
        &st.technologies_markets,
        "Technologies et marchés visés",
    );
    c.text(
        s,
        FieldPath::strategy(StrategyField::NationalPositioning),
        &st.national_positioning,
        "Positionnement concurrentiel national",
    );
    c.text(
        s,
        FieldPath::strategy(StrategyField::InternationalPositioning),
        &st.international_positioning,
        "Positionnement concurrentiel international",
    );
    c.years(
        s,
        FieldPath::strategy(StrategyField::ForecastMembers),
        &st.forecast_members,
        "Évolution prévisionnelle du nombre d'adhérents",
    );
    c.years(
        s,
        FieldPath::strategy(StrategyField::ForecastFeeRevenue),
        &st.forecast_fee_revenue,
        "Évolution prévisionnelle des recettes de cotisation",
    );
}

pub(super) fn cooperation(c: &mut Collector, d: &Dossier) {
    let s = Section::Cooperation;
    let co = &d.cooperation;
    if co.cooperation_projects.is_empty() {
        c.out.push(Finding::blocking(
            s,
            FieldPath::cooperation(CooperationField::CooperationProjects),
            "Projets de coopération : aucun projet saisi",
        ));
    }
    for (i, p) in co.cooperation_projects.iter().enumerate() {
        let f = |n: ProjectField| {
            FieldPath::cooperation(CooperationField::CooperationProjects)
                .row(i)
                .field(n)
        };
        let who = row_name("Projet de coopération", i, &p.title);
        c.text(
            s,
            f(ProjectField::Title),
            &p.title,
            &format!("Projet de coopération n° {}, intitulé", nth(i)),
        );
        c.text(
            s,
            f(ProjectField::Nature),
            &p.nature,
            &format!("{who}, nature"),
        );
        c.text(
            s,
            f(ProjectField::Stakeholders),
            &p.stakeholders,
            &format!("{who}, parties prenantes"),
        );
        c.text(
            s,
            f(ProjectField::Means),
            &p.means,
            &format!("{who}, moyens mobilisés"),
        );
        c.text(
            s,
            f(ProjectField::ExpectedResults),
            &p.expected_results,
            &format!("{who}, résultats attendus"),
        );
    }
    if co.collaborative_projects.is_empty() {
        c.out.push(Finding::blocking(
            s,
            FieldPath::cooperation(CooperationField::CollaborativeProjects),
            "Projets collaboratifs : aucun projet saisi",
        ));
    }
    for (i, p) in co.collaborative_projects.iter().enumerate() {
        let f = |n: ProjectField| {
            FieldPath::cooperation(CooperationField::CollaborativeProjects)
                .row(i)
                .field(n)
        };
        let who = row_name("Projet collaboratif", i, &p.title);
        c.text(
            s,
            f(ProjectField::Title),
            &p.title,
            &format!("Projet collaboratif n° {}, intitulé", nth(i)),
        );
        c.text(
            s,
            f(ProjectField::Objectives),
            &p.objectives,
            &format!("{who}, objectifs"),
        );
        c.text(
            s,
            f(ProjectField::Actors),
            &p.actors,
            &format!("{who}, acteurs impliqués"),
        );
        c.text(
            s,
            f(ProjectField::ExpectedResults),
            &p.expected_results,
            &format!("{who}, résultats attendus"),
        );
    }
    for scope in [PartnershipScope::National, PartnershipScope::International] {
        if !co.partnerships.iter().any(|p| p.scope == scope) {
            c.out.push(Finding::warning(
                s,
                FieldPath::cooperation(CooperationField::Partnerships),
                format!(
                    "Partenariats : aucun partenariat {} décrit",
                    scope.label().to_lowercase()
                ),
            ));
        }
    }
    for (i, p) in co.partnerships.iter().enumerate() {
        let f = |n: PartnershipField| {
            FieldPath::cooperation(CooperationField::Partnerships)
                .row(i)
                .field(n)
        };
        let who = row_name("Partenariat", i, &p.body);
        c.text(
            s,
            f(PartnershipField::Body),
            &p.body,
            &format!("Partenariat n° {}, organisme", nth(i)),
        );
        c.text(
            s,
            f(PartnershipField::Purpose),
            &p.purpose,
            &format!("{who}, objet"),
        );
        if p.scope == PartnershipScope::International {
            c.text(
                s,
                f(PartnershipField::Country),
                &p.country,
                &format!("{who}, pays"),
            );
        }
    }
}

pub(super) fn startups(c: &mut Collector, d: &Dossier) {
    let s = Section::Startups;
    let st = &d.startups;
    c.text(
        s,
        FieldPath::startups(StartupsField::Strategy),
        &st.strategy,
        "Stratégie de soutien à l'entrepreneuriat innovant",
    );
    if st.preparation.is_empty() {
        c.out.push(Finding::blocking(
            s,
            FieldPath::startups(StartupsField::Preparation),
            "Processus de préparation à la création d'entreprise : aucune étape saisie",
        ));
    }
    for (i, p) in st.preparation.iter().enumerate() {
        c.text(
            s,
            FieldPath::startups(StartupsField::Preparation)
                .row(i)
                .field(StepField::Description),
            &p.description,
            &format!(
                "Préparation, étape n° {} ({}), description",
                nth(i),
                p.kind.label()
            ),
        );
    }
    if st.post_creation.is_empty() {
        c.out.push(Finding::blocking(
            s,
            FieldPath::startups(StartupsField::PostCreation),
            "Accompagnement post-création : aucun service saisi",
        ));
    }
    for (i, p) in st.post_creation.iter().enumerate() {
        c.text(
            s,
            FieldPath::startups(StartupsField::PostCreation)
                .row(i)
                .field(StepField::Services),
            &p.services,
            &format!(
                "Post-création, soutien n° {} ({}), services offerts",
                nth(i),
                p.support_type.label()
            ),
        );
    }
}
