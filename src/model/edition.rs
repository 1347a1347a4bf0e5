//! « Nouvelle édition à partir de ce dossier »: a dossier for another call
//! profile that keeps what describes the cluster (identity, members,
//! partners, governance, partnerships, start-up support, the signatory) and
//! starts afresh what is dated or yearly (administrative pieces, 5-year
//! figures, projects, plan, budget, indicators, criteria, the declaration's
//! place and date), listing each part it did not carry.

use super::call::CallProfile;
use super::dossier::{Declaration, Dossier, Strategy};

/// The new dossier and, in French, what was not carried over.
#[derive(Clone, Debug, PartialEq)]
pub struct NewEdition {
    pub dossier: Dossier,
    pub not_carried: Vec<String>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n > 1 {
        format!("{n} {many}")
    } else {
        format!("{n} {one}")
    }
}

/// Starts a dossier for `profile` from `source`.
pub fn carry_over(source: &Dossier, profile: &CallProfile) -> NewEdition {
    NewEdition {
        dossier: carried(source, profile),
        not_carried: not_carried(source, profile),
    }
}

/// The new dossier: what describes the cluster, nothing dated or yearly.
fn carried(source: &Dossier, profile: &CallProfile) -> Dossier {
    let mut d = Dossier::new_for(profile);

    d.identity = source.identity.clone();
    d.members = source.members.clone();
    d.partners = source.partners.clone();
    d.governance = source.governance.clone();
    d.cooperation.partnerships = source.cooperation.partnerships.clone();
    d.startups = source.startups.clone();
    d.print.stamp_corner = source.print.stamp_corner;
    d.strategy = Strategy {
        global_strategy: source.strategy.global_strategy.clone(),
        objectives_comment: source.strategy.objectives_comment.clone(),
        technologies_markets: source.strategy.technologies_markets.clone(),
        national_positioning: source.strategy.national_positioning.clone(),
        international_positioning: source.strategy.international_positioning.clone(),
        ..Strategy::default()
    };
    d.declaration = Declaration {
        civility: source.declaration.civility,
        first_name: source.declaration.first_name.clone(),
        last_name: source.declaration.last_name.clone(),
        position_in_organisation: source.declaration.position_in_organisation.clone(),
        position_in_association: source.declaration.position_in_association.clone(),
        association_name: source.declaration.association_name.clone(),
        legal_form: source.declaration.legal_form.clone(),
        ..d.declaration
    };
    d
}

/// What was left behind, part by part, in French.
fn not_carried(source: &Dossier, profile: &CallProfile) -> Vec<String> {
    let mut not_carried = Vec::new();
    let edition = &profile.edition;
    let provided = source
        .administrative
        .iter()
        .filter(|p| p.status.is_provided() || p.date.is_some() || !p.note.trim().is_empty())
        .count();
    if provided > 0 {
        not_carried.push(format!(
            "Partie 1 : l'état de {} (l'appel exige des pièces récentes : à fournir de nouveau)",
            plural(provided, "pièce administrative", "pièces administratives")
        ));
    }
    let s = &source.strategy;
    let yearly = [
        s.rd_projects.iter().any(Option::is_some),
        s.funds_raised.iter().any(Option::is_some),
        s.export_share.iter().any(Option::is_some),
        s.forecast_members.iter().any(Option::is_some),
        s.forecast_fee_revenue.iter().any(Option::is_some),
    ];
    if yearly.iter().any(|x| *x) {
        not_carried.push(
            "Section 3 : les objectifs chiffrés et les prévisions sur 5 ans (à établir pour la nouvelle période ; les textes de la stratégie sont repris, à relire)"
                .to_string(),
        );
    }
    let c = &source.cooperation;
    let projects = c
        .cooperation_projects
        .len()
        .saturating_add(c.collaborative_projects.len());
    if projects > 0 {
        not_carried.push(format!(
            "Section 4.1 : {} (propres à la candidature précédente)",
            plural(
                projects,
                "projet de coopération ou collaboratif",
                "projets de coopération ou collaboratifs"
            )
        ));
    }
    let p = &source.plan;
    if !p.actions.is_empty() || !p.orientations.trim().is_empty() || !p.objectives.trim().is_empty()
    {
        not_carried.push(format!(
            "Section 6.1 : le plan d'action ({}, orientations et objectifs)",
            plural(p.actions.len(), "action", "actions")
        ));
    }
    if source
        .budget
        .iter()
        .any(|l| l.amounts.iter().any(Option::is_some) || !l.detail.trim().is_empty())
    {
        not_carried.push("Section 6.2 : le budget prévisionnel sur 5 ans".to_string());
    }
    let i = &source.indicators;
    if i.standard
        .iter()
        .any(|k| k.values.iter().any(Option::is_some))
        || !i.custom.is_empty()
    {
        not_carried.push(format!(
            "Section 7 : les indicateurs de performance sur 5 ans{}",
            if i.custom.is_empty() {
                String::new()
            } else {
                format!(
                    " (dont {})",
                    plural(i.custom.len(), "indicateur propre", "indicateurs propres")
                )
            }
        ));
    }
    let argued = source
        .criteria
        .iter()
        .filter(|a| !a.argument.trim().is_empty())
        .count();
    if argued > 0 {
        not_carried.push(format!(
            "Partie 3 : {} sur les critères de sélection (les critères de l'édition {edition} sont à argumenter)",
            plural(argued, "argument", "arguments")
        ));
    }
    let decl = &source.declaration;
    if decl.date.is_some() || !decl.place.trim().is_empty() || !decl.other_documents.is_empty() {
        not_carried.push(
            "Annexe : le lieu, la date et les autres documents de la déclaration sur l'honneur"
                .to_string(),
        );
    }
    if source.print.copies.is_some() {
        not_carried.push(format!(
            "Impression : le nombre d'exemplaires choisi (l'édition {edition} en demande {})",
            profile.copies
        ));
    }
    not_carried
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_cluster_and_clears_the_yearly_parts() {
        let source = crate::example_dossier().expect("example parses");
        let mut profile = CallProfile::edition_2026();
        profile.edition = "2027".into();
        let new = carry_over(&source, &profile);
        assert_eq!(new.dossier.edition, "2027");
        assert_eq!(new.dossier.identity, source.identity);
        assert_eq!(new.dossier.members, source.members);
        assert_eq!(new.dossier.partners, source.partners);
        assert_eq!(new.dossier.governance, source.governance);
        assert!(new.dossier.plan.actions.is_empty());
        assert!(
            new.dossier
                .budget
                .iter()
                .all(|l| l.amounts.iter().all(Option::is_none))
        );
        assert!(new.dossier.declaration.date.is_none());
        assert_eq!(new.dossier.administrative.len(), profile.admin_pieces.len());
        let notes = new.not_carried.join("\n");
        for part in [
            "Partie 1",
            "Section 6.1",
            "Section 6.2",
            "Section 7",
            "Partie 3",
        ] {
            assert!(notes.contains(part), "{part} missing from {notes}");
        }
    }
}
