//! The labels and descriptions over every field name and path.
use super::super::FieldPath;
use super::*;
use crate::model::call::CallProfile;

/// Every key of every field-name enum, with its label.
fn all_keys() -> Vec<(&'static str, &'static str)> {
    fn each<F: FieldLabel + 'static>(all: &'static [F]) -> Vec<(&'static str, &'static str)> {
        all.iter().map(|f| (f.key(), f.label())).collect()
    }
    [
        each(Part::ALL),
        each(IdentityField::ALL),
        each(PersonField::ALL),
        each(MemberField::ALL),
        each(PartnerField::ALL),
        each(GovernanceField::ALL),
        each(BoardField::ALL),
        each(FeeField::ALL),
        each(StrategyField::ALL),
        each(CooperationField::ALL),
        each(ProjectField::ALL),
        each(PartnershipField::ALL),
        each(StartupsField::ALL),
        each(StepField::ALL),
        each(PlanField::ALL),
        each(ActionField::ALL),
        each(BudgetField::ALL),
        each(IndicatorsField::ALL),
        each(CustomKpiField::ALL),
        each(AdminField::ALL),
        each(DeclarationField::ALL),
        each(DocumentField::ALL),
    ]
    .concat()
}

/// Keys that are not also a word of some label: « joined », « name »,
/// « tax_id ». None of them may reach a message.
pub(crate) fn raw_identifiers() -> Vec<&'static str> {
    let keys = all_keys();
    let words: Vec<String> = keys
        .iter()
        .flat_map(|(_, l)| l.split(|c: char| !c.is_alphanumeric() && c != '\''))
        .map(str::to_lowercase)
        .collect();
    let mut raw: Vec<&str> = keys
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| !words.iter().any(|w| w == k))
        .collect();
    raw.sort_unstable();
    raw.dedup();
    raw
}

fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(|w| w == word)
}

/// Every path the constructors can build, over every field name.
pub(crate) fn every_path(profile: &CallProfile) -> Vec<(FieldPath, &'static str)> {
    let mut out: Vec<(FieldPath, &'static str)> = Vec::new();
    for p in Part::ALL {
        out.push((FieldPath::part(*p), p.label()));
    }
    for f in IdentityField::ALL {
        out.push((FieldPath::identity(*f), f.label()));
        if field(Kind::Identity, f.key()) == Some((f.label(), Holds::Value(Kind::Person))) {
            for p in PersonField::ALL {
                out.push((FieldPath::identity(*f).field(*p), p.label()));
            }
        }
    }
    for f in MemberField::ALL {
        out.push((FieldPath::member_field(3, *f), f.label()));
    }
    for p in PersonField::ALL {
        let path = FieldPath::member_field(0, MemberField::Contact).field(*p);
        out.push((path, p.label()));
    }
    for f in PartnerField::ALL {
        out.push((FieldPath::partner(1, *f), f.label()));
    }
    for f in GovernanceField::ALL {
        out.push((FieldPath::governance(*f), f.label()));
    }
    for f in BoardField::ALL {
        out.push((FieldPath::board(2, *f), f.label()));
    }
    for f in FeeField::ALL {
        out.push((FieldPath::fee_category(0, *f), f.label()));
    }
    for f in StrategyField::ALL {
        out.push((FieldPath::strategy(*f), f.label()));
        out.push((FieldPath::strategy(*f).year(4), f.label()));
    }
    for list in CooperationField::ALL {
        out.push((FieldPath::cooperation(*list), list.label()));
        if *list == CooperationField::Partnerships {
            for f in PartnershipField::ALL {
                out.push((FieldPath::cooperation(*list).row(1).field(*f), f.label()));
            }
        } else {
            for f in ProjectField::ALL {
                out.push((FieldPath::cooperation(*list).row(0).field(*f), f.label()));
            }
        }
    }
    for f in StartupsField::ALL {
        out.push((FieldPath::startups(*f), f.label()));
        if *f == StartupsField::Strategy {
            continue;
        }
        for s in StepField::ALL {
            out.push((FieldPath::startups(*f).row(0).field(*s), s.label()));
        }
    }
    for f in PlanField::ALL {
        out.push((FieldPath::plan(*f), f.label()));
    }
    for f in ActionField::ALL {
        out.push((FieldPath::action(5, *f), f.label()));
        out.push((FieldPath::action(5, *f).year(0), f.label()));
    }
    for row in &profile.budget_rows {
        for y in 0..crate::model::dossier::YEARS {
            out.push((FieldPath::budget_cell(&row.id, y), "budget"));
        }
        for f in BudgetField::ALL {
            out.push((FieldPath::budget_row(&row.id).field(*f), f.label()));
        }
    }
    for k in &profile.kpi_rows {
        out.push((FieldPath::kpi(&k.id).year(2), "indicateurs"));
    }
    for f in CustomKpiField::ALL {
        out.push((FieldPath::custom_kpi(0, *f), f.label()));
        out.push((FieldPath::custom_kpi(0, *f).year(1), f.label()));
    }
    for c in &profile.criteria {
        out.push((FieldPath::criterion(&c.id), "critères"));
    }
    for piece in &profile.admin_pieces {
        out.push((FieldPath::admin_piece(&piece.id), "administratif"));
        for f in AdminField::ALL {
            out.push((FieldPath::admin_piece(&piece.id).field(*f), f.label()));
        }
    }
    for f in DeclarationField::ALL {
        out.push((FieldPath::declaration(*f), f.label()));
    }
    for f in DocumentField::ALL {
        out.push((FieldPath::other_document(0).field(*f), f.label()));
    }
    out
}

#[test]
fn every_field_has_a_french_label() {
    for (key, label) in all_keys() {
        assert!(!label.is_empty() && !label.contains('_'), "{key}: {label}");
        // Only words that are French as they stand are their own label.
        let french = [
            "contact",
            "description",
            "nature",
            "date",
            "actions",
            "orientations",
        ];
        assert!(
            label != key || french.contains(&key),
            "{key} has no label of its own"
        );
    }
    let raw = raw_identifiers();
    for key in [
        "joined",
        "name",
        "tax_id",
        "fee_category",
        "expected_results",
    ] {
        assert!(raw.contains(&key), "{key} is a raw identifier: {raw:?}");
    }
}

#[test]
fn every_path_is_described_in_french_without_identifiers() {
    let profile = CallProfile::edition_2026();
    let raw = raw_identifiers();
    let paths = every_path(&profile);
    for (path, expected) in &paths {
        let text = describe(path, &profile);
        let offending: Vec<&&str> = raw.iter().filter(|k| has_word(&text, k)).collect();
        assert!(offending.is_empty(), "{path} → {text}: {offending:?}");
        assert!(
            !text.contains(['_', '[', ']']) && !text.contains("n° 0"),
            "{path} → {text}"
        );
        assert!(
            text.chars().next().is_some_and(char::is_uppercase),
            "{path} → {text}"
        );
        let lower = text.to_lowercase();
        assert!(
            lower.contains(&expected.to_lowercase())
                || (path.row_of(&FieldPath::part(Part::Members)).is_some()
                    && lower.starts_with("membre n°")),
            "{path} → {text} lacks « {expected} »"
        );
    }
    // What the profile names, the profile's words.
    assert_eq!(
        describe(&FieldPath::budget_cell("subventions", 0), &profile),
        "Budget prévisionnel, « Subventions de l'État », année 1"
    );
    assert_eq!(
        describe(&FieldPath::member_field(3, MemberField::Joined), &profile),
        "Membre n° 4, date d'adhésion"
    );
    assert_eq!(
        describe(&FieldPath::action(1, ActionField::Cost).year(0), &profile),
        "Action n° 2, coût, année 1"
    );
    assert_eq!(
        describe(
            &FieldPath::admin_piece("statuts").field(AdminField::Date),
            &profile
        ),
        "Dossier administratif, « Copie des statuts de l'association du cluster », date"
    );
    // A path the dossier does not know (a hand-edited file) is quoted.
    assert_eq!(
        describe("identity.zzz", &profile),
        "Description générale, « zzz »"
    );
}
