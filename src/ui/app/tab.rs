//! The wizard's tabs, in dossier order, and the section each one shows.

use crate::model::Section;

/// The wizard's tabs, in dossier order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tab {
    Home,
    Administrative,
    Identity,
    Members,
    Governance,
    Strategy,
    Cooperation,
    Startups,
    Plan,
    Indicators,
    Criteria,
    Declaration,
    Verification,
    Print,
    /// The printed pages, full screen.
    Preview,
}

impl Tab {
    pub const ALL: [Tab; 15] = [
        Tab::Home,
        Tab::Administrative,
        Tab::Identity,
        Tab::Members,
        Tab::Governance,
        Tab::Strategy,
        Tab::Cooperation,
        Tab::Startups,
        Tab::Plan,
        Tab::Indicators,
        Tab::Criteria,
        Tab::Declaration,
        Tab::Verification,
        Tab::Print,
        Tab::Preview,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Home => "Accueil",
            Tab::Administrative => "Partie 1 Administratif",
            Tab::Identity => "1 Identité",
            Tab::Members => "1.2 Membres",
            Tab::Governance => "2 Gouvernance",
            Tab::Strategy => "3 Stratégie",
            Tab::Cooperation => "4 Partenariats et projets",
            Tab::Startups => "5 Start-up",
            Tab::Plan => "6 Plan d'action et budget",
            Tab::Indicators => "7 Indicateurs",
            Tab::Criteria => "Partie 3 Critères",
            Tab::Declaration => "Annexe Déclaration",
            Tab::Verification => "Vérification",
            Tab::Print => "Impression",
            Tab::Preview => "Aperçu des pages",
        }
    }

    /// The dossier section whose findings the tab shows.
    pub fn section(self) -> Option<Section> {
        Some(match self {
            Tab::Home => Section::General,
            Tab::Administrative => Section::Administrative,
            Tab::Identity => Section::Identity,
            Tab::Members => Section::Members,
            Tab::Governance => Section::Governance,
            Tab::Strategy => Section::Strategy,
            Tab::Cooperation => Section::Cooperation,
            Tab::Startups => Section::Startups,
            Tab::Plan => Section::Plan,
            Tab::Indicators => Section::Indicators,
            Tab::Criteria => Section::Criteria,
            Tab::Declaration => Section::Declaration,
            Tab::Verification | Tab::Print | Tab::Preview => return None,
        })
    }

    pub fn for_section(section: Section) -> Tab {
        Tab::ALL
            .into_iter()
            .find(|t| t.section() == Some(section))
            .unwrap_or(Tab::Verification)
    }
}
