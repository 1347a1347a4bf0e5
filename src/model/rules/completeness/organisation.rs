//! Partie 1 and sections 1 and 2: pieces, identity, members, governance.

use crate::model::call::CallProfile;
use crate::model::dossier::{BoardRole, Dossier, PieceStatus};
use crate::model::field::*;
use crate::model::finding::{Finding, Section};
use crate::model::rubric;

use super::{Collector, row_name};

pub(super) fn administrative(c: &mut Collector, d: &Dossier, profile: &CallProfile) {
    let s = Section::Administrative;
    for def in &profile.admin_pieces {
        let field = FieldPath::admin_piece(&def.id);
        match d.admin_piece(&def.id).map(|p| &p.status) {
            None | Some(PieceStatus::ToProvide) => c.out.push(Finding::blocking(
                s,
                field,
                format!("Pièce à fournir : {}", def.label),
            )),
            Some(PieceStatus::Attached(path)) if path.trim().is_empty() => {
                c.out.push(Finding::blocking(
                    s,
                    field,
                    format!(
                        "{} : « fichier joint » choisi mais aucun fichier indiqué",
                        def.label
                    ),
                ))
            }
            Some(_) => {}
        }
    }
}

pub(super) fn identity(c: &mut Collector, d: &Dossier) {
    let s = Section::Identity;
    let id = &d.identity;
    let base = rubric::identity_base();
    c.rubrics(s, &base, id, rubric::IDENTITY_HEAD, None);
    c.person(
        s,
        FieldPath::identity(IdentityField::President),
        &id.president,
        "Président",
        true,
    );
    c.person(
        s,
        FieldPath::identity(IdentityField::VicePresident),
        &id.vice_president,
        "Vice-président",
        false,
    );
    c.person(
        s,
        FieldPath::identity(IdentityField::Treasurer),
        &id.treasurer,
        "Trésorier",
        false,
    );
    if !id.director.is_empty() {
        c.person(
            s,
            FieldPath::identity(IdentityField::Director),
            &id.director,
            "Directeur",
            true,
        );
    }
    c.rubrics(s, &base, id, rubric::IDENTITY_TEXTS, None);
}

pub(super) fn members(c: &mut Collector, d: &Dossier) {
    let s = Section::Members;
    for (i, m) in d.members.iter().enumerate() {
        let who = row_name("Membre", i, &m.name);
        let f = |name: MemberField| FieldPath::member_field(i, name);
        c.text(
            s,
            f(MemberField::Name),
            &m.name,
            &format!("Membre n° {}, raison sociale", nth(i)),
        );
        c.text(
            s,
            f(MemberField::Sector),
            &m.sector,
            &format!("{who}, secteur"),
        );
        c.text(s, f(MemberField::City), &m.city, &format!("{who}, ville"));
        if m.category.is_company() {
            c.advisable(s, f(MemberField::Ice), &m.ice, &format!("{who}, ICE"));
        }
        if m.category.is_engaged_member() {
            c.text(
                s,
                f(MemberField::FeeCategory),
                &m.fee_category,
                &format!("{who}, catégorie de cotisation"),
            );
        }
    }
    for (i, p) in d.partners.iter().enumerate() {
        c.text(
            s,
            FieldPath::partner(i, PartnerField::Name),
            &p.name,
            &format!("Partenaire majeur n° {}, nom", nth(i)),
        );
        let who = row_name("Partenaire", i, &p.name);
        c.advisable(
            s,
            FieldPath::partner(i, PartnerField::Link),
            &p.link,
            &format!("{who}, nature du lien"),
        );
    }
}

pub(super) fn governance(c: &mut Collector, d: &Dossier) {
    let s = Section::Governance;
    let g = &d.governance;
    if g.board.is_empty() {
        c.out.push(Finding::blocking(
            s,
            FieldPath::governance(GovernanceField::Board),
            "Composition du Conseil d'Administration : aucun administrateur saisi",
        ));
    } else if !g.board.iter().any(|b| b.role == BoardRole::President) {
        c.out.push(Finding::blocking(
            s,
            FieldPath::governance(GovernanceField::Board),
            "Conseil d'Administration : aucun membre n'a le rôle de Président",
        ));
    }
    for (i, b) in g.board.iter().enumerate() {
        c.text(
            s,
            FieldPath::board(i, BoardField::Name),
            &b.name,
            &format!("Administrateur n° {}, nom", nth(i)),
        );
        let who = row_name("Administrateur", i, &b.name);
        c.text(
            s,
            FieldPath::board(i, BoardField::Organisation),
            &b.organisation,
            &format!("{who}, organisme"),
        );
    }
    let base = rubric::governance_base();
    c.rubrics(s, &base, g, rubric::GOVERNANCE_ORGANISATION, None);
    c.rubrics(s, &base, g, rubric::GOVERNANCE_FEES, None);
    if g.fee_categories.is_empty() {
        c.out.push(Finding::blocking(
            s,
            FieldPath::governance(GovernanceField::FeeCategories),
            "Barème des cotisations : aucune catégorie saisie",
        ));
    }
    for (i, f) in g.fee_categories.iter().enumerate() {
        c.text(
            s,
            FieldPath::fee_category(i, FeeField::Name),
            &f.name,
            &format!("Catégorie de cotisation n° {}, nom", nth(i)),
        );
        if f.annual_amount.is_none() {
            let who = row_name("Catégorie de cotisation", i, &f.name);
            c.out.push(Finding::blocking(
                s,
                FieldPath::fee_category(i, FeeField::AnnualAmount),
                format!("{who}, montant annuel : rubrique à remplir"),
            ));
        }
    }
}
