//! Partie 1 and sections 1 and 2: pieces, identity, members, governance.

use crate::model::call::CallProfile;
use crate::model::dossier::{BoardRole, Dossier, PieceStatus};
use crate::model::finding::{Finding, Section};

use super::{Collector, row_name};

pub(super) fn administrative(c: &mut Collector, d: &Dossier, profile: &CallProfile) {
    let s = Section::Administrative;
    for def in &profile.admin_pieces {
        let field = format!("administrative.{}", def.id);
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
    c.text(s, "identity.name", &id.name, "Dénomination du cluster");
    c.advisable(s, "identity.acronym", &id.acronym, "Sigle");
    c.text(s, "identity.legal_form", &id.legal_form, "Forme juridique");
    if id.creation_date.is_none() {
        c.out.push(Finding::blocking(
            s,
            "identity.creation_date",
            "Date de création : rubrique à remplir",
        ));
    }
    c.text(s, "identity.address", &id.address, "Siège, adresse");
    c.text(s, "identity.city", &id.city, "Siège, ville");
    c.person(s, "identity.president", &id.president, "Président", true);
    c.person(
        s,
        "identity.vice_president",
        &id.vice_president,
        "Vice-président",
        false,
    );
    c.person(s, "identity.treasurer", &id.treasurer, "Trésorier", false);
    if !id.director.is_empty() {
        c.person(s, "identity.director", &id.director, "Directeur", true);
    }
    c.text(s, "identity.sector", &id.sector, "Secteur");
    c.text(
        s,
        "identity.activities",
        &id.activities,
        "Activités principales et thématiques",
    );
    c.text(
        s,
        "identity.sector_importance",
        &id.sector_importance,
        "Importance sectorielle",
    );
    c.text(
        s,
        "identity.strategic_justification",
        &id.strategic_justification,
        "Justification stratégique",
    );
    c.text(
        s,
        "identity.core_territory",
        &id.core_territory,
        "Territoire, noyau central",
    );
    c.text(
        s,
        "identity.productive_area",
        &id.productive_area,
        "Territoire, agglomération productive",
    );
    c.text(
        s,
        "identity.genesis",
        &id.genesis,
        "Historique, genèse du cluster",
    );
    c.text(
        s,
        "identity.territorial_anchoring",
        &id.territorial_anchoring,
        "Historique, ancrage territorial",
    );
    c.text(
        s,
        "identity.joint_initiatives",
        &id.joint_initiatives,
        "Historique, initiatives communes déjà engagées",
    );
}

pub(super) fn members(c: &mut Collector, d: &Dossier) {
    let s = Section::Members;
    for (i, m) in d.members.iter().enumerate() {
        let who = row_name("Membre", i, &m.name);
        let f = |name: &str| format!("members[{i}].{name}");
        c.text(
            s,
            &f("name"),
            &m.name,
            &format!("Membre n° {}, raison sociale", i + 1),
        );
        c.text(s, &f("sector"), &m.sector, &format!("{who}, secteur"));
        c.text(s, &f("city"), &m.city, &format!("{who}, ville"));
        if m.category.is_company() {
            c.advisable(s, &f("ice"), &m.ice, &format!("{who}, ICE"));
        }
        if m.category.is_engaged_member() {
            c.text(
                s,
                &f("fee_category"),
                &m.fee_category,
                &format!("{who}, catégorie de cotisation"),
            );
        }
    }
    for (i, p) in d.partners.iter().enumerate() {
        c.text(
            s,
            &format!("partners[{i}].name"),
            &p.name,
            &format!("Partenaire majeur n° {}, nom", i + 1),
        );
        let who = row_name("Partenaire", i, &p.name);
        c.advisable(
            s,
            &format!("partners[{i}].link"),
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
            "governance.board",
            "Composition du Conseil d'Administration : aucun administrateur saisi",
        ));
    } else if !g.board.iter().any(|b| b.role == BoardRole::President) {
        c.out.push(Finding::blocking(
            s,
            "governance.board",
            "Conseil d'Administration : aucun membre n'a le rôle de Président",
        ));
    }
    for (i, b) in g.board.iter().enumerate() {
        c.text(
            s,
            &format!("governance.board[{i}].name"),
            &b.name,
            &format!("Administrateur n° {}, nom", i + 1),
        );
        let who = row_name("Administrateur", i, &b.name);
        c.text(
            s,
            &format!("governance.board[{i}].organisation"),
            &b.organisation,
            &format!("{who}, organisme"),
        );
    }
    c.text(
        s,
        "governance.internal_organisation",
        &g.internal_organisation,
        "Organisation interne de l'association",
    );
    c.text(
        s,
        "governance.membership_terms",
        &g.membership_terms,
        "Modalités d'adhésion des membres",
    );
    c.text(
        s,
        "governance.fee_calculation",
        &g.fee_calculation,
        "Mode de calcul des cotisations",
    );
    if g.fee_categories.is_empty() {
        c.out.push(Finding::blocking(
            s,
            "governance.fee_categories",
            "Barème des cotisations : aucune catégorie saisie",
        ));
    }
    for (i, f) in g.fee_categories.iter().enumerate() {
        c.text(
            s,
            &format!("governance.fee_categories[{i}].name"),
            &f.name,
            &format!("Catégorie de cotisation n° {}, nom", i + 1),
        );
        if f.annual_amount.is_none() {
            let who = row_name("Catégorie de cotisation", i, &f.name);
            c.out.push(Finding::blocking(
                s,
                format!("governance.fee_categories[{i}].annual_amount"),
                format!("{who}, montant annuel : rubrique à remplir"),
            ));
        }
    }
}
