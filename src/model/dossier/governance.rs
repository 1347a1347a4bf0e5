//! Section 2: the board, internal organisation and fees.

use super::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BoardRole {
    President,
    VicePresident,
    Treasurer,
    DeputyTreasurer,
    SecretaryGeneral,
    #[default]
    Director,
}

impl BoardRole {
    pub const ALL: [BoardRole; 6] = [
        BoardRole::President,
        BoardRole::VicePresident,
        BoardRole::Treasurer,
        BoardRole::DeputyTreasurer,
        BoardRole::SecretaryGeneral,
        BoardRole::Director,
    ];
    pub fn label(self) -> &'static str {
        match self {
            BoardRole::President => "Président",
            BoardRole::VicePresident => "Vice-président",
            BoardRole::Treasurer => "Trésorier",
            BoardRole::DeputyTreasurer => "Trésorier adjoint",
            BoardRole::SecretaryGeneral => "Secrétaire général",
            BoardRole::Director => "Administrateur",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BoardMember {
    /// As for [`Person::civility`].
    pub civility: Option<Civility>,
    pub name: String,
    pub organisation: String,
    pub role: BoardRole,
    /// Function within the member organisation.
    pub function: String,
    pub phone: String,
    pub email: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FeeCategory {
    /// Name members refer to, e.g. « Grande entreprise ».
    pub name: String,
    pub description: String,
    /// Annual fee in dirhams.
    #[serde(deserialize_with = "crate::model::money::from_file::option")]
    pub annual_amount: Option<Decimal>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Governance {
    pub board: Vec<BoardMember>,
    pub internal_organisation: String,
    /// Modalités d'adhésion des membres à la structure de gouvernance.
    pub membership_terms: String,
    pub fee_categories: Vec<FeeCategory>,
    /// Mode de calcul des cotisations.
    pub fee_calculation: String,
}
