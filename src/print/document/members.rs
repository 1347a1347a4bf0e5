//! Section 1.2 – Membres et participants au cluster: the counts behind the
//! call's thresholds, the register by category, the major partners.

use super::{Doc, joined, or_dash};
use crate::model::compute;
use crate::model::dossier::{Member, MemberCategory};
use crate::model::field::{FieldPath, MemberField, PartnerField};
use crate::model::money::format_percent;
use crate::print::layout::{Align, Part, Row};

pub(super) fn members(doc: &mut Doc) {
    let (d, p) = (doc.d, doc.p);
    doc.heading(3, "1.2 Membres et participants au cluster");
    let counts = compute::member_counts(d);
    let share = counts
        .industrial_share_percent()
        .map_or_else(|| "—".into(), format_percent);
    doc.key_values(vec![
        (
            "Membres engagés",
            format!(
                "{} (minimum exigé : {})",
                counts.engaged_members(),
                p.thresholds.min_members
            ),
        ),
        (
            "Entreprises industrielles, technologiques ou spécifiques",
            format!(
                "{} sur {} membres engagés, soit {share} (minimum exigé : {})",
                counts.industrial_companies,
                counts.engaged_members(),
                format_percent(p.thresholds.min_industrial_share_percent)
            ),
        ),
        (
            "Entreprises potentiellement intéressées",
            format!(
                "{} (non comptées parmi les membres)",
                counts.interested_companies
            ),
        ),
    ]);
    for category in MemberCategory::ALL {
        let list: Vec<&Member> = d
            .members
            .iter()
            .filter(|m| m.category == category)
            .collect();
        // A final dossier leaves an empty category out; a draft says it
        // is empty, so that it can be noticed.
        if list.is_empty() && !doc.blank && !doc.input.draft {
            continue;
        }
        // A blank form states no count: its rows are there to be filled.
        if doc.blank {
            doc.heading(super::RUBRIC, category_heading(category));
        } else {
            doc.heading(
                super::RUBRIC,
                format!("{} ({})", category_heading(category), list.len()),
            );
        }
        if list.is_empty() {
            doc.para("Aucun.");
            continue;
        }
        register(doc, &list);
        let indices = d
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.category == category)
            .map(|(i, _)| i);
        for (r, i) in indices.enumerate() {
            doc.table_source(Part::Row(r), FieldPath::member_field(i, MemberField::Name));
        }
    }
    partners(doc);
}

/// A category's heading in the call's words (section 1.2 of the call:
/// « Les entreprises membres : distinguer les entreprises déjà engagées
/// dans le cluster de celles potentiellement intéressées ; Les
/// institutions de formation, d'innovation et de recherche ; Les
/// représentants des autres collègues : institutions, associations et
/// organismes publics »).
pub(super) fn category_heading(category: MemberCategory) -> &'static str {
    match category {
        MemberCategory::EngagedCompany => "Entreprises membres déjà engagées dans le cluster",
        MemberCategory::InterestedCompany => "Entreprises membres potentiellement intéressées",
        MemberCategory::TrainingResearch => {
            "Institutions de formation, d'innovation et de recherche"
        }
        MemberCategory::OtherRepresentative => {
            "Représentants des autres collègues : institutions, associations et organismes publics"
        }
    }
}

/// One category of the register, one member on two lines: name, then
/// activity, sector and city; identifiers; contact; membership.
fn register(doc: &mut Doc, list: &[&Member]) {
    let rows = list
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let ids = |pairs: [(&str, &str); 2]| {
                let parts: Vec<String> = pairs
                    .iter()
                    .filter(|(_, v)| !v.trim().is_empty())
                    .map(|(l, v)| format!("{l}\u{a0}{}", v.trim()))
                    .collect();
                parts.join(" · ")
            };
            let ids = joined(
                &[
                    &ids([("ICE", &m.ice), ("IF", &m.tax_id)]),
                    &ids([("RC", &m.rc), ("CNSS", &m.cnss)]),
                ],
                "\n",
            );
            let c = &m.contact;
            // A phone number or a date is not split across lines.
            let phone = c.phone.trim().replace(' ', "\u{a0}");
            let contact = joined(&[&joined(&[&c.name, &phone], " · "), &c.email], "\n");
            let what = joined(
                &[m.activity.label(), &m.sector, &m.city, m.size.label()],
                " · ",
            );
            Row::new(vec![
                (k + 1).to_string(),
                doc.fill(format!("{}\n{what}", or_dash(&m.name))),
                doc.cell(&ids),
                doc.cell(&contact),
                doc.fill(format!(
                    "{}\n{}",
                    super::date_text(m.joined).replace(' ', "\u{a0}"),
                    or_dash(&m.fee_category)
                )),
            ])
        })
        .collect();
    doc.dense_table(
        &[
            ("N°", 0.04, Align::Center),
            (
                "Raison sociale ; activité, secteur, ville, taille",
                0.27,
                Align::Left,
            ),
            ("Identifiants", 0.31, Align::Left),
            ("Contact", 0.26, Align::Left),
            ("Adhésion ; cotisation", 0.12, Align::Left),
        ],
        rows,
    );
}

fn partners(doc: &mut Doc) {
    doc.heading(super::RUBRIC, "Partenaires majeurs (hors membres)");
    if doc.d.partners.is_empty() {
        doc.para("Aucun partenaire majeur déclaré.");
        return;
    }
    let rows = doc
        .d
        .partners
        .iter()
        .map(|x| {
            Row::new(vec![
                doc.cell(&x.name),
                doc.cell(&x.kind),
                doc.cell(&x.city),
                doc.cell(&x.link),
            ])
        })
        .collect();
    doc.table(
        &[
            ("Partenaire", 0.28, Align::Left),
            ("Nature", 0.20, Align::Left),
            ("Ville", 0.14, Align::Left),
            ("Lien avec le cluster", 0.38, Align::Left),
        ],
        rows,
    );
    for i in 0..doc.d.partners.len() {
        for (c, field) in [
            PartnerField::Name,
            PartnerField::Kind,
            PartnerField::City,
            PartnerField::Link,
        ]
        .into_iter()
        .enumerate()
        {
            doc.table_source(Part::Cell(i, c), FieldPath::partner(i, field));
        }
    }
}
