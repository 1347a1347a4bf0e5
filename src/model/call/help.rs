//! Help beside each wizard section, in the call's own words: what the call
//! asks there, the selection criteria (Partie 3) the evaluators apply to
//! it, and the expected length where the call gives one. It lives in the
//! profile (`section_help`), so a new edition brings its own.

use serde::{Deserialize, Serialize};

use super::{CallProfile, CriterionDef, ProfileIssue};
use crate::model::finding::Section;

/// The wizard sections a profile may describe (every section of the
/// dossier but the general one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HelpSection {
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
}

impl HelpSection {
    pub const ALL: [HelpSection; 11] = [
        HelpSection::Administrative,
        HelpSection::Identity,
        HelpSection::Members,
        HelpSection::Governance,
        HelpSection::Strategy,
        HelpSection::Cooperation,
        HelpSection::Startups,
        HelpSection::Plan,
        HelpSection::Indicators,
        HelpSection::Criteria,
        HelpSection::Declaration,
    ];

    /// The dossier section (and wizard tab) this help is shown beside.
    pub fn section(self) -> Section {
        match self {
            HelpSection::Administrative => Section::Administrative,
            HelpSection::Identity => Section::Identity,
            HelpSection::Members => Section::Members,
            HelpSection::Governance => Section::Governance,
            HelpSection::Strategy => Section::Strategy,
            HelpSection::Cooperation => Section::Cooperation,
            HelpSection::Startups => Section::Startups,
            HelpSection::Plan => Section::Plan,
            HelpSection::Indicators => Section::Indicators,
            HelpSection::Criteria => Section::Criteria,
            HelpSection::Declaration => Section::Declaration,
        }
    }

    /// The help section of a dossier section; none for the general one.
    pub fn of(section: Section) -> Option<Self> {
        match section {
            Section::General => None,
            Section::Administrative => Some(HelpSection::Administrative),
            Section::Identity => Some(HelpSection::Identity),
            Section::Members => Some(HelpSection::Members),
            Section::Governance => Some(HelpSection::Governance),
            Section::Strategy => Some(HelpSection::Strategy),
            Section::Cooperation => Some(HelpSection::Cooperation),
            Section::Startups => Some(HelpSection::Startups),
            Section::Plan => Some(HelpSection::Plan),
            Section::Indicators => Some(HelpSection::Indicators),
            Section::Criteria => Some(HelpSection::Criteria),
            Section::Declaration => Some(HelpSection::Declaration),
        }
    }
}

/// What the call says about one section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionHelp {
    pub section: HelpSection,
    /// Where the call says it: its heading, word for word.
    pub reference: String,
    /// What the call asks, quoted word for word, in the call's order.
    pub asks: Vec<Ask>,
    /// Ids of the profile's `criteria` the evaluators apply to this section.
    #[serde(default)]
    pub criteria: Vec<String>,
    /// The expected length in the call's words; `None` when the call gives
    /// none (nothing is then shown: no length is made up).
    #[serde(default)]
    pub expected_length: Option<String>,
}

/// One request of the call, word for word.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ask {
    /// The rubric it stands under in a table of the call (« Territoire »),
    /// empty for a sentence or a list item.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rubric: String,
    pub text: String,
    /// The heading of the call's part it is quoted from, word for word,
    /// when that is not the section's `reference` (« 3.2 Caractéristiques
    /// fondamentales »).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl SectionHelp {
    /// The criteria of this section, in the profile's order (technical
    /// analysis first, as in the call).
    pub fn criteria_in<'a>(&'a self, p: &'a CallProfile) -> impl Iterator<Item = &'a CriterionDef> {
        p.criteria
            .iter()
            .filter(move |c| self.criteria.contains(&c.id))
    }
}

impl CallProfile {
    /// The call's help for a dossier section, if the profile has some.
    pub fn help_for(&self, section: Section) -> Option<&SectionHelp> {
        let wanted = HelpSection::of(section)?;
        self.section_help.iter().find(|h| h.section == wanted)
    }
}

/// Each section described once, with something to say, and only criteria
/// the profile defines.
pub(super) fn validate(p: &CallProfile, issues: &mut Vec<ProfileIssue>) {
    let mut seen: Vec<HelpSection> = Vec::new();
    for h in &p.section_help {
        let locate = format!("section: {:?}", h.section);
        let occurrence = seen.iter().filter(|s| **s == h.section).count();
        if occurrence > 0 {
            issues.push(ProfileIssue::at(
                format!(
                    "aide de l'appel : la rubrique « {:?} » est décrite deux fois",
                    h.section
                ),
                locate.clone(),
                occurrence,
            ));
        }
        seen.push(h.section);
        if h.asks.iter().any(|a| a.text.trim().is_empty()) {
            issues.push(ProfileIssue::at(
                format!(
                    "aide de l'appel, rubrique « {:?} » : une demande (« text ») est vide",
                    h.section
                ),
                locate.clone(),
                occurrence,
            ));
        }
        if h.asks.is_empty() && h.criteria.is_empty() && h.expected_length.is_none() {
            issues.push(ProfileIssue::at(
                format!(
                    "aide de l'appel, rubrique « {:?} » : ni demande, ni critère, ni longueur",
                    h.section
                ),
                locate.clone(),
                occurrence,
            ));
        }
        let mut listed: Vec<&str> = Vec::new();
        for id in &h.criteria {
            if !p.criteria.iter().any(|c| c.id == *id) {
                issues.push(ProfileIssue::at(
                    format!(
                        "aide de l'appel, rubrique « {:?} » : le critère « {id} » n'est pas dans « criteria »",
                        h.section
                    ),
                    locate.clone(),
                    occurrence,
                ));
            } else if listed.contains(&id.as_str()) {
                issues.push(ProfileIssue::at(
                    format!(
                        "aide de l'appel, rubrique « {:?} » : le critère « {id} » est cité deux fois",
                        h.section
                    ),
                    locate.clone(),
                    occurrence,
                ));
            }
            listed.push(id);
        }
    }
}
