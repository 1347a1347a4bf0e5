//! The proofreading copy (« Copie de relecture »), read back from the
//! `.docx` bytes as Word reads them: every written section's heading is
//! there with a heading style, every rubric's text of the example is there,
//! in order, an empty rubric shows « [à rédiger] », and any typed text comes
//! back as typed.

mod common;
mod proofcopy_support;

use std::collections::HashMap;

use cluster_dossier::attach::Attachments;
use cluster_dossier::model::dossier::{BoardMember, CooperationProject, PartnershipScope};
use cluster_dossier::model::{CallProfile, Date, Dossier};
use cluster_dossier::print::document::{DocumentInput, build};
use cluster_dossier::print::layout::Block as PrintBlock;
use cluster_dossier::proofcopy::{self, CopyFacts, TO_WRITE};
use proptest::prelude::*;

use common::{example, profile};
use proofcopy_support::{Para, heading_style, in_order, paragraphs, styles};

fn facts() -> CopyFacts {
    CopyFacts {
        date: Date::new(2026, 7, 14),
        source: Some("mon-cluster.ron".into()),
    }
}

fn docx(d: &Dossier, p: &CallProfile) -> Vec<u8> {
    proofcopy::docx(d, p, &facts()).expect("the copy is written")
}

type Wanted = Vec<(String, Option<String>)>;

fn h(w: &mut Wanted, level: u8, text: &str) {
    w.push((text.to_string(), Some(heading_style(level))));
}

/// A typed text as the copy shows it: its paragraphs, or the placeholder.
fn t(w: &mut Wanted, text: &str) {
    let paras = proofcopy::paragraphs(text);
    if paras.is_empty() {
        w.push((TO_WRITE.to_string(), None));
    }
    for p in paras.into_iter().filter(|p| !p.is_empty()) {
        w.push((p.join("\n"), None));
    }
}

fn label(w: &mut Wanted, label: &str, text: &str) {
    w.push((label.to_string(), Some("Rubrique".into())));
    t(w, text);
}

/// Every heading of the written sections and every text the user wrote
/// there, in the order of the call, read from the dossier itself.
fn wanted(d: &Dossier) -> Wanted {
    let mut w = Wanted::new();
    let id = &d.identity;
    h(&mut w, 1, "Section 1 – Carte d'identité du cluster");
    h(&mut w, 2, "1.1 Description générale");
    for text in [&id.name, &id.acronym, &id.legal_form] {
        t(&mut w, text);
    }
    h(&mut w, 3, "Gouvernance et contacts");
    for p in [&id.president, &id.vice_president, &id.treasurer] {
        t(&mut w, &p.name);
    }
    // The call's three rubrics of section 1.1, each with its parts.
    for (heading, parts) in [
        (
            "Secteur et thématiques",
            vec![
                ("Activités principales", &id.activities),
                ("Importance sectorielle", &id.sector_importance),
                ("Justification stratégique", &id.strategic_justification),
            ],
        ),
        (
            "Territoire",
            vec![
                (
                    "Périmètre géographique du noyau central (entreprises adhérentes)",
                    &id.core_territory,
                ),
                (
                    "Périmètre de l'agglomération productive (champ potentiel des coopérations futures)",
                    &id.productive_area,
                ),
            ],
        ),
        (
            "Historique",
            vec![
                ("Genèse du cluster", &id.genesis),
                ("Ancrage territorial", &id.territorial_anchoring),
                ("Initiatives communes déjà engagées", &id.joint_initiatives),
            ],
        ),
    ] {
        h(&mut w, 3, heading);
        for (title, text) in parts {
            h(&mut w, 4, title);
            t(&mut w, text);
        }
    }
    h(&mut w, 2, "1.2 Membres et participants au cluster");
    h(&mut w, 3, "Partenaires majeurs (hors membres)");
    for x in &d.partners {
        for text in [&x.name, &x.kind, &x.city, &x.link] {
            t(&mut w, text);
        }
    }
    let g = &d.governance;
    h(&mut w, 1, "Section 2 – Gouvernance et pilotage");
    h(&mut w, 2, "Composition du Conseil d'Administration");
    for m in &g.board {
        t(&mut w, &m.name);
    }
    h(&mut w, 2, "Organisation interne de l'association");
    t(&mut w, &g.internal_organisation);
    h(
        &mut w,
        2,
        "Modalités d'adhésion des membres à la structure de gouvernance",
    );
    t(&mut w, &g.membership_terms);
    h(&mut w, 2, "Recettes de cotisation et mode de calcul");
    for c in &g.fee_categories {
        t(&mut w, &c.name);
        t(&mut w, &c.description);
    }
    h(&mut w, 3, "Mode de calcul des cotisations");
    t(&mut w, &g.fee_calculation);
    let s = &d.strategy;
    h(&mut w, 1, "Section 3 – Stratégie générale du cluster");
    h(
        &mut w,
        2,
        "3.1 Description générale de la stratégie et de ses objectifs",
    );
    h(&mut w, 3, "Stratégie globale du cluster");
    t(&mut w, &s.global_strategy);
    h(&mut w, 3, "Objectifs chiffrés sur cinq ans");
    if !s.objectives_comment.trim().is_empty() {
        t(&mut w, &s.objectives_comment);
    }
    for (title, text) in [
        ("Technologies et marchés visés", &s.technologies_markets),
        (
            "Positionnement concurrentiel national",
            &s.national_positioning,
        ),
        (
            "Positionnement concurrentiel international",
            &s.international_positioning,
        ),
    ] {
        h(&mut w, 3, title);
        t(&mut w, text);
    }
    h(
        &mut w,
        3,
        "Évolution prévisionnelle des adhérents et des recettes de cotisation",
    );
    let c = &d.cooperation;
    h(&mut w, 1, "Section 4 – Partenariat et coopération");
    h(
        &mut w,
        2,
        "4.1 Projets de coopération et projets collaboratifs",
    );
    h(&mut w, 3, "Projets de coopération");
    for (i, x) in c.cooperation_projects.iter().enumerate() {
        h(
            &mut w,
            4,
            &format!("Projet de coopération {} : {}", i + 1, x.title),
        );
        label(&mut w, "Nature", &x.nature);
        label(&mut w, "Parties prenantes", &x.stakeholders);
        label(&mut w, "Moyens mobilisés", &x.means);
        label(&mut w, "Résultats attendus", &x.expected_results);
    }
    h(&mut w, 3, "Projets collaboratifs");
    for (i, x) in c.collaborative_projects.iter().enumerate() {
        h(
            &mut w,
            4,
            &format!("Projet collaboratif {} : {}", i + 1, x.title),
        );
        label(&mut w, "Objectifs", &x.objectives);
        label(&mut w, "Acteurs impliqués", &x.actors);
        label(&mut w, "Résultats attendus", &x.expected_results);
    }
    h(&mut w, 2, "4.2 Partenariats");
    for (scope, title) in [
        (PartnershipScope::National, "Partenariats nationaux"),
        (
            PartnershipScope::International,
            "Partenariats internationaux",
        ),
    ] {
        h(&mut w, 3, title);
        for x in c.partnerships.iter().filter(|x| x.scope == scope) {
            t(&mut w, &x.body);
            t(&mut w, &x.country);
            t(&mut w, &x.purpose);
        }
    }
    let st = &d.startups;
    h(
        &mut w,
        1,
        "Section 5 – Création et accompagnement des start-up",
    );
    h(
        &mut w,
        2,
        "Stratégie de soutien à l'entrepreneuriat innovant",
    );
    t(&mut w, &st.strategy);
    h(
        &mut w,
        2,
        "Processus de préparation à la création d'entreprise",
    );
    for x in &st.preparation {
        t(&mut w, &x.description);
        t(&mut w, &x.partners);
    }
    h(
        &mut w,
        2,
        "Accompagnement post-création : services par type de soutien",
    );
    for x in &st.post_creation {
        t(&mut w, &x.services);
    }
    h(
        &mut w,
        1,
        "Section 6 – Plan d'action et budget prévisionnels",
    );
    h(&mut w, 2, "6.1 Plan d'action");
    h(&mut w, 3, "Orientations");
    t(&mut w, &d.plan.orientations);
    h(&mut w, 3, "Objectifs et grandes lignes du plan d'action");
    t(&mut w, &d.plan.objectives);
    h(&mut w, 3, "Actions planifiées (coûts en DHS)");
    for a in &d.plan.actions {
        t(&mut w, &a.title);
    }
    for (i, a) in d.plan.actions.iter().enumerate() {
        h(&mut w, 4, &format!("Action {} : {}", i + 1, a.title));
        t(&mut w, &a.description);
    }
    h(&mut w, 2, "6.2 Budget prévisionnel");
    w
}

#[test]
fn the_example_has_every_heading_and_every_text_in_order() {
    let (d, p) = (example(), profile());
    let paras = paragraphs(&docx(&d, &p));
    let w = wanted(&d);
    assert!(w.len() > 150, "the example fills most rubrics: {}", w.len());
    if let Err(e) = in_order(&paras, &w) {
        panic!("{e}");
    }
    // No rubric of the example is empty, so no placeholder shows.
    let open = TO_WRITE.trim_end_matches(']');
    let shown: Vec<&Para> = paras
        .iter()
        .filter(|p| p.text.starts_with(open) || p.text.ends_with(TO_WRITE))
        .collect();
    assert!(shown.is_empty(), "{shown:#?}");
}

#[test]
fn headings_are_real_heading_styles_the_navigator_shows() {
    let (d, p) = (example(), profile());
    let bytes = docx(&d, &p);
    let defs = styles(&bytes);
    for level in 1..=4u8 {
        let def = defs
            .iter()
            .find(|s| s.id == heading_style(level))
            .unwrap_or_else(|| panic!("style Heading{level} defined: {defs:#?}"));
        // Word's built-in name, which LibreOffice maps to « Titre N ».
        assert_eq!(def.name, format!("heading {level}"));
        assert_eq!(def.outline_level, Some(u32::from(level) - 1));
    }
    let paras = paragraphs(&bytes);
    let sections: Vec<&Para> = paras
        .iter()
        .filter(|p| p.style.as_deref() == Some("Heading1"))
        .collect();
    let titles: Vec<&str> = sections.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Section 1 – Carte d'identité du cluster",
            "Section 2 – Gouvernance et pilotage",
            "Section 3 – Stratégie générale du cluster",
            "Section 4 – Partenariat et coopération",
            "Section 5 – Création et accompagnement des start-up",
            "Section 6 – Plan d'action et budget prévisionnels",
        ]
    );
    // Headings are paragraphs of their own, never inside a table.
    assert!(paras.iter().all(|p| !(p.in_table && p.style.is_some())));
}

#[test]
fn the_title_page_names_the_cluster_the_call_the_date_and_what_it_is_not() {
    let (d, p) = (example(), profile());
    let paras = paragraphs(&docx(&d, &p));
    let first_section = paras
        .iter()
        .position(|p| p.style.as_deref() == Some("Heading1"))
        .expect("a section");
    let title_page: Vec<&str> = paras[..first_section]
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    let joined = title_page.join("\n");
    for needle in [
        "Copie de relecture",
        d.identity.name.as_str(),
        p.title.as_str(),
        "Copie établie le 14 juillet 2026",
        "« mon-cluster.ron »",
        "Ce n'est pas le dossier à déposer",
    ] {
        assert!(
            joined.contains(needle),
            "« {needle} » missing from {title_page:#?}"
        );
    }
    assert!(
        paras
            .iter()
            .any(|p| p.text == "Copie de relecture" && p.style.as_deref() == Some("Title"))
    );
}

#[test]
fn an_empty_dossier_shows_a_placeholder_for_every_rubric() {
    let p = profile();
    let d = Dossier::new_for(&p);
    let paras = paragraphs(&docx(&d, &p));
    if let Err(e) = in_order(&paras, &wanted(&d)) {
        panic!("{e}");
    }
    // Each rubric of typed text: its heading, then the placeholder.
    let rubrics = [
        "Activités principales",
        "Importance sectorielle",
        "Justification stratégique",
        "Périmètre géographique du noyau central (entreprises adhérentes)",
        "Périmètre de l'agglomération productive (champ potentiel des coopérations futures)",
        "Genèse du cluster",
        "Ancrage territorial",
        "Initiatives communes déjà engagées",
        "Organisation interne de l'association",
        "Modalités d'adhésion des membres à la structure de gouvernance",
        "Mode de calcul des cotisations",
        "Stratégie globale du cluster",
        "Technologies et marchés visés",
        "Positionnement concurrentiel national",
        "Positionnement concurrentiel international",
        "Stratégie de soutien à l'entrepreneuriat innovant",
        "Orientations",
        "Objectifs et grandes lignes du plan d'action",
    ];
    for rubric in rubrics {
        let at = paras
            .iter()
            .position(|p| p.text == rubric && p.style.is_some())
            .unwrap_or_else(|| panic!("heading « {rubric} »"));
        assert_eq!(paras[at + 1].text, TO_WRITE, "after « {rubric} »");
    }
    // Each list the call asks for says it is missing.
    for what in [
        "aucun membre du Conseil d'Administration",
        "aucune catégorie de cotisation",
        "aucun projet de coopération",
        "aucun projet collaboratif",
        "aucun partenariat national",
        "aucun partenariat international",
        "aucune étape de préparation",
        "aucun service d'accompagnement",
        "aucune action",
    ] {
        let line = format!("[à rédiger : {what}]");
        assert!(paras.iter().any(|p| p.text == line), "« {line} »");
    }
    // The name on the title page, the identity table's cells.
    let placeholders = paras.iter().filter(|p| p.text == TO_WRITE).count();
    assert!(placeholders > rubrics.len() + 5, "{placeholders}");
}

/// The copy's headings are the printed dossier's: every heading the PDF
/// prints from « Section 1 » to « Section 7 » (but the member register's
/// categories, left to the PDF) is in the copy, in the same order.
#[test]
fn the_headings_are_those_of_the_printed_dossier() {
    let (d, p) = (example(), profile());
    let attachments = Attachments::default();
    let pages = HashMap::new();
    let printed = build(&DocumentInput {
        dossier: &d,
        profile: &p,
        findings: &[],
        draft: false,
        blank: false,
        attachments: &attachments,
        pages: &pages,
    });
    let headings: Vec<String> = printed
        .iter()
        .filter_map(|b| match b {
            PrintBlock::Heading { text, .. } => Some(text.clone()),
            _ => None,
        })
        .skip_while(|t| !t.starts_with("Section 1 "))
        .take_while(|t| !t.starts_with("Section 7 "))
        .filter(|t| {
            // The register's category headings (with their count, in the
            // call's words on paper) are not written sections.
            let counted = t
                .rsplit_once(" (")
                .is_some_and(|(_, n)| n.trim_end_matches(')').chars().all(|c| c.is_ascii_digit()));
            !counted
                && !cluster_dossier::model::dossier::MemberCategory::ALL
                    .iter()
                    .any(|c| t.starts_with(c.label()))
        })
        .collect();
    assert!(headings.len() > 40, "{headings:#?}");
    let paras = paragraphs(&docx(&d, &p));
    let copy: Vec<Para> = paras
        .into_iter()
        .filter(|p| p.style.as_deref().is_some_and(|s| s.starts_with("Heading")))
        .map(|p| Para { style: None, ..p })
        .collect();
    let wanted: Wanted = headings.into_iter().map(|h| (h, None)).collect();
    if let Err(e) = in_order(&copy, &wanted) {
        panic!("{e}");
    }
}

/// What the board reads in every typed text: the characters typed, in order,
/// paragraph breaks kept, whatever the text holds (XML's special
/// characters, tabs, control characters pasted from Word): the file stays
/// well-formed, so Word and LibreOffice open it.
fn typed_text() -> impl Strategy<Value = String> {
    "([a-zA-Zéèà«»’<>&\"' \t]{0,10}(\n|\n\n|\r\n|\u{0B}|\u{1}|\u{2028})?){0,10}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_typed_text_comes_back_as_typed(
        rubric in typed_text(),
        cell in typed_text(),
        label_text in typed_text(),
    ) {
        let p = profile();
        let mut d = Dossier::new_for(&p);
        d.identity.genesis = rubric.clone();
        d.governance.board.push(BoardMember { name: cell.clone(), ..BoardMember::default() });
        d.cooperation.cooperation_projects.push(CooperationProject {
            title: "Projet".into(),
            nature: label_text.clone(),
            ..CooperationProject::default()
        });
        let paras = paragraphs(&docx(&d, &p));
        let mut w = Wanted::new();
        h(&mut w, 4, "Genèse du cluster");
        t(&mut w, &rubric);
        h(&mut w, 4, "Ancrage territorial");
        h(&mut w, 2, "Composition du Conseil d'Administration");
        t(&mut w, &cell);
        h(&mut w, 2, "Organisation interne de l'association");
        label(&mut w, "Nature", &label_text);
        label(&mut w, "Parties prenantes", "");
        let found = in_order(&paras, &w);
        prop_assert!(found.is_ok(), "{:?}", found);
        // Between the rubric's heading and the next one: its paragraphs,
        // empty ones included, and nothing else.
        let heading = |text: &str| {
            paras
                .iter()
                .position(|p| p.text == text && p.style.is_some())
                .expect("the heading is there")
        };
        let (from, to) = (
            heading("Genèse du cluster"),
            heading("Ancrage territorial"),
        );
        let got: Vec<String> = paras[from + 1..to].iter().map(|p| p.text.clone()).collect();
        let paras_typed = proofcopy::paragraphs(&rubric);
        let expected: Vec<String> = if paras_typed.is_empty() {
            vec![TO_WRITE.to_string()]
        } else {
            paras_typed.iter().map(|p| p.join("\n")).collect()
        };
        prop_assert_eq!(got, expected);
    }
}
