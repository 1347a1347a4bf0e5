//! Field paths: where a value lives in the dossier (`members[3].ice`,
//! `budget.subventions[0]`). The rules name fields in findings with them,
//! the wizard keys its widgets, focus and highlights with them, attachments
//! and the printed layout's anchors use them. A path is built only by the
//! constructors here, from field names declared once in [`names`]: no
//! layer types a path as a literal, and none parses one back.

pub mod names;

use std::fmt;

pub use names::*;

use super::call::CallProfile;
use super::finding::Section;

/// A path to a field of the dossier.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath(String);

impl FieldPath {
    /// A part of the dossier: `members`, `budget`…
    pub fn part(part: Part) -> Self {
        Self(part.key().to_string())
    }

    /// A named field below this one: `identity` → `identity.name`.
    #[must_use]
    pub fn field(mut self, name: impl FieldName) -> Self {
        self.0.push('.');
        self.0.push_str(name.key());
        self
    }

    /// A row of this list: `members` → `members[3]`.
    #[must_use]
    pub fn row(mut self, index: usize) -> Self {
        self.0.push_str(&format!("[{index}]"));
        self
    }

    /// A year of this 5-year list: `strategy.rd_projects` → `…[0]`.
    #[must_use]
    pub fn year(self, index: usize) -> Self {
        self.row(index)
    }

    /// An entry keyed by a call profile's id: `budget` → `budget.subventions`.
    #[must_use]
    pub fn id(mut self, id: &str) -> Self {
        self.0.push('.');
        self.0.push_str(id);
        self
    }

    /// A path the dossier itself stores (the keys of
    /// `Dossier::invalid_entries`, written by the wizard from a `FieldPath`).
    pub fn from_stored(path: &str) -> Self {
        Self(path.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this path is `other` or lies below it.
    pub fn is_within(&self, other: &FieldPath) -> bool {
        self.0 == other.0
            || (self.0.starts_with(&other.0)
                && matches!(self.0.as_bytes().get(other.0.len()), Some(b'.' | b'[')))
    }

    /// The row of `list` this path lies in: `members[12].ice` in
    /// `members` → 12.
    pub fn row_of(&self, list: &FieldPath) -> Option<usize> {
        row_index(&self.0, &list.0)
    }

    /// The dossier section the path belongs to.
    pub fn section(&self) -> Section {
        section_of(&self.0)
    }

    // ------------------------------------------------------------ shorthands

    pub fn identity(f: IdentityField) -> Self {
        Self::part(Part::Identity).field(f)
    }
    pub fn member(index: usize) -> Self {
        Self::part(Part::Members).row(index)
    }
    pub fn member_field(index: usize, f: MemberField) -> Self {
        Self::member(index).field(f)
    }
    pub fn partner(index: usize, f: PartnerField) -> Self {
        Self::part(Part::Partners).row(index).field(f)
    }
    pub fn governance(f: GovernanceField) -> Self {
        Self::part(Part::Governance).field(f)
    }
    pub fn board(index: usize, f: BoardField) -> Self {
        Self::governance(GovernanceField::Board).row(index).field(f)
    }
    pub fn fee_category(index: usize, f: FeeField) -> Self {
        Self::governance(GovernanceField::FeeCategories)
            .row(index)
            .field(f)
    }
    pub fn strategy(f: StrategyField) -> Self {
        Self::part(Part::Strategy).field(f)
    }
    pub fn cooperation(list: CooperationField) -> Self {
        Self::part(Part::Cooperation).field(list)
    }
    pub fn startups(f: StartupsField) -> Self {
        Self::part(Part::Startups).field(f)
    }
    pub fn plan(f: PlanField) -> Self {
        Self::part(Part::Plan).field(f)
    }
    pub fn action(index: usize, f: ActionField) -> Self {
        Self::plan(PlanField::Actions).row(index).field(f)
    }
    pub fn budget_row(row_id: &str) -> Self {
        Self::part(Part::Budget).id(row_id)
    }
    pub fn budget_cell(row_id: &str, year: usize) -> Self {
        Self::budget_row(row_id).year(year)
    }
    pub fn kpi(kpi_id: &str) -> Self {
        Self::part(Part::Indicators).id(kpi_id)
    }
    pub fn custom_kpi(index: usize, f: CustomKpiField) -> Self {
        Self::part(Part::Indicators)
            .field(IndicatorsField::Custom)
            .row(index)
            .field(f)
    }
    pub fn criterion(criterion_id: &str) -> Self {
        Self::part(Part::Criteria).id(criterion_id)
    }
    pub fn admin_piece(piece_id: &str) -> Self {
        Self::part(Part::Administrative).id(piece_id)
    }
    pub fn declaration(f: DeclarationField) -> Self {
        Self::part(Part::Declaration).field(f)
    }
    pub fn other_document(index: usize) -> Self {
        Self::declaration(DeclarationField::OtherDocuments).row(index)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for FieldPath {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl PartialEq<str> for FieldPath {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

/// A path reads as its text wherever a `&str` is expected (widget keys,
/// egui ids), so no caller needs to spell it out.
impl std::ops::Deref for FieldPath {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for FieldPath {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<FieldPath> for String {
    fn from(p: FieldPath) -> String {
        p.0
    }
}

/// The number a user reads for a 0-based row or year index: « n° 1 »,
/// « année 1 » (saturating: an index is a length, far below `usize::MAX`).
pub fn nth(index: usize) -> usize {
    index.saturating_add(1)
}

/// A cell of the budget canevas: `budget.<row id>[<year index>]`.
pub fn budget_cell(row_id: &str, year: usize) -> String {
    FieldPath::budget_cell(row_id, year).0
}

/// The row index a path names in `list`, if any: `members[12].ice` → 12.
pub fn row_index(path: &str, list: &str) -> Option<usize> {
    let rest = path.strip_prefix(list)?.strip_prefix('[')?;
    let (index, _) = rest.split_once(']')?;
    index.parse().ok()
}

/// The same path with the row index in `list` replaced.
pub fn with_row_index(path: &str, list: &str, index: usize) -> Option<String> {
    let rest = path.strip_prefix(list)?.strip_prefix('[')?;
    let (_, after) = rest.split_once(']')?;
    Some(format!("{list}[{index}]{after}"))
}

/// The dossier section a path belongs to.
pub fn section_of(path: &str) -> Section {
    let head = path.split(['.', '[']).next().unwrap_or_default();
    let part = |p: Part| head == p.key();
    if part(Part::Administrative) {
        Section::Administrative
    } else if part(Part::Identity) {
        Section::Identity
    } else if part(Part::Members) || part(Part::Partners) {
        Section::Members
    } else if part(Part::Governance) {
        Section::Governance
    } else if part(Part::Strategy) {
        Section::Strategy
    } else if part(Part::Cooperation) {
        Section::Cooperation
    } else if part(Part::Startups) {
        Section::Startups
    } else if part(Part::Plan) || part(Part::Budget) {
        Section::Plan
    } else if part(Part::Indicators) {
        Section::Indicators
    } else if part(Part::Criteria) {
        Section::Criteria
    } else if part(Part::Declaration) {
        Section::Declaration
    } else {
        Section::General
    }
}

/// A French name for a path, for messages: « Budget, « Subventions de
/// l'État », année 1 »; falls back to the section and the path.
pub fn describe(path: &str, profile: &CallProfile) -> String {
    let year = path
        .rsplit_once('[')
        .and_then(|(_, y)| y.strip_suffix(']'))
        .and_then(|y| y.parse::<usize>().ok())
        .map(|y| format!(", année {}", nth(y)));
    let budget = FieldPath::part(Part::Budget);
    if let Some(rest) = path
        .strip_prefix(budget.as_str())
        .and_then(|r| r.strip_prefix('.'))
        && let Some((row, _)) = rest.split_once('[')
        && let Some(def) = profile.budget_row(row)
    {
        return format!("Budget, « {} »{}", def.label, year.unwrap_or_default());
    }
    if let Some(i) = row_index(path, FieldPath::part(Part::Members).as_str()) {
        return format!(
            "Membre n° {}, {}",
            nth(i),
            path.rsplit('.').next().unwrap_or(path)
        );
    }
    if let Some(i) = row_index(path, FieldPath::plan(PlanField::Actions).as_str()) {
        return format!("Action n° {}{}", nth(i), year.unwrap_or_default());
    }
    let year = year.unwrap_or_default();
    for (field, label) in [
        (
            StrategyField::RdProjects,
            "Objectifs chiffrés, projets de R&D",
        ),
        (
            StrategyField::FundsRaised,
            "Objectifs chiffrés, financements levés",
        ),
        (
            StrategyField::ExportShare,
            "Objectifs chiffrés, parts de marché à l'export",
        ),
        (
            StrategyField::ForecastMembers,
            "Évolution prévisionnelle du nombre d'adhérents",
        ),
        (
            StrategyField::ForecastFeeRevenue,
            "Évolution prévisionnelle des recettes de cotisation",
        ),
    ] {
        if row_index(path, FieldPath::strategy(field).as_str()).is_some() {
            return format!("{label}{year}");
        }
    }
    let custom = FieldPath::part(Part::Indicators).field(IndicatorsField::Custom);
    if let Some(i) = row_index(path, custom.as_str()) {
        return format!("Indicateur supplémentaire n° {}{year}", nth(i));
    }
    if let Some(rest) = path
        .strip_prefix(FieldPath::part(Part::Indicators).as_str())
        .and_then(|r| r.strip_prefix('.'))
        && let Some((id, _)) = rest.split_once('[')
        && let Some(def) = profile.kpi(id)
    {
        return format!("Indicateur « {} »{year}", def.label);
    }
    let fees = FieldPath::governance(GovernanceField::FeeCategories);
    if let Some(i) = row_index(path, fees.as_str()) {
        return format!("Catégorie de cotisation n° {}, cotisation annuelle", nth(i));
    }
    format!("{} ({path})", section_of(path).label())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_built_by_constructors() {
        assert_eq!(
            FieldPath::member_field(3, MemberField::TaxId),
            "members[3].tax_id"
        );
        assert_eq!(
            FieldPath::identity(IdentityField::President).field(PersonField::Email),
            "identity.president.email"
        );
        assert_eq!(
            FieldPath::budget_cell("subventions", 0),
            "budget.subventions[0]"
        );
        assert_eq!(
            FieldPath::action(2, ActionField::Cost).year(4),
            "plan.actions[2].cost[4]"
        );
        assert!(FieldPath::member_field(1, MemberField::Ice).is_within(&FieldPath::member(1)));
        assert!(!FieldPath::member_field(11, MemberField::Ice).is_within(&FieldPath::member(1)));
        assert_eq!(FieldPath::kpi("adherents").section(), Section::Indicators);
    }

    #[test]
    fn row_indices_are_read_and_replaced() {
        assert_eq!(row_index("members[12].ice", "members"), Some(12));
        assert_eq!(row_index("partners[1].name", "members"), None);
        assert_eq!(
            with_row_index("plan.actions[3].cost[1]", "plan.actions", 2).as_deref(),
            Some("plan.actions[2].cost[1]")
        );
        assert_eq!(section_of(&budget_cell("subventions", 0)), Section::Plan);
    }
}
