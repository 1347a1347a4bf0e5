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

/// What a field holds, for reading what follows it in a path or a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holds {
    /// A value, or a struct of the given kind.
    Value(Kind),
    /// A list of rows of the given kind, each called `noun` (« membre »).
    Rows(Kind, &'static str),
    /// One value per year: an index is a year.
    Years,
}

/// The structs of a dossier, as far as their field names are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Scalar,
    Dossier,
    AdminPiece,
    Identity,
    Person,
    Member,
    Partner,
    Governance,
    Board,
    Fee,
    Strategy,
    Cooperation,
    Project,
    Partnership,
    Startups,
    Step,
    Plan,
    Action,
    BudgetLine,
    Indicators,
    KpiLine,
    CustomKpi,
    Criterion,
    Declaration,
    Document,
    Print,
}

fn find<F: FieldLabel + 'static>(all: &'static [F], key: &str) -> Option<F> {
    all.iter().copied().find(|f| f.key() == key)
}

const V: Holds = Holds::Value(Kind::Scalar);

/// A field of a struct of `kind`, by its name in the file: its French label
/// and what it holds. `None` for a name the dossier does not have.
pub fn field(kind: Kind, key: &str) -> Option<(&'static str, Holds)> {
    use Holds::{Rows, Value, Years};
    let out = match kind {
        Kind::Scalar => return None,
        Kind::Dossier => {
            if let Some(p) = find(Part::ALL, key) {
                let holds = match p {
                    Part::Administrative => Rows(Kind::AdminPiece, "pièce"),
                    Part::Identity => Value(Kind::Identity),
                    Part::Members => Rows(Kind::Member, "membre"),
                    Part::Partners => Rows(Kind::Partner, "partenaire"),
                    Part::Governance => Value(Kind::Governance),
                    Part::Strategy => Value(Kind::Strategy),
                    Part::Cooperation => Value(Kind::Cooperation),
                    Part::Startups => Value(Kind::Startups),
                    Part::Plan => Value(Kind::Plan),
                    Part::Budget => Rows(Kind::BudgetLine, "ligne"),
                    Part::Indicators => Value(Kind::Indicators),
                    Part::Criteria => Rows(Kind::Criterion, "critère"),
                    Part::Declaration => Value(Kind::Declaration),
                    Part::Edition => V,
                };
                return Some((p.label(), holds));
            }
            match key {
                "format_version" => ("version du format du fichier", V),
                "call_profile" => ("fichier du profil de l'appel", V),
                "print" => ("options d'impression", Value(Kind::Print)),
                "invalid_entries" => ("saisies non valides", V),
                _ => return None,
            }
        }
        Kind::AdminPiece => match key {
            "id" => ("identifiant de la pièce", V),
            _ => (find(AdminField::ALL, key)?.label(), V),
        },
        Kind::Identity => {
            let f = find(IdentityField::ALL, key)?;
            let holds = match f {
                IdentityField::President
                | IdentityField::VicePresident
                | IdentityField::Treasurer
                | IdentityField::Director => Value(Kind::Person),
                _ => V,
            };
            (f.label(), holds)
        }
        Kind::Person => (find(PersonField::ALL, key)?.label(), V),
        Kind::Member => {
            let f = find(MemberField::ALL, key)?;
            let holds = if f == MemberField::Contact {
                Value(Kind::Person)
            } else {
                V
            };
            (f.label(), holds)
        }
        Kind::Partner => (find(PartnerField::ALL, key)?.label(), V),
        Kind::Governance => {
            let f = find(GovernanceField::ALL, key)?;
            let holds = match f {
                GovernanceField::Board => Rows(Kind::Board, "administrateur"),
                GovernanceField::FeeCategories => Rows(Kind::Fee, "catégorie de cotisation"),
                _ => V,
            };
            (f.label(), holds)
        }
        Kind::Board => (find(BoardField::ALL, key)?.label(), V),
        Kind::Fee => (find(FeeField::ALL, key)?.label(), V),
        Kind::Strategy => {
            let f = find(StrategyField::ALL, key)?;
            let holds = match f {
                StrategyField::RdProjects
                | StrategyField::FundsRaised
                | StrategyField::ExportShare
                | StrategyField::ForecastMembers
                | StrategyField::ForecastFeeRevenue => Years,
                _ => V,
            };
            (f.label(), holds)
        }
        Kind::Cooperation => {
            let f = find(CooperationField::ALL, key)?;
            let holds = match f {
                CooperationField::CooperationProjects => {
                    Rows(Kind::Project, "projet de coopération")
                }
                CooperationField::CollaborativeProjects => {
                    Rows(Kind::Project, "projet collaboratif")
                }
                CooperationField::Partnerships => Rows(Kind::Partnership, "partenariat"),
            };
            (f.label(), holds)
        }
        Kind::Project => (find(ProjectField::ALL, key)?.label(), V),
        Kind::Partnership => (find(PartnershipField::ALL, key)?.label(), V),
        Kind::Startups => {
            let f = find(StartupsField::ALL, key)?;
            let holds = match f {
                StartupsField::Preparation => Rows(Kind::Step, "étape"),
                StartupsField::PostCreation => Rows(Kind::Step, "type de soutien"),
                StartupsField::Strategy => V,
            };
            (f.label(), holds)
        }
        Kind::Step => (find(StepField::ALL, key)?.label(), V),
        Kind::Plan => {
            let f = find(PlanField::ALL, key)?;
            let holds = if f == PlanField::Actions {
                Rows(Kind::Action, "action")
            } else {
                V
            };
            (f.label(), holds)
        }
        Kind::Action => {
            let f = find(ActionField::ALL, key)?;
            (f.label(), if f == ActionField::Cost { Years } else { V })
        }
        Kind::BudgetLine => match key {
            "row" => ("ligne du budget", V),
            "amounts" => ("montants", Years),
            _ => (find(BudgetField::ALL, key)?.label(), V),
        },
        Kind::Indicators => match key {
            "standard" => ("indicateurs de l'appel", Rows(Kind::KpiLine, "indicateur")),
            _ => (
                find(IndicatorsField::ALL, key)?.label(),
                Rows(Kind::CustomKpi, "indicateur supplémentaire"),
            ),
        },
        Kind::KpiLine => match key {
            "id" => ("identifiant de l'indicateur", V),
            "values" => ("valeurs", Years),
            _ => return None,
        },
        Kind::CustomKpi => {
            let f = find(CustomKpiField::ALL, key)?;
            let holds = if f == CustomKpiField::Values {
                Years
            } else {
                V
            };
            (f.label(), holds)
        }
        Kind::Criterion => match key {
            "id" => ("identifiant du critère", V),
            "argument" => ("argumentaire", V),
            _ => return None,
        },
        Kind::Declaration => {
            let f = find(DeclarationField::ALL, key)?;
            let holds = if f == DeclarationField::OtherDocuments {
                Rows(Kind::Document, "autre document")
            } else {
                V
            };
            (f.label(), holds)
        }
        Kind::Document => (find(DocumentField::ALL, key)?.label(), V),
        Kind::Print => match key {
            "stamp_corner" => ("coin du cachet", V),
            "copies" => ("nombre d'exemplaires", V),
            _ => return None,
        },
    };
    Some(out)
}

/// The kind of struct the fields inside `holds` belong to.
pub fn inner(holds: Holds) -> Kind {
    match holds {
        Holds::Value(k) | Holds::Rows(k, _) => k,
        Holds::Years => Kind::Scalar,
    }
}

/// A segment of a stored path: a name or a `[n]` index.
enum Token<'a> {
    Name(&'a str),
    Index(usize),
}

fn tokens(path: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = part.split_once('[').map_or((part, ""), |(n, r)| (n, r));
        if !name.is_empty() {
            out.push(Token::Name(name));
        }
        while let Some((index, after)) = rest.split_once(']') {
            match index.parse() {
                Ok(i) => out.push(Token::Index(i)),
                Err(_) => out.push(Token::Name(index)),
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    out
}

/// What an index means at this point of a path.
#[derive(Clone, Copy)]
enum IndexMeans {
    Row(&'static str),
    Year,
    Nothing,
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A French name for a stored field path, for messages: « Membre n° 4,
/// date d'adhésion », « Budget prévisionnel, « Subventions de l'État »,
/// année 1 ». Rows keyed by the call profile's ids (pieces, budget rows,
/// indicators, criteria) are named by the profile's labels; a name the
/// dossier does not know is quoted as it is.
pub fn describe(path: &str, profile: &crate::model::call::CallProfile) -> String {
    let mut phrases: Vec<String> = Vec::new();
    let mut kind = Kind::Dossier;
    let mut index_means = IndexMeans::Nothing;
    // Rows of these kinds are named by a profile id in paths, not an index.
    let mut keyed: Option<Kind> = None;
    for token in tokens(path) {
        match token {
            Token::Name(name) => {
                if let Some(row_kind) = keyed.take() {
                    let label = match row_kind {
                        Kind::AdminPiece => profile.admin_piece(name).map(|p| p.label.as_str()),
                        Kind::BudgetLine => profile.budget_row(name).map(|r| r.label.as_str()),
                        Kind::Criterion => profile
                            .criteria
                            .iter()
                            .find(|c| c.id == name)
                            .map(|c| c.label.as_str()),
                        _ => profile.kpi(name).map(|k| k.label.as_str()),
                    };
                    phrases.push(format!("« {} »", label.unwrap_or(name)));
                    kind = row_kind;
                    index_means = match row_kind {
                        Kind::BudgetLine | Kind::KpiLine => IndexMeans::Year,
                        _ => IndexMeans::Nothing,
                    };
                    continue;
                }
                match field(kind, name) {
                    Some((label, holds)) => {
                        phrases.push(label.to_string());
                        kind = inner(holds);
                        index_means = match holds {
                            Holds::Rows(k, noun) => {
                                if matches!(
                                    k,
                                    Kind::AdminPiece | Kind::BudgetLine | Kind::Criterion
                                ) {
                                    keyed = Some(k);
                                }
                                IndexMeans::Row(noun)
                            }
                            Holds::Years => IndexMeans::Year,
                            Holds::Value(_) => IndexMeans::Nothing,
                        };
                    }
                    // The standard indicators are keyed by the profile's ids
                    // right below `indicators`.
                    None if kind == Kind::Indicators => {
                        let label = profile.kpi(name).map_or(name, |k| k.label.as_str());
                        phrases.push(format!("« {label} »"));
                        kind = Kind::KpiLine;
                        index_means = IndexMeans::Year;
                    }
                    None => {
                        phrases.push(format!("« {name} »"));
                        kind = Kind::Scalar;
                        index_means = IndexMeans::Nothing;
                    }
                }
            }
            Token::Index(i) => {
                match index_means {
                    // A row names its context by itself: « Membre n° 4 ».
                    IndexMeans::Row(noun) => phrases = vec![format!("{noun} n° {}", i + 1)],
                    IndexMeans::Year => phrases.push(format!("année {}", i + 1)),
                    IndexMeans::Nothing => phrases.push(format!("n° {}", i + 1)),
                }
                keyed = None;
                index_means = IndexMeans::Nothing;
            }
        }
    }
    capitalised(&phrases.join(", "))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::FieldPath;
    use super::*;
    use crate::model::call::CallProfile;

    /// Every key of every field-name enum, with its label.
    fn all_keys() -> Vec<(&'static str, &'static str)> {
        fn each<F: FieldLabel + 'static>(all: &'static [F]) -> Vec<(&'static str, &'static str)> {
            all.iter().map(|f| (f.key(), f.label())).collect()
        }
        [
            each(Part::ALL),
            each(IdentityField::ALL),
            each(PersonField::ALL),
            each(MemberField::ALL),
            each(PartnerField::ALL),
            each(GovernanceField::ALL),
            each(BoardField::ALL),
            each(FeeField::ALL),
            each(StrategyField::ALL),
            each(CooperationField::ALL),
            each(ProjectField::ALL),
            each(PartnershipField::ALL),
            each(StartupsField::ALL),
            each(StepField::ALL),
            each(PlanField::ALL),
            each(ActionField::ALL),
            each(BudgetField::ALL),
            each(IndicatorsField::ALL),
            each(CustomKpiField::ALL),
            each(AdminField::ALL),
            each(DeclarationField::ALL),
            each(DocumentField::ALL),
        ]
        .concat()
    }

    /// Keys that are not also a word of some label: « joined », « name »,
    /// « tax_id ». None of them may reach a message.
    pub(crate) fn raw_identifiers() -> Vec<&'static str> {
        let keys = all_keys();
        let words: Vec<String> = keys
            .iter()
            .flat_map(|(_, l)| l.split(|c: char| !c.is_alphanumeric() && c != '\''))
            .map(str::to_lowercase)
            .collect();
        let mut raw: Vec<&str> = keys
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| !words.iter().any(|w| w == k))
            .collect();
        raw.sort_unstable();
        raw.dedup();
        raw
    }

    fn has_word(text: &str, word: &str) -> bool {
        text.split(|c: char| !c.is_alphanumeric() && c != '_')
            .any(|w| w == word)
    }

    /// Every path the constructors can build, over every field name.
    pub(crate) fn every_path(profile: &CallProfile) -> Vec<(FieldPath, &'static str)> {
        let mut out: Vec<(FieldPath, &'static str)> = Vec::new();
        for p in Part::ALL {
            out.push((FieldPath::part(*p), p.label()));
        }
        for f in IdentityField::ALL {
            out.push((FieldPath::identity(*f), f.label()));
            if field(Kind::Identity, f.key()) == Some((f.label(), Holds::Value(Kind::Person))) {
                for p in PersonField::ALL {
                    out.push((FieldPath::identity(*f).field(*p), p.label()));
                }
            }
        }
        for f in MemberField::ALL {
            out.push((FieldPath::member_field(3, *f), f.label()));
        }
        for p in PersonField::ALL {
            let path = FieldPath::member_field(0, MemberField::Contact).field(*p);
            out.push((path, p.label()));
        }
        for f in PartnerField::ALL {
            out.push((FieldPath::partner(1, *f), f.label()));
        }
        for f in GovernanceField::ALL {
            out.push((FieldPath::governance(*f), f.label()));
        }
        for f in BoardField::ALL {
            out.push((FieldPath::board(2, *f), f.label()));
        }
        for f in FeeField::ALL {
            out.push((FieldPath::fee_category(0, *f), f.label()));
        }
        for f in StrategyField::ALL {
            out.push((FieldPath::strategy(*f), f.label()));
            out.push((FieldPath::strategy(*f).year(4), f.label()));
        }
        for list in CooperationField::ALL {
            out.push((FieldPath::cooperation(*list), list.label()));
            if *list == CooperationField::Partnerships {
                for f in PartnershipField::ALL {
                    out.push((FieldPath::cooperation(*list).row(1).field(*f), f.label()));
                }
            } else {
                for f in ProjectField::ALL {
                    out.push((FieldPath::cooperation(*list).row(0).field(*f), f.label()));
                }
            }
        }
        for f in StartupsField::ALL {
            out.push((FieldPath::startups(*f), f.label()));
            if *f == StartupsField::Strategy {
                continue;
            }
            for s in StepField::ALL {
                out.push((FieldPath::startups(*f).row(0).field(*s), s.label()));
            }
        }
        for f in PlanField::ALL {
            out.push((FieldPath::plan(*f), f.label()));
        }
        for f in ActionField::ALL {
            out.push((FieldPath::action(5, *f), f.label()));
            out.push((FieldPath::action(5, *f).year(0), f.label()));
        }
        for row in &profile.budget_rows {
            for y in 0..crate::model::dossier::YEARS {
                out.push((FieldPath::budget_cell(&row.id, y), "budget"));
            }
            for f in BudgetField::ALL {
                out.push((FieldPath::budget_row(&row.id).field(*f), f.label()));
            }
        }
        for k in &profile.kpi_rows {
            out.push((FieldPath::kpi(&k.id).year(2), "indicateurs"));
        }
        for f in CustomKpiField::ALL {
            out.push((FieldPath::custom_kpi(0, *f), f.label()));
            out.push((FieldPath::custom_kpi(0, *f).year(1), f.label()));
        }
        for c in &profile.criteria {
            out.push((FieldPath::criterion(&c.id), "critères"));
        }
        for piece in &profile.admin_pieces {
            out.push((FieldPath::admin_piece(&piece.id), "administratif"));
            for f in AdminField::ALL {
                out.push((FieldPath::admin_piece(&piece.id).field(*f), f.label()));
            }
        }
        for f in DeclarationField::ALL {
            out.push((FieldPath::declaration(*f), f.label()));
        }
        for f in DocumentField::ALL {
            out.push((FieldPath::other_document(0).field(*f), f.label()));
        }
        out
    }

    #[test]
    fn every_field_has_a_french_label() {
        for (key, label) in all_keys() {
            assert!(!label.is_empty() && !label.contains('_'), "{key}: {label}");
            // Only words that are French as they stand are their own label.
            let french = [
                "contact",
                "description",
                "nature",
                "date",
                "actions",
                "orientations",
            ];
            assert!(
                label != key || french.contains(&key),
                "{key} has no label of its own"
            );
        }
        let raw = raw_identifiers();
        for key in [
            "joined",
            "name",
            "tax_id",
            "fee_category",
            "expected_results",
        ] {
            assert!(raw.contains(&key), "{key} is a raw identifier: {raw:?}");
        }
    }

    #[test]
    fn every_path_is_described_in_french_without_identifiers() {
        let profile = CallProfile::edition_2026();
        let raw = raw_identifiers();
        let paths = every_path(&profile);
        for (path, expected) in &paths {
            let text = describe(path, &profile);
            let offending: Vec<&&str> = raw.iter().filter(|k| has_word(&text, k)).collect();
            assert!(offending.is_empty(), "{path} → {text}: {offending:?}");
            assert!(
                !text.contains(['_', '[', ']']) && !text.contains("n° 0"),
                "{path} → {text}"
            );
            assert!(
                text.chars().next().is_some_and(char::is_uppercase),
                "{path} → {text}"
            );
            let lower = text.to_lowercase();
            assert!(
                lower.contains(&expected.to_lowercase())
                    || (path.row_of(&FieldPath::part(Part::Members)).is_some()
                        && lower.starts_with("membre n°")),
                "{path} → {text} lacks « {expected} »"
            );
        }
        // What the profile names, the profile's words.
        assert_eq!(
            describe(&FieldPath::budget_cell("subventions", 0), &profile),
            "Budget prévisionnel, « Subventions de l'État », année 1"
        );
        assert_eq!(
            describe(&FieldPath::member_field(3, MemberField::Joined), &profile),
            "Membre n° 4, date d'adhésion"
        );
        assert_eq!(
            describe(&FieldPath::action(1, ActionField::Cost).year(0), &profile),
            "Action n° 2, coût, année 1"
        );
        assert_eq!(
            describe(
                &FieldPath::admin_piece("statuts").field(AdminField::Date),
                &profile
            ),
            "Dossier administratif, « Copie des statuts de l'association du cluster », date"
        );
        // A path the dossier does not know (a hand-edited file) is quoted.
        assert_eq!(
            describe("identity.zzz", &profile),
            "Description générale, « zzz »"
        );
    }
}
