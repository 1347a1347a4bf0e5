//! The French names of the dossier's fields, for messages: a finding or an
//! error names a field as the form does (« date d'adhésion »), never by its
//! name in the file (`joined`). Each field-name enum has its labels in one
//! exhaustive match, so a new field cannot go without one.

use super::names::*;

/// A field's name in French, lower case unless a proper noun.
pub trait FieldLabel: FieldName {
    fn label(self) -> &'static str;
}

impl FieldLabel for Part {
    fn label(self) -> &'static str {
        match self {
            Part::Administrative => "Dossier administratif",
            Part::Identity => "Description générale",
            Part::Members => "Membres",
            Part::Partners => "Partenaires majeurs",
            Part::Governance => "Gouvernance",
            Part::Strategy => "Stratégie",
            Part::Cooperation => "Partenariat et coopération",
            Part::Startups => "Création et accompagnement des start-up",
            Part::Plan => "Plan d'action",
            Part::Budget => "Budget prévisionnel",
            Part::Indicators => "Indicateurs de performance",
            Part::Criteria => "Critères de sélection",
            Part::Declaration => "Déclaration sur l'honneur",
            Part::Edition => "Édition de l'appel",
        }
    }
}

impl FieldLabel for IdentityField {
    fn label(self) -> &'static str {
        use IdentityField as F;
        match self {
            F::Name => "dénomination",
            F::Acronym => "sigle",
            F::LegalForm => "forme juridique",
            F::CreationDate => "date de création",
            F::Address => "adresse du siège",
            F::City => "ville du siège",
            F::President => "président",
            F::VicePresident => "vice-président",
            F::Treasurer => "trésorier",
            F::Director => "directeur",
            F::Sector => "secteur et thématiques",
            F::Website => "site web",
            F::Activities => "activités principales et thématiques",
            F::SectorImportance => "importance sectorielle",
            F::StrategicJustification => "justification stratégique",
            F::CoreTerritory => "périmètre du noyau central",
            F::ProductiveArea => "territoire",
            F::Genesis => "genèse du cluster",
            F::TerritorialAnchoring => "ancrage territorial",
            F::JointInitiatives => "initiatives communes déjà engagées",
        }
    }
}

impl FieldLabel for PersonField {
    fn label(self) -> &'static str {
        match self {
            PersonField::Civility => "civilité",
            PersonField::Name => "nom et prénom",
            PersonField::Organisation => "organisme",
            PersonField::Function => "fonction",
            PersonField::Phone => "téléphone",
            PersonField::Email => "e-mail",
        }
    }
}

impl FieldLabel for MemberField {
    fn label(self) -> &'static str {
        use MemberField as F;
        match self {
            F::Name => "raison sociale",
            F::Category => "catégorie",
            F::Activity => "activité",
            F::Sector => "secteur",
            F::City => "ville",
            F::Size => "taille",
            F::Ice => "ICE",
            F::Rc => "RC",
            F::TaxId => "identifiant fiscal (IF)",
            F::Cnss => "n° d'affiliation CNSS",
            F::Contact => "contact",
            F::Joined => "date d'adhésion",
            F::FeeCategory => "catégorie de cotisation",
        }
    }
}

impl FieldLabel for PartnerField {
    fn label(self) -> &'static str {
        match self {
            PartnerField::Name => "nom",
            PartnerField::Kind => "type d'organisme",
            PartnerField::City => "ville",
            PartnerField::Link => "nature du lien",
        }
    }
}

impl FieldLabel for GovernanceField {
    fn label(self) -> &'static str {
        use GovernanceField as F;
        match self {
            F::Board => "conseil d'administration",
            F::InternalOrganisation => "organisation interne de l'association",
            F::MembershipTerms => "conditions d'adhésion",
            F::FeeCategories => "barème des cotisations",
            F::FeeCalculation => "mode de calcul des cotisations",
        }
    }
}

impl FieldLabel for BoardField {
    fn label(self) -> &'static str {
        match self {
            BoardField::Civility => "civilité",
            BoardField::Name => "nom et prénom",
            BoardField::Organisation => "organisme",
            BoardField::Role => "qualité au CA",
            BoardField::Function => "fonction dans l'organisme",
            BoardField::Phone => "téléphone",
            BoardField::Email => "e-mail",
        }
    }
}

impl FieldLabel for FeeField {
    fn label(self) -> &'static str {
        match self {
            FeeField::Name => "nom de la catégorie",
            FeeField::Description => "description",
            FeeField::AnnualAmount => "cotisation annuelle",
        }
    }
}

impl FieldLabel for StrategyField {
    fn label(self) -> &'static str {
        use StrategyField as F;
        match self {
            F::GlobalStrategy => "stratégie globale du cluster",
            F::RdProjects => "projets de R&D (nombre)",
            F::FundsRaised => "financements levés",
            F::ExportShare => "parts de marché à l'export",
            F::ObjectivesComment => "commentaire sur les objectifs",
            F::TechnologiesMarkets => "technologies et marchés visés",
            F::NationalPositioning => "positionnement concurrentiel national",
            F::InternationalPositioning => "positionnement concurrentiel international",
            F::ForecastMembers => "prévision du nombre d'adhérents",
            F::ForecastFeeRevenue => "prévision des recettes de cotisation",
        }
    }
}

impl FieldLabel for CooperationField {
    fn label(self) -> &'static str {
        match self {
            CooperationField::CooperationProjects => "projets de coopération",
            CooperationField::CollaborativeProjects => "projets collaboratifs",
            CooperationField::Partnerships => "partenariats",
        }
    }
}

impl FieldLabel for ProjectField {
    fn label(self) -> &'static str {
        use ProjectField as F;
        match self {
            F::Title => "intitulé",
            F::Nature => "nature",
            F::Stakeholders => "parties prenantes",
            F::Means => "moyens mobilisés",
            F::ExpectedResults => "résultats attendus",
            F::Objectives => "objectifs",
            F::Actors => "acteurs impliqués",
        }
    }
}

impl FieldLabel for PartnershipField {
    fn label(self) -> &'static str {
        use PartnershipField as F;
        match self {
            F::Body => "organisme",
            F::Kind => "type d'organisme",
            F::Scope => "portée",
            F::Country => "pays",
            F::Status => "statut",
            F::Purpose => "objet du partenariat",
        }
    }
}

impl FieldLabel for StartupsField {
    fn label(self) -> &'static str {
        match self {
            StartupsField::Strategy => "stratégie de soutien à l'entrepreneuriat innovant",
            StartupsField::Preparation => "préparation à la création d'entreprise",
            StartupsField::PostCreation => "accompagnement post-création",
        }
    }
}

impl FieldLabel for StepField {
    fn label(self) -> &'static str {
        match self {
            StepField::Kind => "type d'étape",
            StepField::Description => "description",
            StepField::Partners => "partenaires",
            StepField::SupportType => "type de soutien",
            StepField::Services => "services offerts",
        }
    }
}

impl FieldLabel for PlanField {
    fn label(self) -> &'static str {
        match self {
            PlanField::Orientations => "orientations",
            PlanField::Objectives => "objectifs",
            PlanField::Actions => "actions",
        }
    }
}

impl FieldLabel for ActionField {
    fn label(self) -> &'static str {
        match self {
            ActionField::Title => "intitulé",
            ActionField::Category => "catégorie",
            ActionField::Description => "description",
            ActionField::Cost => "coût",
        }
    }
}

impl FieldLabel for BudgetField {
    fn label(self) -> &'static str {
        match self {
            BudgetField::Detail => "précision",
        }
    }
}

impl FieldLabel for IndicatorsField {
    fn label(self) -> &'static str {
        match self {
            IndicatorsField::Custom => "indicateurs supplémentaires",
        }
    }
}

impl FieldLabel for CustomKpiField {
    fn label(self) -> &'static str {
        match self {
            CustomKpiField::Label => "libellé",
            CustomKpiField::Unit => "unité",
            CustomKpiField::Values => "valeurs",
        }
    }
}

impl FieldLabel for AdminField {
    fn label(self) -> &'static str {
        match self {
            AdminField::Status => "état",
            AdminField::Date => "date",
            AdminField::Note => "observation",
        }
    }
}

impl FieldLabel for DeclarationField {
    fn label(self) -> &'static str {
        use DeclarationField as F;
        match self {
            F::Civility => "civilité",
            F::FirstName => "prénom",
            F::LastName => "nom",
            F::PositionInOrganisation => "qualité au sein de l'organisme d'appartenance",
            F::PositionInAssociation => "qualité au sein de l'association",
            F::AssociationName => "dénomination de l'association",
            F::LegalForm => "forme juridique",
            F::OtherDocuments => "autres documents",
            F::Place => "lieu (« Fait à »)",
            F::Date => "date",
        }
    }
}

impl FieldLabel for DocumentField {
    fn label(self) -> &'static str {
        match self {
            DocumentField::Title => "intitulé",
            DocumentField::Attachment => "fichier joint",
        }
    }
}

mod schema;
pub use schema::{Holds, Kind, describe, field, inner};

#[cfg(test)]
pub(crate) mod tests;
