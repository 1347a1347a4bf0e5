//! The dossier a blank form is printed from: the call's structure with
//! empty rows to fill by hand.

use crate::model::call::CallProfile;
use crate::model::dossier::*;

/// An empty dossier with room in every table: rows to fill by hand.
pub fn blank_dossier(profile: &CallProfile, print: &PrintOptions) -> Dossier {
    let mut d = Dossier::new_for(profile);
    d.identity.legal_form.clear();
    d.print = print.clone();
    // Rows in every category of the register, so none prints « Aucun. »:
    // the call's minimum of engaged members, a few for the others.
    d.members = MemberCategory::ALL
        .iter()
        .flat_map(|&category| {
            let rows = match category {
                MemberCategory::EngagedCompany => profile.thresholds.min_members as usize,
                MemberCategory::InterestedCompany => 5,
                _ => 3,
            };
            std::iter::repeat_n(
                Member {
                    category,
                    ..Member::default()
                },
                rows,
            )
        })
        .collect();
    d.partners = vec![MajorPartner::default(); 4];
    d.governance.board = vec![BoardMember::default(); 9];
    d.governance.fee_categories = vec![FeeCategory::default(); 4];
    d.cooperation.cooperation_projects = vec![CooperationProject::default(); 3];
    d.cooperation.collaborative_projects = vec![CollaborativeProject::default(); 3];
    d.cooperation.partnerships = (0..6)
        .map(|i| Partnership {
            scope: if i < 3 {
                PartnershipScope::National
            } else {
                PartnershipScope::International
            },
            ..Partnership::default()
        })
        .collect();
    d.startups.preparation = PreparationKind::ALL
        .iter()
        .map(|&kind| PreparationStep {
            kind,
            ..Default::default()
        })
        .collect();
    d.startups.post_creation = SupportType::ALL
        .iter()
        .map(|&support_type| SupportService {
            support_type,
            ..Default::default()
        })
        .collect();
    d.plan.actions = vec![Action::default(); 10];
    d.indicators.custom = vec![CustomKpi::default(); 3];
    d.declaration.other_documents = vec![OtherDocument::default(); 4];
    d
}
