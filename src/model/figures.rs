//! One source for every figure the dossier shows: the eligibility panel, the
//! budget table of the wizard, the indicators, Vérification's findings, the
//! PDF and the proofreading copy all read the self-financing ratio, the
//! budget totals and the member counts from here, with the same words.
//!
//! A year whose charge or own-resource cell is mistyped (or beyond its
//! bound) has no ratio: it is [`Ratio::NotComputable`] everywhere, and its
//! totals that leave the cell out are not shown as figures either
//! ([`NOT_COMPUTABLE`]).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::call::{CallProfile, KpiRole};
use super::compute::{self, BudgetTotals, MemberCounts};
use super::dossier::{Dossier, YEARS};
use super::money::{format_amount, format_dh, format_percent, format_percent_number};

/// What a figure reads when a cell it depends on is to be corrected.
pub const NOT_COMPUTABLE: &str = "non calculable";
/// What a figure reads when there is nothing to compute it from.
pub const NO_FIGURE: &str = "—";

/// The self-financing ratio of one year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ratio {
    /// `own resources ÷ charges × 100`, exact (shown cut to two decimals).
    Computed(Decimal),
    /// A charge or own-resource cell of the year is mistyped or beyond its
    /// bound: these cells (field paths) block it.
    NotComputable { cells: Vec<String> },
    /// No charges in the year: nothing to divide by.
    Empty,
}

impl Ratio {
    /// The value, when computed.
    pub fn value(&self) -> Option<Decimal> {
        match self {
            Ratio::Computed(v) => Some(*v),
            _ => None,
        }
    }

    /// « 52,71 % », « non calculable » or « — »: the ratio as every place
    /// shows it.
    pub fn text(&self) -> String {
        match self {
            Ratio::Computed(v) => format_percent(*v),
            Ratio::NotComputable { .. } => NOT_COMPUTABLE.to_string(),
            Ratio::Empty => NO_FIGURE.to_string(),
        }
    }

    /// The ratio in a column headed « (%) »: « 52,71 », « non calculable »
    /// or « — ».
    pub fn number_text(&self) -> String {
        match self {
            Ratio::Computed(v) => format_percent_number(*v),
            _ => self.text(),
        }
    }
}

/// A total of the budget: known, or leaving a cell out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Total {
    Known(Decimal),
    NotComputable,
}

impl Total {
    /// « 1 234,56 » or « non calculable » (a table headed « en DHS »).
    pub fn text(self) -> String {
        match self {
            Total::Known(v) => format_amount(v),
            Total::NotComputable => NOT_COMPUTABLE.to_string(),
        }
    }

    /// « 1 234,56 DHS » or « non calculable ».
    pub fn text_with_currency(self) -> String {
        match self {
            Total::Known(v) => format_dh(v),
            Total::NotComputable => NOT_COMPUTABLE.to_string(),
        }
    }

    pub fn value(self) -> Option<Decimal> {
        match self {
            Total::Known(v) => Some(v),
            Total::NotComputable => None,
        }
    }

    /// A deficit, shown in red.
    pub fn is_negative(self) -> bool {
        matches!(self, Total::Known(v) if v.is_sign_negative() && !v.is_zero())
    }
}

/// A standard indicator's value for one year, as it is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KpiFigure {
    /// Typed by the cluster (for the self-financing indicator: an override
    /// of the budget's ratio).
    Typed(Decimal),
    /// Left blank: taken from the budget (the self-financing indicator).
    Computed(Ratio),
    /// Left blank, nothing computes it.
    Blank,
}

impl KpiFigure {
    /// The figure in the indicators' table: a percentage with two decimals
    /// cut, any other figure as typed.
    pub fn text(&self, percent: bool) -> String {
        match self {
            KpiFigure::Typed(v) if percent => format_percent_number(*v),
            KpiFigure::Typed(v) => super::money::format_typed(*v),
            KpiFigure::Computed(r) => r.number_text(),
            KpiFigure::Blank => NO_FIGURE.to_string(),
        }
    }
}

/// Every computed figure of a dossier, from one computation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    pub totals: BudgetTotals,
    pub self_financing: [Ratio; YEARS],
    pub counts: MemberCounts,
    /// The call's year-1 threshold.
    pub min_self_financing: Decimal,
}

impl Figures {
    /// The figures of a dossier, its mistyped cells being its own.
    pub fn of(dossier: &Dossier, profile: &CallProfile) -> Self {
        Self::with_invalid(dossier, profile, &dossier.invalid_entries)
    }

    /// The figures with the mistyped cells given apart (the wizard holds
    /// them outside the dossier while a tab is drawn).
    pub fn with_invalid(
        dossier: &Dossier,
        profile: &CallProfile,
        invalid: &BTreeMap<String, String>,
    ) -> Self {
        let totals = compute::budget_totals_with(dossier, profile, invalid);
        let self_financing = std::array::from_fn(|y| ratio_of(&totals, y));
        Self {
            totals,
            self_financing,
            counts: compute::member_counts(dossier),
            min_self_financing: profile.thresholds.min_self_financing_year1_percent,
        }
    }

    /// The ratio of a year (0-based); `Empty` beyond the five years.
    pub fn ratio(&self, year: usize) -> &Ratio {
        self.self_financing.get(year).unwrap_or(&Ratio::Empty)
    }

    pub fn charges(&self, year: usize) -> Total {
        self.total(year, &self.totals.charges, &self.totals.charges_unknown)
    }

    pub fn products(&self, year: usize) -> Total {
        self.total(year, &self.totals.products, &self.totals.products_unknown)
    }

    /// Produits − charges: unknown when either is.
    pub fn result(&self, year: usize) -> Total {
        match (self.charges(year), self.products(year)) {
            (Total::Known(c), Total::Known(p)) => {
                compute::difference(p, c).map_or(Total::NotComputable, Total::Known)
            }
            _ => Total::NotComputable,
        }
    }

    fn total(&self, year: usize, values: &[Decimal; YEARS], unknown: &[bool; YEARS]) -> Total {
        match (values.get(year), unknown.get(year)) {
            (Some(v), Some(false)) => Total::Known(*v),
            _ => Total::NotComputable,
        }
    }

    /// Whether the year-1 ratio reaches the call's threshold.
    pub fn self_financing_ok(&self) -> bool {
        self.ratio(0)
            .value()
            .is_some_and(|v| v >= self.min_self_financing)
    }

    /// A standard indicator's figure: the self-financing one is the
    /// budget's ratio unless typed over.
    pub fn kpi(
        &self,
        dossier: &Dossier,
        profile: &CallProfile,
        id: &str,
        year: usize,
    ) -> KpiFigure {
        let typed = dossier
            .kpi_line(id)
            .and_then(|l| l.values.get(year).copied().flatten());
        let computed = profile
            .kpi_rows
            .iter()
            .any(|k| k.id == id && k.role == KpiRole::SelfFinancing);
        match typed {
            Some(v) => KpiFigure::Typed(v),
            None if computed => KpiFigure::Computed(self.ratio(year).clone()),
            None => KpiFigure::Blank,
        }
    }
}

fn ratio_of(totals: &BudgetTotals, year: usize) -> Ratio {
    let blockers = totals.ratio_blockers.get(year).cloned().unwrap_or_default();
    if totals.ratio_unknown.get(year).copied().unwrap_or(true) {
        return Ratio::NotComputable { cells: blockers };
    }
    let (Some(own), Some(charges)) = (totals.own_resources.get(year), totals.charges.get(year))
    else {
        return Ratio::Empty;
    };
    if charges.is_zero() {
        return Ratio::Empty;
    }
    compute::ratio_percent(*own, *charges)
        .map_or(Ratio::NotComputable { cells: blockers }, Ratio::Computed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::field::budget_cell;
    use rust_decimal::dec;

    /// A budget of 1 000 DHS of charges per row and 500 of own resources
    /// per row, every year.
    fn budget() -> (Dossier, CallProfile) {
        let p = CallProfile::edition_2026();
        let mut d = Dossier::new_for(&p);
        for row in &p.budget_rows {
            let v = if row.role.is_charge() {
                dec!(1000)
            } else {
                dec!(500)
            };
            d.budget_line_mut(&row.id).amounts = [Some(v); YEARS];
        }
        (d, p)
    }

    #[test]
    fn a_mistyped_charge_blocks_the_ratio_and_the_totals_it_is_in() {
        let (mut d, p) = budget();
        let cell = budget_cell("location", 0);
        d.budget_line_mut("location").amounts[0] = None;
        d.invalid_entries.insert(cell.clone(), "12O 000".into());
        let f = Figures::of(&d, &p);
        assert_eq!(f.ratio(0), &Ratio::NotComputable { cells: vec![cell] });
        assert_eq!(f.ratio(0).text(), NOT_COMPUTABLE);
        assert_eq!(f.charges(0), Total::NotComputable);
        assert_eq!(f.result(0), Total::NotComputable);
        assert!(matches!(f.products(0), Total::Known(_)));
        assert!(matches!(f.ratio(1), Ratio::Computed(_)));
        // The same cell held apart (the wizard's way) gives the same story.
        let mut apart = d.clone();
        let invalid = std::mem::take(&mut apart.invalid_entries);
        assert_eq!(Figures::with_invalid(&apart, &p, &invalid), f);
    }

    #[test]
    fn a_mistyped_subsidy_leaves_the_ratio_computed() {
        let (mut d, p) = budget();
        let before = Figures::of(&d, &p).ratio(0).clone();
        d.budget_line_mut("subventions").amounts[0] = None;
        d.invalid_entries
            .insert(budget_cell("subventions", 0), "x".into());
        let f = Figures::of(&d, &p);
        assert_eq!(f.ratio(0), &before);
        assert_eq!(f.products(0), Total::NotComputable);
        assert_eq!(f.result(0), Total::NotComputable);
    }

    #[test]
    fn no_charges_is_empty() {
        let p = CallProfile::edition_2026();
        let d = Dossier::new_for(&p);
        let f = Figures::of(&d, &p);
        assert_eq!(f.ratio(0), &Ratio::Empty);
        assert_eq!(f.ratio(0).text(), NO_FIGURE);
        assert_eq!(f.charges(0).text(), "0,00");
        assert_eq!(
            Total::Known(dec!(1234.5)).text_with_currency(),
            "1\u{202f}234,50\u{a0}DHS"
        );
    }
}
