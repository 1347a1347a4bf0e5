//! Section 3: the 5-year strategy and its figures.

use super::*;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Strategy {
    pub global_strategy: String,
    /// Objectifs chiffrés : projets de R&D par an.
    pub rd_projects: Years<u32>,
    /// Objectifs chiffrés : financements levés (DH) par an.
    #[serde(deserialize_with = "crate::model::money::from_file::years")]
    pub funds_raised: Years<Decimal>,
    /// Objectifs chiffrés : part de marché à l'export (%) par an.
    #[serde(deserialize_with = "crate::model::money::from_file::years")]
    pub export_share: Years<Decimal>,
    pub objectives_comment: String,
    pub technologies_markets: String,
    pub national_positioning: String,
    pub international_positioning: String,
    /// Évolution prévisionnelle du nombre d'adhérents.
    pub forecast_members: Years<u32>,
    /// Évolution prévisionnelle des recettes de cotisation (DH).
    #[serde(deserialize_with = "crate::model::money::from_file::years")]
    pub forecast_fee_revenue: Years<Decimal>,
}
