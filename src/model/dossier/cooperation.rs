//! Section 4: cooperation and collaborative projects, partnerships.

use super::*;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CooperationProject {
    pub title: String,
    pub nature: String,
    pub stakeholders: String,
    pub means: String,
    pub expected_results: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CollaborativeProject {
    pub title: String,
    pub objectives: String,
    pub actors: String,
    pub expected_results: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartnershipScope {
    #[default]
    National,
    International,
}

impl PartnershipScope {
    pub fn label(self) -> &'static str {
        match self {
            PartnershipScope::National => "National",
            PartnershipScope::International => "International",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartnerBodyKind {
    #[default]
    ResearchUniversity,
    TechnicalCentre,
    Cluster,
    LocalAuthority,
    Other,
}

impl PartnerBodyKind {
    pub const ALL: [PartnerBodyKind; 5] = [
        PartnerBodyKind::ResearchUniversity,
        PartnerBodyKind::TechnicalCentre,
        PartnerBodyKind::Cluster,
        PartnerBodyKind::LocalAuthority,
        PartnerBodyKind::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            PartnerBodyKind::ResearchUniversity => "Organisme de recherche / université",
            PartnerBodyKind::TechnicalCentre => "Centre technique",
            PartnerBodyKind::Cluster => "Cluster",
            PartnerBodyKind::LocalAuthority => "Collectivité territoriale",
            PartnerBodyKind::Other => "Autre organisme",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartnershipStatus {
    #[default]
    Envisaged,
    Established,
}

impl PartnershipStatus {
    pub fn label(self) -> &'static str {
        match self {
            PartnershipStatus::Envisaged => "Envisagé",
            PartnershipStatus::Established => "Établi",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Partnership {
    pub body: String,
    pub kind: PartnerBodyKind,
    pub scope: PartnershipScope,
    pub country: String,
    pub status: PartnershipStatus,
    pub purpose: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Cooperation {
    pub cooperation_projects: Vec<CooperationProject>,
    pub collaborative_projects: Vec<CollaborativeProject>,
    pub partnerships: Vec<Partnership>,
}
