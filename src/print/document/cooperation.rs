//! Section 4 – Partenariat et coopération, Section 5 – Création et
//! accompagnement des start-up.

use super::{Doc, RUBRIC, or_dash};
use crate::model::dossier::PartnershipScope;
use crate::print::layout::{Align, Row};

pub(super) fn cooperation(doc: &mut Doc) {
    let c = &doc.d.cooperation;
    doc.anchored(2, "Section 4 – Partenariat et coopération", "s4");
    doc.heading(3, "4.1 Projets de coopération et projets collaboratifs");
    doc.heading(RUBRIC, "Projets de coopération");
    if c.cooperation_projects.is_empty() {
        doc.para("Aucun projet de coopération.");
    }
    for (i, x) in c.cooperation_projects.iter().enumerate() {
        let title = project_title("Projet de coopération", i, &x.title, doc.blank);
        doc.heading(RUBRIC + 1, title);
        doc.key_values(vec![
            ("Nature", x.nature.clone()),
            ("Parties prenantes", x.stakeholders.clone()),
            ("Moyens mobilisés", x.means.clone()),
            ("Résultats attendus", x.expected_results.clone()),
        ]);
    }
    doc.heading(RUBRIC, "Projets collaboratifs");
    if c.collaborative_projects.is_empty() {
        doc.para("Aucun projet collaboratif.");
    }
    for (i, x) in c.collaborative_projects.iter().enumerate() {
        let title = project_title("Projet collaboratif", i, &x.title, doc.blank);
        doc.heading(RUBRIC + 1, title);
        doc.key_values(vec![
            ("Objectifs", x.objectives.clone()),
            ("Acteurs impliqués", x.actors.clone()),
            ("Résultats attendus", x.expected_results.clone()),
        ]);
    }
    doc.heading(3, "4.2 Partenariats");
    for scope in [PartnershipScope::National, PartnershipScope::International] {
        partnerships(doc, scope);
    }
}

fn partnerships(doc: &mut Doc, scope: PartnershipScope) {
    let national = scope == PartnershipScope::National;
    doc.heading(
        RUBRIC,
        if national {
            "Partenariats nationaux"
        } else {
            "Partenariats internationaux"
        },
    );
    let rows: Vec<Row> = doc
        .d
        .cooperation
        .partnerships
        .iter()
        .filter(|x| x.scope == scope)
        .map(|x| {
            Row::new(vec![
                doc.cell(&x.body),
                doc.fill(x.kind.label()),
                doc.cell(&x.country),
                doc.fill(x.status.label()),
                doc.cell(&x.purpose),
            ])
        })
        .collect();
    if rows.is_empty() {
        doc.para("Aucun partenariat déclaré.");
        return;
    }
    doc.table(
        &[
            ("Organisme", 0.24, Align::Left),
            ("Type", 0.16, Align::Left),
            ("Pays", 0.10, Align::Left),
            ("État", 0.10, Align::Left),
            ("Objet", 0.40, Align::Left),
        ],
        rows,
    );
}

pub(super) fn startups(doc: &mut Doc) {
    let s = &doc.d.startups;
    doc.anchored(
        2,
        "Section 5 – Création et accompagnement des start-up",
        "s5",
    );
    doc.text_section(
        "Stratégie de soutien à l'entrepreneuriat innovant",
        &s.strategy,
    );
    doc.heading(
        RUBRIC,
        "Processus de préparation à la création d'entreprise",
    );
    let rows = s
        .preparation
        .iter()
        .map(|x| {
            Row::new(vec![
                x.kind.label().into(),
                doc.cell(&x.description),
                doc.cell(&x.partners),
            ])
        })
        .collect();
    doc.table(
        &[
            ("Étape", 0.20, Align::Left),
            ("Description", 0.55, Align::Left),
            ("Partenaires", 0.25, Align::Left),
        ],
        rows,
    );
    doc.heading(
        RUBRIC,
        "Accompagnement post-création : services par type de soutien",
    );
    let rows = s
        .post_creation
        .iter()
        .map(|x| Row::new(vec![x.support_type.label().into(), doc.cell(&x.services)]))
        .collect();
    doc.table(
        &[
            ("Type de soutien", 0.25, Align::Left),
            ("Services offerts", 0.75, Align::Left),
        ],
        rows,
    );
}

/// « Projet collaboratif 2 : Titre », with a line to write the title on a
/// blank form.
fn project_title(kind: &str, i: usize, title: &str, blank: bool) -> String {
    if blank {
        format!("{kind} {} : ______________________________", i + 1)
    } else {
        format!("{kind} {} : {}", i + 1, or_dash(title))
    }
}
