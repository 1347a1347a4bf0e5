//! Sections 6 and 7, Partie 3 and the declaration: plan, budget, indicators, criteria.

use crate::model::call::CallProfile;
use crate::model::dossier::{ActionCategory, Dossier, YEARS};
use crate::model::field::*;
use crate::model::finding::{Finding, Section};
use crate::model::rubric;

use super::{Collector, row_name};

pub(super) fn plan(c: &mut Collector, d: &Dossier, profile: &CallProfile) {
    let s = Section::Plan;
    c.rubrics(s, &rubric::plan_base(), &d.plan, rubric::PLAN, None);
    if d.plan.actions.is_empty() {
        c.out.push(Finding::blocking(
            s,
            FieldPath::plan(PlanField::Actions),
            "Plan d'action : aucune action saisie",
        ));
    }
    for (i, a) in d.plan.actions.iter().enumerate() {
        c.text(
            s,
            FieldPath::action(i, ActionField::Title),
            &a.title,
            &format!("Action n° {}, intitulé", nth(i)),
        );
        if a.cost.iter().all(Option::is_none) {
            let who = row_name("Action", i, &a.title);
            c.out.push(Finding::blocking(
                s,
                FieldPath::action(i, ActionField::Cost).year(0),
                format!("{who} : aucune année ni aucun coût indiqué"),
            ));
        }
        if let ActionCategory::Eligible(id) = &a.category
            && profile.action_category(id).is_none()
        {
            let who = row_name("Action", i, &a.title);
            c.out.push(Finding::warning(
                s,
                FieldPath::action(i, ActionField::Category),
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
                FieldPath::plan(PlanField::Actions),
                format!("Aucune action de la catégorie éligible « {} »", cat.label),
            ));
        }
    }
    for row in &profile.budget_rows {
        let field = FieldPath::budget_row(&row.id);
        let line = d.budget_line(&row.id);
        let empty = [None; YEARS];
        let amounts = line.map_or(&empty, |l| &l.amounts);
        c.years(s, field.clone(), amounts, &format!("Budget, {}", row.label));
        let used = amounts.iter().flatten().any(|v| !v.is_zero());
        if row.needs_detail && used && line.is_none_or(|l| l.detail.trim().is_empty()) {
            c.out.push(Finding::blocking(
                s,
                field.field(BudgetField::Detail),
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
        // Left blank, the self-financing indicator is the budget's ratio
        // (see `crate::model::figures`): nothing to fill in.
        if kpi.role == crate::model::call::KpiRole::SelfFinancing {
            continue;
        }
        let values = d.kpi_line(&kpi.id).map_or(&empty, |l| &l.values);
        c.years(
            s,
            FieldPath::kpi(&kpi.id),
            values,
            &format!("Indicateur « {} »", kpi.label),
        );
    }
    for (i, k) in d.indicators.custom.iter().enumerate() {
        c.text(
            s,
            FieldPath::custom_kpi(i, CustomKpiField::Label),
            &k.label,
            &format!("Indicateur supplémentaire n° {}, libellé", nth(i)),
        );
        let who = row_name("Indicateur supplémentaire", i, &k.label);
        c.text(
            s,
            FieldPath::custom_kpi(i, CustomKpiField::Unit),
            &k.unit,
            &format!("{who}, unité"),
        );
        c.years(
            s,
            FieldPath::custom_kpi(i, CustomKpiField::Values),
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
            FieldPath::criterion(&def.id),
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
        FieldPath::declaration(DeclarationField::FirstName),
        &dec.first_name,
        "Déclaration, prénom du signataire",
    );
    c.text(
        s,
        FieldPath::declaration(DeclarationField::LastName),
        &dec.last_name,
        "Déclaration, nom du signataire",
    );
    c.text(
        s,
        FieldPath::declaration(DeclarationField::PositionInOrganisation),
        &dec.position_in_organisation,
        "Déclaration, qualité au sein de l'organisme d'appartenance",
    );
    c.text(
        s,
        FieldPath::declaration(DeclarationField::PositionInAssociation),
        &dec.position_in_association,
        "Déclaration, qualité au sein de l'association",
    );
    c.text(
        s,
        FieldPath::declaration(DeclarationField::AssociationName),
        d.declaration_association_name(),
        "Déclaration, dénomination de l'association",
    );
    c.text(
        s,
        FieldPath::declaration(DeclarationField::LegalForm),
        d.declaration_legal_form(),
        "Déclaration, forme juridique",
    );
    c.text(
        s,
        FieldPath::declaration(DeclarationField::Place),
        &dec.place,
        "Déclaration, « Fait à »",
    );
    if dec.date.is_none() {
        c.out.push(Finding::blocking(
            s,
            FieldPath::declaration(DeclarationField::Date),
            "Déclaration, date : rubrique à remplir",
        ));
    }
    for (i, doc) in dec.other_documents.iter().enumerate() {
        c.text(
            s,
            FieldPath::other_document(i).field(DocumentField::Title),
            &doc.title,
            &format!("Autre document n° {}, intitulé", nth(i)),
        );
    }
}
