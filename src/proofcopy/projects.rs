//! Section 3 – Stratégie générale du cluster, Section 4 – Partenariat et
//! coopération, Section 5 – Création et accompagnement des start-up.

use super::TO_WRITE;
use super::identity::{typed, value};
use super::outline::{Outline, row};
use super::rubrics;
use crate::model::dossier::PartnershipScope;
use crate::model::field::{CooperationField, FieldPath};
use crate::model::rubric;

pub(super) fn strategy(o: &mut Outline) {
    let s = &o.d.strategy;
    o.heading(1, "Section 3 – Stratégie générale du cluster");
    o.heading(
        2,
        "3.1 Description générale de la stratégie et de ses objectifs",
    );
    let base = rubric::strategy_base();
    rubrics::set(o, 3, &base, s, rubric::STRATEGY, &|_| None);
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
        let row = FieldPath::cooperation(CooperationField::CooperationProjects).row(i);
        rubrics::set(o, 5, &row, x, rubric::COOPERATION_PROJECT, &|_| None);
    }
    o.heading(3, "Projets collaboratifs");
    if c.collaborative_projects.is_empty() {
        o.missing("aucun projet collaboratif");
    }
    for (i, x) in c.collaborative_projects.iter().enumerate() {
        o.heading(4, project_title("Projet collaboratif", i, &x.title));
        let row = FieldPath::cooperation(CooperationField::CollaborativeProjects).row(i);
        rubrics::set(o, 5, &row, x, rubric::COLLABORATIVE_PROJECT, &|_| None);
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
    rubrics::set(o, 2, &rubric::startups_base(), s, rubric::STARTUPS, &|_| {
        None
    });
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
