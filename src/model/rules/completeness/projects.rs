//! Sections 3 to 5: strategy, cooperation and projects, start-ups.

use crate::model::dossier::{Dossier, PartnershipScope};
use crate::model::field::*;
use crate::model::finding::{Finding, Section};
use crate::model::rubric;

use super::{Collector, row_name};

pub(super) fn strategy(c: &mut Collector, d: &Dossier) {
    let base = rubric::strategy_base();
    c.rubrics(
        Section::Strategy,
        &base,
        &d.strategy,
        rubric::STRATEGY,
        None,
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
        let row = FieldPath::cooperation(CooperationField::CooperationProjects).row(i);
        let who = row_name("Projet de coopération", i, &p.title);
        c.rubrics(s, &row, p, rubric::COOPERATION_PROJECT, Some(&who));
    }
    if co.collaborative_projects.is_empty() {
        c.out.push(Finding::blocking(
            s,
            FieldPath::cooperation(CooperationField::CollaborativeProjects),
            "Projets collaboratifs : aucun projet saisi",
        ));
    }
    for (i, p) in co.collaborative_projects.iter().enumerate() {
        let row = FieldPath::cooperation(CooperationField::CollaborativeProjects).row(i);
        let who = row_name("Projet collaboratif", i, &p.title);
        c.rubrics(s, &row, p, rubric::COLLABORATIVE_PROJECT, Some(&who));
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
    c.rubrics(s, &rubric::startups_base(), st, rubric::STARTUPS, None);
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
