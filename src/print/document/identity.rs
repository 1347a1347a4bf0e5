//! Partie 2's opening and Section 1.1 – Description générale.

use super::cover::address_line;
use super::rubrics::{BespokePair, set};
use super::{Doc, RUBRIC, joined, or_dash, title_for};
use crate::model::field::{FieldPath, IdentityField, PersonField};
use crate::model::rubric;
use crate::print::layout::{Align, Block, Part, Row};

pub(super) fn partie2(doc: &mut Doc) {
    let id = &doc.d.identity;
    doc.push(Block::PageBreak);
    doc.anchored(1, "Partie 2 – Dossier technique", "p2");
    doc.para("Dossier technique établi selon le cahier des charges de l'appel à projets, signé et cacheté par le Président du cluster sur toutes les pages.");
    doc.anchored(2, "Section 1 – Carte d'identité du cluster", "s1");
    doc.heading(3, "1.1 Description générale");
    let base = rubric::identity_base();
    // The address and the city print together, as « Siège ».
    let seat = address_line(id);
    set(doc, &base, id, rubric::IDENTITY_HEAD, &|r| {
        (r.field == IdentityField::Address).then(|| BespokePair {
            label: "Siège".to_string(),
            value: seat.clone(),
        })
    });
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
    set(doc, &base, id, rubric::IDENTITY_TEXTS, &|_| None);
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
