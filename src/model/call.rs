//! The call for projects as data: everything that changes from one edition
//! to the next (thresholds, deadline, documents, budget and KPI rows,
//! criteria, the declaration's wording) lives in a RON profile under
//! `assets/`, so a new edition needs a new file, not new code.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::date::Deadline;

pub mod help;
pub use help::{Ask, HelpSection, SectionHelp};

/// The profile of the 2026 edition, bundled in the binary.
///
/// Every struct of a profile refuses unknown fields: a misspelt field
/// (« min_member ») would otherwise be ignored and its rule silently lost.
pub const PROFILE_2026_RON: &str = include_str!("../../assets/appel-2026.ron");

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallProfile {
    /// The edition a dossier names to select this profile, e.g. `"2026"`.
    pub edition: String,
    pub title: String,
    pub ministry: String,
    pub department: String,
    pub deadline: Deadline,
    /// IANA name of the deadline's time zone, shown to users.
    pub time_zone: String,
    pub thresholds: Thresholds,
    /// Number of paper copies to hand in.
    pub copies: u32,
    pub admin_pieces: Vec<AdminPieceDef>,
    pub budget_rows: Vec<BudgetRowDef>,
    /// The note printed under the budget for rows marked `*`.
    pub budget_star_note: String,
    pub kpi_rows: Vec<KpiDef>,
    pub kpi_note: String,
    pub criteria: Vec<CriterionDef>,
    pub action_categories: Vec<ActionCategoryDef>,
    pub declaration: DeclarationText,
    pub confidentiality: String,
    /// What the call asks of each wizard section and which criteria apply
    /// to it, in the call's words (absent from older profiles).
    #[serde(default)]
    pub section_help: Vec<SectionHelp>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Minimum number of engaged members.
    pub min_members: u32,
    /// Minimum share, in percent, of industrial, technological or specific
    /// companies among engaged members.
    pub min_industrial_share_percent: Decimal,
    /// Minimum self-financing ratio, in percent, in year 1.
    pub min_self_financing_year1_percent: Decimal,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdminPieceDef {
    pub id: String,
    pub label: String,
    /// What the call requires of the piece (legalised, signed, stamped...).
    pub requirement: String,
}

/// What a budget row means for the computations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BudgetRole {
    /// A charge; `Actions` marks the row fed by the action plan.
    Charge,
    Actions,
    MemberFees,
    StateSubsidy,
    PaidServices,
    OtherProducts,
}

impl BudgetRole {
    pub fn is_charge(self) -> bool {
        matches!(self, BudgetRole::Charge | BudgetRole::Actions)
    }
    /// Own resources, the numerator of the self-financing ratio.
    pub fn is_own_resource(self) -> bool {
        matches!(
            self,
            BudgetRole::MemberFees | BudgetRole::PaidServices | BudgetRole::OtherProducts
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetRowDef {
    pub id: String,
    pub label: String,
    pub role: BudgetRole,
    /// Marked `*` in the canevas: not covered by the State subsidy.
    pub starred: bool,
    /// « (à préciser) »: the applicant must say what the amount covers.
    pub needs_detail: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KpiUnit {
    Count,
    Percent,
}

/// Standard indicators the rules compare with other parts of the dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KpiRole {
    ActiveMembers,
    CompanyMembers,
    CollaborativeProjects,
    NewProducts,
    Startups,
    SelfFinancing,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiDef {
    pub id: String,
    pub label: String,
    pub unit: KpiUnit,
    pub role: KpiRole,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CriterionGroup {
    Technical,
    Qualitative,
}

impl CriterionGroup {
    pub fn label(self) -> &'static str {
        match self {
            CriterionGroup::Technical => "Analyse technique",
            CriterionGroup::Qualitative => "Analyse qualitative",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionDef {
    pub id: String,
    pub group: CriterionGroup,
    pub label: String,
    /// The criterion's weight in the call's words (« 20 % »), when the call
    /// gives one.
    #[serde(default)]
    pub weight: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionCategoryDef {
    pub id: String,
    pub label: String,
    pub examples: String,
}

/// The wording of the annexed « déclaration sur l'honneur ».
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclarationText {
    pub title: String,
    pub subtitle: String,
    pub intro: String,
    pub acting_for: String,
    pub legal_form: String,
    pub statements: Vec<String>,
    pub documents_intro: String,
    pub box_declaration: String,
    pub box_administrative: String,
    pub box_technical: String,
    pub box_other: String,
    pub closing: String,
    pub signature_label: String,
}

/// A problem in a profile's content, in French, with the text to point at
/// in the file (the service turns it into a line and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileIssue {
    pub message: String,
    /// A snippet of the RON text where the problem is, e.g. `id: "statuts"`.
    pub locate: Option<String>,
    /// Which occurrence of `locate` (0-based): a duplicate is the second.
    pub occurrence: usize,
}

impl ProfileIssue {
    fn new(message: String) -> Self {
        Self {
            message,
            locate: None,
            occurrence: 0,
        }
    }
    fn at(message: String, locate: String, occurrence: usize) -> Self {
        Self {
            message,
            locate: Some(locate),
            occurrence,
        }
    }
}

/// Budget roles the computations look up one row for.
const SINGLE_BUDGET_ROLES: [BudgetRole; 5] = [
    BudgetRole::Actions,
    BudgetRole::MemberFees,
    BudgetRole::StateSubsidy,
    BudgetRole::PaidServices,
    BudgetRole::OtherProducts,
];

/// Indicator roles the rules compare with the rest of the dossier.
const KPI_ROLES: [KpiRole; 6] = [
    KpiRole::ActiveMembers,
    KpiRole::CompanyMembers,
    KpiRole::CollaborativeProjects,
    KpiRole::NewProducts,
    KpiRole::Startups,
    KpiRole::SelfFinancing,
];

/// The UTC offsets in use somewhere in the world, standard and summer time,
/// in minutes (from −12:00 to +14:00; the odd ones are Newfoundland,
/// India, Nepal, the Chatham Islands, Eucla, the Marquesas…).
pub const REAL_UTC_OFFSETS: [i32; 40] = [
    -720, -660, -600, -570, -540, -480, -420, -360, -300, -240, -210, -180, -150, -120, -60, 0, 60,
    120, 180, 210, 240, 270, 300, 330, 345, 360, 390, 420, 480, 525, 540, 570, 600, 630, 660, 720,
    765, 780, 825, 840,
];

/// `+01:00`, `−03:30` (a real minus sign, as French typography wants).
pub fn offset_text(minutes: i32) -> String {
    let sign = if minutes < 0 { '\u{2212}' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

/// The deadline's time of day and UTC offset: a real time in a real zone.
fn deadline_in_range(d: &super::date::Deadline, issues: &mut Vec<ProfileIssue>) {
    if d.hour > 23 {
        issues.push(ProfileIssue::at(
            format!(
                "heure de la date limite : {} n'est pas une heure entre 0 et 23",
                d.hour
            ),
            "hour:".into(),
            0,
        ));
    }
    if d.minute > 59 {
        issues.push(ProfileIssue::at(
            format!(
                "minutes de la date limite : {} n'est pas entre 0 et 59",
                d.minute
            ),
            "minute:".into(),
            0,
        ));
    }
    if !REAL_UTC_OFFSETS.contains(&d.utc_offset_minutes) {
        let shown = if (-24 * 60..=24 * 60).contains(&d.utc_offset_minutes) {
            format!(" ({})", offset_text(d.utc_offset_minutes))
        } else {
            String::new()
        };
        issues.push(ProfileIssue::at(
            format!(
                "décalage horaire de la date limite : {} minutes{shown} n'est le décalage d'aucun fuseau horaire (de {} à {} ; 60 pour l'heure légale du Maroc, 0 pendant le Ramadan)",
                d.utc_offset_minutes,
                offset_text(-720),
                offset_text(840)
            ),
            "utc_offset_minutes:".into(),
            0,
        ));
    }
}

fn duplicate_ids<'a>(
    what: &str,
    ids: impl Iterator<Item = &'a str>,
    issues: &mut Vec<ProfileIssue>,
) {
    let mut seen: Vec<&str> = Vec::new();
    for id in ids {
        if id.trim().is_empty() {
            issues.push(ProfileIssue::new(format!(
                "{what} : un identifiant est vide"
            )));
        } else if seen.contains(&id) {
            issues.push(ProfileIssue::at(
                format!("{what} : l'identifiant « {id} » est en double"),
                format!("id: \"{id}\""),
                1,
            ));
        }
        seen.push(id);
    }
}

fn percent_in_range(name: &str, value: Decimal, key: &str, issues: &mut Vec<ProfileIssue>) {
    if value <= Decimal::ZERO || value > Decimal::ONE_HUNDRED {
        issues.push(ProfileIssue::at(
            format!("{name} : {value} n'est pas un pourcentage entre 0 et 100"),
            key.to_string(),
            0,
        ));
    }
}

impl CallProfile {
    /// Parses a profile from RON text, without checking its content (see
    /// [`CallProfile::validate`]).
    pub fn from_ron(text: &str) -> Result<Self, ron::error::SpannedError> {
        ron::Options::default()
            .with_recursion_limit(64)
            .from_str(text)
    }

    /// The bundled 2026 profile, parsed once per process.
    pub fn bundled_2026() -> &'static CallProfile {
        static PROFILE: std::sync::LazyLock<CallProfile> = std::sync::LazyLock::new(|| {
            #[allow(clippy::expect_used)]
            CallProfile::from_ron(PROFILE_2026_RON).expect("bundled profile parses (tested)")
        });
        &PROFILE
    }

    /// A copy of the bundled 2026 profile.
    pub fn edition_2026() -> Self {
        Self::bundled_2026().clone()
    }

    /// Everything the code relies on in a profile: unique ids, thresholds in
    /// range, one row for each budget and indicator role the rules use.
    pub fn validate(&self) -> Vec<ProfileIssue> {
        let mut issues = Vec::new();
        if self.edition.trim().is_empty() {
            issues.push(ProfileIssue::at(
                "l'édition de l'appel (« edition ») est vide".into(),
                "edition:".into(),
                0,
            ));
        }
        deadline_in_range(&self.deadline, &mut issues);
        let t = &self.thresholds;
        if !(1..=10_000).contains(&t.min_members) {
            issues.push(ProfileIssue::at(
                format!(
                    "nombre minimal de membres : {} n'est pas entre 1 et 10 000",
                    t.min_members
                ),
                "min_members:".into(),
                0,
            ));
        }
        percent_in_range(
            "part industrielle minimale",
            t.min_industrial_share_percent,
            "min_industrial_share_percent:",
            &mut issues,
        );
        percent_in_range(
            "autofinancement minimal de l'année 1",
            t.min_self_financing_year1_percent,
            "min_self_financing_year1_percent:",
            &mut issues,
        );
        if !(1..=20).contains(&self.copies) {
            issues.push(ProfileIssue::at(
                format!(
                    "nombre d'exemplaires : {} n'est pas entre 1 et 20",
                    self.copies
                ),
                "copies:".into(),
                0,
            ));
        }
        duplicate_ids(
            "pièces administratives",
            self.admin_pieces.iter().map(|p| p.id.as_str()),
            &mut issues,
        );
        duplicate_ids(
            "lignes du budget",
            self.budget_rows.iter().map(|r| r.id.as_str()),
            &mut issues,
        );
        duplicate_ids(
            "indicateurs",
            self.kpi_rows.iter().map(|r| r.id.as_str()),
            &mut issues,
        );
        duplicate_ids(
            "critères",
            self.criteria.iter().map(|c| c.id.as_str()),
            &mut issues,
        );
        duplicate_ids(
            "catégories d'actions",
            self.action_categories.iter().map(|c| c.id.as_str()),
            &mut issues,
        );
        self.validate_roles(&mut issues);
        help::validate(self, &mut issues);
        issues
    }

    fn validate_roles(&self, issues: &mut Vec<ProfileIssue>) {
        if !self
            .budget_rows
            .iter()
            .any(|r| r.role == BudgetRole::Charge)
        {
            issues.push(ProfileIssue::at(
                "le budget n'a aucune ligne de charges (rôle « Charge »)".into(),
                "budget_rows:".into(),
                0,
            ));
        }
        for role in SINGLE_BUDGET_ROLES {
            let n = self.budget_rows.iter().filter(|r| r.role == role).count();
            if n != 1 {
                issues.push(ProfileIssue::at(
                    format!("le budget doit avoir exactement une ligne de rôle « {role:?} » ({n} trouvée(s))"),
                    if n == 0 { "budget_rows:".into() } else { format!("role: {role:?}") },
                    usize::from(n > 1),
                ));
            }
        }
        for role in KPI_ROLES {
            let n = self.kpi_rows.iter().filter(|r| r.role == role).count();
            if n != 1 {
                issues.push(ProfileIssue::at(
                    format!("les indicateurs doivent avoir exactement une ligne de rôle « {role:?} » ({n} trouvée(s))"),
                    if n == 0 { "kpi_rows:".into() } else { format!("role: {role:?}") },
                    usize::from(n > 1),
                ));
            }
        }
        if self.action_categories.is_empty() {
            issues.push(ProfileIssue::at(
                "aucune catégorie d'actions du plan".into(),
                "action_categories:".into(),
                0,
            ));
        }
    }

    /// The deadline's time as people say it: « heure légale du Maroc »
    /// rather than a time-zone id.
    pub fn time_zone_label(&self) -> String {
        match self.time_zone.as_str() {
            "Africa/Casablanca" | "Africa/El_Aaiun" => "heure légale du Maroc".to_string(),
            other => format!("heure de {other}"),
        }
    }

    pub fn admin_piece(&self, id: &str) -> Option<&AdminPieceDef> {
        self.admin_pieces.iter().find(|p| p.id == id)
    }
    pub fn budget_row(&self, id: &str) -> Option<&BudgetRowDef> {
        self.budget_rows.iter().find(|r| r.id == id)
    }
    pub fn kpi(&self, id: &str) -> Option<&KpiDef> {
        self.kpi_rows.iter().find(|r| r.id == id)
    }
    pub fn budget_row_by_role(&self, role: BudgetRole) -> Option<&BudgetRowDef> {
        self.budget_rows.iter().find(|r| r.role == role)
    }
    pub fn kpi_by_role(&self, role: KpiRole) -> Option<&KpiDef> {
        self.kpi_rows.iter().find(|r| r.role == role)
    }
    pub fn action_category(&self, id: &str) -> Option<&ActionCategoryDef> {
        self.action_categories.iter().find(|c| c.id == id)
    }
}

impl BudgetRowDef {
    /// The row's label as printed and exported: the call's wording, its
    /// « * », and what the applicant said the amount covers when the call
    /// asks to « préciser ».
    pub fn printed_label(&self, detail: &str) -> String {
        // The call puts the « * » after the row's name, before any
        // parenthesis: « Frais d'investissement * (mobilier, …) ».
        let mut label = self.label.clone();
        if self.starred {
            let at = label.find(" (").unwrap_or(label.len());
            label.insert_str(at, " *");
        }
        if self.needs_detail {
            let detail = detail.trim();
            label.push_str(&format!(
                " (à préciser : {})",
                if detail.is_empty() { "—" } else { detail }
            ));
        }
        label
    }
}

#[cfg(test)]
mod tests;
