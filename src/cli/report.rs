//! The findings as text: grouped by section in dossier order, then a
//! summary line.

use std::io::Write;
use std::path::Path;

use crate::model::rules;
use crate::model::{Finding, Section, Severity};

fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// Findings grouped by section in dossier order, then a summary line.
pub fn write_report(
    out: &mut impl Write,
    path: &Path,
    findings: &[Finding],
) -> std::io::Result<()> {
    writeln!(out, "Vérification de « {} »", path.display())?;
    for section in Section::ALL {
        let mut in_section: Vec<&Finding> =
            findings.iter().filter(|f| f.section == section).collect();
        if in_section.is_empty() {
            continue;
        }
        in_section.sort_by_key(|f| f.severity);
        writeln!(out, "\n{}", section.label())?;
        for f in in_section {
            let mark = match f.severity {
                Severity::Blocking => "✗ BLOQUANT",
                Severity::Warning => "! attention",
            };
            // The message names its field in French (« Membre « X », ICE »);
            // the stored path (`members[28].ice`) is for the wizard's links,
            // not for her.
            writeln!(out, "  {mark} : {}", f.message)?;
        }
    }
    let (blocking, warnings) = rules::summary(findings);
    let verdict = if blocking == 0 {
        "aucun point bloquant : le dossier peut être imprimé en version finale"
    } else {
        "le dossier serait refusé en l'état"
    };
    writeln!(
        out,
        "\nRésumé : {blocking} point{} bloquant{}, {warnings} avertissement{} — {verdict}.",
        plural(blocking),
        plural(blocking),
        plural(warnings)
    )
}
