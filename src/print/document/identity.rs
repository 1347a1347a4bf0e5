//! Partie 2's opening and Section 1.1 – Description générale.

use super::cover::address_line;
use super::{Doc, RUBRIC, joined, or_dash, title_for};
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
        "name",
        "acronym",
        "legal_form",
        "creation_date",
        "address",
        "sector",
    ]
    .into_iter()
    .enumerate()
    {
        doc.source(Part::Pair(k), format!("identity.{field}"));
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
    for (title, text) in [
        (
            "Secteur et thématiques : activités principales",
            &id.activities,
        ),
        ("Importance sectorielle", &id.sector_importance),
        ("Justification stratégique", &id.strategic_justification),
        ("Territoire : noyau central", &id.core_territory),
        ("Territoire : agglomération productive", &id.productive_area),
        ("Historique : genèse du cluster", &id.genesis),
        (
            "Historique : ancrage territorial",
            &id.territorial_anchoring,
        ),
        (
            "Historique : initiatives communes déjà engagées",
            &id.joint_initiatives,
        ),
    ] {
        doc.text_section(title, text);
        if let Some(path) = text_path(id, text) {
            doc.source(Part::Whole, path);
        }
    }
}

/// The wizard's path of one of the identity's free texts.
fn text_path(id: &crate::model::dossier::Identity, text: &String) -> Option<&'static str> {
    [
        (&id.activities, "identity.activities"),
        (&id.sector_importance, "identity.sector_importance"),
        (
            &id.strategic_justification,
            "identity.strategic_justification",
        ),
        (&id.core_territory, "identity.core_territory"),
        (&id.productive_area, "identity.productive_area"),
        (&id.genesis, "identity.genesis"),
        (&id.territorial_anchoring, "identity.territorial_anchoring"),
        (&id.joint_initiatives, "identity.joint_initiatives"),
    ]
    .into_iter()
    .find(|(t, _)| std::ptr::eq(*t, text))
    .map(|(_, p)| p)
}

/// The person table's cells and the fields they print (the same rows
/// [`person_rows`] keeps).
fn person_sources(doc: &mut Doc) {
    let (id, blank) = (&doc.d.identity, doc.blank);
    let shown: Vec<&str> = ["president", "vice_president", "treasurer", "director"]
        .into_iter()
        .filter(|f| *f != "director" || !id.director.is_empty() || blank)
        .collect();
    for (r, field) in shown.into_iter().enumerate() {
        let p = format!("identity.{field}");
        for (c, sub) in [(0, "name"), (1, "name"), (2, "organisation"), (3, "phone")] {
            doc.table_source(Part::Cell(r, c), format!("{p}.{sub}"));
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
