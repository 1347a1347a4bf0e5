//! Partie 3 answers, the annexed déclaration sur l'honneur and the print choices.

use super::*;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CriterionAnswer {
    /// Id of the criterion in the call profile.
    pub id: String,
    pub argument: String,
}

// ---------------------------------------------------------------- Annexe

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Civility {
    #[default]
    Monsieur,
    Madame,
}

impl Civility {
    pub fn label(self) -> &'static str {
        match self {
            Civility::Monsieur => "M.",
            Civility::Madame => "Mme",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OtherDocument {
    pub title: String,
    /// Optional scan, path relative to the dossier file.
    pub attachment: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Declaration {
    pub civility: Civility,
    pub first_name: String,
    pub last_name: String,
    /// Qualité au sein de l'organisme d'appartenance.
    pub position_in_organisation: String,
    /// Qualité au sein de l'association.
    pub position_in_association: String,
    /// Empty means « same as the identity's dénomination ».
    pub association_name: String,
    /// Empty means « same as the identity's forme juridique ».
    pub legal_form: String,
    pub other_documents: Vec<OtherDocument>,
    pub place: String,
    pub date: Option<Date>,
}

// ---------------------------------------------------------------- Print

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StampCorner {
    #[default]
    BottomRight,
    BottomLeft,
    TopRight,
    TopLeft,
}

impl StampCorner {
    pub const ALL: [StampCorner; 4] = [
        StampCorner::BottomRight,
        StampCorner::BottomLeft,
        StampCorner::TopRight,
        StampCorner::TopLeft,
    ];
    pub fn label(self) -> &'static str {
        match self {
            StampCorner::BottomRight => "En bas à droite",
            StampCorner::BottomLeft => "En bas à gauche",
            StampCorner::TopRight => "En haut à droite",
            StampCorner::TopLeft => "En haut à gauche",
        }
    }
}

/// The user's printing choices, kept with the dossier so a render is
/// reproducible from the file alone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrintOptions {
    pub stamp_corner: StampCorner,
    /// Overrides the call's number of copies.
    pub copies: Option<u32>,
}
