//! The sane bounds of every number a dossier holds, enforced in one place.
//!
//! Every number field of the dossier is of one [`NumberKind`], and each kind
//! has its bound: what lies beyond it is not a figure any real dossier
//! holds (a slipped finger, ten zeros too many, a hand-edited file) and
//! would, past `Decimal`'s 28 digits, make arithmetic overflow. A value
//! beyond its bound is an invalid entry, exactly like a mistyped « 1O 000 »:
//! kept as typed in `Dossier::invalid_entries`, its value blank, a blocking
//! finding quoting it until it is corrected. The wizard's parsers refuse it
//! ([`NumberKind::parse`]); a file that holds one is normalised on load by
//! [`set_aside_out_of_bounds`]; the computations leave it out of every total
//! ([`counted`]).
//!
//! | kind | fields | bound |
//! |---|---|---|
//! | amount (DH) | budget cells, action costs, fee amounts, funds raised, fee revenue forecasts | 0 to 10¹² DH (mille milliards), 2 decimals |
//! | percent | export market share | 0 to 100 %, 4 decimals |
//! | figure | indicator values (standard and the cluster's own) | −10¹² to 10¹², 4 decimals |
//! | count | R&D projects, forecast members | 0 to 1 000 000, whole |
//!
//! With every amount at most 10¹² DH, a sum of n of them stays below
//! Decimal's 7.9 × 10²⁸ for n up to 7.9 × 10¹⁶ terms, more rows than any
//! memory holds: the model's checked arithmetic never meets an overflow on
//! bounded values, and on an unbounded one (a dossier built in memory) it
//! reports the total as unknown instead of panicking.

use rust_decimal::Decimal;

use super::dossier::{Dossier, YEARS, Years};
use super::field::{ActionField, CustomKpiField, FeeField, FieldPath, StrategyField};
use super::money::{AmountError, parse_decimal};

/// The largest amount in dirhams: 10¹² DH (mille milliards), thousands of
/// times any cluster's yearly budget, yet far below where a sum of amounts
/// could overflow.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);
/// The largest indicator value, either sign.
pub const MAX_FIGURE: Decimal = MAX_AMOUNT;
/// The largest percentage.
pub const MAX_PERCENT: Decimal = Decimal::ONE_HUNDRED;
/// The largest count (projects, members).
pub const MAX_COUNT: u32 = 1_000_000;
/// Decimals an amount in dirhams may have.
pub const AMOUNT_DECIMALS: u32 = 2;
/// Decimals an indicator or a percentage may have.
pub const FIGURE_DECIMALS: u32 = 4;

/// What a number field holds, and so its bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// Dirhams: 0 to [`MAX_AMOUNT`], two decimals.
    Amount,
    /// A share: 0 to 100, four decimals.
    Percent,
    /// An indicator: −[`MAX_FIGURE`] to [`MAX_FIGURE`], four decimals.
    Figure,
    /// A whole number: 0 to [`MAX_COUNT`].
    Count,
}

impl NumberKind {
    /// The largest value, either sign for a figure.
    pub fn max(self) -> Decimal {
        match self {
            NumberKind::Amount => MAX_AMOUNT,
            NumberKind::Percent => MAX_PERCENT,
            NumberKind::Figure => MAX_FIGURE,
            NumberKind::Count => Decimal::from(MAX_COUNT),
        }
    }

    /// Decimals a value may have.
    pub fn decimals(self) -> u32 {
        match self {
            NumberKind::Amount => AMOUNT_DECIMALS,
            NumberKind::Percent | NumberKind::Figure => FIGURE_DECIMALS,
            NumberKind::Count => 0,
        }
    }

    /// Whether a value below zero is refused.
    pub fn non_negative(self) -> bool {
        self != NumberKind::Figure
    }

    fn too_large(self) -> AmountError {
        AmountError::TooLarge(match self {
            NumberKind::Amount => {
                "1\u{202F}000\u{202F}000\u{202F}000\u{202F}000\u{A0}DHS, mille milliards"
            }
            NumberKind::Percent => "100\u{A0}%",
            NumberKind::Figure => "1\u{202F}000\u{202F}000\u{202F}000\u{202F}000 en valeur absolue",
            NumberKind::Count => "1\u{202F}000\u{202F}000",
        })
    }

    fn too_precise(self) -> AmountError {
        match self {
            NumberKind::Amount => {
                AmountError::TooManyDecimals("deux décimales pour un montant en DHS")
            }
            NumberKind::Percent | NumberKind::Figure => {
                AmountError::TooManyDecimals("quatre décimales")
            }
            NumberKind::Count => AmountError::NotWhole,
        }
    }

    /// Whether `value` lies within this kind's bound; the error says why not.
    pub fn check(self, value: Decimal) -> Result<(), AmountError> {
        if self.non_negative() && value.is_sign_negative() && !value.is_zero() {
            return Err(AmountError::Negative);
        }
        if value.abs() > self.max() {
            return Err(self.too_large());
        }
        if value.normalize().scale() > self.decimals() {
            return Err(self.too_precise());
        }
        Ok(())
    }

    /// Parses what the user typed (see [`parse_decimal`]) and checks it:
    /// the one gate every typed number of the wizard goes through.
    pub fn parse(self, text: &str) -> Result<Decimal, AmountError> {
        let value = match parse_decimal(text) {
            // More digits than a Decimal holds: beyond every bound.
            Err(AmountError::TooLarge(_)) => return Err(self.too_large()),
            Err(AmountError::TooManyDecimals(_)) => return Err(self.too_precise()),
            other => other?,
        };
        self.check(value)?;
        Ok(value)
    }
}

/// A whole count as typed (« 12 », « 1 200 »), within [`MAX_COUNT`].
pub fn parse_count(text: &str) -> Result<u32, AmountError> {
    let value = NumberKind::Count.parse(text)?;
    // Whole and at most MAX_COUNT: the conversion cannot fail.
    u32::try_from(value.normalize().mantissa()).map_err(|_| NumberKind::Count.too_large())
}

/// A value as the totals count it: `None` for a blank cell and for a value
/// beyond its bound (an invalid entry until corrected, never summed).
pub fn counted(value: Option<Decimal>, kind: NumberKind) -> Option<Decimal> {
    value.filter(|v| kind.check(*v).is_ok())
}

/// A number held in a field: a decimal or a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Number {
    Decimal(Decimal),
    Count(u32),
}

impl Number {
    /// The value as the file and the wizard write it (`1500.50`, `12`),
    /// the text kept when it is set aside.
    pub fn text(self) -> String {
        match self {
            Number::Decimal(d) => d.to_string(),
            Number::Count(n) => n.to_string(),
        }
    }

    fn as_decimal(self) -> Decimal {
        match self {
            Number::Decimal(d) => d,
            Number::Count(n) => Decimal::from(n),
        }
    }
}

/// Where a number field lies in the dossier, by index: the one list of
/// every number field, read by [`number_fields`] and cleared by
/// [`set_aside_out_of_bounds`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Site {
    Budget(usize, usize),
    ActionCost(usize, usize),
    Fee(usize),
    Strategy(StrategyYears, usize),
    Kpi(usize, usize),
    CustomKpi(usize, usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StrategyYears {
    RdProjects,
    FundsRaised,
    ExportShare,
    ForecastMembers,
    ForecastFeeRevenue,
}

impl StrategyYears {
    const ALL: [StrategyYears; 5] = [
        StrategyYears::RdProjects,
        StrategyYears::FundsRaised,
        StrategyYears::ExportShare,
        StrategyYears::ForecastMembers,
        StrategyYears::ForecastFeeRevenue,
    ];

    fn field(self) -> StrategyField {
        match self {
            StrategyYears::RdProjects => StrategyField::RdProjects,
            StrategyYears::FundsRaised => StrategyField::FundsRaised,
            StrategyYears::ExportShare => StrategyField::ExportShare,
            StrategyYears::ForecastMembers => StrategyField::ForecastMembers,
            StrategyYears::ForecastFeeRevenue => StrategyField::ForecastFeeRevenue,
        }
    }

    fn kind(self) -> NumberKind {
        match self {
            StrategyYears::RdProjects | StrategyYears::ForecastMembers => NumberKind::Count,
            StrategyYears::FundsRaised | StrategyYears::ForecastFeeRevenue => NumberKind::Amount,
            StrategyYears::ExportShare => NumberKind::Percent,
        }
    }
}

/// One number field of a dossier: its path, its kind and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberField {
    pub path: FieldPath,
    pub kind: NumberKind,
    pub value: Option<Number>,
    site: Site,
}

impl NumberField {
    /// Why the value is refused, if it is beyond its bound.
    pub fn refusal(&self) -> Option<AmountError> {
        let value = self.value?;
        self.kind.check(value.as_decimal()).err()
    }
}

fn decimals(values: &Years<Decimal>, year: usize) -> Option<Number> {
    values.get(year).copied().flatten().map(Number::Decimal)
}

fn counts(values: &Years<u32>, year: usize) -> Option<Number> {
    values.get(year).copied().flatten().map(Number::Count)
}

/// Every number field of the dossier, blank or not, in dossier order.
pub fn number_fields(d: &Dossier) -> Vec<NumberField> {
    let mut out = Vec::new();
    let mut push = |path: FieldPath, kind, value, site| {
        out.push(NumberField {
            path,
            kind,
            value,
            site,
        });
    };
    for (i, fee) in d.governance.fee_categories.iter().enumerate() {
        push(
            FieldPath::fee_category(i, FeeField::AnnualAmount),
            NumberKind::Amount,
            fee.annual_amount.map(Number::Decimal),
            Site::Fee(i),
        );
    }
    for which in StrategyYears::ALL {
        let s = &d.strategy;
        for year in 0..YEARS {
            let value = match which {
                StrategyYears::RdProjects => counts(&s.rd_projects, year),
                StrategyYears::FundsRaised => decimals(&s.funds_raised, year),
                StrategyYears::ExportShare => decimals(&s.export_share, year),
                StrategyYears::ForecastMembers => counts(&s.forecast_members, year),
                StrategyYears::ForecastFeeRevenue => decimals(&s.forecast_fee_revenue, year),
            };
            push(
                FieldPath::strategy(which.field()).year(year),
                which.kind(),
                value,
                Site::Strategy(which, year),
            );
        }
    }
    for (i, action) in d.plan.actions.iter().enumerate() {
        for year in 0..YEARS {
            push(
                FieldPath::action(i, ActionField::Cost).year(year),
                NumberKind::Amount,
                decimals(&action.cost, year),
                Site::ActionCost(i, year),
            );
        }
    }
    for (i, line) in d.budget.iter().enumerate() {
        for year in 0..YEARS {
            push(
                FieldPath::budget_cell(&line.row, year),
                NumberKind::Amount,
                decimals(&line.amounts, year),
                Site::Budget(i, year),
            );
        }
    }
    for (i, line) in d.indicators.standard.iter().enumerate() {
        for year in 0..YEARS {
            push(
                FieldPath::kpi(&line.id).year(year),
                NumberKind::Figure,
                decimals(&line.values, year),
                Site::Kpi(i, year),
            );
        }
    }
    for (i, kpi) in d.indicators.custom.iter().enumerate() {
        for year in 0..YEARS {
            push(
                FieldPath::custom_kpi(i, CustomKpiField::Values).year(year),
                NumberKind::Figure,
                decimals(&kpi.values, year),
                Site::CustomKpi(i, year),
            );
        }
    }
    out
}

fn blank(d: &mut Dossier, site: Site) {
    fn year<T>(values: &mut Years<T>, year: usize) {
        if let Some(v) = values.get_mut(year) {
            *v = None;
        }
    }
    match site {
        Site::Budget(i, y) => {
            if let Some(l) = d.budget.get_mut(i) {
                year(&mut l.amounts, y);
            }
        }
        Site::ActionCost(i, y) => {
            if let Some(a) = d.plan.actions.get_mut(i) {
                year(&mut a.cost, y);
            }
        }
        Site::Fee(i) => {
            if let Some(f) = d.governance.fee_categories.get_mut(i) {
                f.annual_amount = None;
            }
        }
        Site::Strategy(which, y) => {
            let s = &mut d.strategy;
            match which {
                StrategyYears::RdProjects => year(&mut s.rd_projects, y),
                StrategyYears::FundsRaised => year(&mut s.funds_raised, y),
                StrategyYears::ExportShare => year(&mut s.export_share, y),
                StrategyYears::ForecastMembers => year(&mut s.forecast_members, y),
                StrategyYears::ForecastFeeRevenue => year(&mut s.forecast_fee_revenue, y),
            }
        }
        Site::Kpi(i, y) => {
            if let Some(l) = d.indicators.standard.get_mut(i) {
                year(&mut l.values, y);
            }
        }
        Site::CustomKpi(i, y) => {
            if let Some(k) = d.indicators.custom.get_mut(i) {
                year(&mut k.values, y);
            }
        }
    }
}

/// Moves every value beyond its bound into `invalid_entries`, with its
/// text as the file wrote it, and blanks the value: a loaded dossier then
/// holds only bounded numbers, and the wizard shows the refused text in its
/// field as if it had just been typed. Returns the paths set aside.
///
/// An entry already kept for that path (text typed before the file was
/// saved) is never overwritten: the value and the kept text cannot both
/// come from the wizard, and the text is what she typed last.
pub fn set_aside_out_of_bounds(d: &mut Dossier) -> Vec<FieldPath> {
    let refused: Vec<NumberField> = number_fields(d)
        .into_iter()
        .filter(|f| f.refusal().is_some())
        .collect();
    let mut moved = Vec::with_capacity(refused.len());
    for field in refused {
        if let Some(value) = field.value {
            d.invalid_entries
                .entry(field.path.to_string())
                .or_insert_with(|| value.text());
        }
        blank(d, field.site);
        moved.push(field.path);
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn the_amount_bound_is_ten_to_the_twelfth() {
        assert_eq!(MAX_AMOUNT, Decimal::from(1_000_000_000_000_i64));
        assert_eq!(NumberKind::Amount.check(MAX_AMOUNT), Ok(()));
        assert!(matches!(
            NumberKind::Amount.check(dec!(1_000_000_000_000.01)),
            Err(AmountError::TooLarge(_))
        ));
        assert_eq!(
            NumberKind::Amount.check(dec!(-1)),
            Err(AmountError::Negative)
        );
        assert!(matches!(
            NumberKind::Amount.check(dec!(0.001)),
            Err(AmountError::TooManyDecimals(_))
        ));
        // Trailing zeros are no decimals: « 12,500 » is 12,5.
        assert_eq!(NumberKind::Amount.check(dec!(12.500)), Ok(()));
    }

    #[test]
    fn each_kind_has_its_bound() {
        assert_eq!(NumberKind::Percent.check(dec!(100)), Ok(()));
        assert!(NumberKind::Percent.check(dec!(100.0001)).is_err());
        assert_eq!(NumberKind::Figure.check(dec!(-1_000_000_000_000)), Ok(()));
        assert!(NumberKind::Figure.check(dec!(-1_000_000_000_001)).is_err());
        assert_eq!(NumberKind::Figure.check(dec!(0.0001)), Ok(()));
        assert!(NumberKind::Figure.check(dec!(0.00001)).is_err());
        assert!(
            NumberKind::Figure
                .check(Decimal::from_i128_with_scale(1, 28))
                .is_err()
        );
        assert_eq!(NumberKind::Count.check(dec!(1_000_000)), Ok(()));
        assert!(NumberKind::Count.check(dec!(1_000_001)).is_err());
        assert_eq!(
            NumberKind::Count.check(dec!(1.5)),
            Err(AmountError::NotWhole)
        );
        for extreme in [Decimal::MAX, Decimal::MIN] {
            for kind in [
                NumberKind::Amount,
                NumberKind::Percent,
                NumberKind::Figure,
                NumberKind::Count,
            ] {
                assert!(kind.check(extreme).is_err(), "{kind:?} {extreme}");
            }
        }
    }

    #[test]
    fn typed_text_beyond_a_decimal_is_refused_never_rounded() {
        let huge = "9".repeat(29);
        assert!(matches!(
            NumberKind::Amount.parse(&huge),
            Err(AmountError::TooLarge(_))
        ));
        let message = NumberKind::Amount
            .parse(&huge)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.contains("mille milliards"), "{message}");
        // 29 decimals: a Decimal would round it to 0, so it is refused.
        let tiny = format!("0,{}1", "0".repeat(28));
        assert!(NumberKind::Figure.parse(&tiny).is_err());
        assert_eq!(
            NumberKind::Amount.parse("1 000 000 000 000 DH"),
            Ok(MAX_AMOUNT)
        );
        assert!(NumberKind::Amount.parse("1 000 000 000 000,01").is_err());
        assert_eq!(NumberKind::Figure.parse("-12,5"), Ok(dec!(-12.5)));
        assert_eq!(parse_count("1 200"), Ok(1200));
        assert_eq!(
            parse_count("4294967296"),
            Err(NumberKind::Count.too_large())
        );
        assert_eq!(parse_count("3,5"), Err(AmountError::NotWhole));
        assert_eq!(parse_count("-1"), Err(AmountError::Negative));
        assert_eq!(parse_count(""), Err(AmountError::Empty));
    }

    #[test]
    fn out_of_bound_values_are_set_aside_with_their_text() {
        let mut d = Dossier::default();
        d.budget.push(super::super::dossier::BudgetLine {
            row: "personnel".into(),
            amounts: [
                Some(Decimal::MAX),
                Some(dec!(1500.50)),
                None,
                Some(dec!(-3)),
                None,
            ],
            detail: String::new(),
        });
        d.strategy.forecast_members[2] = Some(u32::MAX);
        d.strategy.export_share[0] = Some(dec!(12.5));
        // Typed text already kept for a path wins over the file's value.
        d.invalid_entries
            .insert("budget.personnel[3]".into(), "-3 DH".into());
        let moved = set_aside_out_of_bounds(&mut d);
        assert_eq!(moved.len(), 3, "{moved:?}");
        assert_eq!(
            d.budget[0].amounts,
            [None, Some(dec!(1500.50)), None, None, None]
        );
        assert_eq!(
            d.invalid_entries
                .get("budget.personnel[0]")
                .map(String::as_str),
            Some("79228162514264337593543950335")
        );
        assert_eq!(
            d.invalid_entries
                .get("budget.personnel[3]")
                .map(String::as_str),
            Some("-3 DH")
        );
        assert_eq!(
            d.invalid_entries
                .get("strategy.forecast_members[2]")
                .map(String::as_str),
            Some("4294967295")
        );
        assert_eq!(d.strategy.forecast_members[2], None);
        assert_eq!(d.strategy.export_share[0], Some(dec!(12.5)));
        // Idempotent: a second pass finds nothing.
        assert!(set_aside_out_of_bounds(&mut d).is_empty());
    }
}
