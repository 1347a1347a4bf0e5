//! Section 1 – Carte d'identité du cluster (1.1, and of 1.2 what the board
//! reads: the counts and the major partners, not the member register) and
//! Section 2 – Gouvernance et pilotage.

use super::Cell;
use super::outline::{Outline, joined, row, title_for};
use super::rubrics;
use crate::model::compute;
use crate::model::dossier::{MemberCategory, Person};
use crate::model::field::{FeeField, FieldPath, IdentityField};
use crate::model::money::{format_dh, format_percent};
use crate::model::rubric;

pub(super) fn identity(o: &mut Outline) {
    let id = &o.d.identity;
    o.heading(1, "Section 1 – Carte d'identité du cluster");
    o.heading(2, "1.1 Description générale");
    let base = rubric::identity_base();
    // The address and the city make one line, as on paper.
    let seat = address_line(&id.address, &id.city);
    rubrics::set(o, 3, &base, id, rubric::IDENTITY_HEAD, &|r| {
        (r.field == IdentityField::Address).then(|| ("Siège".to_string(), seat.clone()))
    });
    o.heading(3, "Gouvernance et contacts");
    let people: Vec<(&str, &Person)> = [
        ("Président", &id.president),
        ("Vice-président", &id.vice_president),
        ("Trésorier", &id.treasurer),
        ("Directeur", &id.director),
    ]
    .into_iter()
    // The director is optional (« Président et/ou Directeur »).
    .filter(|(role, p)| *role != "Directeur" || !p.is_empty())
    .collect();
    let rows = people
        .into_iter()
        .map(|(role, p)| {
            row(vec![
                value(&title_for(role, p.civility)),
                typed(&p.name),
                typed(&joined(&[&p.organisation, &p.function], " — ")),
                typed(&joined(&[&p.phone, &p.email], "\n")),
            ])
        })
        .collect();
    o.table(
        &[
            ("Fonction", 16, false),
            ("Nom", 22, false),
            ("Organisme et fonction", 34, false),
            ("Téléphone et e-mail", 28, false),
        ],
        rows,
    );
    rubrics::set(o, 3, &base, id, rubric::IDENTITY_TEXTS, &|_| None);
}

/// 1.2: the counts behind the call's thresholds and the major partners. The
/// register itself (identifiers, contacts of every member) is a list to
/// check against the members' papers, not a text to correct: it stays in
/// the printed dossier.
pub(super) fn members(o: &mut Outline) {
    let (d, p) = (o.d, o.p);
    o.heading(2, "1.2 Membres et participants au cluster");
    let counts = compute::member_counts(d);
    let rows = MemberCategory::ALL
        .into_iter()
        .map(|c| row(vec![value(c.label()), value(&counts.count(c).to_string())]))
        .collect();
    o.table(&[("Catégorie", 80, false), ("Nombre", 20, true)], rows);
    let share = counts
        .industrial_share_percent()
        .map_or_else(|| "—".into(), format_percent);
    o.note(format!(
        "Membres engagés : {} (minimum exigé : {}). Entreprises industrielles, technologiques ou spécifiques : {} sur {} membres engagés, soit {share} (minimum exigé : {}).",
        counts.engaged_members(),
        p.thresholds.min_members,
        counts.industrial_companies,
        counts.engaged_members(),
        format_percent(p.thresholds.min_industrial_share_percent),
    ));
    o.note(format!(
        "Le registre des {} membres et entreprises (raison sociale, identifiants, contacts) figure dans le dossier imprimé ; il n'est pas repris dans cette copie.",
        d.members.len()
    ));
    o.heading(3, "Partenaires majeurs (hors membres)");
    if d.partners.is_empty() {
        o.note("Aucun partenaire majeur déclaré.");
        return;
    }
    let rows = d
        .partners
        .iter()
        .map(|x| {
            row(vec![
                typed(&x.name),
                typed(&x.kind),
                typed(&x.city),
                typed(&x.link),
            ])
        })
        .collect();
    o.table(
        &[
            ("Partenaire", 28, false),
            ("Nature", 20, false),
            ("Ville", 14, false),
            ("Lien avec le cluster", 38, false),
        ],
        rows,
    );
}

pub(super) fn governance(o: &mut Outline) {
    let g = &o.d.governance;
    o.heading(1, "Section 2 – Gouvernance et pilotage");
    o.heading(2, "Composition du Conseil d'Administration");
    if g.board.is_empty() {
        o.missing("aucun membre du Conseil d'Administration");
    } else {
        let rows = g
            .board
            .iter()
            .map(|m| {
                row(vec![
                    typed(&m.name),
                    value(&title_for(m.role.label(), m.civility)),
                    typed(&joined(&[&m.organisation, &m.function], " — ")),
                    typed(&joined(&[&m.phone, &m.email], "\n")),
                ])
            })
            .collect();
        o.table(
            &[
                ("Nom", 20, false),
                ("Qualité", 18, false),
                ("Organisme et fonction", 32, false),
                ("Téléphone et e-mail", 30, false),
            ],
            rows,
        );
    }
    let base = rubric::governance_base();
    rubrics::set(o, 2, &base, g, rubric::GOVERNANCE_ORGANISATION, &|_| None);
    o.heading(2, "Recettes de cotisation et mode de calcul");
    fees(o);
    rubrics::set(o, 3, &base, g, rubric::GOVERNANCE_FEES, &|_| None);
}

/// The fee schedule with the revenue computed from the register.
fn fees(o: &mut Outline) {
    let d = o.d;
    if d.governance.fee_categories.is_empty() {
        o.missing("aucune catégorie de cotisation");
        return;
    }
    let revenue = compute::fee_revenue(d);
    let mut rows: Vec<_> = d
        .governance
        .fee_categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (count, subtotal) = revenue
                .per_category
                .get(i)
                .map_or((0, Default::default()), |(_, n, s)| (*n, *s));
            row(vec![
                typed(&c.name),
                typed(&c.description),
                o.figure(
                    FieldPath::fee_category(i, FeeField::AnnualAmount),
                    c.annual_amount.as_ref(),
                    |v| format_dh(*v),
                ),
                value(&count.to_string()),
                value(&format_dh(subtotal)),
            ])
        })
        .collect();
    rows.push(super::Row {
        cells: vec![
            value("Total des recettes annuelles de cotisation"),
            value(""),
            value(""),
            value(&revenue.members.to_string()),
            value(&format_dh(revenue.total)),
        ],
        emphasis: true,
    });
    o.table(
        &[
            ("Catégorie", 20, false),
            ("Description", 30, false),
            ("Cotisation annuelle", 18, true),
            ("Membres", 12, true),
            ("Recette annuelle", 20, true),
        ],
        rows,
    );
}

/// The address, then the city unless the address already names it (as the
/// printed cover writes it).
fn address_line(address: &str, city: &str) -> String {
    let (address, city) = (address.trim(), city.trim());
    if city.is_empty() || address.contains(city) {
        address.to_string()
    } else {
        joined(&[address, city], ", ")
    }
}

pub(super) fn typed(text: &str) -> Cell {
    Cell::Typed(text.to_string())
}

pub(super) fn value(text: &str) -> Cell {
    Cell::Value(text.to_string())
}
