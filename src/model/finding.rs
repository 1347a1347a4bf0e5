//! What the rules report: a severity, the dossier section, the field's path
//! and a French message that states the measured value and what is expected.

use std::fmt;

use super::field::FieldPath;

/// The dossier's sections, in the order of the call; the wizard has one tab
/// per section and the printed dossier one chapter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    General,
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

impl Section {
    pub const ALL: [Section; 12] = [
        Section::General,
        Section::Administrative,
        Section::Identity,
        Section::Members,
        Section::Governance,
        Section::Strategy,
        Section::Cooperation,
        Section::Startups,
        Section::Plan,
        Section::Indicators,
        Section::Criteria,
        Section::Declaration,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::General => "Général",
            Section::Administrative => "Partie 1 – Dossier administratif",
            Section::Identity => "Section 1.1 – Description générale",
            Section::Members => "Section 1.2 – Membres et participants",
            Section::Governance => "Section 2 – Gouvernance et pilotage",
            Section::Strategy => "Section 3 – Stratégie générale",
            Section::Cooperation => "Section 4 – Partenariat et coopération",
            Section::Startups => "Section 5 – Création et accompagnement des start-up",
            Section::Plan => "Section 6 – Plan d'action et budget prévisionnels",
            Section::Indicators => "Section 7 – Suivi et évaluation",
            Section::Criteria => "Partie 3 – Critères de sélection",
            Section::Declaration => "Annexe – Déclaration sur l'honneur",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The dossier would be rejected: ineligible or incomplete.
    Blocking,
    /// Worth a look: an inconsistency or a weak point.
    Warning,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Blocking => "BLOQUANT",
            Severity::Warning => "attention",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub section: Section,
    /// The field in the dossier, e.g. `members[3].ice` or
    /// `budget.cotisations[0]`; the wizard uses it to focus the field.
    pub field: FieldPath,
    pub message: String,
}

impl Finding {
    pub fn blocking(section: Section, field: FieldPath, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Blocking,
            section,
            field,
            message: message.into(),
        }
    }
    pub fn warning(section: Section, field: FieldPath, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            section,
            field,
            message: message.into(),
        }
    }
    pub fn is_blocking(&self) -> bool {
        self.severity == Severity::Blocking
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.severity.label(), self.message)
    }
}
