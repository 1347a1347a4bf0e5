//! Issue 20 item 6: the help beside each wizard section comes from the call.
//! Every quote of the 2026 profile's `section_help` is found word for word
//! in the call's text (a copy in tests/fixtures), each Partie 3 criterion is
//! attached to exactly the sections it concerns, and profiles written
//! before `section_help` existed still load.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use cluster_dossier::model::CallProfile;
use cluster_dossier::model::call::{HelpSection, PROFILE_2026_RON};
use cluster_dossier::model::finding::Section;
use cluster_dossier::service::profiles;

/// The call for projects 2026, as published (« cahier des charges »).
const CALL_TEXT: &str = include_str!("fixtures/cahier-des-charges-clusters-2026.txt");
/// A profile from before `section_help` and criterion weights.
const OLDER_PROFILE: &str = include_str!("fixtures/appel-test-seuils.ron");

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Runs of white space (spaces, tabs of the tables, line ends) as one space.
fn normalised(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A heading of the call and its depth: « 5. DOSSIER… » and « ANNEXE » 1,
/// « Section 3 – … » and the annex's model 2, « 3.2 … » 3.
fn heading_level(line: &str) -> Option<u8> {
    let line = line.trim();
    let (first, rest) = line.split_once(' ')?;
    // « 5. » or « 3.2 », never a date's day (« 28 juillet 2026 »).
    let numbered = first.contains('.')
        && first.chars().all(|c| c.is_ascii_digit() || c == '.')
        && first.starts_with(|c: char| c.is_ascii_digit());
    if numbered && !rest.trim().is_empty() && !line.contains('\t') {
        return Some(if first.trim_end_matches('.').contains('.') {
            3
        } else {
            1
        });
    }
    if first == "Section" && rest.starts_with(|c: char| c.is_ascii_digit()) {
        return Some(2);
    }
    match first {
        "ANNEXE" => Some(1),
        "MODELE" => Some(2),
        _ => None,
    }
}

/// The part of the call under `heading` (a whole line of the call), up to
/// the next heading of the same or a higher level, white space normalised.
fn part_under(heading: &str) -> String {
    let lines: Vec<&str> = CALL_TEXT.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim() == heading)
        .unwrap_or_else(|| panic!("« {heading} » is not a heading of the call"));
    let level = heading_level(heading).unwrap_or_else(|| panic!("« {heading} »: no level"));
    let end = lines[at + 1..]
        .iter()
        .position(|l| heading_level(l).is_some_and(|n| n <= level))
        .map_or(lines.len(), |n| at + 1 + n);
    normalised(&lines[at..end].join("\n"))
}

/// Every text the help shows as the call's words: what it is, the heading
/// it is quoted under, the words.
fn quotes(p: &CallProfile) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for h in &p.section_help {
        let under = |source: &str| {
            if source.is_empty() {
                h.reference.clone()
            } else {
                source.to_string()
            }
        };
        for (i, a) in h.asks.iter().enumerate() {
            // A table's rubric stands just before its text in the call.
            let quoted = if a.rubric.is_empty() {
                a.text.clone()
            } else {
                format!("{} {}", a.rubric, a.text)
            };
            out.push((format!("{:?} ask {i}", h.section), under(&a.source), quoted));
        }
        for c in h.criteria_in(p) {
            let what = format!("{:?} criterion {}", h.section, c.id);
            out.push((what, "7.2 Critères d'appréciation".into(), c.label.clone()));
            if let Some(w) = &c.weight {
                let what = format!("{:?} weight {}", h.section, c.id);
                out.push((what, "7.2 Critères d'appréciation".into(), w.clone()));
            }
        }
        if let Some(length) = &h.expected_length {
            let what = format!("{:?} length", h.section);
            out.push((what, h.reference.clone(), length.clone()));
        }
    }
    out
}

#[test]
fn every_wizard_section_has_help_in_the_2026_profile() {
    let p = CallProfile::bundled_2026();
    assert_eq!(p.validate(), Vec::new());
    assert_eq!(p.section_help.len(), HelpSection::ALL.len());
    for section in Section::ALL {
        let help = p.help_for(section);
        if section == Section::General {
            assert!(help.is_none());
            continue;
        }
        let help = help.unwrap_or_else(|| panic!("{section:?} has no help"));
        assert_eq!(help.section.section(), section);
        assert!(!help.asks.is_empty(), "{section:?} says what the call asks");
    }
}

#[test]
fn every_quoted_phrase_occurs_in_the_call_text() {
    let p = CallProfile::bundled_2026();
    let call = normalised(CALL_TEXT);
    let quotes = quotes(p);
    assert!(quotes.len() > 60, "{} quotes", quotes.len());
    for (what, heading, quoted) in &quotes {
        let q = normalised(quoted);
        assert!(q.len() > 3, "{what}: « {quoted} »");
        assert!(call.contains(&q), "{what}: « {quoted} » is not in the call");
        // And in the part of the call it is attributed to.
        assert!(
            part_under(heading).contains(&q),
            "{what}: « {quoted} » is not under « {heading} »"
        );
    }
    // Each reference is a heading of the call.
    for h in &p.section_help {
        assert!(!part_under(&h.reference).is_empty());
    }
    // The comparison tells a quote from a paraphrase: one word changed or
    // two words swapped is not found.
    for (what, _, quoted) in &quotes {
        let words: Vec<&str> = quoted.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        let mut changed = words.clone();
        let last = changed.len() - 1;
        let reworded = format!("{}x", changed[last]);
        changed[last] = &reworded;
        assert!(!call.contains(&changed.join(" ")), "{what}: reworded found");
        let mut swapped = words.clone();
        swapped.swap(0, 1);
        if swapped != words {
            assert!(!call.contains(&swapped.join(" ")), "{what}: swapped found");
        }
    }
    // The parts are told apart: a sentence of section 2 is not under 3.
    assert!(
        !part_under("Section 3 – Stratégie générale du cluster")
            .contains("Cette section doit préciser")
    );
    assert!(
        part_under("Section 2 – Gouvernance et pilotage").contains("Cette section doit préciser")
    );
    eprintln!(
        "{} quotes found word for word under their heading",
        quotes.len()
    );
}

#[test]
fn the_2026_call_gives_no_length_so_none_is_shown() {
    // The call never states a length in pages, words or characters…
    let call = normalised(CALL_TEXT).to_lowercase();
    for unit in [
        " mots",
        " caractères",
        " signes",
        "pages maximum",
        "pages au plus",
    ] {
        assert!(!call.contains(unit), "{unit}");
    }
    let numbered_pages = call
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w[0].chars().all(|c| c.is_ascii_digit()) && w[1].starts_with("page"));
    assert!(!numbered_pages);
    // …so the profile gives none, and the weights are absent too.
    let p = CallProfile::bundled_2026();
    assert!(p.section_help.iter().all(|h| h.expected_length.is_none()));
    assert!(p.criteria.iter().all(|c| c.weight.is_none()));
}

/// The sections each Partie 3 criterion (7.2 of the call) concerns.
fn concerned() -> BTreeMap<&'static str, Vec<HelpSection>> {
    use HelpSection::*;
    BTreeMap::from([
        // « Enjeu socio-économique, technologique… »: the sector's stakes
        // (1.1) and the strategy (3).
        ("enjeu", vec![Identity, Strategy]),
        // « nombre d'entreprises dans le cluster et sur le territoire »:
        // territory (1.1), register (1.2), indicator of member companies (7).
        ("masse_critique", vec![Identity, Members, Indicators]),
        // « acteurs réellement impliqués »: the register and the projects.
        ("acteurs", vec![Members, Cooperation]),
        // « projets collaboratifs »: the projects (4.1), their count (7).
        ("vraisemblance", vec![Cooperation, Indicators]),
        // « entreprises, recherche et établissements de formation »: the
        // register's categories and the collaborative projects.
        ("synergies", vec![Members, Cooperation]),
        // « gouvernance et qualité de l'animation »: section 2, the plan.
        ("gouvernance", vec![Governance, Plan]),
        // « Visibilité et projets de coopération internationale »: the
        // international positioning, partnerships, promotion actions.
        ("international", vec![Strategy, Cooperation, Plan]),
        // « Ancrage territorial et effet réseau »: territory and history
        // (1.1), national partnerships (4.2).
        ("ancrage", vec![Identity, Cooperation]),
        // « Présence de co-financeurs »: funds raised (3), budget (6.2).
        ("cofinanceurs", vec![Strategy, Plan]),
        // « ressources humaines et formation »: collective projects for the
        // employees, preparation of founders, training actions.
        ("rh_formation", vec![Cooperation, Startups, Plan]),
    ])
}

#[test]
fn each_criterion_appears_in_exactly_the_sections_it_concerns() {
    let p = CallProfile::bundled_2026();
    let expected = concerned();
    let ids: Vec<&str> = p.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids.iter()
            .copied()
            .collect::<std::collections::BTreeSet<_>>(),
        expected.keys().copied().collect(),
        "every criterion of the call is placed"
    );
    for (id, sections) in &expected {
        let found: Vec<HelpSection> = p
            .section_help
            .iter()
            .filter(|h| h.criteria.iter().any(|c| c == id))
            .map(|h| h.section)
            .collect();
        assert_eq!(&found, sections, "{id}");
    }
    // The criteria tab is the criteria; the administrative part and the
    // declaration are checked for completeness, not graded.
    for section in [
        HelpSection::Criteria,
        HelpSection::Administrative,
        HelpSection::Declaration,
    ] {
        let h = p.help_for(section.section()).expect("help");
        assert!(h.criteria.is_empty(), "{section:?}");
    }
    // Each criterion label shown comes from the profile's criteria list,
    // in its order (technical analysis first).
    let strategy = p.help_for(Section::Strategy).expect("help");
    let shown: Vec<&str> = strategy.criteria_in(p).map(|c| c.id.as_str()).collect();
    assert_eq!(shown, ["enjeu", "international", "cofinanceurs"]);
}

/// The 2026 profile's text without its `section_help` table and weights,
/// as a profile written before them.
fn without_help(text: &str) -> String {
    let start = text
        .find("    // Aide de l'assistant")
        .expect("help comment");
    let end = text.rfind("    ],\n)").expect("end of section_help") + "    ],\n".len();
    let cut = format!("{}{}", &text[..start], &text[end..]);
    cut.replace(", weight: None", "").replace(
        "    // L'appel 2026 ne donne aucune pondération des critères (« weight »).\n",
        "",
    )
}

#[test]
fn a_profile_without_section_help_still_loads() {
    for (name, text) in [
        ("fixture", OLDER_PROFILE.to_string()),
        ("2026 cut", without_help(PROFILE_2026_RON)),
    ] {
        assert!(!text.contains("section_help") && !text.contains("weight"));
        let p = CallProfile::from_ron(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(p.validate(), Vec::new(), "{name}");
        assert!(p.section_help.is_empty(), "{name}");
        assert!(Section::ALL.iter().all(|s| p.help_for(*s).is_none()));
        assert!(p.criteria.iter().all(|c| c.weight.is_none()));
        profiles::parse(&text, Path::new("ancien.ron")).expect("the service reads it");
    }
    // And through the command line.
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("ancien.ron");
    std::fs::write(&old, without_help(PROFILE_2026_RON)).expect("written");
    let out = run(&["check-profile", s(&old)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("aide de l'appel"));
}

#[test]
fn check_profile_and_export_profile_keep_the_help() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("appel-2027.ron");
    let out = run(&["export-profile", s(&path)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let written = std::fs::read_to_string(&path).expect("written");
    let exported = CallProfile::from_ron(&written).expect("parses");
    assert_eq!(
        exported.section_help,
        CallProfile::bundled_2026().section_help
    );
    let out = run(&["check-profile", s(&path)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("aide de l'appel pour 11 rubriques"), "{said}");
}

#[test]
fn a_wrong_help_table_is_refused_with_its_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = [
        // A criterion the profile does not define.
        (
            "criteria: [\"gouvernance\"],",
            "criteria: [\"gouvernanse\"],",
            "le critère « gouvernanse » n'est pas dans « criteria »",
            "section: Governance",
        ),
        // The same section twice: the second one is pointed at.
        (
            "section: Strategy,",
            "section: Identity,",
            "la rubrique « Identity » est décrite deux fois",
            "section: Identity",
        ),
        // A criterion cited twice in one section.
        (
            "criteria: [\"rh_formation\"],",
            "criteria: [\"rh_formation\", \"rh_formation\"],",
            "le critère « rh_formation » est cité deux fois",
            "section: Startups",
        ),
    ];
    for (from, to, said, at) in cases {
        assert_eq!(PROFILE_2026_RON.matches(from).count(), 1, "{from}");
        let text = PROFILE_2026_RON.replacen(from, to, 1);
        let p = CallProfile::from_ron(&text).expect("parses");
        let issues = p.validate();
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert!(issues[0].message.contains(said), "{issues:?}");
        // The command names the line of the section concerned.
        let file = dir.path().join("faux.ron");
        std::fs::write(&file, &text).expect("written");
        let out = run(&["check-profile", s(&file)]);
        assert_eq!(out.status.code(), Some(2));
        let occurrence = usize::from(said.contains("deux fois") && at == "section: Identity");
        let offset = text
            .match_indices(at)
            .nth(occurrence)
            .map(|(i, _)| i)
            .expect("place");
        let line = text[..offset].matches('\n').count() + 1;
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(said) && err.contains(&format!("ligne {line}")),
            "{err}"
        );
    }
}
