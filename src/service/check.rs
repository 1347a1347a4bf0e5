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

/// Each attached file as the dossier names it, with its size and date on
/// disk: the files are read again only when this changes.
type ScanKey = Vec<(String, Option<(u64, std::time::SystemTime)>)>;

/// [`full`], cached for a front end that asks after every edit (the
/// wizard's preview): the attachments are read again only when the files
/// the dossier attaches change (name, size or date), and the findings are
/// made again only for a new generation of the dossier (each edit makes
/// one) or new files. What it returns is what [`full`] returns.
#[derive(Default)]
pub struct FullCheck {
    scan: Option<(std::path::PathBuf, ScanKey)>,
    generation: Option<u64>,
    attachments: Attachments,
    problems: Vec<Finding>,
    findings: Vec<Finding>,
    reads: usize,
}

impl FullCheck {
    /// The findings the print would give and the attachments it inserts,
    /// for the dossier of `generation`.
    pub fn run(
        &mut self,
        generation: u64,
        dossier: &Dossier,
        profile: &CallProfile,
        base_dir: &Path,
    ) -> (&[Finding], &Attachments) {
        let scan = (base_dir.to_path_buf(), scan_key(dossier, profile, base_dir));
        let rescan = self.scan.as_ref() != Some(&scan);
        if rescan {
            let (attachments, problems) = crate::attach::load(dossier, profile, base_dir);
            self.attachments = attachments;
            self.problems = problems;
            self.scan = Some(scan);
            self.reads = self.reads.saturating_add(1);
        }
        if rescan || self.generation != Some(generation) {
            let mut findings = rules_now(dossier, profile);
            findings.extend(profile_finding(dossier, profile, base_dir));
            for p in &self.problems {
                if !findings.contains(p) {
                    findings.push(p.clone());
                }
            }
            sort(&mut findings);
            self.findings = findings;
            self.generation = Some(generation);
        }
        (&self.findings, &self.attachments)
    }

    /// How many times the attachments were read.
    pub fn reads(&self) -> usize {
        self.reads
    }
}

fn scan_key(d: &Dossier, p: &CallProfile, dir: &Path) -> ScanKey {
    use crate::model::dossier::PieceStatus;
    let pieces =
        p.admin_pieces
            .iter()
            .filter_map(|def| match d.admin_piece(&def.id).map(|x| &x.status) {
                Some(PieceStatus::Attached(path)) => {
                    Some((FieldPath::admin_piece(&def.id).to_string(), path.as_str()))
                }
                _ => None,
            });
    // The title names the file in the messages about it.
    let others = d
        .declaration
        .other_documents
        .iter()
        .enumerate()
        .filter_map(|(i, x)| {
            let stored = x.attachment.as_deref()?;
            Some((
                format!("{} {}", FieldPath::other_document(i), x.title),
                stored,
            ))
        });
    pieces
        .chain(others)
        .map(|(slot, stored)| {
            let meta = std::fs::metadata(crate::attach::resolve(dir, stored)).ok();
            let stamp = meta.and_then(|m| Some((m.len(), m.modified().ok()?)));
            (format!("{slot}={stored}"), stamp)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dossier::PieceStatus;

    #[test]
    fn scans_are_read_again_only_when_a_file_changes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = CallProfile::edition_2026();
        let mut d = crate::example_dossier().expect("the example loads");
        let id = p.admin_pieces[0].id.clone();
        let piece = d
            .administrative
            .iter_mut()
            .find(|x| x.id == id)
            .expect("the example lists the piece");
        piece.status = PieceStatus::Attached("scan.pdf".into());
        let mut cache = FullCheck::default();
        let (findings, attachments) = cache.run(1, &d, &p, dir.path());
        assert!(attachments.items.is_empty());
        assert!(
            findings
                .iter()
                .any(|f| f.is_blocking() && f.message.contains("scan.pdf")),
            "a missing scan blocks as in print"
        );
        assert_eq!(
            cache.run(2, &d, &p, dir.path()).0,
            full(&d, &p, dir.path()).1
        );
        assert_eq!(cache.reads(), 1, "nothing changed on disk");
        std::fs::write(dir.path().join("scan.pdf"), b"not a pdf").expect("written");
        let (findings, _) = cache.run(2, &d, &p, dir.path());
        assert!(
            findings
                .iter()
                .any(|f| f.is_blocking() && f.message.contains("scan.pdf")),
            "an unreadable scan blocks as in print"
        );
        assert_eq!(cache.reads(), 2, "the file appeared");
        assert_eq!(
            cache.run(2, &d, &p, dir.path()).0,
            full(&d, &p, dir.path()).1
        );
        assert_eq!(cache.reads(), 2);
    }
}
