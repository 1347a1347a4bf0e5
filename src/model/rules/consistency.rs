//! Consistency: figures that appear in several sections must agree, and the
//! State subsidy may only cover the charges the call allows.

use crate::model::field::*;
use rust_decimal::Decimal;

use crate::model::call::{BudgetRole, CallProfile, KpiRole};
use crate::model::compute::{self, SELF_FINANCING_FORMULA};
use crate::model::dossier::{BoardRole, Dossier, YEARS};
use crate::model::figures::Figures;
use crate::model::finding::{Finding, Section};
use crate::model::money::{format_dh, format_number, format_typed};

use super::{CheckContext, percent_text, year_label};

pub fn check(d: &Dossier, profile: &CallProfile, ctx: &CheckContext) -> Vec<Finding> {
    let mut out = Vec::new();
    deadline(&mut out, profile, ctx);
    budget(&mut out, d, profile);
    impossible_budget(&mut out, d, profile);
    indicators(&mut out, d, profile);
    forecasts(&mut out, d, profile);
    board(&mut out, d);
    out
}

fn deadline(out: &mut Vec<Finding>, profile: &CallProfile, ctx: &CheckContext) {
    if let Some(now) = ctx.now_unix
        && now > profile.deadline.unix_seconds()
    {
        out.push(Finding::warning(
            Section::General,
            FieldPath::part(Part::Edition),
            format!(
                "La date limite de dépôt de l'appel {} est passée : {} ({})",
                profile.edition,
                profile.deadline.french(),
                profile.time_zone_label()
            ),
        ));
    }
}

fn budget(out: &mut Vec<Finding>, d: &Dossier, profile: &CallProfile) {
    let totals = compute::budget_totals(d, profile);
    let subsidy_row = profile
        .budget_row_by_role(BudgetRole::StateSubsidy)
        .map_or("subventions", |r| r.id.as_str());
    for year in 0..YEARS {
        // A year with a cell left out (mistyped, beyond its bound) has
        // totals that would mislead: its cell is reported on its own.
        if totals.unknown[year] {
            continue;
        }
        if totals.state_subsidy[year] > totals.subsidisable_charges[year] {
            out.push(Finding::blocking(
                Section::Plan,
                FieldPath::budget_cell(subsidy_row, year),
                format!(
                    "Budget, {} : la subvention de l'État ({}) dépasse les charges qu'elle peut couvrir ({}, hors frais marqués *)",
                    year_label(year),
                    format_dh(totals.state_subsidy[year]),
                    format_dh(totals.subsidisable_charges[year])
                ),
            ));
        }
        if totals.result[year].is_sign_negative() && !totals.result[year].is_zero() {
            out.push(Finding::warning(
                Section::Plan,
                FieldPath::part(Part::Budget),
                format!(
                    "Budget, {} : résultat d'exploitation déficitaire ({})",
                    year_label(year),
                    format_dh(totals.result[year])
                ),
            ));
        }
    }

    // Member fees in year 1 against the register and the schedule.
    let fees = compute::fee_revenue(d);
    for &i in &fees.unmatched_members {
        let m = &d.members[i];
        if !m.fee_category.trim().is_empty() {
            out.push(Finding::warning(
                Section::Members,
                FieldPath::member_field(i, MemberField::FeeCategory),
                format!(
                    "Membre « {} » : la catégorie de cotisation « {} » n'existe pas dans le barème",
                    m.name, m.fee_category
                ),
            ));
        }
    }
    if let Some(row) = profile.budget_row_by_role(BudgetRole::MemberFees)
        && let Some(budgeted) = d.budget_line(&row.id).and_then(|l| l.amounts[0])
        && !d.governance.fee_categories.is_empty()
        && !fees.unknown
        && budgeted != fees.total
    {
        out.push(Finding::warning(
            Section::Plan,
            FieldPath::budget_cell(&row.id, 0),
            format!(
                "Budget, année 1 : cotisations prévues {} alors que le registre des membres et le barème donnent {}",
                format_dh(budgeted),
                format_dh(fees.total)
            ),
        ));
    }

    // Action plan costs against the budget's action row.
    if let Some(row) = profile.budget_row_by_role(BudgetRole::Actions)
        && !d.plan.actions.is_empty()
    {
        let costs = compute::action_costs(d);
        for (year, cost) in costs.iter().enumerate() {
            // A mistyped cell is reported once, by `entries`.
            if d.invalid_entries.contains_key(&budget_cell(&row.id, year)) {
                continue;
            }
            let budgeted = d
                .budget_line(&row.id)
                .and_then(|l| l.amounts[year])
                .unwrap_or(Decimal::ZERO);
            if budgeted != *cost {
                out.push(Finding::warning(
                    Section::Plan,
                    FieldPath::budget_cell(&row.id, year),
                    format!(
                        "Budget, {} : « {} » vaut {} mais les actions du plan totalisent {}",
                        year_label(year),
                        row.label,
                        format_dh(budgeted),
                        format_dh(*cost)
                    ),
                ));
            }
        }
    }
}

/// Ratios no real budget has: a self-financing or State subsidy share
/// outside 0–100 %. (A negative amount is beyond its bound, see
/// [`crate::model::limits`]: an invalid entry, reported by
/// [`super::entries`].)
fn impossible_budget(out: &mut Vec<Finding>, d: &Dossier, profile: &CallProfile) {
    let totals = compute::budget_totals(d, profile);
    let hundred = Decimal::ONE_HUNDRED;
    for year in 0..YEARS {
        if totals.unknown[year] {
            continue;
        }
        let Some(own) = compute::ratio_percent(totals.own_resources[year], totals.charges[year])
        else {
            continue;
        };
        if own > hundred || own.is_sign_negative() {
            out.push(Finding::warning(
                Section::Plan,
                FieldPath::part(Part::Budget),
                format!(
                    "Budget, {} : capacité d'autofinancement de {}, hors de 0 à 100 % : les ressources propres ({}) et le total des charges ({}) sont à revoir ({SELF_FINANCING_FORMULA})",
                    year_label(year),
                    percent_text(own),
                    format_dh(totals.own_resources[year]),
                    format_dh(totals.charges[year])
                ),
            ));
        }
        if let Some(subsidy) =
            compute::ratio_percent(totals.state_subsidy[year], totals.charges[year])
            && (subsidy > hundred || subsidy.is_sign_negative())
        {
            out.push(Finding::blocking(
                Section::Plan,
                FieldPath::part(Part::Budget),
                format!(
                    "Budget, {} : la subvention de l'État ({}) représente {} du total des charges ({}) : une part hors de 0 à 100 % est impossible",
                    year_label(year),
                    format_dh(totals.state_subsidy[year]),
                    percent_text(subsidy),
                    format_dh(totals.charges[year])
                ),
            ));
        }
    }
}

fn indicators(out: &mut Vec<Finding>, d: &Dossier, profile: &CallProfile) {
    let figures = Figures::of(d, profile);
    let counts = &figures.counts;
    let kpi_value = |role: KpiRole, year: usize| {
        profile
            .kpi_by_role(role)
            .and_then(|k| d.kpi_line(&k.id).map(|l| (k, l.values[year])))
    };
    // Year 1's member counts are the register's.
    let registered = [
        (
            KpiRole::ActiveMembers,
            counts.engaged_members(),
            "membres engagés",
        ),
        (
            KpiRole::CompanyMembers,
            counts.engaged_companies,
            "entreprises engagées",
        ),
    ];
    for (role, count, what) in registered {
        if let Some((k, Some(v))) = kpi_value(role, 0)
            && v != Decimal::from(count)
        {
            out.push(Finding::warning(
                Section::Indicators,
                FieldPath::kpi(&k.id).year(0),
                format!(
                    "Indicateur « {} », année 1 : {} alors que le registre compte {count} {what}",
                    k.label,
                    format_typed(v),
                ),
            ));
        }
    }
    self_financing_override(out, d, profile, &figures);
}

/// The self-financing indicator is the budget's ratio; a typed value
/// overrides it. An override the budget does not give is a warning; in year
/// 1, one below the threshold, or one that hides a budget below it, blocks.
fn self_financing_override(
    out: &mut Vec<Finding>,
    d: &Dossier,
    profile: &CallProfile,
    figures: &Figures,
) {
    let Some(k) = profile.kpi_by_role(KpiRole::SelfFinancing) else {
        return;
    };
    let Some(line) = d.kpi_line(&k.id) else {
        return;
    };
    let min = figures.min_self_financing;
    for (year, typed) in line.values.iter().enumerate() {
        let Some(v) = *typed else { continue };
        let budget = figures.ratio(year);
        let differs = budget
            .value()
            .is_some_and(|r| percent_text(r) != percent_text(v));
        let gives = format!(
            "{} saisi alors que le budget donne {}",
            percent_text(v),
            budget.text()
        );
        let (blocking, what) = if year == 0 && v < min {
            let said = if differs {
                gives
            } else {
                format!("{} saisi", percent_text(v))
            };
            (
                true,
                format!("{said}, sous le minimum exigé de {}", percent_text(min)),
            )
        } else if year == 0 && differs && !figures.self_financing_ok() {
            (
                true,
                format!(
                    "{gives}, sous le minimum exigé de {} : la valeur saisie cache un budget inéligible",
                    percent_text(min)
                ),
            )
        } else if differs {
            (false, gives)
        } else {
            continue;
        };
        let message = format!(
            "Indicateur « {} », {} : {what} ; laissez la case vide pour reprendre le calcul du budget ({SELF_FINANCING_FORMULA})",
            k.label,
            year_label(year),
        );
        let field = FieldPath::kpi(&k.id).year(year);
        out.push(if blocking {
            Finding::blocking(Section::Indicators, field, message)
        } else {
            Finding::warning(Section::Indicators, field, message)
        });
    }
}

fn forecasts(out: &mut Vec<Finding>, d: &Dossier, profile: &CallProfile) {
    let s = &d.strategy;
    if let Some(k) = profile.kpi_by_role(KpiRole::ActiveMembers)
        && let Some(line) = d.kpi_line(&k.id)
    {
        for year in 0..YEARS {
            if let (Some(forecast), Some(kpi)) = (s.forecast_members[year], line.values[year])
                && Decimal::from(forecast) != kpi
            {
                out.push(Finding::warning(
                    Section::Strategy,
                    FieldPath::strategy(StrategyField::ForecastMembers).year(year),
                    format!(
                        "Prévision d'adhérents, {} : {} alors que l'indicateur « {} » annonce {}",
                        year_label(year),
                        forecast,
                        k.label,
                        format_number(kpi, 0)
                    ),
                ));
            }
        }
    }
    if let Some(row) = profile.budget_row_by_role(BudgetRole::MemberFees)
        && let Some(line) = d.budget_line(&row.id)
    {
        for year in 0..YEARS {
            if let (Some(forecast), Some(budget)) =
                (s.forecast_fee_revenue[year], line.amounts[year])
                && forecast != budget
            {
                out.push(Finding::warning(
                    Section::Strategy,
                    FieldPath::strategy(StrategyField::ForecastFeeRevenue).year(year),
                    format!(
                        "Prévision des recettes de cotisation, {} : {} alors que le budget prévoit {}",
                        year_label(year),
                        format_dh(forecast),
                        format_dh(budget)
                    ),
                ));
            }
        }
    }
}

fn board(out: &mut Vec<Finding>, d: &Dossier) {
    let president = d.identity.president.name.trim();
    if president.is_empty() {
        return;
    }
    let on_board = d
        .governance
        .board
        .iter()
        .any(|b| b.role == BoardRole::President && b.name.trim() == president);
    if !d.governance.board.is_empty() && !on_board {
        out.push(Finding::warning(
            Section::Governance,
            FieldPath::governance(GovernanceField::Board),
            format!(
                "Le président indiqué en section 1.1 ({president}) n'apparaît pas comme Président du Conseil d'Administration"
            ),
        ));
    }
    let signatory = format!(
        "{} {}",
        d.declaration.first_name.trim(),
        d.declaration.last_name.trim()
    );
    if !d.declaration.last_name.trim().is_empty() && signatory.trim() != president {
        out.push(Finding::warning(
            Section::Declaration,
            FieldPath::declaration(DeclarationField::LastName),
            format!(
                "La déclaration doit être signée par le Président : signataire « {} », président « {president} »",
                signatory.trim()
            ),
        ));
    }
}
