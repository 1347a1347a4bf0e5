//! Sections 6 and 7, Partie 3 and the declaration: plan, budget, indicators, criteria.

use crate::model::call::CallProfile;
use crate::model::dossier::{ActionCategory, Dossier, YEARS};
use crate::model::finding::{Finding, Section};

use super::{Collector, row_name};

pub(super) fn plan(c: &mut Collector, d: &Dossier, profile: &CallProfile) {
    let s = Section::Plan;
    c.text(
        s,
        "plan.orientations",
        &d.plan.orientations,
        "Plan d'action, orientations",
    );
    c.text(
        s,
        "plan.objectives",
        &d.plan.objectives,
        "Plan d'action, objectifs et grandes lignes",
    );
    if d.plan.actions.is_empty() {
        c.out.push(Finding::blocking(
            s,
            "plan.actions",
            "Plan d'action : aucune action saisie",
        ));
    }
    for (i, a) in d.plan.actions.iter().enumerate() {
        c.text(
            s,
            &format!("plan.actions[{i}].title"),
            &a.title,
            &format!("Action n° {}, intitulé", i + 1),
        );
        if a.cost.iter().all(Option::is_none) {
            let who = row_name("Action", i, &a.title);
            c.out.push(Finding::blocking(
                s,
                format!("plan.actions[{i}].cost[0]"),
                format!("{who} : aucune année ni aucun coût indiqué"),
            ));
        }
        if let ActionCategory::Eligible(id) = &a.category
            && profile.action_category(id).is_none()
        {
            let who = row_name("Action", i, &a.title);
            c.out.push(Finding::warning(
                s,
                format!("plan.actions[{i}].category"),
                format!("{who} : catégorie « {id} » inconnue de l'appel"),
            ));
        }
    }
    for cat in &profile.action_categories {
        let covered = d
            .plan
            .actions
            .iter()
            .any(|a| a.category == ActionCategory::Eligible(cat.id.clone()));
        if !covered {
            c.out.push(Finding::warning(
                s,
                "plan.actions",
                format!("Aucune action de la catégorie éligible « {} »", cat.label),
            ));
        }
    }
    for row in &profile.budget_rows {
        let field = format!("budget.{}", row.id);
        let line = d.budget_line(&row.id);
        let empty = [None; YEARS];
        let amounts = line.map_or(&empty, |l| &l.amounts);
        c.years(s, &field, amounts, &format!("Budget, {}", row.label));
        let used = amounts.iter().flatten().any(|v| !v.is_zero());
        if row.needs_detail && used && line.is_none_or(|l| l.detail.trim().is_empty()) {
            c.out.push(Finding::blocking(
                s,
                format!("{field}.detail"),
                format!(
                    "Budget, {} : montant saisi sans préciser ce qu'il couvre",
                    row.label
                ),
            ));
        }
    }
}

pub(super) fn indicators(c: &mut Collector, d: &Dossier, profile: &CallProfile) {
    let s = Section::Indicators;
    let empty = [None; YEARS];
    for kpi in &profile.kpi_rows {
        let values = d.kpi_line(&kpi.id).map_or(&empty, |l| &l.values);
        c.years(
            s,
            &format!("indicators.{}", kpi.id),
            values,
            &format!("Indicateur « {} »", kpi.label),
        );
    }
    for (i, k) in d.indicators.custom.iter().enumerate() {
        c.text(
            s,
            &format!("indicators.custom[{i}].label"),
            &k.label,
            &format!("Indicateur supplémentaire n° {}, libellé", i + 1),
        );
        let who = row_name("Indicateur supplémentaire", i, &k.label);
        c.text(
            s,
            &format!("indicators.custom[{i}].unit"),
            &k.unit,
            &format!("{who}, unité"),
        );
        c.years(
            s,
            &format!("indicators.custom[{i}].values"),
            &k.values,
            &who,
        );
    }
}

pub(super) fn criteria(c: &mut Collector, d: &Dossier, profile: &CallProfile) {
    for def in &profile.criteria {
        let argument = d
            .criterion_answer(&def.id)
            .map_or("", |a| a.argument.as_str());
        c.text(
            Section::Criteria,
            &format!("criteria.{}", def.id),
            argument,
            &format!("Critère « {} », argumentaire", def.label),
        );
    }
}

pub(super) fn declaration(c: &mut Collector, d: &Dossier) {
    let s = Section::Declaration;
    let dec = &d.declaration;
    c.text(
        s,
        "declaration.first_name",
        &dec.first_name,
        "Déclaration, prénom du signataire",
    );
    c.text(
        s,
        "declaration.last_name",
        &dec.last_name,
        "Déclaration, nom du signataire",
    );
    c.text(
        s,
        "declaration.position_in_organisation",
        &dec.position_in_organisation,
        "Déclaration, qualité au sein de l'organisme d'appartenance",
    );
    c.text(
        s,
        "declaration.position_in_association",
        &dec.position_in_association,
        "Déclaration, qualité au sein de l'association",
    );
    c.text(
        s,
        "declaration.association_name",
        d.declaration_association_name(),
        "Déclaration, dénomination de l'association",
    );
    c.text(
        s,
        "declaration.legal_form",
        d.declaration_legal_form(),
        "Déclaration, forme juridique",
    );
    c.text(
        s,
        "declaration.place",
        &dec.place,
        "Déclaration, « Fait à »",
    );
    if dec.date.is_none() {
        c.out.push(Finding::blocking(
            s,
            "declaration.date",
            "Déclaration, date : rubrique à remplir",
        ));
    }
    for (i, doc) in dec.other_documents.iter().enumerate() {
        c.text(
            s,
            &format!("declaration.other_documents[{i}].title"),
            &doc.title,
            &format!("Autre document n° {}, intitulé", i + 1),
        );
    }
}
