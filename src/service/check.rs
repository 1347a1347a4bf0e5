//! The check pipeline, the same for the command line and the wizard:
//! - [`quick`] after every edit: the rules, and whether attached files exist;
//! - [`full`] before printing: the rules, and every attachment read and
//!   checked (unreadable or encrypted files are blocking).
//!
//! Both add a blocking finding when the call profile file the dossier
//! remembers cannot be used and the bundled edition stands in for it
//! ([`profile_finding`]): the dossier is shown, never printed final, against
//! rules that may not be its own.
//!
//! Findings always come out in one order: blocking first, then by section
//! in dossier order, each rule's own order kept within a section.

use std::path::Path;

use crate::attach::Attachments;
use crate::model::field::{FieldPath, Part};
use crate::model::finding::Section;
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

/// The blocking finding of a dossier whose remembered profile file cannot
/// be used while the bundled profile of its edition stands in for it
/// (see [`super::profiles::for_dossier`]). A profile named explicitly
/// (`--appel`) is used as asked: no finding unless it is the stand-in itself.
pub fn profile_finding(
    dossier: &Dossier,
    profile: &CallProfile,
    base_dir: &Path,
) -> Option<Finding> {
    let problem = super::profiles::remembered_problem(dossier, base_dir)?;
    let stand_in = super::profiles::bundled(&dossier.edition)?;
    if *stand_in != *profile {
        return None;
    }
    let place = problem.path.display().to_string();
    let named = if place == problem.stored {
        format!("« {place} »")
    } else {
        format!("« {} » ({place})", problem.stored)
    };
    Some(Finding::blocking(
        Section::General,
        FieldPath::part(Part::Edition),
        format!(
            "Le profil de l'appel de ce dossier, {named}, {}. En attendant, le dossier est affiché et vérifié avec le profil de l'édition {} fourni avec l'application, qui peut différer du sien : l'impression finale est refusée tant que ce profil n'est pas retrouvé. Remettez le fichier à cet endroit, ou indiquez-le avec « Profil de l'appel… » dans l'assistant (option --appel FICHIER.ron en ligne de commande).",
            problem.why, stand_in.edition,
        ),
    ))
}

/// For every keystroke: the rules, and only whether attached files exist.
pub fn quick(dossier: &Dossier, profile: &CallProfile, base_dir: &Path) -> Vec<Finding> {
    let mut findings = rules_now(dossier, profile);
    findings.extend(profile_finding(dossier, profile, base_dir));
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
    findings.extend(profile_finding(dossier, profile, base_dir));
    let (attachments, problems) = crate::attach::load(dossier, profile, base_dir);
    for p in problems {
        if !findings.contains(&p) {
            findings.push(p);
        }
    }
    sort(&mut findings);
    (attachments, findings)
}
