//! Partie 1: the administrative pieces and where each stands.

use super::*;

/// Where an administrative piece stands.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PieceStatus {
    #[default]
    ToProvide,
    /// Will be handed in on paper with the printed dossier.
    OnPaper,
    /// A scan, path relative to the dossier file.
    Attached(String),
}

impl PieceStatus {
    pub fn label(&self) -> &'static str {
        match self {
            PieceStatus::ToProvide => "À fournir",
            PieceStatus::OnPaper => "Fourni sur papier",
            PieceStatus::Attached(_) => "Fichier joint",
        }
    }
    pub fn is_provided(&self) -> bool {
        !matches!(self, PieceStatus::ToProvide)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AdminPiece {
    /// Id of the piece in the call profile.
    pub id: String,
    pub status: PieceStatus,
    pub date: Option<Date>,
    pub note: String,
}
