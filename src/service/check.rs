//! The check pipeline, the same for the command line and the wizard:
//! - [`quick`] after every edit: the rules, and whether attached files exist;
//! - [`full`] before printing: the rules, and every attachment read and
//!   checked (unreadable or encrypted files are blocking).
//!
//! Findings always come out in one order: blocking first, then by section
//! in dossier order, each rule's own order kept within a section.

use std::path::Path;

use crate::attach::Attachments;
use crate::model::rules::{self, CheckContext};
use crate::model::{CallProfile, Dossier, Finding};

/// The context of a check made now (the deadline rule reads the clock here,
/// at the edge, so the rules stay pure).
pub fn now() -> CheckContext {
    CheckContext {
        now_unix: crate::now_unix(),
    }
}

/// Sorts findings in the one order every front end shows.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by_key(|f| (f.severity, f.section));
}

/// The rules' findings as of now.
pub fn rules_now(dossier: &Dossier, profile: &CallProfile) -> Vec<Finding> {
    rules::check(dossier, profile, &now())
}

/// For every keystroke: the rules, and only whether attached files exist.
pub fn quick(dossier: &Dossier, profile: &CallProfile, base_dir: &Path) -> Vec<Finding> {
    let mut findings = rules_now(dossier, profile);
    findings.extend(crate::attach::quick_check(dossier, profile, base_dir));
    sort(&mut findings);
    findings
}

/// Before printing: the rules, and every attachment read; returns the
/// attachments that could be read with the findings.
pub fn full(
    dossier: &Dossier,
    profile: &CallProfile,
    base_dir: &Path,
) -> (Attachments, Vec<Finding>) {
    let mut findings = rules_now(dossier, profile);
    let (attachments, problems) = crate::attach::load(dossier, profile, base_dir);
    for p in problems {
        if !findings.contains(&p) {
            findings.push(p);
        }
    }
    sort(&mut findings);
    (attachments, findings)
}
