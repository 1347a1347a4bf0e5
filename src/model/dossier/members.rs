//! Section 1.2: members, their categories and activities, major partners.

use super::*;

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
#[serde(default, deny_unknown_fields)]
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
    /// Values she did not type: suggested or defaulted by an import, shown
    /// « à vérifier » until she confirms or changes them.
    #[serde(skip_serializing_if = "ToCheck::is_empty")]
    pub to_check: ToCheck,
}

/// Which of a member's values came from a guess rather than from her.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ToCheck {
    pub activity: bool,
    pub category: bool,
}

impl ToCheck {
    pub fn is_empty(&self) -> bool {
        !self.activity && !self.category
    }
}

impl Member {
    /// Clears the mark of every guessed value that differs between `before`
    /// and `self`: changing a suggested value is confirming it.
    pub fn confirm_changed(&mut self, before: &Member) {
        if self.activity != before.activity {
            self.to_check.activity = false;
        }
        if self.category != before.category {
            self.to_check.category = false;
        }
    }
}

/// A partner whose link is significant but not permanent enough for a seat.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MajorPartner {
    pub name: String,
    /// Organisme de formation, technique ou technologique...
    pub kind: String,
    pub city: String,
    pub link: String,
}
