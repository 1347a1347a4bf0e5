//! Pure computations over a dossier and its call profile, in exact
//! `Decimal` arithmetic: budget totals, résultat, self-financing ratio,
//! member counts and shares, fee revenue from the register.

use rust_decimal::Decimal;

use super::call::{BudgetRole, CallProfile};
use super::dossier::{Dossier, MemberCategory, YEARS, Years};

/// The self-financing formula, printed in messages so users can check it.
pub const SELF_FINANCING_FORMULA: &str = "autofinancement = (cotisations des membres + services payants + autres produits) ÷ total des charges × 100";

/// Sum of the given values, blanks counting as zero.
pub fn sum_years(values: &Years<Decimal>) -> Decimal {
    values.iter().flatten().copied().sum()
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
    /// Years where a cell holds mistyped text: their totals are unknown,
    /// and no ratio is computed from them.
    pub unknown: [bool; YEARS],
}

/// Totals per year of the budget, following the profile's rows and roles.
pub fn budget_totals(dossier: &Dossier, profile: &CallProfile) -> BudgetTotals {
    let mut t = BudgetTotals {
        charges: [Decimal::ZERO; YEARS],
        products: [Decimal::ZERO; YEARS],
        result: [Decimal::ZERO; YEARS],
        own_resources: [Decimal::ZERO; YEARS],
        state_subsidy: [Decimal::ZERO; YEARS],
        subsidisable_charges: [Decimal::ZERO; YEARS],
        unknown: [false; YEARS],
    };
    for row in &profile.budget_rows {
        let Some(line) = dossier.budget_line(&row.id) else {
            continue;
        };
        for (year, amount) in line.amounts.iter().enumerate() {
            if dossier
                .invalid_entries
                .contains_key(&super::field::budget_cell(&row.id, year))
            {
                t.unknown[year] = true;
            }
            let amount = amount.unwrap_or(Decimal::ZERO);
            if row.role.is_charge() {
                t.charges[year] += amount;
                if !row.starred {
                    t.subsidisable_charges[year] += amount;
                }
            } else {
                t.products[year] += amount;
                if row.role.is_own_resource() {
                    t.own_resources[year] += amount;
                }
                if row.role == BudgetRole::StateSubsidy {
                    t.state_subsidy[year] += amount;
                }
            }
        }
    }
    for year in 0..YEARS {
        t.result[year] = t.products[year] - t.charges[year];
    }
    t
}

/// Self-financing ratio in percent per year (see [`SELF_FINANCING_FORMULA`]);
/// `None` when the year has no charges or a mistyped amount.
pub fn self_financing_percent(totals: &BudgetTotals) -> [Option<Decimal>; YEARS] {
    std::array::from_fn(|year| {
        if totals.unknown[year] {
            None
        } else {
            ratio_percent(totals.own_resources[year], totals.charges[year])
        }
    })
}

/// `part ÷ whole × 100`, `None` for a zero whole.
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
        self.engaged_companies + self.training_research + self.other_representatives
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

pub fn member_counts(dossier: &Dossier) -> MemberCounts {
    let mut c = MemberCounts::default();
    for m in &dossier.members {
        match m.category {
            MemberCategory::EngagedCompany => {
                c.engaged_companies += 1;
                if m.activity.counts_for_share() {
                    c.industrial_companies += 1;
                }
            }
            MemberCategory::InterestedCompany => c.interested_companies += 1,
            MemberCategory::TrainingResearch => c.training_research += 1,
            MemberCategory::OtherRepresentative => c.other_representatives += 1,
        }
    }
    c
}

/// Annual fee revenue computed from the register and the fee schedule.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeeRevenue {
    pub total: Decimal,
    /// Per fee category, in the schedule's order: (name, members, subtotal).
    pub per_category: Vec<(String, u32, Decimal)>,
    /// Indices of engaged members whose fee category is not in the schedule.
    pub unmatched_members: Vec<usize>,
}

pub fn fee_revenue(dossier: &Dossier) -> FeeRevenue {
    let schedule = &dossier.governance.fee_categories;
    let mut per_category: Vec<(String, u32, Decimal)> = schedule
        .iter()
        .map(|c| (c.name.clone(), 0, Decimal::ZERO))
        .collect();
    let mut unmatched_members = Vec::new();
    for (i, m) in dossier.members.iter().enumerate() {
        if !m.category.is_engaged_member() {
            continue;
        }
        let wanted = m.fee_category.trim();
        match schedule
            .iter()
            .position(|c| !wanted.is_empty() && c.name.trim() == wanted)
        {
            Some(pos) => {
                let amount = schedule[pos].annual_amount.unwrap_or(Decimal::ZERO);
                per_category[pos].1 += 1;
                per_category[pos].2 += amount;
            }
            None => unmatched_members.push(i),
        }
    }
    FeeRevenue {
        total: per_category.iter().map(|c| c.2).sum(),
        per_category,
        unmatched_members,
    }
}

/// Sum of the action plan's costs per year.
pub fn action_costs(dossier: &Dossier) -> [Decimal; YEARS] {
    let mut out = [Decimal::ZERO; YEARS];
    for action in &dossier.plan.actions {
        for (year, cost) in action.cost.iter().enumerate() {
            out[year] += cost.unwrap_or(Decimal::ZERO);
        }
    }
    out
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
