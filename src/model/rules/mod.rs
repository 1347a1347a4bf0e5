//! Rules: a dossier and its call profile in, findings out.
//!
//! - [`eligibility`]: the call's three thresholds;
//! - [`completeness`]: every rubric, table cell and administrative piece;
//! - [`consistency`]: figures that must agree across sections, the deadline;
//! - [`guesses`]: values an import suggested, to be confirmed.

pub mod completeness;
pub mod consistency;
pub mod eligibility;
pub mod entries;
pub mod guesses;
pub mod identifiers;

use rust_decimal::Decimal;

use super::call::CallProfile;
use super::dossier::Dossier;
use super::finding::{Finding, Severity};

/// What the rules need besides the dossier: the moment of the check, so the
/// rules stay pure and reproducible.
#[derive(Clone, Copy, Debug, Default)]
pub struct CheckContext {
    /// Seconds since the Unix epoch; `None` skips the deadline rule.
    pub now_unix: Option<i64>,
}

/// All findings, blocking first, then by section in dossier order.
pub fn check(dossier: &Dossier, profile: &CallProfile, ctx: &CheckContext) -> Vec<Finding> {
    let mut findings = entries::check(dossier, profile);
    findings.extend(eligibility::check(dossier, profile));
    // A field holding mistyped text is reported once, by `entries`, not
    // also as « non renseigné ».
    findings.extend(
        completeness::check(dossier, profile)
            .into_iter()
            .filter(|f| !dossier.invalid_entries.contains_key(f.field.as_str())),
    );
    findings.extend(consistency::check(dossier, profile, ctx));
    findings.extend(identifiers::check(dossier));
    findings.extend(guesses::check(dossier));
    // Stable sort keeps each rule's own order within a section.
    findings.sort_by_key(|f| (f.severity, f.section));
    findings
}

/// Counts of blocking findings and warnings.
pub fn summary(findings: &[Finding]) -> (usize, usize) {
    let blocking = findings
        .iter()
        .filter(|f| f.severity == Severity::Blocking)
        .count();
    (blocking, findings.len().saturating_sub(blocking))
}

/// A ratio for a message: the one percent format of the whole program
/// (cut, never rounded up; see [`super::money::format_percent`]).
pub(crate) fn percent_text(value: Decimal) -> String {
    super::money::format_percent(value)
}

/// « année 3 ».
pub(crate) fn year_label(index: usize) -> String {
    format!("année {}", crate::model::field::nth(index))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn percent_text_never_rounds_up() {
        assert_eq!(percent_text(dec!(39.996)), "39,99\u{a0}%");
        assert_eq!(percent_text(dec!(59.9)), "59,90\u{a0}%");
        assert_eq!(percent_text(dec!(60)), "60,00\u{a0}%");
        assert_eq!(percent_text(dec!(66.666666)), "66,66\u{a0}%");
    }
}
