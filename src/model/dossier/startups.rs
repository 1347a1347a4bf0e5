//! Section 5: start-up creation and support.

use super::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PreparationKind {
    #[default]
    Training,
    Incubation,
    Mentoring,
    Awareness,
    Other,
}

impl PreparationKind {
    pub const ALL: [PreparationKind; 5] = [
        PreparationKind::Awareness,
        PreparationKind::Training,
        PreparationKind::Incubation,
        PreparationKind::Mentoring,
        PreparationKind::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            PreparationKind::Awareness => "Sensibilisation et détection",
            PreparationKind::Training => "Formation",
            PreparationKind::Incubation => "Incubation",
            PreparationKind::Mentoring => "Mentorat",
            PreparationKind::Other => "Autre",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PreparationStep {
    pub kind: PreparationKind,
    pub description: String,
    pub partners: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SupportType {
    #[default]
    Hosting,
    Financing,
    Expertise,
    MarketAccess,
    Networking,
    TechnicalPlatforms,
    Other,
}

impl SupportType {
    pub const ALL: [SupportType; 7] = [
        SupportType::Hosting,
        SupportType::Financing,
        SupportType::Expertise,
        SupportType::MarketAccess,
        SupportType::Networking,
        SupportType::TechnicalPlatforms,
        SupportType::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            SupportType::Hosting => "Hébergement",
            SupportType::Financing => "Financement",
            SupportType::Expertise => "Conseil et expertise",
            SupportType::MarketAccess => "Accès au marché",
            SupportType::Networking => "Mise en réseau",
            SupportType::TechnicalPlatforms => "Plateformes techniques",
            SupportType::Other => "Autre",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SupportService {
    pub support_type: SupportType,
    pub services: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StartupSupport {
    pub strategy: String,
    pub preparation: Vec<PreparationStep>,
    pub post_creation: Vec<SupportService>,
}
