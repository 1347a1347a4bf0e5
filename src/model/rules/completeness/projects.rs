//! Sections 3 to 5: strategy, cooperation and projects, start-ups.

use crate::model::dossier::{Dossier, PartnershipScope};
use crate::model::finding::{Finding, Section};

use super::{Collector, row_name};

pub(super) fn strategy(c: &mut Collector, d: &Dossier) {
    let s = Section::Strategy;
    let st = &d.strategy;
    c.text(
        s,
        "strategy.global_strategy",
        &st.global_strategy,
        "Stratégie globale du cluster",
    );
    c.years(
        s,
        "strategy.rd_projects",
        &st.rd_projects,
        "Objectifs chiffrés, projets de R&D",
    );
    c.years(
        s,
        "strategy.funds_raised",
        &st.funds_raised,
        "Objectifs chiffrés, financements levés",
    );
    c.years(
        s,
        "strategy.export_share",
        &st.export_share,
        "Objectifs chiffrés, parts de marché à l'export",
    );
    c.text(
        s,
        "strategy.technologies_markets",
        &st.technologies_markets,
        "Technologies et marchés visés",
    );
    c.text(
        s,
        "strategy.national_positioning",
        &st.national_positioning,
        "Positionnement concurrentiel national",
    );
    c.text(
        s,
        "strategy.international_positioning",
        &st.international_positioning,
        "Positionnement concurrentiel international",
    );
    c.years(
        s,
        "strategy.forecast_members",
        &st.forecast_members,
        "Évolution prévisionnelle du nombre d'adhérents",
    );
    c.years(
        s,
        "strategy.forecast_fee_revenue",
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
            "cooperation.cooperation_projects",
            "Projets de coopération : aucun projet saisi",
        ));
    }
    for (i, p) in co.cooperation_projects.iter().enumerate() {
        let f = |n: &str| format!("cooperation.cooperation_projects[{i}].{n}");
        let who = row_name("Projet de coopération", i, &p.title);
        c.text(
            s,
            &f("title"),
            &p.title,
            &format!("Projet de coopération n° {}, intitulé", i + 1),
        );
        c.text(s, &f("nature"), &p.nature, &format!("{who}, nature"));
        c.text(
            s,
            &f("stakeholders"),
            &p.stakeholders,
            &format!("{who}, parties prenantes"),
        );
        c.text(
            s,
            &f("means"),
            &p.means,
            &format!("{who}, moyens mobilisés"),
        );
        c.text(
            s,
            &f("expected_results"),
            &p.expected_results,
            &format!("{who}, résultats attendus"),
        );
    }
    if co.collaborative_projects.is_empty() {
        c.out.push(Finding::blocking(
            s,
            "cooperation.collaborative_projects",
            "Projets collaboratifs : aucun projet saisi",
        ));
    }
    for (i, p) in co.collaborative_projects.iter().enumerate() {
        let f = |n: &str| format!("cooperation.collaborative_projects[{i}].{n}");
        let who = row_name("Projet collaboratif", i, &p.title);
        c.text(
            s,
            &f("title"),
            &p.title,
            &format!("Projet collaboratif n° {}, intitulé", i + 1),
        );
        c.text(
            s,
            &f("objectives"),
            &p.objectives,
            &format!("{who}, objectifs"),
        );
        c.text(
            s,
            &f("actors"),
            &p.actors,
            &format!("{who}, acteurs impliqués"),
        );
        c.text(
            s,
            &f("expected_results"),
            &p.expected_results,
            &format!("{who}, résultats attendus"),
        );
    }
    for scope in [PartnershipScope::National, PartnershipScope::International] {
        if !co.partnerships.iter().any(|p| p.scope == scope) {
            c.out.push(Finding::warning(
                s,
                "cooperation.partnerships",
                format!(
                    "Partenariats : aucun partenariat {} décrit",
                    scope.label().to_lowercase()
                ),
            ));
        }
    }
    for (i, p) in co.partnerships.iter().enumerate() {
        let f = |n: &str| format!("cooperation.partnerships[{i}].{n}");
        let who = row_name("Partenariat", i, &p.body);
        c.text(
            s,
            &f("body"),
            &p.body,
            &format!("Partenariat n° {}, organisme", i + 1),
        );
        c.text(s, &f("purpose"), &p.purpose, &format!("{who}, objet"));
        if p.scope == PartnershipScope::International {
            c.text(s, &f("country"), &p.country, &format!("{who}, pays"));
        }
    }
}

pub(super) fn startups(c: &mut Collector, d: &Dossier) {
    let s = Section::Startups;
    let st = &d.startups;
    c.text(
        s,
        "startups.strategy",
        &st.strategy,
        "Stratégie de soutien à l'entrepreneuriat innovant",
    );
    if st.preparation.is_empty() {
        c.out.push(Finding::blocking(
            s,
            "startups.preparation",
            "Processus de préparation à la création d'entreprise : aucune étape saisie",
        ));
    }
    for (i, p) in st.preparation.iter().enumerate() {
        c.text(
            s,
            &format!("startups.preparation[{i}].description"),
            &p.description,
            &format!(
                "Préparation, étape n° {} ({}), description",
                i + 1,
                p.kind.label()
            ),
        );
    }
    if st.post_creation.is_empty() {
        c.out.push(Finding::blocking(
            s,
            "startups.post_creation",
            "Accompagnement post-création : aucun service saisi",
        ));
    }
    for (i, p) in st.post_creation.iter().enumerate() {
        c.text(
            s,
            &format!("startups.post_creation[{i}].services"),
            &p.services,
            &format!(
                "Post-création, soutien n° {} ({}), services offerts",
                i + 1,
                p.support_type.label()
            ),
        );
    }
}
