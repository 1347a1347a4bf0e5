//! The applicant's dossier, rubric by rubric, in the order of the call:
//! Partie 1 (administratif), Partie 2 sections 1 to 7 (technique), Partie 3
//! (critères) and the annexed déclaration sur l'honneur.
//!
//! Plain data only: the wizard edits it, the rules read it, the printer lays
//! it out, the store writes it as RON. Every struct takes `#[serde(default)]`
//! so a file missing a field (older version, hand edit) still loads.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::date::Date;

/// Version of the file format written by this build.
pub const FORMAT_VERSION: u32 = 1;
/// Number of years every forecast table covers.
pub const YEARS: usize = 5;
/// One value per year; `None` is a blank cell, distinct from zero.
pub type Years<T> = [Option<T>; YEARS];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dossier {
    pub format_version: u32,
    /// Edition of the call the dossier answers, selects the call profile.
    pub edition: String,
    pub administrative: Vec<AdminPiece>,
    pub identity: Identity,
    pub members: Vec<Member>,
    pub partners: Vec<MajorPartner>,
    pub governance: Governance,
    pub strategy: Strategy,
    pub cooperation: Cooperation,
    pub startups: StartupSupport,
    pub plan: ActionPlan,
    pub budget: Vec<BudgetLine>,
    pub indicators: Indicators,
    pub criteria: Vec<CriterionAnswer>,
    pub declaration: Declaration,
    pub print: PrintOptions,
}

impl Default for Dossier {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            edition: "2026".to_string(),
            administrative: Vec::new(),
            identity: Identity::default(),
            members: Vec::new(),
            partners: Vec::new(),
            governance: Governance::default(),
            strategy: Strategy::default(),
            cooperation: Cooperation::default(),
            startups: StartupSupport::default(),
            plan: ActionPlan::default(),
            budget: Vec::new(),
            indicators: Indicators::default(),
            criteria: Vec::new(),
            declaration: Declaration::default(),
            print: PrintOptions::default(),
        }
    }
}

// ---------------------------------------------------------------- Partie 1

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
#[serde(default)]
pub struct AdminPiece {
    /// Id of the piece in the call profile.
    pub id: String,
    pub status: PieceStatus,
    pub date: Option<Date>,
    pub note: String,
}

// ---------------------------------------------------------------- Section 1.1

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    /// « M. » or « Mme », for the titles printed with the name (« Vice-
    /// présidente »); `None` in files of earlier versions and when not said.
    pub civility: Option<Civility>,
    pub name: String,
    pub organisation: String,
    pub function: String,
    pub phone: String,
    pub email: String,
}

impl Person {
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
            && self.organisation.trim().is_empty()
            && self.function.trim().is_empty()
            && self.phone.trim().is_empty()
            && self.email.trim().is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Identity {
    /// Dénomination : nom officiel du cluster.
    pub name: String,
    pub acronym: String,
    pub legal_form: String,
    pub creation_date: Option<Date>,
    /// Siège : adresse.
    pub address: String,
    pub city: String,
    pub president: Person,
    pub vice_president: Person,
    pub treasurer: Person,
    /// Directeur du cluster (optionnel : contacts « Président et/ou Directeur »).
    pub director: Person,
    /// Secteur principal.
    pub sector: String,
    /// Activités principales et thématiques.
    pub activities: String,
    pub sector_importance: String,
    pub strategic_justification: String,
    /// Périmètre géographique du noyau central (entreprises adhérentes).
    pub core_territory: String,
    /// Périmètre de l'agglomération productive (champ des coopérations futures).
    pub productive_area: String,
    /// Historique : genèse du cluster.
    pub genesis: String,
    /// Historique : ancrage territorial.
    pub territorial_anchoring: String,
    /// Historique : initiatives communes déjà engagées.
    pub joint_initiatives: String,
}

impl Default for Identity {
    fn default() -> Self {
        Self {
            name: String::new(),
            acronym: String::new(),
            legal_form: "Association régie par le dahir du 15 novembre 1958 (loi n° 75-00)"
                .to_string(),
            creation_date: None,
            address: String::new(),
            city: String::new(),
            president: Person::default(),
            vice_president: Person::default(),
            treasurer: Person::default(),
            director: Person::default(),
            sector: String::new(),
            activities: String::new(),
            sector_importance: String::new(),
            strategic_justification: String::new(),
            core_territory: String::new(),
            productive_area: String::new(),
            genesis: String::new(),
            territorial_anchoring: String::new(),
            joint_initiatives: String::new(),
        }
    }
}

// ---------------------------------------------------------------- Section 1.2

/// The call's categories of cluster actors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MemberCategory {
    /// Entreprise déjà engagée dans le cluster.
    #[default]
    EngagedCompany,
    /// Entreprise potentiellement intéressée : not yet a member, does not count.
    InterestedCompany,
    /// Institution de formation, d'innovation ou de recherche.
    TrainingResearch,
    /// Représentant des autres collèges : institution, association, organisme public.
    OtherRepresentative,
}

impl MemberCategory {
    pub const ALL: [MemberCategory; 4] = [
        MemberCategory::EngagedCompany,
        MemberCategory::InterestedCompany,
        MemberCategory::TrainingResearch,
        MemberCategory::OtherRepresentative,
    ];
    pub fn label(self) -> &'static str {
        match self {
            MemberCategory::EngagedCompany => "Entreprise engagée",
            MemberCategory::InterestedCompany => "Entreprise potentiellement intéressée",
            MemberCategory::TrainingResearch => {
                "Institution de formation, d'innovation ou de recherche"
            }
            MemberCategory::OtherRepresentative => {
                "Autre représentant (institution, association, organisme public)"
            }
        }
    }
    /// Counted among the cluster's members (the 15-member threshold).
    pub fn is_engaged_member(self) -> bool {
        !matches!(self, MemberCategory::InterestedCompany)
    }
    pub fn is_company(self) -> bool {
        matches!(
            self,
            MemberCategory::EngagedCompany | MemberCategory::InterestedCompany
        )
    }
}

/// The call's « entreprises industrielles, technologiques ou spécifiques ».
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Activity {
    Industrial,
    Technological,
    Specific,
    /// Services, commerce, public body...: does not count towards the 60 %.
    /// The default, so a new member never inflates the industrial share
    /// before the user says what it is.
    #[default]
    Other,
}

impl Activity {
    pub const ALL: [Activity; 4] = [
        Activity::Industrial,
        Activity::Technological,
        Activity::Specific,
        Activity::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Activity::Industrial => "Industrielle",
            Activity::Technological => "Technologique",
            Activity::Specific => "Spécifique",
            Activity::Other => "Autre (ni industrielle, ni technologique, ni spécifique)",
        }
    }
    pub fn counts_for_share(self) -> bool {
        !matches!(self, Activity::Other)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CompanySize {
    #[default]
    Unspecified,
    Tpe,
    Pme,
    Large,
    Startup,
}

impl CompanySize {
    pub const ALL: [CompanySize; 5] = [
        CompanySize::Unspecified,
        CompanySize::Tpe,
        CompanySize::Pme,
        CompanySize::Large,
        CompanySize::Startup,
    ];
    pub fn label(self) -> &'static str {
        match self {
            CompanySize::Unspecified => "—",
            CompanySize::Tpe => "TPE",
            CompanySize::Pme => "PME",
            CompanySize::Large => "Grande entreprise",
            CompanySize::Startup => "Start-up",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Member {
    /// Raison sociale.
    pub name: String,
    pub category: MemberCategory,
    pub activity: Activity,
    pub sector: String,
    pub city: String,
    pub size: CompanySize,
    /// Identifiant commun de l'entreprise (15 chiffres).
    pub ice: String,
    /// Registre de commerce (numéro et tribunal).
    pub rc: String,
    /// Identifiant fiscal.
    pub tax_id: String,
    /// Numéro d'affiliation à la CNSS.
    pub cnss: String,
    pub contact: Person,
    pub joined: Option<Date>,
    /// Name of the fee category in the governance's schedule.
    pub fee_category: String,
}

/// A partner whose link is significant but not permanent enough for a seat.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MajorPartner {
    pub name: String,
    /// Organisme de formation, technique ou technologique...
    pub kind: String,
    pub city: String,
    pub link: String,
}

// ---------------------------------------------------------------- Section 2

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
#[serde(default)]
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
#[serde(default)]
pub struct FeeCategory {
    /// Name members refer to, e.g. « Grande entreprise ».
    pub name: String,
    pub description: String,
    /// Annual fee in dirhams.
    pub annual_amount: Option<Decimal>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Governance {
    pub board: Vec<BoardMember>,
    pub internal_organisation: String,
    /// Modalités d'adhésion des membres à la structure de gouvernance.
    pub membership_terms: String,
    pub fee_categories: Vec<FeeCategory>,
    /// Mode de calcul des cotisations.
    pub fee_calculation: String,
}

// ---------------------------------------------------------------- Section 3

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Strategy {
    pub global_strategy: String,
    /// Objectifs chiffrés : projets de R&D par an.
    pub rd_projects: Years<u32>,
    /// Objectifs chiffrés : financements levés (DH) par an.
    pub funds_raised: Years<Decimal>,
    /// Objectifs chiffrés : part de marché à l'export (%) par an.
    pub export_share: Years<Decimal>,
    pub objectives_comment: String,
    pub technologies_markets: String,
    pub national_positioning: String,
    pub international_positioning: String,
    /// Évolution prévisionnelle du nombre d'adhérents.
    pub forecast_members: Years<u32>,
    /// Évolution prévisionnelle des recettes de cotisation (DH).
    pub forecast_fee_revenue: Years<Decimal>,
}

// ---------------------------------------------------------------- Section 4

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CooperationProject {
    pub title: String,
    pub nature: String,
    pub stakeholders: String,
    pub means: String,
    pub expected_results: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CollaborativeProject {
    pub title: String,
    pub objectives: String,
    pub actors: String,
    pub expected_results: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartnershipScope {
    #[default]
    National,
    International,
}

impl PartnershipScope {
    pub fn label(self) -> &'static str {
        match self {
            PartnershipScope::National => "National",
            PartnershipScope::International => "International",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartnerBodyKind {
    #[default]
    ResearchUniversity,
    TechnicalCentre,
    Cluster,
    LocalAuthority,
    Other,
}

impl PartnerBodyKind {
    pub const ALL: [PartnerBodyKind; 5] = [
        PartnerBodyKind::ResearchUniversity,
        PartnerBodyKind::TechnicalCentre,
        PartnerBodyKind::Cluster,
        PartnerBodyKind::LocalAuthority,
        PartnerBodyKind::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            PartnerBodyKind::ResearchUniversity => "Organisme de recherche / université",
            PartnerBodyKind::TechnicalCentre => "Centre technique",
            PartnerBodyKind::Cluster => "Cluster",
            PartnerBodyKind::LocalAuthority => "Collectivité territoriale",
            PartnerBodyKind::Other => "Autre organisme",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartnershipStatus {
    #[default]
    Envisaged,
    Established,
}

impl PartnershipStatus {
    pub fn label(self) -> &'static str {
        match self {
            PartnershipStatus::Envisaged => "Envisagé",
            PartnershipStatus::Established => "Établi",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Partnership {
    pub body: String,
    pub kind: PartnerBodyKind,
    pub scope: PartnershipScope,
    pub country: String,
    pub status: PartnershipStatus,
    pub purpose: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Cooperation {
    pub cooperation_projects: Vec<CooperationProject>,
    pub collaborative_projects: Vec<CollaborativeProject>,
    pub partnerships: Vec<Partnership>,
}

// ---------------------------------------------------------------- Section 5

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PreparationKind {
    #[default]
    Training,
    Incubation,
    Mentoring,
    Awareness,
    Other,
}

impl PreparationKind {
    pub const ALL: [PreparationKind; 5] = [
        PreparationKind::Awareness,
        PreparationKind::Training,
        PreparationKind::Incubation,
        PreparationKind::Mentoring,
        PreparationKind::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            PreparationKind::Awareness => "Sensibilisation et détection",
            PreparationKind::Training => "Formation",
            PreparationKind::Incubation => "Incubation",
            PreparationKind::Mentoring => "Mentorat",
            PreparationKind::Other => "Autre",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreparationStep {
    pub kind: PreparationKind,
    pub description: String,
    pub partners: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SupportType {
    #[default]
    Hosting,
    Financing,
    Expertise,
    MarketAccess,
    Networking,
    TechnicalPlatforms,
    Other,
}

impl SupportType {
    pub const ALL: [SupportType; 7] = [
        SupportType::Hosting,
        SupportType::Financing,
        SupportType::Expertise,
        SupportType::MarketAccess,
        SupportType::Networking,
        SupportType::TechnicalPlatforms,
        SupportType::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            SupportType::Hosting => "Hébergement",
            SupportType::Financing => "Financement",
            SupportType::Expertise => "Conseil et expertise",
            SupportType::MarketAccess => "Accès au marché",
            SupportType::Networking => "Mise en réseau",
            SupportType::TechnicalPlatforms => "Plateformes techniques",
            SupportType::Other => "Autre",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupportService {
    pub support_type: SupportType,
    pub services: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StartupSupport {
    pub strategy: String,
    pub preparation: Vec<PreparationStep>,
    pub post_creation: Vec<SupportService>,
}

// ---------------------------------------------------------------- Section 6

/// An action's category: one of the call's eligible categories (by id in
/// the profile) or another action the Fund does not finance.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionCategory {
    Eligible(String),
    #[default]
    Other,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    pub title: String,
    pub category: ActionCategory,
    pub description: String,
    /// Cost per year in DH; a blank year is a year without the action.
    pub cost: Years<Decimal>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionPlan {
    pub orientations: String,
    pub objectives: String,
    pub actions: Vec<Action>,
}

/// One row of the budget canevas, by id of the profile's row.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BudgetLine {
    pub row: String,
    pub amounts: Years<Decimal>,
    /// What the amount covers, for rows « (à préciser) ».
    pub detail: String,
}

// ---------------------------------------------------------------- Section 7

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KpiLine {
    /// Id of the standard indicator in the call profile.
    pub id: String,
    pub values: Years<Decimal>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomKpi {
    pub label: String,
    pub unit: String,
    pub values: Years<Decimal>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Indicators {
    pub standard: Vec<KpiLine>,
    pub custom: Vec<CustomKpi>,
}

// ---------------------------------------------------------------- Partie 3

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
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
#[serde(default)]
pub struct OtherDocument {
    pub title: String,
    /// Optional scan, path relative to the dossier file.
    pub attachment: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
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
#[serde(default)]
pub struct PrintOptions {
    pub stamp_corner: StampCorner,
    /// Overrides the call's number of copies.
    pub copies: Option<u32>,
}

impl Dossier {
    /// An empty dossier for the edition of `profile`, with one blank row
    /// per administrative piece, budget row, standard indicator and criterion,
    /// so every rubric the call asks for is there to fill.
    pub fn new_for(profile: &super::call::CallProfile) -> Self {
        Self {
            edition: profile.edition.clone(),
            administrative: profile
                .admin_pieces
                .iter()
                .map(|p| AdminPiece {
                    id: p.id.clone(),
                    ..AdminPiece::default()
                })
                .collect(),
            budget: profile
                .budget_rows
                .iter()
                .map(|r| BudgetLine {
                    row: r.id.clone(),
                    ..BudgetLine::default()
                })
                .collect(),
            indicators: Indicators {
                standard: profile
                    .kpi_rows
                    .iter()
                    .map(|k| KpiLine {
                        id: k.id.clone(),
                        values: [None; YEARS],
                    })
                    .collect(),
                custom: Vec::new(),
            },
            criteria: profile
                .criteria
                .iter()
                .map(|c| CriterionAnswer {
                    id: c.id.clone(),
                    argument: String::new(),
                })
                .collect(),
            ..Self::default()
        }
    }

    pub fn admin_piece(&self, id: &str) -> Option<&AdminPiece> {
        self.administrative.iter().find(|p| p.id == id)
    }
    pub fn budget_line(&self, row: &str) -> Option<&BudgetLine> {
        self.budget.iter().find(|l| l.row == row)
    }
    pub fn budget_line_mut(&mut self, row: &str) -> &mut BudgetLine {
        if let Some(i) = self.budget.iter().position(|l| l.row == row) {
            &mut self.budget[i]
        } else {
            self.budget.push(BudgetLine {
                row: row.to_string(),
                ..BudgetLine::default()
            });
            let last = self.budget.len() - 1;
            &mut self.budget[last]
        }
    }
    pub fn kpi_line(&self, id: &str) -> Option<&KpiLine> {
        self.indicators.standard.iter().find(|l| l.id == id)
    }
    pub fn criterion_answer(&self, id: &str) -> Option<&CriterionAnswer> {
        self.criteria.iter().find(|c| c.id == id)
    }
    /// The association's name as the declaration prints it.
    pub fn declaration_association_name(&self) -> &str {
        if self.declaration.association_name.trim().is_empty() {
            &self.identity.name
        } else {
            &self.declaration.association_name
        }
    }
    /// The legal form as the declaration prints it.
    pub fn declaration_legal_form(&self) -> &str {
        if self.declaration.legal_form.trim().is_empty() {
            &self.identity.legal_form
        } else {
            &self.declaration.legal_form
        }
    }
}
