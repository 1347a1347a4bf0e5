//! Pure computations over a dossier and its call profile, in exact
//! `Decimal` arithmetic: budget totals, résultat, self-financing ratio,
//! member counts and shares, fee revenue from the register.
//!
//! Every operation is checked (the model denies clippy's
//! `arithmetic_side_effects`): an amount beyond its bound (see
//! [`super::limits`]) is left out of the totals like a mistyped one, and a
//! sum that would overflow anyway (a dossier built in memory past the
//! bounds) makes its year unknown, never a panic.

use rust_decimal::Decimal;

use super::call::{BudgetRole, CallProfile};
use super::dossier::{Dossier, MemberCategory, YEARS, Years};
use super::limits::{NumberKind, counted};

/// The self-financing formula, printed in messages so users can check it.
pub const SELF_FINANCING_FORMULA: &str = "autofinancement = (cotisations des membres + services payants + autres produits) ÷ total des charges × 100";

/// A running sum of amounts that knows when it is incomplete: a term was
/// blank-by-error (mistyped, beyond its bound) or the sum overflowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sum {
    /// The sum of the terms counted so far (the last one that fitted, after
    /// an overflow).
    pub value: Decimal,
    /// Whether a term is missing from `value`.
    pub unknown: bool,
}

impl Default for Sum {
    fn default() -> Self {
        Self {
            value: Decimal::ZERO,
            unknown: false,
        }
    }
}

impl Sum {
    /// Adds a term; `None` (an unknown term) marks the sum unknown.
    pub fn add(&mut self, term: Option<Decimal>) {
        match term.and_then(|t| self.value.checked_add(t)) {
            Some(v) => self.value = v,
            None => self.unknown = true,
        }
    }

    /// Adds a typed amount: blank counts as zero, a value beyond the
    /// amount bound as unknown.
    pub fn add_amount(&mut self, amount: Option<Decimal>) {
        match amount {
            None => {}
            Some(_) => self.add(counted(amount, NumberKind::Amount)),
        }
    }
}

/// Sum of the given amounts, blanks counting as zero; `None` if one is
/// beyond the amount bound.
pub fn sum_years(values: &Years<Decimal>) -> Option<Decimal> {
    let mut sum = Sum::default();
    for v in values {
        sum.add_amount(*v);
    }
    (!sum.unknown).then_some(sum.value)
}

/// `a − b`, `None` on overflow.
pub fn difference(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
}

/// Budget totals for the five years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetTotals {
    pub charges: [Decimal; YEARS],
    pub products: [Decimal; YEARS],
    /// Produits − charges.
    pub result: [Decimal; YEARS],
    /// Member fees + paid services + other products.
    pub own_resources: [Decimal; YEARS],
    pub state_subsidy: [Decimal; YEARS],
    /// Charges the State subsidy may cover: rows not marked `*`.
    pub subsidisable_charges: [Decimal; YEARS],
    /// Years where a cell holds mistyped text or a value beyond its bound:
    /// their totals leave it out, and no ratio is computed from them.
    pub unknown: [bool; YEARS],
    /// The year's total of charges leaves a cell out.
    pub charges_unknown: [bool; YEARS],
    /// The year's total of products leaves a cell out.
    pub products_unknown: [bool; YEARS],
    /// The year's self-financing ratio cannot be computed: a charge or an
    /// own-resource cell is left out (or a sum overflowed).
    pub ratio_unknown: [bool; YEARS],
    /// The cells (field paths) that keep the year's ratio from being
    /// computed, in the profile's row order.
    pub ratio_blockers: [Vec<String>; YEARS],
}

/// Totals per year of the budget, following the profile's rows and roles;
/// the mistyped cells are the dossier's own `invalid_entries`.
pub fn budget_totals(dossier: &Dossier, profile: &CallProfile) -> BudgetTotals {
    budget_totals_with(dossier, profile, &dossier.invalid_entries)
}

/// [`budget_totals`] with the mistyped cells given apart (the wizard holds
/// them outside the dossier while a tab is drawn).
pub fn budget_totals_with(
    dossier: &Dossier,
    profile: &CallProfile,
    invalid: &std::collections::BTreeMap<String, String>,
) -> BudgetTotals {
    let mut charges = [Sum::default(); YEARS];
    let mut products = [Sum::default(); YEARS];
    let mut own = [Sum::default(); YEARS];
    let mut subsidy = [Sum::default(); YEARS];
    let mut subsidisable = [Sum::default(); YEARS];
    let mut mistyped_charges = [false; YEARS];
    let mut mistyped_products = [false; YEARS];
    let mut blockers: [Vec<String>; YEARS] = Default::default();
    for row in &profile.budget_rows {
        let amounts = dossier
            .budget_line(&row.id)
            .map_or([None; YEARS], |l| l.amounts);
        for (year, amount) in amounts.iter().enumerate().take(YEARS) {
            let cell = super::field::budget_cell(&row.id, year);
            let left_out = invalid.contains_key(&cell)
                || (amount.is_some() && counted(*amount, NumberKind::Amount).is_none());
            if row.role.is_charge() {
                mistyped_charges[year] |= left_out;
                charges[year].add_amount(*amount);
                if !row.starred {
                    subsidisable[year].add_amount(*amount);
                }
            } else {
                mistyped_products[year] |= left_out;
                products[year].add_amount(*amount);
                if row.role.is_own_resource() {
                    own[year].add_amount(*amount);
                }
                if row.role == BudgetRole::StateSubsidy {
                    subsidy[year].add_amount(*amount);
                }
            }
            if left_out && (row.role.is_charge() || row.role.is_own_resource()) {
                blockers[year].push(cell);
            }
        }
    }
    let result: [Option<Decimal>; YEARS] =
        std::array::from_fn(|y| difference(products[y].value, charges[y].value));
    let charges_unknown: [bool; YEARS] =
        std::array::from_fn(|y| mistyped_charges[y] || charges[y].unknown);
    let products_unknown: [bool; YEARS] =
        std::array::from_fn(|y| mistyped_products[y] || products[y].unknown);
    BudgetTotals {
        charges: charges.map(|s| s.value),
        products: products.map(|s| s.value),
        result: result.map(|r| r.unwrap_or(Decimal::ZERO)),
        own_resources: own.map(|s| s.value),
        state_subsidy: subsidy.map(|s| s.value),
        subsidisable_charges: subsidisable.map(|s| s.value),
        unknown: std::array::from_fn(|y| {
            charges_unknown[y]
                || products_unknown[y]
                || result[y].is_none()
                || [own[y], subsidy[y], subsidisable[y]]
                    .iter()
                    .any(|s| s.unknown)
        }),
        charges_unknown,
        products_unknown,
        ratio_unknown: std::array::from_fn(|y| {
            charges_unknown[y] || own[y].unknown || !blockers[y].is_empty()
        }),
        ratio_blockers: blockers,
    }
}

/// Self-financing ratio in percent per year (see [`SELF_FINANCING_FORMULA`]);
/// `None` when the year has no charges or a charge or own-resource amount
/// is mistyped (see [`super::figures`] for the reason).
pub fn self_financing_percent(totals: &BudgetTotals) -> [Option<Decimal>; YEARS] {
    std::array::from_fn(|year| {
        if totals.ratio_unknown[year] {
            None
        } else {
            ratio_percent(totals.own_resources[year], totals.charges[year])
        }
    })
}

/// `part ÷ whole × 100`, `None` for a zero whole or an overflow.
pub fn ratio_percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        None
    } else {
        part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
    }
}

/// Counts of the register by category and by activity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemberCounts {
    pub engaged_companies: u32,
    pub interested_companies: u32,
    pub training_research: u32,
    pub other_representatives: u32,
    /// Engaged companies that are industrial, technological or specific.
    pub industrial_companies: u32,
}

impl MemberCounts {
    /// Members counted for the call's thresholds: everybody but the
    /// companies only potentially interested (partners are a separate list).
    pub fn engaged_members(&self) -> u32 {
        // Saturating: a register of four billion members is beyond any
        // file the store reads, and a count that stops there never panics.
        self.engaged_companies
            .saturating_add(self.training_research)
            .saturating_add(self.other_representatives)
    }

    /// Share of industrial, technological or specific companies among the
    /// engaged members, in percent; `None` without members.
    pub fn industrial_share_percent(&self) -> Option<Decimal> {
        ratio_percent(
            Decimal::from(self.industrial_companies),
            Decimal::from(self.engaged_members()),
        )
    }

    pub fn count(&self, category: MemberCategory) -> u32 {
        match category {
            MemberCategory::EngagedCompany => self.engaged_companies,
            MemberCategory::InterestedCompany => self.interested_companies,
            MemberCategory::TrainingResearch => self.training_research,
            MemberCategory::OtherRepresentative => self.other_representatives,
        }
    }
}

/// One more, stopping at `u32::MAX` (see [`MemberCounts::engaged_members`]).
fn bump(count: &mut u32) {
    *count = count.saturating_add(1);
}

pub fn member_counts(dossier: &Dossier) -> MemberCounts {
    let mut c = MemberCounts::default();
    for m in &dossier.members {
        match m.category {
            MemberCategory::EngagedCompany => {
                bump(&mut c.engaged_companies);
                if m.activity.counts_for_share() {
                    bump(&mut c.industrial_companies);
                }
            }
            MemberCategory::InterestedCompany => bump(&mut c.interested_companies),
            MemberCategory::TrainingResearch => bump(&mut c.training_research),
            MemberCategory::OtherRepresentative => bump(&mut c.other_representatives),
        }
    }
    c
}

/// Annual fee revenue computed from the register and the fee schedule.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeeRevenue {
    pub total: Decimal,
    /// Members whose fee category is in the schedule.
    pub members: u32,
    /// Per fee category, in the schedule's order: (name, members, subtotal).
    pub per_category: Vec<(String, u32, Decimal)>,
    /// Indices of engaged members whose fee category is not in the schedule.
    pub unmatched_members: Vec<usize>,
    /// A fee amount is mistyped or beyond its bound: the total leaves its
    /// members out, so it is not compared with the budget.
    pub unknown: bool,
}

pub fn fee_revenue(dossier: &Dossier) -> FeeRevenue {
    let schedule = &dossier.governance.fee_categories;
    let mut per_category: Vec<(String, u32, Sum)> = schedule
        .iter()
        .map(|c| (c.name.clone(), 0, Sum::default()))
        .collect();
    let mut unmatched_members = Vec::new();
    for (i, m) in dossier.members.iter().enumerate() {
        if !m.category.is_engaged_member() {
            continue;
        }
        let wanted = m.fee_category.trim();
        let found = schedule
            .iter()
            .position(|c| !wanted.is_empty() && c.name.trim() == wanted);
        match found.and_then(|pos| Some((schedule.get(pos)?, per_category.get_mut(pos)?))) {
            Some((fee, (_, count, subtotal))) => {
                bump(count);
                subtotal.add_amount(fee.annual_amount);
            }
            None => unmatched_members.push(i),
        }
    }
    let mut total = Sum::default();
    let mut members = 0u32;
    let mut mistyped = false;
    for (i, (_, count, subtotal)) in per_category.iter().enumerate() {
        total.add((!subtotal.unknown).then_some(subtotal.value));
        members = members.saturating_add(*count);
        mistyped |= *count > 0
            && dossier.invalid_entries.contains_key(
                super::field::FieldPath::fee_category(i, super::field::FeeField::AnnualAmount)
                    .as_str(),
            );
    }
    FeeRevenue {
        total: total.value,
        members,
        per_category: per_category
            .into_iter()
            .map(|(name, count, subtotal)| (name, count, subtotal.value))
            .collect(),
        unmatched_members,
        unknown: total.unknown || mistyped,
    }
}

/// Sum of the action plan's costs per year (costs beyond the amount bound
/// left out, as mistyped ones are).
pub fn action_costs(dossier: &Dossier) -> [Decimal; YEARS] {
    let mut out = [Sum::default(); YEARS];
    for action in &dossier.plan.actions {
        for (year, cost) in action.cost.iter().enumerate().take(YEARS) {
            out[year].add_amount(*cost);
        }
    }
    out.map(|s| s.value)
}

/// The boxes of the déclaration sur l'honneur, ticked from what the dossier
/// really contains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeclarationTicks {
    /// The declaration itself, signatory and place filled in.
    pub declaration: bool,
    /// Every administrative piece provided (on paper or attached).
    pub administrative: bool,
    /// The technical dossier has no blocking finding.
    pub technical: bool,
    /// At least one other document listed.
    pub other: bool,
}

pub fn declaration_ticks(
    dossier: &Dossier,
    profile: &CallProfile,
    findings: &[super::finding::Finding],
) -> DeclarationTicks {
    use super::finding::Section;
    let blocking_in = |sections: &[Section]| {
        findings
            .iter()
            .any(|f| f.is_blocking() && sections.contains(&f.section))
    };
    DeclarationTicks {
        declaration: !blocking_in(&[Section::Declaration]),
        administrative: profile.admin_pieces.iter().all(|def| {
            dossier
                .admin_piece(&def.id)
                .is_some_and(|p| p.status.is_provided())
        }) && !blocking_in(&[Section::Administrative]),
        technical: !blocking_in(&[
            Section::Identity,
            Section::Members,
            Section::Governance,
            Section::Strategy,
            Section::Cooperation,
            Section::Startups,
            Section::Plan,
            Section::Indicators,
        ]),
        other: dossier
            .declaration
            .other_documents
            .iter()
            .any(|d| !d.title.trim().is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dossier::{Activity, FeeCategory, Member};
    use rust_decimal::dec;

    fn dossier_with_budget(rows: &[(&str, [i64; 5])]) -> (Dossier, CallProfile) {
        let profile = CallProfile::edition_2026();
        let mut d = Dossier::new_for(&profile);
        for (row, values) in rows {
            d.budget_line_mut(row).amounts = values.map(|v| Some(Decimal::from(v)));
        }
        (d, profile)
    }

    #[test]
    fn budget_totals_are_exact() {
        let (mut d, p) = dossier_with_budget(&[
            ("personnel", [600_000, 650_000, 700_000, 720_000, 750_000]),
            ("location", [120_000; 5]),
            ("investissement", [80_000, 20_000, 20_000, 10_000, 10_000]),
            (
                "actions",
                [900_000, 1_000_000, 1_100_000, 1_150_000, 1_200_000],
            ),
            ("autres_charges", [30_000; 5]),
            ("cotisations", [500_000, 560_000, 620_000, 680_000, 740_000]),
            ("subventions", [900_000, 900_000, 950_000, 950_000, 950_000]),
            ("services", [250_000, 300_000, 360_000, 400_000, 420_000]),
            ("autres_produits", [80_000; 5]),
        ]);
        d.budget_line_mut("autres_charges").amounts[0] = Some(dec!(30000.33));
        let t = budget_totals(&d, &p);
        assert_eq!(t.charges[0], dec!(1730000.33));
        assert_eq!(t.products[0], dec!(1730000));
        assert_eq!(t.result[0], dec!(-0.33));
        assert_eq!(t.own_resources[0], dec!(830000));
        assert_eq!(t.state_subsidy[0], dec!(900000));
        assert_eq!(t.subsidisable_charges[0], dec!(1500000));
        assert_eq!(t.charges[4], dec!(2110000));
        assert_eq!(t.result[4], dec!(80000));
        let sf = self_financing_percent(&t);
        // 830000 / 1730000.33 × 100 = 47.976869...
        let y1 = sf[0].expect("charges present");
        assert_eq!(y1.round_dp(6), dec!(47.976869));
        assert_eq!(sf[4], Some(dec!(1240000) * dec!(100) / dec!(2110000)));
    }

    #[test]
    fn a_sum_that_would_overflow_is_unknown_not_a_panic() {
        let mut s = Sum::default();
        s.add(Some(Decimal::MAX));
        s.add(Some(Decimal::ONE));
        assert!(s.unknown);
        assert_eq!(s.value, Decimal::MAX);
        // A value beyond the amount bound is left out, and said so.
        let mut s = Sum::default();
        s.add_amount(Some(dec!(1_000_000_000_000.01)));
        s.add_amount(None);
        s.add_amount(Some(dec!(12.50)));
        assert_eq!((s.value, s.unknown), (dec!(12.50), true));
        assert_eq!(
            sum_years(&[Some(dec!(1)), None, Some(dec!(2)), None, None]),
            Some(dec!(3))
        );
        assert_eq!(
            sum_years(&[Some(Decimal::MAX), None, None, None, None]),
            None
        );
        assert_eq!(ratio_percent(Decimal::MAX, Decimal::ONE), None);
    }

    #[test]
    fn budget_cells_beyond_the_bound_make_their_year_unknown() {
        let (mut d, p) =
            dossier_with_budget(&[("personnel", [1_000; 5]), ("cotisations", [500; 5])]);
        d.budget_line_mut("location").amounts[0] = Some(Decimal::MAX);
        d.budget_line_mut("investissement").amounts[0] = Some(Decimal::MAX);
        let t = budget_totals(&d, &p);
        assert!(t.unknown[0] && !t.unknown[1]);
        assert_eq!(t.charges[0], dec!(1000));
        assert_eq!(self_financing_percent(&t)[0], None);
        assert_eq!(self_financing_percent(&t)[1], Some(dec!(50)));
    }

    #[test]
    fn no_charges_means_no_ratio() {
        let (d, p) = dossier_with_budget(&[]);
        assert_eq!(self_financing_percent(&budget_totals(&d, &p)), [None; 5]);
    }

    fn member(category: MemberCategory, activity: Activity, fee: &str) -> Member {
        Member {
            name: "X".into(),
            category,
            activity,
            fee_category: fee.into(),
            ..Member::default()
        }
    }

    #[test]
    fn counts_and_share() {
        let mut d = Dossier::default();
        for _ in 0..9 {
            d.members.push(member(
                MemberCategory::EngagedCompany,
                Activity::Industrial,
                "A",
            ));
        }
        d.members
            .push(member(MemberCategory::EngagedCompany, Activity::Other, "A"));
        d.members.push(member(
            MemberCategory::TrainingResearch,
            Activity::Technological,
            "B",
        ));
        d.members.push(member(
            MemberCategory::OtherRepresentative,
            Activity::Other,
            "B",
        ));
        d.members.push(member(
            MemberCategory::InterestedCompany,
            Activity::Industrial,
            "A",
        ));
        let c = member_counts(&d);
        assert_eq!(c.engaged_members(), 12);
        assert_eq!(c.industrial_companies, 9);
        assert_eq!(c.industrial_share_percent(), Some(dec!(75)));
        assert_eq!(c.count(MemberCategory::InterestedCompany), 1);
    }

    #[test]
    fn fee_revenue_from_register() {
        let mut d = Dossier::default();
        d.governance.fee_categories = vec![
            FeeCategory {
                name: "A".into(),
                annual_amount: Some(dec!(12000.50)),
                ..Default::default()
            },
            FeeCategory {
                name: "B".into(),
                annual_amount: Some(dec!(3000)),
                ..Default::default()
            },
        ];
        d.members.push(member(
            MemberCategory::EngagedCompany,
            Activity::Industrial,
            "A",
        ));
        d.members.push(member(
            MemberCategory::EngagedCompany,
            Activity::Industrial,
            "A",
        ));
        d.members.push(member(
            MemberCategory::TrainingResearch,
            Activity::Other,
            "B",
        ));
        d.members.push(member(
            MemberCategory::InterestedCompany,
            Activity::Industrial,
            "A",
        ));
        d.members.push(member(
            MemberCategory::EngagedCompany,
            Activity::Industrial,
            "Z",
        ));
        let r = fee_revenue(&d);
        assert_eq!(r.total, dec!(27001.00));
        assert_eq!(r.per_category[0], ("A".to_string(), 2, dec!(24001.00)));
        assert_eq!(r.per_category[1], ("B".to_string(), 1, dec!(3000)));
        assert_eq!(r.unmatched_members, vec![4]);
    }
}
