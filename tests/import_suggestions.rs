//! Issue 20 item 1: a sheet without our columns. Rows without an activity
//! or a category get a suggestion from their name, legal form and sector,
//! shown « à vérifier », accepted in one step, and marked in the register
//! until she confirms them; a row with no clue waits for her choice.

mod import_support;

use cluster_dossier::import::{self, DuplicatePolicy, PlanOptions, Sheet};
use cluster_dossier::model::dossier::{Activity, MemberCategory};
use cluster_dossier::model::{CallProfile, Dossier, rules};
use import_support::{import_cli, new_dossier};
use proptest::prelude::*;

const SHEET: &str = "Raison sociale;Forme juridique;Secteur;Ville\n\
Université Sidi Mohamed Ben Abdellah;Établissement public;Enseignement supérieur;Fès\n\
Tissages de l'Atlas;SARL;Textile;Fès\n\
Saïss Soft;SARL AU;Développement logiciel;Meknès\n\
Association des Industriels du Saïss;Association;Industrie;Fès\n\
Kawtar;;;Fès\n";

fn options(accept: bool) -> PlanOptions {
    PlanOptions {
        policy: DuplicatePolicy::Skip,
        default_activity: None,
        default_category: None,
        accept_suggestions: accept,
    }
}

fn sheet_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("registre sans activité.csv");
    std::fs::write(&path, SHEET).expect("write");
    path
}

#[test]
fn suggestions_are_shown_then_taken_in_one_step_and_marked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = sheet_file(dir.path());
    // Not accepted: every row waits, each suggestion is listed.
    let plan = import_support::plan_of(&path, options(false));
    assert!(plan.added.is_empty());
    let shown = plan.suggestions();
    assert_eq!(shown.len(), 4, "{shown:#?}");
    assert!(shown.iter().all(|l| l.ends_with("à vérifier")));
    assert!(
        shown[0].contains("Institution de formation") && shown[0].contains("« Université »"),
        "{}",
        shown[0]
    );
    // Accepted: the four rows with a clue are added, the fifth waits.
    let plan = import_support::plan_of(&path, options(true));
    let mut d = Dossier::default();
    plan.apply(&mut d);
    let got: Vec<(&str, MemberCategory, Activity)> = d
        .members
        .iter()
        .map(|m| (m.name.as_str(), m.category, m.activity))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Université Sidi Mohamed Ben Abdellah",
                MemberCategory::TrainingResearch,
                Activity::Other
            ),
            (
                "Tissages de l'Atlas",
                MemberCategory::EngagedCompany,
                Activity::Industrial
            ),
            (
                "Saïss Soft",
                MemberCategory::EngagedCompany,
                Activity::Technological
            ),
            (
                "Association des Industriels du Saïss",
                MemberCategory::OtherRepresentative,
                Activity::Other
            ),
        ]
    );
    assert!(
        d.members
            .iter()
            .all(|m| m.to_check.activity && m.to_check.category)
    );
    assert_eq!(plan.waiting_lines(), "ligne 6");
    // Each guessed value is a warning naming the member, until confirmed.
    let findings = rules::check(&d, &CallProfile::edition_2026(), &Default::default());
    let to_check: Vec<&str> = findings
        .iter()
        .filter(|f| f.message.contains("à vérifier"))
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(to_check.len(), 8, "{to_check:#?}");
    let before = d.members[1].clone();
    d.members[1].activity = Activity::Specific;
    d.members[1].confirm_changed(&before);
    assert!(!d.members[1].to_check.activity && d.members[1].to_check.category);
}

#[test]
fn the_command_line_accepts_suggestions_and_the_marks_are_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sheet = sheet_file(dir.path());
    let dossier = new_dossier(dir.path());
    let (code, out, err) = import_cli(&sheet, &dossier, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("--accepter-suggestions"), "{out}");
    assert!(out.contains("à vérifier"), "{out}");
    let (code, out, err) = import_cli(&sheet, &dossier, &["--accepter-suggestions"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("4 membres importés"), "{out}");
    let text = std::fs::read_to_string(&dossier).expect("read");
    assert_eq!(text.matches("to_check").count(), 4, "{text}");
    let d = cluster_dossier::store::load(&dossier).expect("reopens");
    assert!(d.members.iter().all(|m| m.to_check.activity));
}

#[test]
fn a_word_not_understood_lists_the_accepted_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.csv");
    std::fs::write(
        &path,
        "Raison sociale;Activité\nA;Formation\nB;R&D\nC;Bureau d'études\nD;Zorglub\n",
    )
    .expect("write");
    let chosen = PlanOptions {
        default_category: Some(MemberCategory::EngagedCompany),
        ..options(false)
    };
    let plan = import_support::plan_of(&path, chosen);
    let activities: Vec<Activity> = plan.added.iter().map(|a| a.member.activity).collect();
    assert_eq!(
        activities,
        [
            Activity::Other,
            Activity::Technological,
            Activity::Technological
        ]
    );
    assert_eq!(plan.invalid.len(), 1, "{:?}", plan.invalid);
    let reason = &plan.invalid[0].reason;
    assert!(reason.contains("« Zorglub » non reconnue"), "{reason}");
    // The accepted words are said once for the sheet, not on every row.
    let note = plan
        .notes
        .iter()
        .find(|n| n.contains("activité non reconnue"))
        .expect("the accepted activities are listed");
    assert!(
        note.starts_with("1 ligne a une activité non reconnue")
            && note.contains("Technologique")
            && note.contains("R&D"),
        "{note}"
    );
    assert!(!reason.contains("R&D"), "{reason}");
}

/// Words a sheet's name, legal form and sector cells are made of.
const NAME_WORDS: &[&str] = &[
    "Université",
    "École",
    "Institut",
    "Laboratoire",
    "Centre",
    "Association",
    "Fédération",
    "Chambre",
    "Atlas",
    "Saïss",
    "Textile",
    "Soft",
    "Conseil",
    "SARL",
    "SA",
    "Est",
    "It",
    "Fès",
    "Émballages",
    "R&D",
    "",
];

fn cell() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(NAME_WORDS), 0..4).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever the cells, a value the sheet did not give is never kept
    /// unmarked, a body named as one never counts towards the 60 %, and
    /// every row lands in exactly one bucket.
    #[test]
    fn no_guess_is_ever_kept_unmarked(
        rows in prop::collection::vec((cell(), cell(), cell()), 1..12),
        accept in any::<bool>(),
        default_activity in prop::option::of(prop::sample::select(Activity::ALL.to_vec())),
    ) {
        let sheet = Sheet {
            headers: vec!["Raison sociale".into(), "Forme juridique".into(), "Secteur".into()],
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, (n, l, s))| (i + 2, vec![format!("{n} n° {i}"), l.clone(), s.clone()]))
                .collect(),
            ..Sheet::default()
        };
        let mapping = import::guess_mapping(&sheet.headers);
        let options = PlanOptions {
            default_activity,
            default_category: Some(MemberCategory::EngagedCompany),
            ..options(accept)
        };
        let plan = import::plan_import(&Dossier::default(), &sheet, &mapping, options);
        prop_assert_eq!(plan.counted(), plan.rows);
        let mut d = Dossier::default();
        plan.apply(&mut d);
        for m in &d.members {
            prop_assert!(m.to_check.activity && m.to_check.category, "{:?}", m);
            let first = m.name.split(' ').next().unwrap_or_default();
            if accept && ["Université", "École", "Institut", "Laboratoire", "Association",
                "Fédération", "Chambre"].contains(&first) {
                prop_assert!(!m.activity.counts_for_share(), "{:?}", m);
                prop_assert!(!m.category.is_company(), "{:?}", m);
            }
        }
    }
}
