//! The findings as text: grouped by section in dossier order, then a
//! summary line.

use std::io::Write;
use std::path::Path;

use crate::model::rules;
use crate::model::{Finding, Section, Severity};

/// Findings listed per section: a damaged or generated file can hold
/// thousands of empty rows, each a finding; past this, a count.
const SHOWN_PER_SECTION: usize = 200;

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
        let hidden = in_section.len().saturating_sub(SHOWN_PER_SECTION);
        in_section.truncate(SHOWN_PER_SECTION);
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
        if hidden > 0 {
            // Blocking points come first, so those left out are the last
            // of the same kind or warnings; the summary counts them all.
            writeln!(
                out,
                "  … et {hidden} autre{} constat{} dans cette section (voir l'assistant, onglet Vérification)",
                plural(hidden),
                plural(hidden)
            )?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::field::FieldPath;

    #[test]
    fn a_section_lists_its_first_findings_then_a_count() {
        let mut findings: Vec<Finding> = (0..SHOWN_PER_SECTION + 37)
            .map(|i| Finding::warning(Section::Indicators, FieldPath::default(), format!("n° {i}")))
            .collect();
        findings.push(Finding::blocking(
            Section::Indicators,
            FieldPath::default(),
            "grave",
        ));
        let mut out = Vec::new();
        write_report(&mut out, Path::new("d.ron"), &findings).expect("written");
        let text = String::from_utf8(out).expect("UTF-8");
        let listed = text
            .lines()
            .filter(|l| l.starts_with("  ✗") || l.starts_with("  !"))
            .count();
        assert_eq!(listed, SHOWN_PER_SECTION);
        // The blocking point comes first, whatever its place.
        assert!(text.contains("✗ BLOQUANT : grave"));
        assert!(text.contains("… et 38 autres constats dans cette section"));
        assert!(text.contains(&format!("{} avertissements", SHOWN_PER_SECTION + 37)));
    }
}
