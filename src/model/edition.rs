//! « Nouvelle édition à partir de ce dossier »: a dossier for another call
//! profile that keeps what describes the cluster (identity, members,
//! partners, governance, partnerships, start-up support, the signatory) and
//! starts afresh what is dated or yearly (administrative pieces, 5-year
//! figures, projects, plan, budget, indicators, criteria, the declaration's
//! place and date), listing each part it did not carry.
//!
//! What the user typed and the form could not read (`invalid_entries`)
//! follows its part: kept as typed where the part is carried, listed with
//! its field and its text where the part starts afresh.

use super::call::CallProfile;
use super::dossier::{Declaration, Dossier};
use super::field::{self, CooperationField, DeclarationField, FieldPath, Part};
use super::rubric::{self, Carry, Entry};

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
    let mut dossier = carried(source, profile);
    let mut not_carried = not_carried(source, profile);
    for (path, text) in &source.invalid_entries {
        if is_carried(&FieldPath::from_stored(path)) {
            dossier.invalid_entries.insert(path.clone(), text.clone());
        } else {
            not_carried.push(format!(
                "Saisie non valide non reprise — {} : « {text} » (à saisir de nouveau si elle vaut pour l'édition {})",
                field::describe(path, profile),
                profile.edition
            ));
        }
    }
    NewEdition {
        dossier,
        not_carried,
    }
}

/// The parts [`carried`] copies, as paths: an invalid entry below one of
/// them goes with its part.
fn carried_paths() -> Vec<FieldPath> {
    let mut paths = vec![
        FieldPath::part(Part::Identity),
        FieldPath::part(Part::Members),
        FieldPath::part(Part::Partners),
        FieldPath::part(Part::Governance),
        FieldPath::cooperation(CooperationField::Partnerships),
        FieldPath::part(Part::Startups),
    ];
    let strategy = rubric::strategy_base();
    paths.extend(
        rubric::rubrics(rubric::STRATEGY)
            .filter(|r| r.carry == Carry::Keep)
            .map(|r| r.path(&strategy)),
    );
    paths.extend(
        [
            DeclarationField::Civility,
            DeclarationField::FirstName,
            DeclarationField::LastName,
            DeclarationField::PositionInOrganisation,
            DeclarationField::PositionInAssociation,
            DeclarationField::AssociationName,
            DeclarationField::LegalForm,
        ]
        .map(FieldPath::declaration),
    );
    paths
}

fn is_carried(path: &FieldPath) -> bool {
    carried_paths().iter().any(|p| path.is_within(p))
}

/// The new dossier: what describes the cluster, nothing dated or yearly.
fn carried(source: &Dossier, profile: &CallProfile) -> Dossier {
    let mut d = Dossier::new_for(profile);

    d.identity = carry(
        &source.identity,
        &[rubric::IDENTITY_HEAD, rubric::IDENTITY_TEXTS],
    );
    d.members = source.members.clone();
    d.partners = source.partners.clone();
    d.governance = carry(
        &source.governance,
        &[rubric::GOVERNANCE_ORGANISATION, rubric::GOVERNANCE_FEES],
    );
    d.cooperation.partnerships = source.cooperation.partnerships.clone();
    d.startups = carry(&source.startups, &[rubric::STARTUPS]);
    d.print.stamp_corner = source.print.stamp_corner;
    d.strategy = carry(&source.strategy, &[rubric::STRATEGY]);
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

/// `source` with its rubrics the tables mark [`Carry::Clear`] started
/// afresh.
fn carry<T: Clone + Default, F>(source: &T, tables: &[&'static [Entry<T, F>]]) -> T {
    let mut out = source.clone();
    let fresh = T::default();
    for r in tables.iter().flat_map(|t| rubric::rubrics(t)) {
        if r.carry == Carry::Clear {
            r.copy(&fresh, &mut out);
        }
    }
    out
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
    if rubric::rubrics(rubric::STRATEGY)
        .any(|r| r.carry == Carry::Clear && r.is_filled(&source.strategy))
    {
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

    #[test]
    fn every_invalid_entry_is_carried_with_its_part_or_listed_with_its_text() {
        let mut source = crate::example_dossier().expect("example parses");
        let mut profile = CallProfile::edition_2026();
        profile.edition = "2027".into();
        // An invalid entry at every path the dossier's fields can have.
        let paths = crate::model::field::labels::tests::every_path(&profile);
        for (i, (path, _)) in paths.iter().enumerate() {
            source
                .invalid_entries
                .insert(path.to_string(), format!("saisie {i} : 1O 000"));
        }
        let new = carry_over(&source, &profile);
        let mut carried = 0;
        for (path, text) in &source.invalid_entries {
            let kept = new.dossier.invalid_entries.get(path) == Some(text);
            let listed: Vec<&String> = new
                .not_carried
                .iter()
                .filter(|l| l.contains(&format!("« {text} »")))
                .collect();
            assert!(
                kept != (listed.len() == 1) && listed.len() <= 1,
                "{path}: kept {kept}, listed {listed:?}"
            );
            assert_eq!(kept, is_carried(&FieldPath::from_stored(path)), "{path}");
            if let Some(line) = listed.first() {
                assert!(
                    line.contains(&field::describe(path, &profile))
                        && !line.contains(path.as_str()),
                    "{line}"
                );
            }
            carried += usize::from(kept);
        }
        assert_eq!(carried, new.dossier.invalid_entries.len());
        // Both kinds occur: the class is explored on both sides.
        assert!(carried > 0 && carried < source.invalid_entries.len());
    }

    #[test]
    fn the_carried_parts_are_the_parts_copied() {
        let source = crate::example_dossier().expect("example parses");
        let profile = CallProfile::edition_2026();
        let new = carry_over(&source, &profile).dossier;
        let part = |p: Part| is_carried(&FieldPath::part(p));
        assert_eq!(part(Part::Identity), new.identity == source.identity);
        assert_eq!(part(Part::Members), new.members == source.members);
        assert_eq!(part(Part::Partners), new.partners == source.partners);
        assert_eq!(part(Part::Governance), new.governance == source.governance);
        assert_eq!(part(Part::Startups), new.startups == source.startups);
        assert_eq!(
            is_carried(&FieldPath::cooperation(CooperationField::Partnerships)),
            new.cooperation.partnerships == source.cooperation.partnerships
        );
        for p in [
            Part::Plan,
            Part::Budget,
            Part::Indicators,
            Part::Criteria,
            Part::Administrative,
        ] {
            assert!(!part(p), "{p:?}");
        }
    }
}
