//! Section 4 – Partenariat et coopération, Section 5 – Création et
//! accompagnement des start-up.

use super::rubrics::set;
use super::{Doc, RUBRIC, or_dash};
use crate::model::dossier::PartnershipScope;
use crate::model::field::{
    CooperationField, FieldPath, PartnershipField, ProjectField, StartupsField, StepField,
};
use crate::model::rubric;
use crate::print::layout::{Align, Part, Row};

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
        let row = FieldPath::cooperation(CooperationField::CooperationProjects).row(i);
        doc.source(Part::Whole, row.clone().field(ProjectField::Title));
        set(doc, &row, x, rubric::COOPERATION_PROJECT, &|_| None);
    }
    doc.heading(RUBRIC, "Projets collaboratifs");
    if c.collaborative_projects.is_empty() {
        doc.para("Aucun projet collaboratif.");
    }
    for (i, x) in c.collaborative_projects.iter().enumerate() {
        let title = project_title("Projet collaboratif", i, &x.title, doc.blank);
        doc.heading(RUBRIC + 1, title);
        let row = FieldPath::cooperation(CooperationField::CollaborativeProjects).row(i);
        doc.source(Part::Whole, row.clone().field(ProjectField::Title));
        set(doc, &row, x, rubric::COLLABORATIVE_PROJECT, &|_| None);
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
    let shown: Vec<usize> = doc
        .d
        .cooperation
        .partnerships
        .iter()
        .enumerate()
        .filter(|(_, x)| x.scope == scope)
        .map(|(i, _)| i)
        .collect();
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
    for (r, i) in shown.into_iter().enumerate() {
        let row = FieldPath::cooperation(CooperationField::Partnerships).row(i);
        for (c, field) in [
            PartnershipField::Body,
            PartnershipField::Kind,
            PartnershipField::Country,
            PartnershipField::Status,
            PartnershipField::Purpose,
        ]
        .into_iter()
        .enumerate()
        {
            doc.table_source(Part::Cell(r, c), row.clone().field(field));
        }
    }
}

/// The last key-value block's pairs and the fields of `row` they print.
pub(super) fn startups(doc: &mut Doc) {
    let s = &doc.d.startups;
    doc.anchored(
        2,
        "Section 5 – Création et accompagnement des start-up",
        "s5",
    );
    set(doc, &rubric::startups_base(), s, rubric::STARTUPS, &|_| {
        None
    });
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
    step_sources(
        doc,
        StartupsField::Preparation,
        &[StepField::Kind, StepField::Description, StepField::Partners],
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
    step_sources(
        doc,
        StartupsField::PostCreation,
        &[StepField::SupportType, StepField::Services],
    );
}

/// The last table's rows, one per row of `list`, one field per column.
fn step_sources(doc: &mut Doc, list: StartupsField, fields: &[StepField]) {
    let n = match list {
        StartupsField::Preparation => doc.d.startups.preparation.len(),
        StartupsField::PostCreation => doc.d.startups.post_creation.len(),
        StartupsField::Strategy => 0,
    };
    for r in 0..n {
        let row = FieldPath::startups(list).row(r);
        for (c, field) in fields.iter().enumerate() {
            doc.table_source(Part::Cell(r, c), row.clone().field(*field));
        }
    }
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
