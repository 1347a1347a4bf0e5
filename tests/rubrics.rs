//! Every declared rubric reaches every consumer: the rules, the paper and
//! its preview anchors, the proofreading copy and « Nouvelle édition »
//! (the wizard's side is `ui::tests_rubrics`). The rubrics are walked from
//! the tables (`model::rubric::catalogue`), never listed here, so a new
//! line in a table is checked without touching this file.

use std::collections::{HashMap, HashSet};

use cluster_dossier::model::dossier::{CollaborativeProject, CooperationProject, Dossier};
use cluster_dossier::model::edition::carry_over;
use cluster_dossier::model::field::FieldPath;
use cluster_dossier::model::rubric::{Carry, Declared, Need, Print, catalogue};
use cluster_dossier::model::rules::{CheckContext, check};
use cluster_dossier::model::{CallProfile, Severity};
use cluster_dossier::print::document::{DocumentInput, build_with_sources};

fn example() -> Dossier {
    cluster_dossier::example_dossier().expect("example parses")
}

/// A dossier with nothing typed, and one empty row of each list a table
/// describes, so the rows' rubrics are walked too.
fn empty_with_rows(profile: &CallProfile) -> Dossier {
    let mut d = Dossier::new_for(profile);
    // The one rubric a new dossier proposes a value for.
    d.identity.legal_form.clear();
    d.cooperation
        .cooperation_projects
        .push(CooperationProject::default());
    d.cooperation
        .collaborative_projects
        .push(CollaborativeProject::default());
    d
}

/// The example with every rubric filled, optional ones included.
fn filled_example() -> Dossier {
    let mut d = example();
    assert!(!d.cooperation.cooperation_projects.is_empty());
    assert!(!d.cooperation.collaborative_projects.is_empty());
    d.strategy.objectives_comment = "Commentaire des objectifs chiffrés.".into();
    d
}

#[test]
fn the_catalogue_walks_every_table_declared() {
    // Each `pub const NAME: &[Entry…]` of the tables must be in the
    // catalogue, or the checks below would not see its rubrics.
    let source = include_str!("../src/model/rubric/tables.rs");
    let declared: HashSet<&str> = source
        .lines()
        .filter_map(|l| l.strip_prefix("pub const "))
        .filter_map(|l| l.split(':').next())
        .collect();
    let walked: HashSet<&str> = catalogue(&filled_example())
        .iter()
        .map(|r| r.table)
        .collect();
    assert!(declared.len() >= 9, "tables read: {declared:?}");
    assert_eq!(declared, walked);
}

#[test]
fn every_rubric_is_its_field_in_the_file() {
    // The path a table gives (from `field::names`) is where serde writes
    // the value: set one rubric and the saved text changes under its key.
    let d = filled_example();
    let text = ron::ser::to_string(&d).expect("serialises");
    for r in catalogue(&d) {
        let key = r
            .path
            .as_str()
            .rsplit(['.', ']'])
            .next()
            .unwrap_or_default();
        assert!(
            text.contains(&format!("{key}:")),
            "{}: no `{key}` in the file",
            r.path
        );
    }
    let mut other = d.clone();
    other.identity.website = "www.autre.ma".into();
    let changed = ron::ser::to_string(&other).expect("serialises");
    assert!(changed.contains("website:\"www.autre.ma\""));
}

#[test]
fn every_required_rubric_is_checked_and_optional_ones_are_not() {
    let profile = CallProfile::edition_2026();
    let d = empty_with_rows(&profile);
    let findings = check(&d, &profile, &CheckContext::default());
    let rubrics = catalogue(&d);
    assert!(rubrics.len() > 30);
    for r in &rubrics {
        let at = |f: &&cluster_dossier::model::Finding| {
            f.field == r.path || (r.years && f.field.is_within(&r.path))
        };
        let found: Vec<_> = findings.iter().filter(at).collect();
        match r.need {
            Need::Required => assert!(
                found.iter().any(|f| f.severity == Severity::Blocking),
                "{} ({}) empty but not blocking",
                r.path,
                r.label
            ),
            Need::Advisable => assert!(
                found.iter().any(|f| f.severity == Severity::Warning),
                "{} ({}) empty without a warning",
                r.path,
                r.label
            ),
            Need::Optional => assert!(found.is_empty(), "{} optional: {found:?}", r.path),
        }
    }
    // Filled, none of them is reported as missing.
    let d = filled_example();
    let findings = check(&d, &profile, &CheckContext::default());
    for r in catalogue(&d) {
        assert!(
            !findings
                .iter()
                .any(|f| f.field.is_within(&r.path) && f.message.contains("rubrique à remplir")),
            "{} filled yet reported",
            r.path
        );
    }
}

/// The paper's blocks as text, and the fields its parts are anchored to.
fn paper(d: &Dossier, profile: &CallProfile) -> (String, HashSet<String>) {
    let pages = HashMap::new();
    let attachments = cluster_dossier::attach::Attachments::default();
    let input = DocumentInput {
        dossier: d,
        profile,
        findings: &[],
        draft: false,
        blank: false,
        attachments: &attachments,
        pages: &pages,
    };
    let (blocks, sources) = build_with_sources(&input);
    (format!("{blocks:?}"), sources.into_values().collect())
}

#[test]
fn every_rubric_is_printed_under_its_label_and_anchored_for_the_preview() {
    let profile = CallProfile::edition_2026();
    let d = filled_example();
    let (text, anchors) = paper(&d, &profile);
    for r in catalogue(&d) {
        assert!(r.filled, "{} not filled in the example", r.path);
        // A bespoke rubric is set by its section under another name (the
        // address and city as one « Siège » line, anchored to the address;
        // a project's title as its heading); a note has no title.
        if r.print != Print::Bespoke {
            assert!(
                anchors.contains(r.path.as_str()),
                "{} not anchored on paper",
                r.path
            );
        }
        if !matches!(r.print, Print::Bespoke | Print::Note) {
            assert!(text.contains(r.label), "label « {} » not printed", r.label);
        }
        if !r.years {
            let first_line = r.shown.lines().next().unwrap_or_default();
            assert!(text.contains(first_line), "{}: value not printed", r.path);
        }
    }
    // An optional rubric left empty leaves no empty line on paper.
    let mut bare = d.clone();
    bare.identity.website.clear();
    let (text, _) = paper(&bare, &profile);
    assert!(!text.contains("Site web"));
}

#[test]
fn every_rubric_is_in_the_proofreading_copy() {
    let profile = CallProfile::edition_2026();
    let d = filled_example();
    let text = format!("{:?}", cluster_dossier::proofcopy::outline(&d, &profile));
    for r in catalogue(&d) {
        if !matches!(r.print, Print::Bespoke | Print::Note) {
            assert!(text.contains(r.label), "« {} » not in the copy", r.label);
        }
        if !r.years {
            let first_line = r.shown.lines().next().unwrap_or_default();
            assert!(
                text.contains(first_line),
                "{}: value not in the copy",
                r.path
            );
        }
    }
}

#[test]
fn a_new_edition_keeps_and_clears_what_each_rubric_says() {
    let profile = CallProfile::edition_2026();
    let source = filled_example();
    let new = carry_over(&source, &profile).dossier;
    let after: HashMap<FieldPath, Declared> = catalogue(&new)
        .into_iter()
        .map(|r| (r.path.clone(), r))
        .collect();
    let mut kept = 0;
    for r in catalogue(&source) {
        match (r.carry, after.get(&r.path)) {
            (Carry::Keep, Some(a)) => {
                assert_eq!(a.shown, r.shown, "{} not carried as typed", r.path);
                kept += 1;
            }
            (Carry::Keep, None) => panic!("{} kept but its row is gone", r.path),
            // A cleared rubric is blank, or its row is gone with its list.
            (Carry::Clear, Some(a)) => assert!(!a.filled, "{} carried", r.path),
            (Carry::Clear, None) => {}
        }
    }
    assert!(kept > 10);
    assert_eq!(new.identity.website, source.identity.website);
}
