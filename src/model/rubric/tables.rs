//! The rubric tables, section by section, in the call's order. Labels are
//! the call's words (cahier des charges, section 6); a line here is all
//! the wizard, the paper, the rules and « Nouvelle édition » need.

use super::{Carry, Entry, Need, Print, Rubric, TextForm, Value};
use crate::model::dossier::{
    ActionPlan, CollaborativeProject, CooperationProject, Governance, Identity, StartupSupport,
    Strategy,
};
use crate::model::field::{
    FieldPath, GovernanceField as G, IdentityField as I, Part, PlanField as P, ProjectField as J,
    StartupsField as S, StrategyField as St,
};
use crate::model::limits::NumberKind;

/// A rubric line: field, label, need, value, carry-over, print role.
macro_rules! rubric {
    ($field:expr, $label:literal, $need:ident, $value:expr, $carry:ident, $print:ident) => {
        Rubric {
            field: $field,
            label: $label,
            need: Need::$need,
            value: $value,
            carry: Carry::$carry,
            print: Print::$print,
        }
    };
}

/// Accessors from the field's name, so reading and writing cannot name
/// two different fields.
macro_rules! text {
    ($form:ident, $f:ident) => {
        Value::Text(TextForm::$form, |h| &h.$f, |h| &mut h.$f)
    };
}
macro_rules! date {
    ($f:ident) => {
        Value::Date(|h| &h.$f, |h| &mut h.$f)
    };
}
macro_rules! counts {
    ($f:ident) => {
        Value::Counts(|h| &h.$f, |h| &mut h.$f)
    };
}
macro_rules! decimals {
    ($kind:ident, $f:ident) => {
        Value::Decimals(NumberKind::$kind, |h| &h.$f, |h| &mut h.$f)
    };
}

/// Section 1.1, the « libellé : valeur » block (the key persons follow it
/// in the wizard and on paper; their contact blocks are the section's own).
pub const IDENTITY_HEAD: &[Entry<Identity, I>] = &[
    Entry::Rubric(rubric!(
        I::Name,
        "Dénomination",
        Required,
        text!(Line, name),
        Keep,
        Pair
    )),
    Entry::Rubric(rubric!(
        I::Acronym,
        "Sigle",
        Advisable,
        text!(Line, acronym),
        Keep,
        Pair
    )),
    Entry::Rubric(rubric!(
        I::LegalForm,
        "Forme juridique",
        Required,
        text!(Wrapped, legal_form),
        Keep,
        Pair
    )),
    Entry::Rubric(rubric!(
        I::CreationDate,
        "Date de création",
        Required,
        date!(creation_date),
        Keep,
        Pair
    )),
    // Printed together as « Siège : adresse, ville ».
    Entry::Rubric(rubric!(
        I::Address,
        "Siège : adresse",
        Required,
        text!(Wrapped, address),
        Keep,
        Bespoke
    )),
    Entry::Rubric(rubric!(
        I::City,
        "Siège : ville",
        Required,
        text!(Line, city),
        Keep,
        Bespoke
    )),
    Entry::Rubric(rubric!(
        I::Sector,
        "Secteur",
        Required,
        text!(Wrapped, sector),
        Keep,
        Pair
    )),
    Entry::Rubric(rubric!(
        I::Website,
        "Site web",
        Optional,
        text!(Line, website),
        Keep,
        Pair
    )),
];

/// Section 1.1, « Secteur & thématiques », « Territoire », « Historique ».
pub const IDENTITY_TEXTS: &[Entry<Identity, I>] = &[
    Entry::Heading("Secteur et thématiques"),
    Entry::Rubric(rubric!(
        I::Activities,
        "Activités principales",
        Required,
        text!(Paragraph, activities),
        Keep,
        Titled
    )),
    Entry::Rubric(rubric!(
        I::SectorImportance,
        "Importance sectorielle",
        Required,
        text!(Paragraph, sector_importance),
        Keep,
        Titled
    )),
    Entry::Rubric(rubric!(
        I::StrategicJustification,
        "Justification stratégique",
        Required,
        text!(Paragraph, strategic_justification),
        Keep,
        Titled
    )),
    Entry::Heading("Territoire"),
    Entry::Rubric(rubric!(
        I::CoreTerritory,
        "Périmètre géographique du noyau central (entreprises adhérentes)",
        Required,
        text!(Paragraph, core_territory),
        Keep,
        Titled
    )),
    Entry::Rubric(rubric!(
        I::ProductiveArea,
        "Périmètre de l'agglomération productive (champ potentiel des coopérations futures)",
        Required,
        text!(Paragraph, productive_area),
        Keep,
        Titled
    )),
    Entry::Heading("Historique"),
    Entry::Rubric(rubric!(
        I::Genesis,
        "Genèse du cluster",
        Required,
        text!(Paragraph, genesis),
        Keep,
        Titled
    )),
    Entry::Rubric(rubric!(
        I::TerritorialAnchoring,
        "Ancrage territorial",
        Required,
        text!(Paragraph, territorial_anchoring),
        Keep,
        Titled
    )),
    Entry::Rubric(rubric!(
        I::JointInitiatives,
        "Initiatives communes déjà engagées",
        Required,
        text!(Paragraph, joint_initiatives),
        Keep,
        Titled
    )),
];

/// Section 2, the texts beside the board table and the fee schedule.
pub const GOVERNANCE_ORGANISATION: &[Entry<Governance, G>] = &[
    Entry::Rubric(rubric!(
        G::InternalOrganisation,
        "Organisation interne de l'association",
        Required,
        text!(Paragraph, internal_organisation),
        Keep,
        Titled
    )),
    Entry::Rubric(rubric!(
        G::MembershipTerms,
        "Modalités d'adhésion des membres à la structure de gouvernance",
        Required,
        text!(Paragraph, membership_terms),
        Keep,
        Titled
    )),
];

/// Section 2, after the fee schedule.
pub const GOVERNANCE_FEES: &[Entry<Governance, G>] = &[Entry::Rubric(rubric!(
    G::FeeCalculation,
    "Mode de calcul des cotisations",
    Required,
    text!(Paragraph, fee_calculation),
    Keep,
    Titled
))];

/// Section 3 – Stratégie générale du cluster (3.1).
pub const STRATEGY: &[Entry<Strategy, St>] = &[
    Entry::Rubric(rubric!(
        St::GlobalStrategy,
        "Stratégie globale du cluster",
        Required,
        text!(Paragraph, global_strategy),
        Keep,
        Titled
    )),
    Entry::YearTable {
        heading: "Objectifs chiffrés sur cinq ans",
        first: "Objectif",
        rows: &[
            rubric!(
                St::RdProjects,
                "Projets de R&D (nombre)",
                Required,
                counts!(rd_projects),
                Clear,
                YearRow
            ),
            rubric!(
                St::FundsRaised,
                "Financements levés (DHS)",
                Required,
                decimals!(Amount, funds_raised),
                Clear,
                YearRow
            ),
            rubric!(
                St::ExportShare,
                "Parts de marché à l'export (%)",
                Required,
                decimals!(Percent, export_share),
                Clear,
                YearRow
            ),
        ],
    },
    Entry::Rubric(rubric!(
        St::ObjectivesComment,
        "Commentaire sur les objectifs",
        Optional,
        text!(Paragraph, objectives_comment),
        Keep,
        Note
    )),
    Entry::Rubric(rubric!(
        St::TechnologiesMarkets,
        "Technologies et marchés visés",
        Required,
        text!(Paragraph, technologies_markets),
        Keep,
        Titled
    )),
    Entry::Rubric(rubric!(
        St::NationalPositioning,
        "Positionnement concurrentiel national",
        Required,
        text!(Paragraph, national_positioning),
        Keep,
        Titled
    )),
    Entry::Rubric(rubric!(
        St::InternationalPositioning,
        "Positionnement concurrentiel international",
        Required,
        text!(Paragraph, international_positioning),
        Keep,
        Titled
    )),
    Entry::YearTable {
        heading: "Évolution prévisionnelle des adhérents et des recettes de cotisation",
        first: "Prévision",
        rows: &[
            rubric!(
                St::ForecastMembers,
                "Nombre d'adhérents",
                Required,
                counts!(forecast_members),
                Clear,
                YearRow
            ),
            rubric!(
                St::ForecastFeeRevenue,
                "Recettes de cotisation (DHS)",
                Required,
                decimals!(Amount, forecast_fee_revenue),
                Clear,
                YearRow
            ),
        ],
    },
];

/// Section 4.1, one cooperation project: « nature, parties prenantes,
/// moyens mobilisés et résultats attendus ». Projects belong to one
/// application: « Nouvelle édition » starts the list afresh.
pub const COOPERATION_PROJECT: &[Entry<CooperationProject, J>] = &[
    // The project's heading on paper.
    Entry::Rubric(rubric!(
        J::Title,
        "Intitulé",
        Required,
        text!(Wrapped, title),
        Clear,
        Bespoke
    )),
    Entry::Rubric(rubric!(
        J::Nature,
        "Nature",
        Required,
        text!(Paragraph, nature),
        Clear,
        Pair
    )),
    Entry::Rubric(rubric!(
        J::Stakeholders,
        "Parties prenantes",
        Required,
        text!(Paragraph, stakeholders),
        Clear,
        Pair
    )),
    Entry::Rubric(rubric!(
        J::Means,
        "Moyens mobilisés",
        Required,
        text!(Paragraph, means),
        Clear,
        Pair
    )),
    Entry::Rubric(rubric!(
        J::ExpectedResults,
        "Résultats attendus",
        Required,
        text!(Paragraph, expected_results),
        Clear,
        Pair
    )),
];

/// Section 4.1, one collaborative project: « objectifs, acteurs impliqués
/// et résultats attendus ».
pub const COLLABORATIVE_PROJECT: &[Entry<CollaborativeProject, J>] = &[
    Entry::Rubric(rubric!(
        J::Title,
        "Intitulé",
        Required,
        text!(Wrapped, title),
        Clear,
        Bespoke
    )),
    Entry::Rubric(rubric!(
        J::Objectives,
        "Objectifs",
        Required,
        text!(Paragraph, objectives),
        Clear,
        Pair
    )),
    Entry::Rubric(rubric!(
        J::Actors,
        "Acteurs impliqués",
        Required,
        text!(Paragraph, actors),
        Clear,
        Pair
    )),
    Entry::Rubric(rubric!(
        J::ExpectedResults,
        "Résultats attendus",
        Required,
        text!(Paragraph, expected_results),
        Clear,
        Pair
    )),
];

/// Section 5, before the preparation steps and the services.
pub const STARTUPS: &[Entry<StartupSupport, S>] = &[Entry::Rubric(rubric!(
    S::Strategy,
    "Stratégie de soutien à l'entrepreneuriat innovant",
    Required,
    text!(Paragraph, strategy),
    Keep,
    Titled
))];

/// Section 6.1, before the actions.
pub const PLAN: &[Entry<ActionPlan, P>] = &[
    Entry::Rubric(rubric!(
        P::Orientations,
        "Orientations",
        Required,
        text!(Paragraph, orientations),
        Clear,
        Titled
    )),
    Entry::Rubric(rubric!(
        P::Objectives,
        "Objectifs et grandes lignes du plan d'action",
        Required,
        text!(Paragraph, objectives),
        Clear,
        Titled
    )),
];

/// The paths of the section-level tables' holders.
pub fn identity_base() -> FieldPath {
    FieldPath::part(Part::Identity)
}
pub fn governance_base() -> FieldPath {
    FieldPath::part(Part::Governance)
}
pub fn strategy_base() -> FieldPath {
    FieldPath::part(Part::Strategy)
}
pub fn startups_base() -> FieldPath {
    FieldPath::part(Part::Startups)
}
pub fn plan_base() -> FieldPath {
    FieldPath::part(Part::Plan)
}
