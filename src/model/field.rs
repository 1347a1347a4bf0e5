//! Field paths: where a value lives in the dossier, as the rules name it
//! in findings and the wizard keys its widgets (`members[3].ice`,
//! `budget.subventions[0]`). Paths that more than one layer builds come
//! from the constructors here, never from literals typed twice.

use super::call::CallProfile;
use super::finding::Section;

/// A cell of the budget canevas: `budget.<row id>[<year index>]`.
pub fn budget_cell(row_id: &str, year: usize) -> String {
    format!("budget.{row_id}[{year}]")
}

/// The prefix of a budget cell's row: `budget.<row id>[`.
pub fn budget_row_prefix(row_id: &str) -> String {
    format!("budget.{row_id}[")
}

/// One element of a year list: `<path>[<year index>]`.
pub fn year_cell(path: &str, year: usize) -> String {
    format!("{path}[{year}]")
}

/// A row of a list and a field of it: `members[3].ice`.
pub fn row_field(list: &str, index: usize, field: &str) -> String {
    format!("{list}[{index}].{field}")
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
    match head {
        "administrative" => Section::Administrative,
        "identity" => Section::Identity,
        "members" | "partners" => Section::Members,
        "governance" => Section::Governance,
        "strategy" => Section::Strategy,
        "cooperation" => Section::Cooperation,
        "startups" => Section::Startups,
        "plan" | "budget" => Section::Plan,
        "indicators" => Section::Indicators,
        "criteria" => Section::Criteria,
        "declaration" => Section::Declaration,
        _ => Section::General,
    }
}

/// A French name for a path, for messages: « Budget, Subventions de
/// l'État, année 1 »; falls back to the path itself.
pub fn describe(path: &str, profile: &CallProfile) -> String {
    let year = path
        .rsplit_once('[')
        .and_then(|(_, y)| y.strip_suffix(']'))
        .and_then(|y| y.parse::<usize>().ok())
        .map(|y| format!(", année {}", y + 1));
    if let Some(rest) = path.strip_prefix("budget.")
        && let Some((row, _)) = rest.split_once('[')
        && let Some(def) = profile.budget_row(row)
    {
        return format!("Budget, « {} »{}", def.label, year.unwrap_or_default());
    }
    if let Some(i) = row_index(path, "members") {
        return format!(
            "Membre n° {}, {}",
            i + 1,
            path.rsplit('.').next().unwrap_or(path)
        );
    }
    if let Some(i) = row_index(path, "plan.actions") {
        return format!("Action n° {}{}", i + 1, year.unwrap_or_default());
    }
    format!("{} ({path})", section_of(path).label())
}

#[cfg(test)]
mod tests {
    use super::*;

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
