//! Tests of `import::plan`.
use super::*;

fn sheet(rows: &[&[&str]]) -> Sheet {
    Sheet {
        headers: rows[0].iter().map(|s| s.to_string()).collect(),
        rows: rows[1..]
            .iter()
            .enumerate()
            .map(|(i, r)| (i + 2, r.iter().map(|s| s.to_string()).collect()))
            .collect(),
        ..Sheet::default()
    }
}

/// The report of a sheet whose every row has a word not understood
/// stays short: each row quotes the start of its cell, and the
/// accepted words are listed once (a fuzzed 0.8 MB CSV printed 6 MB).
#[test]
fn words_not_understood_are_quoted_short_and_the_accepted_list_said_once() {
    let long = "18446744073709551615 39 11 22 33 ".repeat(1_000);
    let date = "3".repeat(5_000);
    let mut rows: Vec<Vec<String>> = vec![
        ["Raison sociale", "Catégorie", "Activité", "Date d'adhésion"]
            .map(String::from)
            .to_vec(),
    ];
    for i in 0..300 {
        rows.push(vec![
            format!("Membre {i}"),
            if i % 3 == 0 {
                long.clone()
            } else {
                "Entreprise engagée".into()
            },
            if i % 3 == 1 {
                long.clone()
            } else {
                "Industrielle".into()
            },
            if i % 3 == 2 {
                date.clone()
            } else {
                String::new()
            },
        ]);
    }
    let refs: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let refs: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
    let s = sheet(&refs);
    let mapping = super::super::guess_mapping(&s.headers);
    let plan = plan_import(&Dossier::default(), &s, &mapping, PlanOptions::default());
    assert_eq!(plan.invalid.len(), 300);
    for r in &plan.invalid {
        assert!(r.reason.chars().count() < 140, "{}", r.reason);
        assert!(!r.reason.contains("mots acceptés :"), "{}", r.reason);
    }
    assert!(
        plan.invalid[0]
            .reason
            .starts_with("catégorie « 18446744073709551615 39")
    );
    assert!(plan.invalid[0].reason.contains("…»") || plan.invalid[0].reason.contains("… »"));
    let listed: Vec<&String> = plan
        .notes
        .iter()
        .filter(|n| n.contains("mots acceptés :"))
        .collect();
    assert_eq!(listed.len(), 2, "{:?}", plan.notes);
    assert!(listed[0].starts_with("100 lignes ont une catégorie non reconnue"));
    assert!(listed[0].contains("Formation et recherche"));
    assert!(listed[1].starts_with("100 lignes ont une activité non reconnue"));
    assert!(listed[1].contains("R&D"));
}

#[test]
fn names_compare_without_accents_case_or_legal_form() {
    assert_eq!(
        name_key("Sté Laiterie d'Azrou SARL"),
        name_key("LAITERIE D'AZROU")
    );
    assert_eq!(name_key("Atlas S.A.R.L."), "atlas");
    assert_ne!(name_key("Atlas Nord"), name_key("Atlas Sud"));
}

#[test]
fn every_row_lands_in_one_bucket() {
    let s = sheet(&[
        &[
            "Raison sociale",
            "Catégorie",
            "Activité",
            "ICE",
            "Date d'adhésion",
            "",
        ],
        &[
            "Atlas SARL",
            "Entreprise engagée",
            "Industrielle",
            "1561191000066",
            "12/03/2024",
            "",
        ],
        &["", "Entreprise engagée", "Autre", "", "", ""],
        &["ATLAS", "Entreprise engagée", "Industrielle", "", "", ""],
        &[
            "Université de Fès",
            "Université",
            "Autre",
            "",
            "31/02/2024",
            "",
        ],
        &["Centre X", "Martien", "Autre", "", "", ""],
        &[
            "Autre ICE",
            "Université",
            "Autre",
            "001561191000066",
            "",
            "",
        ],
        &["Débordement", "Université", "Autre", "", "", "", "note"],
    ]);
    let mapping = super::super::guess_mapping(&s.headers);
    let d = Dossier::default();
    let plan = plan_import(&d, &s, &mapping, PlanOptions::default());
    assert_eq!(plan.added.len(), 1);
    assert_eq!(plan.added[0].member.ice, "001561191000066");
    let skipped: Vec<usize> = plan.skipped.iter().map(|r| r.line).collect();
    assert_eq!(skipped, [4, 7], "same name, then same ICE");
    assert!(plan.skipped[1].reason.contains("même ICE"));
    let invalid: Vec<usize> = plan.invalid.iter().map(|r| r.line).collect();
    assert_eq!(invalid, [3, 5, 6, 8]);
    assert!(
        plan.invalid[3].reason.contains("colonne G"),
        "{:?}",
        plan.invalid[3]
    );
    assert_eq!(plan.counted(), plan.rows);
    assert_eq!(
        plan.summary(),
        "1 membre importé, 0 fusionné, 2 doublons ignorés, 0 conflit, 4 lignes invalides (7 lignes lues)"
    );
}
