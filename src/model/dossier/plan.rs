//! Sections 6 and 7: the action plan, the budget canevas and the indicators.

use super::*;

/// An action's category: one of the call's eligible categories (by id in
/// the profile) or another action the Fund does not finance.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionCategory {
    Eligible(String),
    #[default]
    Other,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Action {
    pub title: String,
    pub category: ActionCategory,
    pub description: String,
    /// Cost per year in DH; a blank year is a year without the action.
    #[serde(deserialize_with = "crate::model::money::from_file::years")]
    pub cost: Years<Decimal>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActionPlan {
    pub orientations: String,
    pub objectives: String,
    pub actions: Vec<Action>,
}

/// One row of the budget canevas, by id of the profile's row.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BudgetLine {
    pub row: String,
    #[serde(deserialize_with = "crate::model::money::from_file::years")]
    pub amounts: Years<Decimal>,
    /// What the amount covers, for rows « (à préciser) ».
    pub detail: String,
}

// ---------------------------------------------------------------- Section 7

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KpiLine {
    /// Id of the standard indicator in the call profile.
    pub id: String,
    #[serde(deserialize_with = "crate::model::money::from_file::years")]
    pub values: Years<Decimal>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CustomKpi {
    pub label: String,
    pub unit: String,
    #[serde(deserialize_with = "crate::model::money::from_file::years")]
    pub values: Years<Decimal>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Indicators {
    pub standard: Vec<KpiLine>,
    pub custom: Vec<CustomKpi>,
}
