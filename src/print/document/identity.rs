//! Partie 2's opening and Section 1.1 – Description générale.

use super::cover::address_line;
use super::{Doc, RUBRIC, joined, or_dash, title_for};
use crate::model::field::{FieldPath, IdentityField, PersonField};
use crate::print::layout::{Align, Block, Part, Row};

pub(super) fn partie2(doc: &mut Doc) {
    let id = &doc.d.identity;
    doc.push(Block::PageBreak);
    doc.anchored(1, "Partie 2 – Dossier technique", "p2");
    doc.para("Dossier technique établi selon le cahier des charges de l'appel à projets, signé et cacheté par le Président du cluster sur toutes les pages.");
    doc.anchored(2, "Section 1 – Carte d'identité du cluster", "s1");
    doc.heading(3, "1.1 Description générale");
    let created = doc.date(id.creation_date);
    doc.key_values(vec![
        ("Dénomination", id.name.clone()),
        ("Sigle", id.acronym.clone()),
        ("Forme juridique", id.legal_form.clone()),
        ("Date de création", created),
        ("Siège", address_line(id)),
        ("Secteur", id.sector.clone()),
    ]);
    for (k, field) in [
        IdentityField::Name,
        IdentityField::Acronym,
        IdentityField::LegalForm,
        IdentityField::CreationDate,
        IdentityField::Address,
        IdentityField::Sector,
    ]
    .into_iter()
    .enumerate()
    {
        doc.source(Part::Pair(k), FieldPath::identity(field));
    }
    doc.heading(RUBRIC, "Gouvernance et contacts");
    let rows = person_rows(doc);
    doc.table(
        &[
            ("Fonction", 0.16, Align::Left),
            ("Nom", 0.22, Align::Left),
            ("Organisme et fonction", 0.34, Align::Left),
            ("Téléphone et e-mail", 0.28, Align::Left),
        ],
        rows,
    );
    person_sources(doc);
    for (title, text, field) in [
        (
            "Secteur et thématiques : activités principales",
            &id.activities,
            IdentityField::Activities,
        ),
        (
            "Importance sectorielle",
            &id.sector_importance,
            IdentityField::SectorImportance,
        ),
        (
            "Justification stratégique",
            &id.strategic_justification,
            IdentityField::StrategicJustification,
        ),
        (
            "Territoire : noyau central",
            &id.core_territory,
            IdentityField::CoreTerritory,
        ),
        (
            "Territoire : agglomération productive",
            &id.productive_area,
            IdentityField::ProductiveArea,
        ),
        (
            "Historique : genèse du cluster",
            &id.genesis,
            IdentityField::Genesis,
        ),
        (
            "Historique : ancrage territorial",
            &id.territorial_anchoring,
            IdentityField::TerritorialAnchoring,
        ),
        (
            "Historique : initiatives communes déjà engagées",
            &id.joint_initiatives,
            IdentityField::JointInitiatives,
        ),
    ] {
        doc.text_section(title, text);
        doc.source(Part::Whole, FieldPath::identity(field));
    }
}

/// The person table's cells and the fields they print (the same rows
/// [`person_rows`] keeps).
fn person_sources(doc: &mut Doc) {
    let (id, blank) = (&doc.d.identity, doc.blank);
    let shown: Vec<IdentityField> = [
        IdentityField::President,
        IdentityField::VicePresident,
        IdentityField::Treasurer,
        IdentityField::Director,
    ]
    .into_iter()
    .filter(|f| *f != IdentityField::Director || !id.director.is_empty() || blank)
    .collect();
    for (r, field) in shown.into_iter().enumerate() {
        for (c, sub) in [
            (0, PersonField::Name),
            (1, PersonField::Name),
            (2, PersonField::Organisation),
            (3, PersonField::Phone),
        ] {
            doc.table_source(Part::Cell(r, c), FieldPath::identity(field).field(sub));
        }
    }
}

fn person_rows(doc: &Doc) -> Vec<Row> {
    let id = &doc.d.identity;
    [
        ("Président", &id.president),
        ("Vice-président", &id.vice_president),
        ("Trésorier", &id.treasurer),
        ("Directeur", &id.director),
    ]
    .into_iter()
    .filter(|(role, p)| *role != "Directeur" || !p.is_empty() || doc.blank)
    .map(|(role, p)| {
        Row::new(vec![
            if doc.blank {
                role.to_string()
            } else {
                title_for(role, p.civility)
            },
            doc.cell(&p.name),
            doc.fill(joined(&[&p.organisation, &p.function], " — ")),
            doc.fill(format!("{}\n{}", or_dash(&p.phone), or_dash(&p.email))),
        ])
    })
    .collect()
}
